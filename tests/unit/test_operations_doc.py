"""docs/operations.md says what the code does: its exit-code table matches crawler/exit_codes.py, the
settings it names exist, and the reasons it lists are the ones the code records."""

from __future__ import annotations

import re

from scrapy.settings import default_settings

import crawler.settings as shipped
from crawler import exit_codes
from tests.support.paths import PROJECT

DOC = (PROJECT / "docs" / "operations.md").read_text(encoding="utf-8")
SOURCES = "\n".join(p.read_text(encoding="utf-8") for p in (PROJECT / "crawler").rglob("*.py"))


def table_rows() -> list[list[str]]:
    section = DOC.split("## Exit codes", 1)[1].split("###", 1)[0]
    return [[cell.strip() for cell in line.strip("|").split("|")] for line in section.splitlines()
            if re.match(r"\| \d+ \|", line)]


def test_the_exit_code_table_matches_the_module() -> None:
    rows = table_rows()
    documented = {row[1].strip("`"): int(row[0]) for row in rows}
    defined = {name: value for name, value in vars(exit_codes).items() if name.isupper() and isinstance(value, int)}
    assert documented == defined


def test_every_documented_reason_is_recorded_by_the_code() -> None:
    reasons = {r.strip("`") for row in table_rows() for r in row[3].split(", ") if r}
    assert reasons, "the table lists reasons"
    for reason in reasons:
        assert re.search(rf"[\"']{reason}[\"']", SOURCES), reason


def test_named_settings_exist() -> None:
    names = set(re.findall(r"`([A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+)`", DOC))
    assert {"STATE_LOCK_WAIT", "DOWNLOAD_MAXSIZE", "REMOTE_CONTROL_ENABLED"} <= names
    unknown = sorted(n for n in names if not hasattr(shipped, n) and not hasattr(default_settings, n)
                     and n not in {"REDIS_PARAMS", "SCRAPY_SETTINGS_MODULE", "OK", "USAGE", "BAD_STATE", "CANT_WRITE",
                                   "CHECKS_FAILED", "UNAVAILABLE", "PARTITIONED", "LOCKED"})
    assert unknown == []


def test_named_paths_exist() -> None:
    paths = {p for p in re.findall(r"`((?:crawler|tests|docs)/[\w/.]+)`", DOC)}
    assert paths and all((PROJECT / p).exists() for p in paths), sorted(p for p in paths if not (PROJECT / p).exists())
