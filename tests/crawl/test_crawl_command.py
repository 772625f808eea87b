"""`scrapy crawl`: a bad argument or setting is one line on stderr and exit code 64 (65 for the state
file); a crawl exits with the code its components recorded (`crawler.exit_codes`).

Before: `-a sitemap=` (for `sitemaps`) was silently ignored and the spider crawled its real site;
`EXTRACTION_WORKERS=two` or `NORMALISERS=amounts` ended in an asyncio traceback with exit code 1;
`DATES_TIMEZONE=Nowhere/Atlantis` or `CRAWL_NOW=notadate` failed page after page.
"""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from crawler import exit_codes
from tests.fixtures.pages_support import PAGES
from tests.support.crawl import FAST
from tests.support.paths import PROJECT

PAGE = (PAGES / "meta-only" / "page.html").resolve().as_uri()  # a saved page: file://, never fetched


def scrapy_crawl(tmp_path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    # ours last: a later -s wins over FAST's
    command = [sys.executable, "-m", "scrapy", "crawl", "-O", str(tmp_path / "out.jsonl"), *FAST, *args]
    if not any(arg.startswith("STATE_PATH=") for arg in args):
        command += ["-s", f"STATE_PATH={tmp_path / 'state.sqlite'}"]
    return subprocess.run(command, cwd=PROJECT, capture_output=True, text=True, timeout=120,
                          env={**os.environ, "PYTHONPATH": str(PROJECT)})


USAGE_ERRORS = {
    "unknown-argument": (["article", "-a", f"urls={PAGE}", "-a", "sitemap=http://127.0.0.1:9/s.xml"],
                         "-a sitemap", "sitemaps"),
    "argument-value": (["article", "-a", "urls=not-a-url"], "-a urls", "not-a-url"),
    "missing-argument": (["article"], "urls", "sitemaps"),
    "unknown-spider": (["scmpp", "-a", f"urls={PAGE}"], "scmpp", "scmp"),
    "near-miss-setting": (["article", "-a", f"urls={PAGE}", "-s", "STATE_RESTE=1"], "STATE_RESTE", "STATE_RESET"),
    "crawl-now": (["article", "-a", f"urls={PAGE}", "-s", "CRAWL_NOW=notadate"], "CRAWL_NOW", "ISO 8601"),
    "workers": (["article", "-a", f"urls={PAGE}", "-s", "EXTRACTION_WORKERS=two"], "EXTRACTION_WORKERS", "number"),
    "timezone": (["article", "-a", f"urls={PAGE}", "-s", "DATES_TIMEZONE=Nowhere/Atlantis"], "DATES_TIMEZONE",
                 "time zone"),
    "normalisers": (["article", "-a", f"urls={PAGE}", "-s", "NORMALISERS=amounts"], "NORMALISERS", "dotted path"),
    "since": (["article", "-a", f"urls={PAGE}", "-s", "CRAWL_SINCE=last week"], "CRAWL_SINCE", "ISO 8601"),
    "typed": (["article", "-a", f"urls={PAGE}", "-s", "DOWNLOAD_DELAY=slow"], "DOWNLOAD_DELAY", "number"),
    "bad-a-syntax": (["article", "-a", "urls"], "-a", "NAME=VALUE"),
}


@pytest.mark.parametrize("case", sorted(USAGE_ERRORS))
def test_a_usage_error_is_one_line_and_exit_code_64(case: str, tmp_path: Path) -> None:
    args, name, hint = USAGE_ERRORS[case]
    done = scrapy_crawl(tmp_path, *args)
    assert done.returncode == exit_codes.USAGE, done.stderr[-2000:]
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1, done.stderr[-2000:]
    assert name in lines[0] and hint in lines[0]
    assert not (tmp_path / "out.jsonl").exists()


def _corrupt(path: Path) -> None:
    path.write_bytes(b"this is not an SQLite database, whatever its name says" * 100)


def _empty(path: Path) -> None:
    path.write_bytes(b"")


def _foreign(path: Path) -> None:
    with sqlite3.connect(path) as db:
        db.execute("CREATE TABLE invoices (id INTEGER)")


@pytest.mark.parametrize("spoil", [_corrupt, _empty, _foreign], ids=["corrupt", "empty", "foreign"])
def test_an_unusable_state_file_is_one_line_and_exit_code_65(spoil: Callable[[Path], None], tmp_path: Path) -> None:
    state = tmp_path / "state.sqlite"
    spoil(state)
    before = state.read_bytes()
    done = scrapy_crawl(tmp_path, "article", "-a", f"urls={PAGE}", "-s", f"STATE_PATH={state}")
    assert done.returncode == exit_codes.BAD_STATE, done.stderr[-2000:]
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1 and f"STATE_PATH={state}" in lines[0], done.stderr[-2000:]
    assert state.read_bytes() == before  # left as it was, for the operator to look at


def test_an_unknown_setting_far_from_ours_is_passed_on_with_a_warning(tmp_path: Path) -> None:
    done = scrapy_crawl(tmp_path, "article", "-a", f"urls={PAGE}", "-s", "MYCOMPANY_AUDIT_BUCKET=s3://x")
    assert done.returncode == exit_codes.OK, done.stderr[-3000:]
    assert "WARNING: -s MYCOMPANY_AUDIT_BUCKET is neither a Scrapy setting nor one of this project's" in done.stderr
    assert (tmp_path / "out.jsonl").read_text(encoding="utf-8").count("\n") == 1


def test_the_crawl_exits_with_the_code_its_components_recorded(tmp_path: Path) -> None:
    done = scrapy_crawl(tmp_path, "article", "-a", f"urls={PAGE}",
                        "-s", 'EXTENSIONS={"tests.support.extensions.RecordUnavailable": 0}')
    assert done.returncode == exit_codes.UNAVAILABLE, done.stderr[-3000:]
    assert (tmp_path / "out.jsonl").exists()
