"""`scrapy crawl scmp` against the sample site on 127.0.0.1: discovery, dedupe, offsite, schema."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from pipelines.schema import invalid_fields
from sample_site.build import Manifest
from tests.support.crawl import CrawlResult, run_crawl


@pytest.fixture(scope="module")
def crawl(sample_site: Manifest, tmp_path_factory: pytest.TempPathFactory) -> CrawlResult:
    tmp = tmp_path_factory.mktemp("scmp")
    return run_crawl("scmp", tmp, "-a", f"sitemaps={sample_site.sitemap_index}", "-a", f"feeds={sample_site.rss_feed}")


def test_crawl_finishes_cleanly(crawl: CrawlResult) -> None:
    assert crawl.returncode == 0, crawl.log[-3000:]
    assert crawl.stats["finish_reason"] == "finished"
    assert "log_count/ERROR" not in crawl.stats, crawl.log[-3000:]


def test_every_article_exactly_once(crawl: CrawlResult, sample_site: Manifest) -> None:
    ids = Counter(item["id"] for item in crawl.items)
    assert set(ids) == set(sample_site.article_ids)
    assert max(ids.values()) == 1


def test_utm_and_alternate_slug_duplicates_are_not_fetched_twice(crawl: CrawlResult, sample_site: Manifest) -> None:
    # The feed repeats sitemap URLs with ?utm_source=rss_feed; the news sitemap lists one story twice.
    assert crawl.stats["dupefilter/filtered"] >= 2
    article_fetches = crawl.stats["extract/articles"]
    assert article_fetches == len(sample_site.article_ids)


def test_non_article_and_offsite_urls_are_skipped_before_fetching(crawl: CrawlResult, sample_site: Manifest) -> None:
    assert crawl.stats["discovery/skipped/non_article_url"] == len(sample_site.non_article_urls)
    assert crawl.stats["discovery/skipped/offsite"] == 1
    assert "offsite.invalid" not in crawl.log
    assert not any(key.startswith("downloader/exception") for key in crawl.stats)


def test_items_are_valid_against_the_schema(crawl: CrawlResult) -> None:
    assert crawl.items
    assert [invalid_fields(item) for item in crawl.items] == [{}] * len(crawl.items)


def test_feed_is_utf8_with_real_characters(crawl: CrawlResult, tmp_path: Path) -> None:
    assert all(item["canonical_url"].startswith("http://127.0.0.1:") for item in crawl.items)
    assert all("?utm_" not in item["url"] for item in crawl.items)


def test_paywalled_teasers_are_marked(crawl: CrawlResult, sample_site: Manifest) -> None:
    marked = {item["id"] for item in crawl.items if item["paywalled"]}
    assert marked == set(sample_site.paywalled_ids)


def test_news_sitemap_dates_reach_the_items(crawl: CrawlResult) -> None:
    assert all(item["published_at"] for item in crawl.items)


def test_section_page_given_as_url_is_a_listing(sample_site: Manifest, tmp_path: Path) -> None:
    result = run_crawl("scmp", tmp_path, "-a", f"urls={sample_site.scmp_base}/economy/china-economy")
    assert result.returncode == 0
    assert result.items, result.log[-2000:]
    assert all(item["id"] in sample_site.article_ids for item in result.items)
