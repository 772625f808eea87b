"""Skip article requests that the state store says are unchanged, before they are fetched.

An article URL is skipped when the store has it (by site + native id, or canonical URL) and the
newest date discovery offers (sitemap `lastmod`, `news:publication_date`, feed date) is not newer
than the one stored. Without any date the page is fetched, and the state pipeline compares content.
`CRAWL_SINCE` / `CRAWL_UNTIL` skip articles whose discovery publication date is outside the window.
"""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from scrapy.exceptions import IgnoreRequest, NotConfigured

from crawler.extract.hints import Hints
from crawler.state.extension import discovery_timestamp, publication_hint, site_timezone, store_for
from crawler.state.store import StateStore
from crawler.state.window import Window
from crawler.urls import strip_tracking

if TYPE_CHECKING:
    from scrapy import Request
    from scrapy.crawler import Crawler


class SkipUnchangedMiddleware:
    """Downloader middleware: unchanged or out-of-window articles are never requested."""

    def __init__(self, crawler: Crawler, store: StateStore | None, window: Window) -> None:
        self.crawler = crawler
        self.store = store
        self.window = window

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> SkipUnchangedMiddleware:
        window = Window.from_settings(crawler.settings)
        store = store_for(crawler)
        if store is None and not window.active:
            raise NotConfigured("no state store and no date window")
        return cls(crawler, store, window)

    def _skip(self, reason: str) -> None:
        assert self.crawler.stats is not None
        self.crawler.stats.inc_value(f"state/skipped/{reason}")
        raise IgnoreRequest(reason)

    def process_request(self, request: Request) -> None:
        if "hints" not in request.meta:  # not an article request
            return
        hints = Hints.from_meta(request.meta["hints"])
        tz = site_timezone(self.crawler)
        published: datetime | None = publication_hint(hints, tz)
        if published is not None and not self.window.contains(published):
            self._skip("outside_window")
        if self.store is None:
            return
        key = request.meta.get("article_key")
        record = self.store.get(key) if key else self.store.by_url(strip_tracking(request.url))
        if record is None or record.discovery_ts is None:
            return
        seen = discovery_timestamp(hints, tz)
        if seen is not None and seen <= record.discovery_ts:
            self._skip("unchanged")
