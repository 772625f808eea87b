"""`scrapy crawl thestandard`: The Standard (Hong Kong), finance and China news in English."""

from __future__ import annotations

from crawler.sites.thestandard import THESTANDARD
from crawler.spiders.base import NewsSpider


class TheStandardSpider(NewsSpider):
    """The Standard's sitemap and latest-news RSS feed (override with -a)."""

    name = "thestandard"
    site = THESTANDARD
    # No public copy of robots.txt was found (scrapers only note "avoid /search", which robots.txt
    # middleware obeys): 2 s and 2 connections is our conservative default.
    custom_settings = {"DOWNLOAD_DELAY": 2.0, "CONCURRENT_REQUESTS_PER_DOMAIN": 2}
