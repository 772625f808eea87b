"""Crawl traps: a sitemap index that lists itself and ever-new generated indexes is bounded by
`DEPTH_LIMIT` alone and by `SITEMAP_MAX_NESTED` alone (each crawl disables the other bound).

Calendars and endless pagination need no setting: listing pages are followed one level deep, to
article links only (asserted on the main hostile crawl).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from scrapy import Request, Spider
from scrapy.exceptions import NotConfigured
from scrapy.http import Response

from crawler.middlewares import NestedSitemapCapMiddleware
from tests.crawl.hostile.conftest import crawl_against, hostile_settings
from tests.support import fault_pages as fs
from tests.support.faultserver import FaultServer
from tests.support.settings import project_crawler


def _trap_crawl(tmp: Path, **settings: object) -> tuple[int, dict[str, Any]]:
    with FaultServer() as server:
        crawl = crawl_against(server, tmp, "-a", f"sitemaps={server.url(fs.TRAP_PREFIX + '0.xml')}",
                              *hostile_settings(**settings))
        assert crawl.result.returncode == 0, crawl.result.log[-3000:]
        assert crawl.stats["finish_reason"] == "finished"
        return server.count_prefix(fs.TRAP_PREFIX), crawl.stats


def test_depth_limit_alone_bounds_the_trap(tmp_path: Path) -> None:
    fetched, stats = _trap_crawl(tmp_path, DEPTH_LIMIT=2, SITEMAP_MAX_NESTED=0)
    assert fetched == 1 + fs.TRAP_FANOUT + fs.TRAP_FANOUT**2  # depths 0, 1 and 2
    assert int(stats["depth/request_ignored_count"]) > 0
    assert "discovery/skipped/sitemap_cap" not in stats


def test_nested_sitemap_cap_alone_bounds_the_trap(tmp_path: Path) -> None:
    fetched, stats = _trap_crawl(tmp_path, DEPTH_LIMIT=0, SITEMAP_MAX_NESTED=5)
    assert 1 < fetched <= 1 + 5  # the start sitemap is not counted
    assert int(stats["discovery/skipped/sitemap_cap"]) > 0
    assert "depth/request_ignored_count" not in stats


# --- the spider middleware, driven directly --------------------------------------------------------

class _SitemapSpider(Spider):
    name = "trap"

    def parse_sitemap(self, response: Response) -> None:
        pass

    def parse_article(self, response: Response) -> None:
        pass


def _middleware(cap: int) -> NestedSitemapCapMiddleware:
    crawler = project_crawler(_SitemapSpider, SITEMAP_MAX_NESTED=cap)
    crawler.spider = crawler._create_spider()
    return NestedSitemapCapMiddleware.from_crawler(crawler)


def test_cap_counts_only_nested_sitemap_requests() -> None:
    middleware = _middleware(2)
    spider = middleware.crawler.spider
    assert isinstance(spider, _SitemapSpider)
    response = Response("http://127.0.0.1/sitemap_index.xml")
    start = Request("http://127.0.0.1/sitemap_news.xml", callback=spider.parse_sitemap)
    assert middleware.get_processed_request(start, None) is start  # start requests are not counted
    nested = [Request(f"http://127.0.0.1/sitemap_news_{n}.xml", callback=spider.parse_sitemap) for n in range(4)]
    kept = [middleware.get_processed_request(r, response) for r in nested]
    assert kept == [nested[0], nested[1], None, None]
    article = Request("http://127.0.0.1/economy/article/1/x", callback=spider.parse_article)
    assert middleware.get_processed_request(article, response) is article
    assert middleware.crawler.stats is not None
    assert middleware.crawler.stats.get_value("discovery/skipped/sitemap_cap") == 2


def test_cap_of_zero_disables_the_middleware() -> None:
    with pytest.raises(NotConfigured):
        _middleware(0)
