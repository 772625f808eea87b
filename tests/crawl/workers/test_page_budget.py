"""One page must not stop a run: hostile 1 MB pages finish within the page budget, and a page that
does not (stuck, or its worker stopped) is given up, counted, and the crawl goes on.

The budget (`EXTRACTION_PAGE_TIMEOUT`) is the hard bound here: a liveness bound far above what the
pages cost (0.1-3 s each at 1 MB; figures in benchmarks/pathological_bench.py), never a speed target.
Before the finders and extraction were made linear, these pages took from 18 s to about 12 hours.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from sample_site.server import StaticServer
from tests.support.crawl import CrawlResult, run_crawl
from tests.support.jobs import HANG_ENV, STOP_ENV
from tests.support.pathological import LEAD, PAGES, _page
from tests.support.paths import PROJECT

HOSTILE_SIZE = 1_000_000
NORMAL = 3


def _site(root: Path, pages: dict[str, str]) -> None:
    for name, html in pages.items():
        folder = root / "news" / name
        folder.mkdir(parents=True)
        (folder / "index.html").write_text(html, encoding="utf-8")


def _crawl(tmp_path: Path, names: list[str], *settings: str) -> CrawlResult:
    with StaticServer(tmp_path / "site") as server:
        listing = tmp_path / "urls.txt"
        listing.write_text("".join(f"{server.base_url()}/news/{name}/\n" for name in names))
        return run_crawl("article", tmp_path, "-a", f"urls=@{listing}", "-s", "EXTRACTION_WORKERS=2",
                         "-s", "TEMPLATES_ENABLED=0", *settings)


def normal_pages() -> dict[str, str]:
    return {f"normal-{i}": _page(f"<p>Story {i}.</p>" + LEAD) for i in range(NORMAL)}


def test_hostile_pages_are_extracted_within_the_page_budget(tmp_path: Path) -> None:
    pages = {**{name: make(HOSTILE_SIZE) for name, make in PAGES.items()}, **normal_pages()}
    _site(tmp_path / "site", pages)
    result = _crawl(tmp_path, sorted(pages), "-s", "EXTRACTION_PAGE_TIMEOUT=60")
    assert result.returncode == 0, result.log[-3000:]
    assert "extract/timeout" not in result.stats, result.log[-3000:]
    assert result.stats["extract/articles"] == len(pages)
    assert "workers/restarts" not in result.stats


def test_a_page_past_the_budget_is_counted_and_the_crawl_goes_on(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(HANG_ENV, "/news/stuck/")  # inherited by the crawl, its fork server and workers
    monkeypatch.setenv(STOP_ENV, "/news/stopped/")
    pages = {"stuck": _page(LEAD), "stopped": _page(LEAD), **normal_pages()}
    _site(tmp_path / "site", pages)
    result = _crawl(tmp_path, sorted(pages), "-s", "EXTRACTION_PAGE_TIMEOUT=3",
                    "-s", "EXTRACTION_JOB=tests.support.jobs.misbehave_on_marked_url")
    assert result.stats["finish_reason"] == "finished", result.log[-3000:]
    assert result.stats["extract/timeout"] == 2
    assert result.stats["workers/restarts"] == 2
    assert sorted(item["url"].rsplit("/", 2)[-2] for item in result.items) == sorted(normal_pages())
    assert result.log.count("killing and replacing it") == 2
    # no traceback from our code (spidermon prints the tracebacks of its failed checks)
    assert f'File "{PROJECT / "crawler"}' not in result.log and f'File "{PROJECT / "tests"}' not in result.log
