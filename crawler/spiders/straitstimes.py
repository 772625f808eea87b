"""`scrapy crawl straitstimes`: The Straits Times business section.

The site publishes one sitemap per month (`/sitemap/<yyyy>/<mm>/feeds.xml`, every section, up to 5,000
URLs); its index lists every month back to 2015, far too much for a scheduled job. Without arguments
the spider reads this month's and last month's sitemaps (computed from the crawl's "now", so
`CRAWL_NOW` reproduces a run) plus the business RSS feed; only `/business/` articles are fetched.
Sitemap URLs carry `?ai-allowed=1`, which is dropped before the request so that feed and sitemap
copies of a story are one request. All of it is profile data (`dated_sitemaps`, `ignored_query_params`).
"""

from __future__ import annotations

from crawler.sites.straitstimes import STRAITSTIMES
from crawler.spiders.base import NewsSpider


class StraitsTimesSpider(NewsSpider):
    """ST's monthly sitemaps and business RSS feed (override with -a)."""

    name = "straitstimes"
    site = STRAITSTIMES
    # No public copy of robots.txt was found: 2 s and 2 connections is our conservative default.
    custom_settings = {"DOWNLOAD_DELAY": 2.0, "CONCURRENT_REQUESTS_PER_DOMAIN": 2}
