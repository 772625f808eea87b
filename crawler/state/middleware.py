"""Skip article requests that the state store says are unchanged, before they are fetched.

An article URL is skipped when the store has it (by site + native id, or canonical URL) and the
newest date discovery offers (sitemap `lastmod`, `news:publication_date`, feed date) is not newer
than the one stored. Without any date the page is fetched, and the state pipeline compares content.
`CRAWL_SINCE` / `CRAWL_UNTIL` skip articles whose discovery publication date is outside the window.
"""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from scrapy.exceptions import IgnoreRequest

from crawler import outage
from crawler.extract.hints import Hints
from crawler.state.extension import crawl_now, discovery_timestamp, publication_hint, site_timezone
from crawler.state.store import StoreUnavailable
from crawler.state.window import StateComponent
from crawler.urls import strip_tracking

if TYPE_CHECKING:
    from scrapy import Request


class SkipUnchangedMiddleware(StateComponent):
    """Downloader middleware: unchanged or out-of-window articles are never requested."""

    def _skip(self, reason: str) -> None:
        self.count(f"state/skipped/{reason}")
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
        try:
            record = self.store.get(key) if key else self.store.by_url(strip_tracking(request.url))
        except StoreUnavailable as exc:
            outage.stop_delivering(self.crawler, "looking a request up in the shared state", exc)
            raise IgnoreRequest("Redis unavailable: the request stays in the frontier") from exc
        if record is None or record.discovery_ts is None:
            return
        seen = discovery_timestamp(hints, tz, crawl_now(self.crawler))
        if seen is not None and seen <= record.discovery_ts:
            self._skip("unchanged")
