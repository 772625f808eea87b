"""`scrapy crawl chinadaily`: China Daily's business, China and world news (English)."""

from __future__ import annotations

from crawler.sites.chinadaily import CHINADAILY
from crawler.spiders.base import NewsSpider


class ChinaDailySpider(NewsSpider):
    """China Daily's sitemap and bizchina/china/world RSS feeds (override with -a)."""

    name = "chinadaily"
    site = CHINADAILY
    # No public copy of robots.txt was found, so no Crawl-delay is known: 2 s and 2 connections is our
    # conservative default. `-s DOWNLOAD_DELAY=...` on the command line overrides.
    custom_settings = {"DOWNLOAD_DELAY": 2.0, "CONCURRENT_REQUESTS_PER_DOMAIN": 2}
