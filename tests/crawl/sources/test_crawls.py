"""`scrapy crawl <source>` against each new source's sample site on 127.0.0.1.

One real crawl per source (a subprocess, as in production): every article exactly once, nothing
else fetched as an article, non-article and offsite entries skipped before fetching, every item valid
against the schema, paywalled teasers marked, and the GBK source's Chinese intact.
"""

from __future__ import annotations

import re
from collections import Counter

import pytest

from pipelines.schema import invalid_fields
from sample_site.sources import SourceManifest
from tests.support.crawl import CrawlResult, run_crawl
from tests.support.sources import REGIONAL_SOURCES

LANGUAGES = {"chinadaily": "en", "thestandard": "en", "straitstimes": "en", "peopledaily": "zh"}
_MOJIBAKE = re.compile("[\ufffd\u00c0-\u00ff\u30fb]|锟斤拷")


@pytest.fixture(scope="module", params=REGIONAL_SOURCES)
def crawl(request: pytest.FixtureRequest, source_sites: dict[str, SourceManifest],
          tmp_path_factory: pytest.TempPathFactory) -> tuple[str, SourceManifest, CrawlResult]:
    site = request.param
    tmp = tmp_path_factory.mktemp(f"crawl-{site}")
    manifest = source_sites[site]
    # No state from or for other runs: a fresh state file and no template memory.
    isolation = ["-s", f"STATE_PATH={tmp / 'state.sqlite'}", "-s", "TEMPLATES_STATE_PATH="]
    return site, manifest, run_crawl(site, tmp, *isolation, *manifest.cli_args())


def test_crawl_finishes_without_errors(crawl: tuple[str, SourceManifest, CrawlResult]) -> None:
    _, _, result = crawl
    assert result.returncode == 0, result.log[-3000:]
    assert result.stats["finish_reason"] == "finished"
    assert "log_count/ERROR" not in result.stats, result.log[-3000:]


def test_every_article_exactly_once(crawl: tuple[str, SourceManifest, CrawlResult]) -> None:
    _, manifest, result = crawl
    ids = Counter(item["id"] for item in result.items)
    assert set(ids) == set(manifest.article_ids)
    assert max(ids.values()) == 1
    # Feed and sitemap copies of a story (and ?ai-allowed=1 variants) are one request.
    assert result.stats["extract/articles"] == len(manifest.article_ids)


def test_items_are_valid_against_the_schema(crawl: tuple[str, SourceManifest, CrawlResult]) -> None:
    _, _, result = crawl
    assert [invalid_fields(item) for item in result.items] == [{}] * len(result.items)


def test_non_article_and_offsite_entries_are_skipped_before_fetching(
        crawl: tuple[str, SourceManifest, CrawlResult]) -> None:
    _, manifest, result = crawl
    assert result.stats.get("discovery/skipped/non_article_url", 0) == len(manifest.non_article_urls)
    assert result.stats.get("discovery/skipped/offsite", 0) == len(manifest.offsite_urls)
    assert not any(key.startswith("extract/not_article") for key in result.stats)
    assert "offsite.invalid" not in result.log


def test_paywalled_teasers_are_marked(crawl: tuple[str, SourceManifest, CrawlResult]) -> None:
    _, manifest, result = crawl
    assert {item["id"] for item in result.items if item["paywalled"]} == set(manifest.paywalled_ids)


def test_items_carry_site_language_date_and_clean_urls(crawl: tuple[str, SourceManifest, CrawlResult]) -> None:
    site, _, result = crawl
    for item in result.items:
        assert item["site"] == site and item["language"] == LANGUAGES[site]
        assert item["published_at"] and item["published_at"].endswith("+08:00")
        assert "ai-allowed" not in item["url"] and "utm_" not in item["url"]


def test_text_is_free_of_mojibake_and_page_furniture(crawl: tuple[str, SourceManifest, CrawlResult]) -> None:
    site, _, result = crawl
    for item in result.items:
        assert not _MOJIBAKE.search(item["title"] + item["text"]), item["id"]
        assert "Most Popular" not in item["text"] and "推荐阅读" not in item["text"]
    if site == "peopledaily":
        titles = " ".join(item["title"] for item in result.items)
        assert "财政部下达1600亿元超长期特别国债资金" in titles and "人民网" not in titles  # headline, no suffix
