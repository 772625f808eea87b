"""Wire the state store to the crawl: an article is committed only once a published feed holds it.

Items are staged when a feed wrote them, journaled beside the state before their feed file is
published, committed after; a run stopped in between is settled at the next start. A SQLite state
is used by one run at a time (`STATE_LOCK_WAIT`); a run that cannot use its state closes before
fetching anything. This extension owns the store (`STATE_STORE_CLASS`); the state middleware and
pipeline reach it with `crawler.get_extension(CrawlStateExtension)`. See docs/operations.md.
"""

from __future__ import annotations

import logging
import sqlite3
import time
from datetime import datetime
from typing import TYPE_CHECKING, Any

from itemadapter import ItemAdapter
from scrapy import signals
from scrapy.exceptions import CloseSpider, NotConfigured
from scrapy.utils.misc import build_from_crawler, load_object
from spidermon.contrib.scrapy.extensions import Spidermon

from crawler import exit_codes, outage
from crawler.dates.parse import parse_datetime
from crawler.extract.hints import Hints
from crawler.feed_exporter import DeliveringFeedExporter
from crawler.feeds import FeedNotPublished
from crawler.state import journal
from crawler.state.lock import StateLock, StateLocked
from crawler.state.store import Record, StateStore, StoreUnavailable

if TYPE_CHECKING:
    from scrapy.crawler import Crawler
    from scrapy.http import Response

