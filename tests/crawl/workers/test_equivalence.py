"""Same output whichever way a page goes: inline or in a worker. On every saved fixture page, on
generated article pages, and on a whole crawl."""

from __future__ import annotations

import re
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from benchmarks.crawl_site import BenchSite
from crawler.extract import NotAnArticle
from crawler.settings import NORMALISERS
from crawler.workers.jobs import JobOptions
from crawler.workers.pool import ExtractionPool
from sample_site.build import Manifest
from tests.fixtures.pages_support import PAGES, case_names, load_expected, load_input
from tests.support.crawl import CrawlResult, run_crawl
from tests.support.pools import run_with_pool

NOW = datetime(2026, 1, 1, tzinfo=UTC)
BENCH = BenchSite("https://www.scmp.com", 50)
PAGE_CASES = [f"fixture:{case}" for case in case_names()] + [f"generated:{i}" for i in (0, 1, 2)]
ARTICLE_CASES = [c for c in PAGE_CASES if c.startswith("generated") or "not_article" not in load_expected(c[8:])]


def page(case: str) -> tuple[str | bytes, str, str, dict[str, Any] | None]:
    """(html, url, site, hints) of a fixture page or of a generated benchmark page."""
    kind, name = case.split(":")
    if kind == "generated":
        return BENCH.page(int(name)), BENCH.meta(int(name)).url, "scmp", None
    spec = load_input(name)
    return (PAGES / name / "page.html").read_bytes(), spec["url"], spec["site"], spec.get("hints")


async def outcome(pool: ExtractionPool, case: str) -> Any:
    html, url, site, hints = page(case)
    try:
        result = await pool.extract(html, url, site=site, hints=hints, fetched_at=NOW.isoformat(), now=NOW)
    except NotAnArticle as exc:
        return {"not_article": (exc.reason, exc.detail)}
    return {"item": result.item, "stats": result.stats}


@pytest.fixture(scope="module")
def worker_outcomes() -> dict[str, Any]:
    """Every page through one pool of two workers (started once for the module)."""
    options = JobOptions(normalisers=tuple(NORMALISERS), capture_logs=True)

    async def all_cases(pool: ExtractionPool) -> dict[str, Any]:
        return {case: await outcome(pool, case) for case in PAGE_CASES}

    return run_with_pool(ExtractionPool(workers=2, options=options), all_cases)


@pytest.mark.parametrize("case", PAGE_CASES)
def test_worker_and_inline_give_the_same_result(worker_outcomes: dict[str, Any], case: str) -> None:
    inline = ExtractionPool(workers=0, options=JobOptions(normalisers=tuple(NORMALISERS)))
    assert run_with_pool(inline, lambda pool: outcome(pool, case)) == worker_outcomes[case]


# --- whole crawls -------------------------------------------------------------------------------

FROZEN = ["-s", "CRAWL_NOW=2026-11-29T12:00:00+00:00"]
COMPARED_STATS = ("extract/", "amounts/", "dates/", "clean/", "validate/", "item_scraped_count",
                  "item_dropped_count", "dedupe/", "discovery/")


@pytest.fixture(scope="module")
def crawls(sample_site: Manifest, tmp_path_factory: pytest.TempPathFactory) -> dict[str, CrawlResult]:
    args = ["-a", f"sitemaps={sample_site.sitemap_index}", "-a", f"feeds={sample_site.rss_feed}", *FROZEN]
    variants = {
        "workers": ["-s", "EXTRACTION_WORKERS=2"],
        "inline": ["-s", "EXTRACTION_WORKERS=0"],
    }
    return {name: run_crawl("scmp", tmp_path_factory.mktemp(name), *args, *extra) for name, extra in variants.items()}


def compared(result: CrawlResult) -> tuple[list[dict[str, Any]], dict[str, Any]]:
    items = sorted(result.items, key=lambda item: item["id"])
    stats = {k: v for k, v in result.stats.items() if k.startswith(COMPARED_STATS)}
    return items, stats


@pytest.mark.parametrize("variant", ["inline"])
def test_a_crawl_gives_the_same_items_and_counts_with_and_without_workers(
    crawls: dict[str, CrawlResult], sample_site: Manifest, variant: str
) -> None:
    reference = crawls["workers"]
    assert reference.returncode == 0, reference.log[-3000:]
    assert {item["id"] for item in reference.items} == set(sample_site.article_ids)
    assert any(item["amounts"] for item in reference.items) and any(item["dates"] for item in reference.items)
    assert reference.stats["workers/size"] == 2 and "workers/size" not in crawls["inline"].stats
    assert compared(crawls[variant]) == compared(reference)


def test_the_pool_is_shut_down_with_the_crawl_and_no_worker_is_left(crawls: dict[str, CrawlResult]) -> None:
    log = crawls["workers"].log
    assert "Extraction pool ready: 2 forkserver workers" in log
    closed = re.search(r"Extraction pool shut down in [\d.]+ s \(worker pids ([\d, ]+)\)", log)
    assert closed, log[-3000:]
    pids = [int(pid) for pid in closed.group(1).split(", ")]
    assert len(pids) == 2
    assert [pid for pid in pids if Path(f"/proc/{pid}").exists()] == []


def test_stats_keys_do_not_grow_with_pages(crawls: dict[str, CrawlResult], sample_site: Manifest) -> None:
    # Counters are per kind of event, never per page: no URL, host or article id in a key.
    ids = {article_id.split(":")[1] for article_id in sample_site.article_ids}
    for key in crawls["workers"].stats:
        assert "http" not in key and "127.0.0.1" not in key, key
        assert not any(article_id in key for article_id in ids), key
