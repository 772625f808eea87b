"""Saved pages given as file:// URLs: any spider reads them as articles of the site they came from,
always writes them (even unchanged since the last run), and the summary says what happened to each."""

from __future__ import annotations

import json
from pathlib import Path

from pipelines.schema import invalid_fields
from tests.fixtures.pages_support import PAGES
from tests.support.crawl import run_crawl

SAVED_SCMP = (PAGES / "saved-scmp-page" / "page.html").resolve().as_uri()
SAVED_GENERIC = (PAGES / "saved-generic-og-url" / "page.html").resolve().as_uri()
LISTING = (PAGES / "listing-page" / "page.html").resolve().as_uri()
# The politeness delays of a live crawl: they must not apply to files.
POLITE = ["-s", "DOWNLOAD_DELAY=10", "-s", "AUTOTHROTTLE_ENABLED=1"]


def test_scmp_spider_reads_a_saved_scmp_page_as_the_live_article(tmp_path: Path) -> None:
    result = run_crawl("scmp", tmp_path, "-a", f"urls={SAVED_SCMP}", *POLITE)
    assert result.returncode == 0, result.log[-2000:]
    assert len(result.items) == 1, result.log[-2000:]
    item = result.items[0]
    assert (item["site"], item["id"]) == ("scmp", "scmp:3311842")
    assert "SCMP Knowledge" not in item["text"]
    assert invalid_fields(item) == {}
    assert "robotstxt/request_count" not in result.stats


def test_article_spider_writes_every_saved_page_and_says_why_not_for_the_rest(tmp_path: Path) -> None:
    listing = tmp_path / "urls.txt"
    listing.write_text("\n".join([SAVED_SCMP, SAVED_GENERIC, LISTING, SAVED_SCMP + ".missing"]) + "\n")
    result = run_crawl("article", tmp_path, "-a", f"urls=@{listing}", *POLITE)
    assert sorted(item["site"] for item in result.items) == ["manilaledger.example", "scmp"], result.log[-2000:]
    stats = result.stats
    assert stats["given/requested"] == 4
    assert stats["given/written"] == 2
    assert stats["given/not_written/not_article_page"] == 1
    assert stats["given/not_written/fetch_failed"] == 1
    assert "given URLs: 4 requested, 2 written; not written: fetch_failed 1, not_article_page 1" in result.log


def test_a_saved_page_crawled_again_is_written_again(tmp_path: Path) -> None:
    state = ["-s", f"STATE_PATH={tmp_path / 'state.sqlite'}"]
    runs = []
    for run in ("run1", "run2"):
        folder = tmp_path / run
        folder.mkdir()
        runs.append(run_crawl("article", folder, "-a", f"urls={SAVED_GENERIC}", *state))
    first, second = runs
    assert [item["update"] for item in first.items] == [False]
    assert [item["update"] for item in second.items] == [False], second.log[-2000:]
    assert second.items[0]["id"] == first.items[0]["id"]
    assert second.stats["state/unchanged_given"] == 1
    assert json.loads(json.dumps(second.items[0]))["site"] == "manilaledger.example"