logger = logging.getLogger(__name__)

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
    """Stages delivered (and unchanged) articles and commits them when a published feed holds them."""

    def __init__(self, crawler: Crawler, store: StateStore | None, lock: StateLock | None = None,
                 refusal: tuple[int, str, str] | None = None) -> None:
        self.crawler = crawler
        self.store = store
        self.lock = lock
        #: (exit code, reason, message) when the run must not start.
        self.refusal = refusal
        self.journal_dir = journal.journal_dir(crawler.settings["STATE_PATH"])
        self.feeds: DeliveringFeedExporter | None = None
        #: Per open feed file (its storage): the ids written to it, in order.
        self.pending: dict[Any, list[str]] = {}
        #: Per staged id: the feed files that hold it and are not published yet.
        self.waiting: dict[str, set[Any]] = {}
        self.journals: dict[Any, journal.Entry] = {}

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> CrawlStateExtension:
        if not crawler.settings.getbool("STATE_ENABLED"):
            raise NotConfigured("STATE_ENABLED is off")
        extension = cls._open(crawler)
        crawler.signals.connect(extension.spider_opened, signal=signals.spider_opened)
        crawler.signals.connect(extension.item_scraped, signal=signals.item_scraped)
        crawler.signals.connect(extension.item_dropped, signal=signals.item_dropped)
        crawler.signals.connect(extension.feed_slot_closed, signal=signals.feed_slot_closed)
        crawler.signals.connect(extension.feed_exporter_closed, signal=signals.feed_exporter_closed)
        crawler.signals.connect(extension.engine_stopped, signal=signals.engine_stopped)
        return extension

    @classmethod
    def _open(cls, crawler: Crawler) -> CrawlStateExtension:
        """Lock (SQLite), open, settle the journal; a state that cannot be used refuses the run."""
        settings = crawler.settings
        lock = None
        path = settings.get("STATE_PATH")
        store_class = load_object(settings["STATE_STORE_CLASS"])
        try:
            if issubclass(store_class, StateStore):  # a file one run owns (the Redis state is shared)
                lock = StateLock.acquire(path, settings.getfloat("STATE_LOCK_WAIT"))
            # SQLite (`StateStore`) or, in distributed mode, Redis (`RedisStateStore`): same methods and
            # staging semantics (tests/crawl/distributed/test_redis_store.py checks both).
            store = build_from_crawler(store_class, crawler)
            extension = cls(crawler, store, lock)
            extension._reconcile()
            return extension
        except StateLocked as exc:
            refusal = (exit_codes.LOCKED, "state_locked", f"Not crawling: {exc}")
        except (sqlite3.Error, OSError) as exc:
            refusal = (exit_codes.BAD_STATE if isinstance(exc, sqlite3.DatabaseError) else exit_codes.CANT_WRITE,
                       "state_unusable", f"Not crawling: the crawl state {path} cannot be used ({exc})")
        except StoreUnavailable as exc:
            refusal = (exit_codes.UNAVAILABLE, outage.REASON, f"Not crawling: {exc}")
        if lock is not None:
            lock.release()
        return cls(crawler, None, None, refusal)

    def _reconcile(self) -> None:
        assert self.store is not None
        committed = journal.reconcile(self.journal_dir, self._write_records)
        if committed:
            self._count("state/reconciled", committed)

    def _write_records(self, records: list[Record]) -> None:
        assert self.store is not None
        self.store.write_now(*records)

    def _count(self, key: str, value: int = 1) -> None:
        assert self.crawler.stats is not None
        self.crawler.stats.inc_value(key, value)

    # --- signals -----------------------------------------------------------------------------

    def spider_opened(self) -> None:
        self.feeds = self.crawler.get_extension(DeliveringFeedExporter)
        if self.refusal is not None:
            self._refuse(*self.refusal)
        if self.feeds is not None:
            self.feeds.add_publish_hook(self.before_publish)

    def _refuse(self, code: int, reason: str, message: str) -> None:
        """Close before anything is fetched: one error line, the exit code, no feed, no checks (there
        was no crawl to check)."""
        logger.error("%s", message)
        assert self.crawler.stats is not None
        exit_codes.record_failure(self.crawler.stats, code, reason)
        if self.feeds is not None:
            self.feeds.withhold("the run did not start")
        monitors = self.crawler.get_extension(Spidermon)
        if monitors is not None:
            self.crawler.signals.disconnect(monitors.spider_closed, signal=signals.spider_closed)
        raise CloseSpider(reason)

    def item_scraped(self, item: Any, response: Response | None = None) -> None:
        if self.store is None:
            return
        record = record_of(item, response, site_timezone(self.crawler), crawl_now(self.crawler))
        slots = self.feeds.written_to(item) if self.feeds is not None else None
        if slots is not None and not slots:
            return  # no feed holds it (the exporter said why): not delivered, not committed
        try:
            self.store.stage(record)
        except StoreUnavailable as exc:
            outage.stop_delivering(self.crawler, "staging a delivered article", exc)
            return
        if slots is None:
            if not self.crawler.settings.getdict("FEEDS"):
                self._commit([record.id])  # no feed to wait for
            return  # feeds not written by ours: committed when they close (feed_exporter_closed)
        for slot in slots:
            self.pending.setdefault(slot.storage, []).append(record.id)
            self.waiting.setdefault(record.id, set()).add(slot.storage)

    def item_dropped(self, item: Any, response: Response | None = None, exception: BaseException | None = None) -> None:
        # Unchanged articles: nothing to write to a feed, but remember the newer discovery date now,
        # so the next run skips them without fetching.
        if self.store is None or not getattr(exception, "unchanged", False):
            return
        try:
            self.store.write_now(record_of(item, response, site_timezone(self.crawler), crawl_now(self.crawler)))
        except StoreUnavailable as exc:
            outage.stop_delivering(self.crawler, "recording an unchanged article", exc)
        except sqlite3.Error as exc:
            self._cannot_write(exc, "an unchanged article's newer discovery date")

    def before_publish(self, storage: Any) -> None:
        """Journal what `storage` holds, before it is published (a publish hook of the feeds)."""
        assert self.store is not None
        ids = self.pending.get(storage, [])
        if not ids:
            return
        try:
            self.store.check()
        except StoreUnavailable as exc:
            outage.stop_delivering(self.crawler, "checking the shared state before publishing a feed", exc)
            raise FeedNotPublished(f"{storage.final} withheld: the shared state cannot commit it") from exc
        self.journals[storage] = journal.write(self.journal_dir, storage, self.store.staged(ids))

    def feed_slot_closed(self, slot: Any) -> None:
        if self.store is None:
            return
        storage = slot.storage
        ids = self.pending.pop(storage, [])
        entry = self.journals.pop(storage, None)
        if not getattr(storage, "published", True):
            for article_id in ids:
                self.waiting.pop(article_id, None)
            self.store.discard_staged(ids)
            if entry is not None:
                entry.settle()
            if ids:
                logger.warning("%d articles of %s are not delivered (the file was not published): the next run "
                               "fetches them again", len(ids), slot.uri)
                self._count("state/not_delivered", len(ids))
            return
        ready = []
        for article_id in ids:
            feeds = self.waiting.get(article_id)
            if feeds is None:
                continue  # one of its feeds was not published: never committed
            feeds.discard(storage)
            if not feeds:
                del self.waiting[article_id]
                ready.append(article_id)
        if self._commit(ready) and entry is not None:
            entry.settle()
        elif entry is not None:
            entry.keep()

    def feed_exporter_closed(self) -> None:
        if self.store is not None and self.feeds is None:
            self._commit(None)

    def engine_stopped(self) -> None:
        if self.store is not None:
            left = self.store.staged_count()
            if left:
                logger.warning("%d delivered articles were not committed: their feed was not closed", left)
            self.store.close()
        if self.lock is not None:
            self.lock.release()
            self.lock = None

    # --- commits -----------------------------------------------------------------------------

    def _commit(self, ids: list[str] | None) -> bool:
        """Commit staged records (all when None); False, logged and recorded, when that failed."""
        assert self.store is not None
        try:
            committed = self.store.commit(ids)
        except StoreUnavailable as exc:
            outage.stop_delivering(self.crawler, "committing delivered articles to the shared state", exc)
            return False
        except sqlite3.Error as exc:
            self._cannot_write(exc, f"{len(ids) if ids is not None else 'the'} delivered articles")
            return False
        if committed:
            self._count("state/committed", committed)
        return True

    def _cannot_write(self, exc: BaseException, what: str) -> None:
        logger.error("Could not commit %s to the crawl state %s (%s). The journal in %s commits what was "
                     "published at the next start.", what, self.crawler.settings.get("STATE_PATH"), exc,
                     self.journal_dir)
        assert self.crawler.stats is not None
        exit_codes.record_failure(self.crawler.stats, exit_codes.CANT_WRITE, "state_write_failed")
