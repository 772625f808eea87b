"""The README and docs/ name only things that exist: repository paths, Python modules, settings.

Paths: backticked words whose first segment is a top-level entry of the repository (`crawler/...`,
`tests/...`); templates (`<site>`, `%(name)s`, `*`) are left out. Modules: backticked dotted names
under our packages. Settings: backticked UPPER_CASE names (also in `-s NAME=VALUE`) must be defined in
crawler/settings.py or be Scrapy's own.
"""

from __future__ import annotations

import importlib
import re
import subprocess
from pathlib import Path

import pytest
from scrapy.settings import default_settings

import crawler.settings as shipped
from crawler import exit_codes
from tests.support.paths import PROJECT

DOCS = [PROJECT / "README.md", *sorted((PROJECT / "docs").glob("*.md"))]
# Top-level entries git knows or would add (not the ignored `state/` or `feeds/` that runs create).
TRACKED = subprocess.run(["git", "ls-files", "--cached", "--others", "--exclude-standard"], cwd=PROJECT, capture_output=True, text=True, check=True).stdout
TOP_LEVEL = {line.split("/")[0] for line in TRACKED.splitlines()}
OUR_PACKAGES = ("crawler", "pipelines", "benchmarks", "sample_site", "tests")
# Named in the docs, read by others: environment variables and third-party components' settings.
NOT_OURS = {
    "SCRAPY_SETTINGS_MODULE",  # Scrapy's environment variable
    "REDIS_PARAMS",  # scrapy-redis: extra keyword arguments of the Redis client
    # docs/operations.md, "Usage errors": the misspelt and foreign names `scrapy crawl` refuses or warns about
    "STATE_RESTE", "EXTRACTION_WORKER", "REDIS_ULR", "MYCOMPANY_AUDIT_BUCKET",
}
_BACKTICKED = re.compile(r"`([^`\n]+)`")
_SETTING = re.compile(r"\b([A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+)\b")
_TEMPLATE = re.compile(r"[<>*%{}$ ]")


def backticked(path: Path) -> list[str]:
    text = path.read_text(encoding="utf-8")
    found = _BACKTICKED.findall(text)
    # Fenced blocks: `-s NAME=VALUE` arguments and paths on command lines count too.
    for block in re.findall(r"```[a-z]*\n(.*?)```", text, re.S):
        found += re.findall(r"-s '?([A-Z][A-Z0-9_]+)=", block)
    return found


def named_paths(words: list[str]) -> set[str]:
    paths = set()
    for word in words:
        for token in word.split():
            token = token.strip("(),;:'\"").split("#")[0].split("::")[0]
            if _TEMPLATE.search(token) or "://" in token or "/" not in token and "." not in token:
                continue
            head = token.split("/")[0]
            if head in TOP_LEVEL and ("/" in token or token in TOP_LEVEL):
                paths.add(token.rstrip("/"))
    return paths


def named_modules(words: list[str]) -> set[str]:
    dotted = re.compile(r"(?:" + "|".join(OUR_PACKAGES) + r")(?:\.\w+)+")
    return {w for w in words if dotted.fullmatch(w)}


def named_settings(words: list[str]) -> set[str]:
    names = set()
    for word in words:
        head = word.split("=")[0].strip()
        if word.startswith("-s "):
            head = word[3:].split("=")[0]
        if _SETTING.fullmatch(head):
            names.add(head)
    return names


def _resolves(dotted: str) -> bool:
    parts = dotted.split(".")
    for cut in range(len(parts), 0, -1):
        try:
            obj = importlib.import_module(".".join(parts[:cut]))
        except ImportError:
            continue
        for attr in parts[cut:]:
            if not hasattr(obj, attr):
                return False
            obj = getattr(obj, attr)
        return True
    return False


@pytest.mark.parametrize("doc", DOCS, ids=lambda p: str(p.relative_to(PROJECT)))
def test_named_paths_exist(doc: Path) -> None:
    missing = sorted(p for p in named_paths(backticked(doc)) if not (PROJECT / p).exists())
    assert missing == []


