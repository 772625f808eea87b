"""`scrapy crawl scmp`: South China Morning Post economy and business news."""

from __future__ import annotations

from crawler.sites.scmp import SCMP
from crawler.spiders.base import NewsSpider


class ScmpSpider(NewsSpider):
    """SCMP's news/economy/business sitemaps and economy RSS feeds (override with -a)."""

    name = "scmp"
    site = SCMP
    # robots.txt asks for `Crawl-delay: 10`; `-s DOWNLOAD_DELAY=...` on the command line overrides.
    custom_settings = {"DOWNLOAD_DELAY": 10.0}
