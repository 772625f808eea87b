"""Downloader middlewares of our own (kept few: Scrapy's built-ins do the rest)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from scrapy import signals
from scrapy.downloadermiddlewares.useragent import UserAgentMiddleware

if TYPE_CHECKING:
    from scrapy.crawler import Crawler


class ContactUserAgentMiddleware(UserAgentMiddleware):
    """An honest User-Agent that carries the contact URL set in `CRAWLER_CONTACT_URL`.

    `-s CRAWLER_CONTACT_URL=https://example.org/bot` is enough to change it; a non-empty
    `USER_AGENT` replaces the whole string.
    """

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> ContactUserAgentMiddleware:
        settings = crawler.settings
        middleware = cls(
            settings.get("USER_AGENT")
            or f"{settings.get('CRAWLER_USER_AGENT')} (+{settings.get('CRAWLER_CONTACT_URL')})"
        )
        crawler.signals.connect(middleware.spider_opened, signal=signals.spider_opened)
        return middleware