@pytest.mark.parametrize("doc", DOCS, ids=lambda p: str(p.relative_to(PROJECT)))
def test_named_modules_import(doc: Path) -> None:
    missing = sorted(m for m in named_modules(backticked(doc)) if not _resolves(m))
    assert missing == []


@pytest.mark.parametrize("doc", DOCS, ids=lambda p: str(p.relative_to(PROJECT)))
def test_named_settings_are_defined(doc: Path) -> None:
    undefined = sorted(name for name in named_settings(backticked(doc))
                       if not hasattr(shipped, name) and not hasattr(default_settings, name) and name not in NOT_OURS
                       and not hasattr(exit_codes, name))  # exit code names are documented constants, not settings
    assert undefined == []


def test_the_checks_see_what_they_check() -> None:
    words = backticked(PROJECT / "README.md") + [w for d in DOCS for w in backticked(d)]
    assert {"crawler/settings.py", "crawler/normalise"} <= named_paths(words)
    assert "STATE_STORE_CLASS" in named_settings(words)
    assert named_paths(["tests/no/such/file.py", "feeds/<spider>/<time>.jsonl"]) == {"tests/no/such/file.py"}
    assert named_settings(["-s NO_SUCH_SETTING=1", "CRAWL_NOW"]) == {"NO_SUCH_SETTING", "CRAWL_NOW"}
    assert not _resolves("crawler.no_such_module")


def test_readme_quick_start() -> None:
    readme = (PROJECT / "README.md").read_text(encoding="utf-8")
    assert readme.startswith("## Quick start\n")
    block = readme.split("```bash\n", 1)[1].split("```", 1)[0].strip().splitlines()
    assert len(block) == 2
    assert block[0].startswith("python3 -m venv .venv && ") and block[0].endswith(".venv/bin/python -m crawler.demo")
    assert block[1] == ".venv/bin/python -m pytest"
    assert "source .venv/bin/activate" in readme
    assert len(readme.encode()) <= 8 * 1024


def test_ci_runs_the_readme_test_command() -> None:
    assert ".venv/bin/python -m pytest" in (PROJECT / ".ci" / "run").read_text()


def test_no_readme_copies_live_beside_the_code() -> None:
    copies = sorted(str(p.relative_to(PROJECT)) for folder in ("crawler", "pipelines", "benchmarks", "tests")
                    for p in (PROJECT / folder).rglob("*.md") if "cleaning_corpus" not in p.parts
                    and "cleaning_holdout" not in p.parts)
    assert copies == []


# Rule notes stay beside their rule tables (the normalisers' pattern modules); everything else explains
# itself in a few lines and points at its docs page.
LONG_DOCSTRING_ALLOWED = ("crawler/normalise/amounts/", "crawler/normalise/date_mentions/")
MAX_DOCSTRING_LINES = 12


def test_module_docstrings_are_short() -> None:
    import ast

    long = []
    for folder in ("crawler", "pipelines"):
        for path in sorted((PROJECT / folder).rglob("*.py")):
            where = str(path.relative_to(PROJECT))
            docstring = ast.get_docstring(ast.parse(path.read_text(encoding="utf-8")), clean=False) or ""
            if docstring.count("\n") + 1 > MAX_DOCSTRING_LINES and not where.startswith(LONG_DOCSTRING_ALLOWED):
                long.append(f"{where}: {docstring.count(chr(10)) + 1} lines")
    assert long == []


def test_the_docs_site_builds_strictly(tmp_path: Path) -> None:
    # Broken links between pages, or a page missing from the nav, fail the build (mkdocs.yml: strict).
    import sys

    done = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(tmp_path / "site")],
                          cwd=PROJECT, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr[-3000:]
    assert (tmp_path / "site" / "schema" / "index.html").exists()
