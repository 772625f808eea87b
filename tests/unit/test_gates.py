"""Gates that could pass for the wrong reason: none skips a module of ours, none waits a fixed time."""

from __future__ import annotations

import re
from pathlib import Path

from tests.support.paths import PROJECT

TESTS = PROJECT / "tests"
WAITING = TESTS / "support" / "waiting.py"


def _test_sources() -> dict[str, str]:
    return {str(p.relative_to(PROJECT)): p.read_text(encoding="utf-8") for p in TESTS.rglob("*.py")
            if "fixtures" not in p.parts and p not in (WAITING, Path(__file__).resolve())}


def test_sources_are_found() -> None:
    assert len(_test_sources()) > 50


def test_no_test_skips_when_an_import_fails() -> None:
    # A missing module (ours or a dependency) must fail loudly, not turn the test into a skip.
    found = [path for path, text in _test_sources().items() if "importorskip" in text]
    assert found == []


def test_no_test_sleeps_instead_of_waiting_for_a_condition() -> None:
    # tests/support/waiting.py: wait_until(condition, what) polls with a deadline.
    found = [path for path, text in _test_sources().items() if re.search(r"^[^#]*\btime\.sleep\(", text, re.M)]
    assert found == []


def test_code_carries_no_history() -> None:
    # Names and comments say what a thing is, not which ticket or person produced it.
    history = re.compile(r"\bissue \d+\b|\bMY_CASES\b|\bNEW_SOURCES\b", re.I)
    sources = [p for folder in ("crawler", "pipelines", "tests", "benchmarks", "sample_site")
               for p in (PROJECT / folder).rglob("*.py") if p.resolve() != Path(__file__).resolve()]
    found = [str(p.relative_to(PROJECT)) for p in sources if history.search(p.read_text(encoding="utf-8"))]
    assert found == []
