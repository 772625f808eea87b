"""Each new source's feed and sitemap, parsed as its spider reads them, and the spiders' own discovery.

The sample sites are built in a temporary folder (no server needed): the feed and sitemap bytes are
parsed by `crawler.discovery`, and every entry is classified by the site's profile.
"""

from __future__ import annotations

import asyncio
from datetime import datetime
from pathlib import Path

import pytest

from crawler.discovery.feeds import parse_feed
from crawler.discovery.sitemaps import parse_sitemap
from crawler.sites import get_site
from crawler.spiders.base import NewsSpider
from crawler.spiders.peopledaily import PeopleDailySpider
from crawler.spiders.straitstimes import StraitsTimesSpider
from crawler.urls import strip_tracking
from sample_site.sources import SAMPLE_SITES, SourceManifest
from tests.support.settings import project_crawler
from tests.support.sources import REGIONAL_SOURCES

BASE = "http://127.0.0.1:8000"


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple[Path, SourceManifest]]:
    sites = {}
    for name in REGIONAL_SOURCES:
        root = tmp_path_factory.mktemp(f"built-{name}")
        sites[name] = (root, SAMPLE_SITES[name](root, BASE))
    return sites


def _local(root: Path, url: str) -> bytes:
    path = root / url.removeprefix(BASE).lstrip("/")
    return (path / "index.html" if path.is_dir() else path).read_bytes()


@pytest.mark.parametrize("site", REGIONAL_SOURCES)
def test_feed_items_are_read_and_classified(site: str, built: dict) -> None:
    root, manifest = built[site]
    entries = parse_feed(_local(root, manifest.spider_args["feeds"]))
    assert entries, "feed not readable"
    profile = get_site(site)
    ids = {f"{site}:{profile.article_id(e.link)}" for e in entries if profile.is_article_url(e.link)}
    assert ids and ids <= set(manifest.article_ids)
    assert all(e.title and e.published for e in entries)
    assert {e.link for e in entries if not profile.is_article_url(e.link)} <= set(manifest.non_article_urls)


@pytest.mark.parametrize("site", [s for s in REGIONAL_SOURCES if s != "peopledaily"])
def test_sitemap_entries_are_read_and_classified(site: str, built: dict) -> None:
    root, manifest = built[site]
    sitemap = parse_sitemap(_local(root, manifest.spider_args["sitemaps"]))
    profile = get_site(site)
    entries = list(sitemap.entries)
    for nested in sitemap.sitemaps:  # an index (ST): follow what the profile follows
        if profile.should_follow_sitemap(nested):
            entries += parse_sitemap(_local(root, nested)).entries
    local = [e.loc for e in entries if e.loc.startswith(BASE)]
    articles = {f"{site}:{profile.article_id(loc)}" for loc in local if profile.is_article_url(loc)}
    assert articles == set(manifest.article_ids)
    skipped = {loc.split("?")[0] for loc in local if not profile.is_article_url(loc)}
    assert skipped == set(manifest.non_article_urls)


def test_the_standard_sitemap_keeps_news_fields(built: dict) -> None:
    root, manifest = built["thestandard"]
    entries = parse_sitemap(_local(root, manifest.spider_args["sitemaps"])).entries
    assert all(e.news_publication_date and e.news_title for e in entries)


def test_people_daily_feed_is_gbk_xml_and_reads_as_chinese(built: dict) -> None:
    root, manifest = built["peopledaily"]
    body = _local(root, manifest.spider_args["feeds"])
    assert body.startswith(b'<?xml version="1.0" encoding="gbk"?>')
    with pytest.raises(UnicodeDecodeError):
        body.decode("utf-8")
    titles = [e.title for e in parse_feed(body) or []]
    assert "财政部下达1600亿元超长期特别国债资金 支持设备更新和消费品以旧换新" in titles


def test_straits_times_monthly_sitemaps_cross_the_year() -> None:
    assert get_site("straitstimes").dated_sitemap_urls(datetime(2026, 1, 5)) == [
        "https://www.straitstimes.com/sitemap/2026/01/feeds.xml",
        "https://www.straitstimes.com/sitemap/2025/12/feeds.xml",
    ]


def _start_urls(spidercls: type[NewsSpider], settings: dict, **spider_args: str) -> list[str]:
    crawler = project_crawler(spidercls, **settings)
    spider = spidercls.from_crawler(crawler, **spider_args)

    async def collect() -> list[str]:
        return [request.url async for request in spider.start()]

    return asyncio.run(collect())


def test_straits_times_default_run_reads_this_and_last_months_sitemaps_and_the_feed() -> None:
    urls = _start_urls(StraitsTimesSpider, {"CRAWL_NOW": "2025-02-20T12:00:00+08:00"})
    assert urls == [
        "https://www.straitstimes.com/sitemap/2025/02/feeds.xml",
        "https://www.straitstimes.com/sitemap/2025/01/feeds.xml",
        "https://www.straitstimes.com/news/business/rss.xml",
    ]


def test_straits_times_given_endpoints_replace_the_monthly_sitemaps() -> None:
    urls = _start_urls(StraitsTimesSpider, {}, feeds="http://127.0.0.1:9/news/business/rss.xml")
    assert urls == ["http://127.0.0.1:9/news/business/rss.xml"]


def test_straits_times_drops_the_ai_allowed_parameter_only() -> None:
    url = "https://www.straitstimes.com/business/a-b-c-d?ai-allowed=1&page=2"
    ignored = get_site("straitstimes").ignored_query_params
    assert strip_tracking(url, ignored) == "https://www.straitstimes.com/business/a-b-c-d?page=2"
    assert strip_tracking("https://x.example/y", ignored) == "https://x.example/y"


def test_people_daily_default_run_reads_the_feed_and_the_channel_listing() -> None:
    urls = _start_urls(PeopleDailySpider, {})
    assert urls == ["http://www.people.com.cn/rss/finance.xml",
                    "http://finance.people.com.cn/GB/153179/153180/index.html"]
