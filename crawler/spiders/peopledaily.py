"""`scrapy crawl peopledaily`: 人民网财经 (finance.people.com.cn), mainland economy news in Chinese.

The site publishes no sitemap we know of, so without arguments the spider reads the finance RSS feed
and the finance channel's listing pages (`listings` in the profile), one level deep.
Pages are GBK: Scrapy decodes them by their `<meta charset>` before extraction sees them.
"""

from __future__ import annotations

from crawler.sites.peopledaily import PEOPLEDAILY
from crawler.spiders.base import NewsSpider


class PeopleDailySpider(NewsSpider):
    """人民网 finance feed and channel listings (override with -a)."""

    name = "peopledaily"
    site = PEOPLEDAILY
    # No public copy of robots.txt was found: 2 s and 2 connections is our conservative default.
    custom_settings = {"DOWNLOAD_DELAY": 2.0, "CONCURRENT_REQUESTS_PER_DOMAIN": 2}
