"""`scrapy crawl article -a urls=... | sitemaps=... | feeds=...`: any site, the page decides."""

from __future__ import annotations

from crawler.sites.generic import GENERIC
from crawler.spiders.base import NewsSpider


class ArticleSpider(NewsSpider):
    """Crawls exactly what it is given, following only the hosts of those URLs."""

    name = "article"
    site = GENERIC
    default_discovery = False
