"""`DeliveringFeedExporter`: Scrapy's feed exporter that knows, per item, which feeds really hold it.

Scrapy's exporter writes from an `item_scraped` handler, so an exporter error is logged while the
crawl state believes the item delivered. This one writes each item itself, slot by slot: an item a
feed cannot encode is skipped there (`feed/unwritable_item`); a file that cannot be written is never
published and the run stops with `CANT_WRITE`; `written_to(item)` tells the crawl state which files
hold an item; `withhold(reason)` keeps every feed of the run from being published. It takes the
place of Scrapy's in `EXTENSIONS`. See docs/operations.md.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Any

from scrapy.extensions.feedexport import FeedExporter, FeedSlot, apply_uri_params
from scrapy.utils.defer import deferred_from_coro

from crawler.feeds import FeedNotPublished, PublishHook

if TYPE_CHECKING:
    from scrapy import Spider
    from scrapy.crawler import Crawler

logger = logging.getLogger(__name__)


class _ShortFeedErrors(logging.Filter):
    """Scrapy logs "Error storing <feed>" with a traceback; for a feed we refused to publish (already
    explained in our own log line) the reason is enough."""

    def filter(self, record: logging.LogRecord) -> bool:
        if record.exc_info and isinstance(record.exc_info[1], FeedNotPublished):
            record.msg = f"{record.getMessage()}: {record.exc_info[1]}"
            record.args = None
            record.exc_info = None
        return True


def _position(file: Any) -> int | None:
    try:
        return int(file.tell())
    except (AttributeError, OSError, ValueError):
        return None


class DeliveringFeedExporter(FeedExporter):
    """Scrapy's `FeedExporter`, writing each item under our control (see the module docstring)."""

    def __init__(self, crawler: Crawler) -> None:
        super().__init__(crawler)
        self.publish_hooks: list[PublishHook] = []
        self.withheld: str | None = None
        #: True when the output was withheld before the feeds began to close (items in hand were lost
        #: to this run): the frontier must get every request back.
        self.withheld_while_crawling = False
        self._closing = False
        self._last: tuple[Any, list[FeedSlot]] | None = None
        self._stop_requested = False
        self._all_slots: list[FeedSlot] = []
        feedexport = logging.getLogger("scrapy.extensions.feedexport")
        if not any(isinstance(f, _ShortFeedErrors) for f in feedexport.filters):
            feedexport.addFilter(_ShortFeedErrors())

    # --- what the state asks -------------------------------------------------------------------

    def add_publish_hook(self, hook: PublishHook) -> None:
        """Run `hook(storage)` before any feed file of this crawl is published (raising stops it)."""
        self.publish_hooks.append(hook)
        for slot in self.slots:
            self._prepare(slot)

    def written_to(self, item: Any) -> list[FeedSlot]:
        """The feed slots that `item` (the one `item_scraped` is being sent for) was written to."""
        if self._last is not None and self._last[0] is item:
            return list(self._last[1])
        return []

    def undelivered(self) -> list[str]:
        """Feed files of this crawl that hold items and were not published (after the feeds closed)."""
        return [str(slot.uri) for slot in self._all_slots
                if slot.itemcount and not getattr(slot.storage, "published", True)]

    def withhold(self, reason: str) -> None:
        """Publish none of this crawl's feeds (the `.part` files stay, uncommitted)."""
        self.withheld = self.withheld or reason
        self.withheld_while_crawling = self.withheld_while_crawling or not self._closing
        for slot in self.slots:
            self._prepare(slot)

    # --- FeedExporter ------------------------------------------------------------------------

    async def close_spider(self, spider: Spider) -> None:
        self._closing = True
        await super().close_spider(spider)

    def _start_new_batch(self, batch_id: int, uri: str, feed_options: dict[str, Any], spider: Spider,
                         uri_template: str) -> FeedSlot:
        slot = super()._start_new_batch(batch_id, uri, feed_options, spider, uri_template)
        self._prepare(slot)
        self._all_slots.append(slot)
        return slot

    def _prepare(self, slot: FeedSlot) -> None:
        storage = slot.storage
        if hasattr(storage, "publish_hooks"):
            storage.publish_hooks = self.publish_hooks
        if self.withheld is not None:
            slot.store_empty = False  # no empty file either
            if hasattr(storage, "withhold"):
                storage.withhold(self.withheld)

    def item_scraped(self, item: Any, spider: Spider) -> None:
        """Scrapy's `item_scraped`, with each write checked (same batching)."""
        written: list[FeedSlot] = []
        slots: list[FeedSlot] = []
        for slot in self.slots:
            if not slot.filter.accepts(item):
                slots.append(slot)
                continue
            if self._write(slot, item):
                written.append(slot)
            options = self.feeds[slot.uri_template]
            if options["batch_item_count"] and slot.itemcount >= options["batch_item_count"]:
                uri_params = self._get_uri_params(spider, options["uri_params"], slot)
                self._schedule_slot_close(slot, spider)
                slots.append(self._start_new_batch(
                    batch_id=slot.batch_id + 1, uri=apply_uri_params(slot.uri_template, uri_params),
                    feed_options=options, spider=spider, uri_template=slot.uri_template))
            else:
                slots.append(slot)
        self.slots = slots
        self._last = (item, written)

    def _write(self, slot: FeedSlot, item: Any) -> bool:
        """Write `item` to one feed; False (logged, counted) when it could not be."""
        storage = slot.storage
        if getattr(storage, "write_error", None) is not None:
            return False
        try:
            slot.start_exporting()
        except OSError as exc:
            self._broken(slot, exc)
            return False
        assert slot.exporter is not None
        before = _position(slot.file)
        try:
            slot.exporter.export_item(item)
        except OSError as exc:
            self._broken(slot, exc)
            return False
        except (ValueError, TypeError) as exc:  # e.g. UnicodeEncodeError: this item, not the file
            if before is None or _position(slot.file) != before:
                self._broken(slot, exc)  # part of it may have been written: the file is not valid
                return False
            url = getattr(item, "url", None) or (item.get("url") if isinstance(item, dict) else None)
            logger.error("Could not write %s to the feed %s (%s: %s): not delivered, not committed",
                         url or "an item", slot.uri, type(exc).__name__, exc)
            assert self.crawler.stats is not None
            self.crawler.stats.inc_value("feed/unwritable_item")
            return False
        slot.itemcount += 1
        return True

    def _broken(self, slot: FeedSlot, exc: Exception) -> None:
        """The file cannot be written: never publish it, and stop the crawl (nothing it fetches from
        now on could be delivered)."""
        reason = f"{type(exc).__name__}: {exc}"
        if hasattr(slot.storage, "fail"):
            slot.storage.fail(reason)
        else:
            logger.error("Could not write the feed %s: %s", slot.uri, reason)
        engine = self.crawler.engine
        if not self._stop_requested and engine is not None and engine.spider is not None:
            self._stop_requested = True
            stopping = deferred_from_coro(engine.close_spider_async(reason="feed_write_failed"))
            stopping.addErrback(lambda failure: logger.debug("Stopping after a feed error: %s", failure.value))
