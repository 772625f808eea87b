"""Wire the state store to the crawl: stage what was delivered, commit once the feed is on disk.

Order of durability: an item is staged on `item_scraped` (it passed every pipeline and the feed
exporter has written it), and staged records are committed on `feed_slot_closed` /
`feed_exporter_closed` (the file is fsynced and renamed by `crawler.feeds.AtomicFileFeedStorage`),
or at the end of a crawl that writes no feed. A killed run commits nothing it did not deliver.

Settings: `STATE_ENABLED`, `STATE_PATH` (SQLite file, default `state/crawl.sqlite`), `STATE_RESET`
(forget everything first), `CRAWL_SINCE` / `CRAWL_UNTIL` (ISO dates: the publication window).
"""

from __future__ import annotations

import logging
import time
import weakref
from datetime import datetime
from typing import TYPE_CHECKING, Any, cast

from itemadapter import ItemAdapter
from scrapy import signals
from scrapy.exceptions import NotConfigured

from crawler.dates.parse import parse_datetime
from crawler.extract.hints import Hints
from crawler.state.store import Record, StateStore

if TYPE_CHECKING:
    from scrapy.crawler import Crawler
    from scrapy.http import Response

logger = logging.getLogger(__name__)

_STORES: weakref.WeakKeyDictionary[Crawler, StateStore] = weakref.WeakKeyDictionary()


def store_for(crawler: Crawler) -> StateStore | None:
    """The crawl's one state store (opened on first use), or None when `STATE_ENABLED` is off.

    With `REDIS_URL` set (distributed workers) it is a `RedisStateStore` shared by every worker:
    same methods and staging semantics (tests/distributed/test_redis_store.py checks both).
    """
    settings = crawler.settings
    if not settings.getbool("STATE_ENABLED", True):
        return None
    if not settings.get("REDIS_URL") and not settings.get("STATE_PATH"):
        return None
    store = _STORES.get(crawler)
    if store is None:
        if settings.get("REDIS_URL"):
            from crawler.state.redis_store import RedisStateStore  # imports redis: only in this mode

            store = cast(StateStore, RedisStateStore.from_crawler(crawler))
        else:
            store = StateStore(settings.get("STATE_PATH"), reset=settings.getbool("STATE_RESET"))
        _STORES[crawler] = store
    return store


def site_timezone(crawler: Crawler) -> str:
    site = getattr(crawler.spider, "site", None)
    return getattr(site, "timezone", "UTC")


def crawl_now(crawler: Crawler) -> float:
    """The crawl's "now" (`CRAWL_NOW` when frozen) as a POSIX timestamp."""
    reference = getattr(crawler.spider, "reference_now", None)
    return reference().timestamp() if reference is not None else time.time()


def discovery_timestamp(hints: Hints, tz: str, now: float) -> float | None:
    """Newest date discovery gave for a URL (lastmod, news date, feed date), as a POSIX timestamp.

    Never later than `now`: a date in the future (a site's time zone bug, a copy dated ahead) would
    otherwise make every later run skip the article until that date.
    """
    stamps = []
    for raw in (hints.sitemap_lastmod, hints.sitemap_publication_date, hints.feed_published):
        if raw:
            value = parse_datetime(raw, tz)
            if value is not None:
                stamps.append(value.timestamp())
    return min(max(stamps), now) if stamps else None


def publication_hint(hints: Hints, tz: str) -> datetime | None:
    """The publication date discovery gave (news sitemap or feed), for the since/until window."""
    for raw in (hints.sitemap_publication_date, hints.feed_published):
        if raw:
            value = parse_datetime(raw, tz)
            if value is not None:
                return value
    return None


def record_of(item: Any, response: Response | None, tz: str, now: float) -> Record:
    adapter = ItemAdapter(item)
    hints = Hints.from_meta(response.meta.get("hints") if response is not None else None)
    return Record(
        id=adapter["id"], site=adapter["site"], canonical_url=adapter["canonical_url"],
        fingerprint=adapter.get("fingerprint") or "", published_at=adapter.get("published_at"),
        modified_at=adapter.get("modified_at"), discovery_ts=discovery_timestamp(hints, tz, now),
    )


class CrawlStateExtension:
    """Stages delivered (and unchanged) articles and commits them when their feed is safe."""

    def __init__(self, crawler: Crawler, store: StateStore) -> None:
        self.crawler = crawler
        self.store = store
        self.feeds_open = 0

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> CrawlStateExtension:
        store = store_for(crawler)
        if store is None:
            raise NotConfigured("STATE_ENABLED is off")
        extension = cls(crawler, store)
        crawler.signals.connect(extension.item_scraped, signal=signals.item_scraped)
        crawler.signals.connect(extension.item_dropped, signal=signals.item_dropped)
        crawler.signals.connect(extension.feed_slot_closed, signal=signals.feed_slot_closed)
        crawler.signals.connect(extension.feed_exporter_closed, signal=signals.feed_exporter_closed)
        crawler.signals.connect(extension.engine_stopped, signal=signals.engine_stopped)
        return extension

    def _has_feeds(self) -> bool:
        return bool(self.crawler.settings.getdict("FEEDS"))

    def item_scraped(self, item: Any, response: Response | None = None) -> None:
        self.store.stage(record_of(item, response, site_timezone(self.crawler), crawl_now(self.crawler)))
        if not self._has_feeds():
            self._commit()

    def item_dropped(self, item: Any, response: Response | None = None, exception: BaseException | None = None) -> None:
        # Unchanged articles: nothing to write to a feed, but remember the newer discovery date now,
        # so the next run skips them without fetching.
        if getattr(exception, "unchanged", False):
            self.store.write_now(record_of(item, response, site_timezone(self.crawler), crawl_now(self.crawler)))

    def feed_slot_closed(self, slot: Any) -> None:
        # A closed batch holds the oldest `itemcount` staged articles (items reach the feed and the
        # stage in the same order). Batch files close asynchronously while later items already go
        # to the next batch, so commit exactly those. With several feeds, wait for all of them.
        if len(self.crawler.settings.getdict("FEEDS")) == 1:
            self._commit(getattr(slot, "itemcount", 0))

    def feed_exporter_closed(self) -> None:
        self._commit()

    def engine_stopped(self) -> None:
        if not self._has_feeds():
            self._commit()
        elif self.store.staged_count():
            logger.warning("%d delivered articles were not committed: their feed was not closed",
                           self.store.staged_count())
        self.store.close()

    def _commit(self, limit: int | None = None) -> None:
        committed = self.store.commit(limit)
        if committed:
            assert self.crawler.stats is not None
            self.crawler.stats.inc_value("state/committed", committed)
