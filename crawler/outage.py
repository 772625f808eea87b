"""What a worker does when its shared store (Redis: frontier, state, template counts) fails or is lost.

A Redis error must never cost an article or deliver one twice. Whatever component meets it first
(a pipeline, the state middleware or extension, the scheduler) calls `stop_delivering`: the error is
logged once, in words, the run records `UNAVAILABLE`, its feeds are withheld (never published, so
nothing it staged is committed) and the spider closes. Its requests are never acknowledged: the
scheduler gives them back to the queue if Redis answers again, else the other workers (or the next
run) recover them from its processing hash. The item in hand is dropped from this worker's output
only (`NotDelivered`): its request stays in the frontier. See docs/operations.md.
"""

from __future__ import annotations

import logging
import weakref
from typing import TYPE_CHECKING

from scrapy.exceptions import DropItem
from scrapy.utils.defer import deferred_from_coro

from crawler import exit_codes
from crawler.redact import redact

if TYPE_CHECKING:
    from scrapy.crawler import Crawler

logger = logging.getLogger(__name__)

REASON = "redis_unavailable"


class NotDelivered(DropItem):
    """Not in this worker's output because the shared store failed; its request stays in the frontier."""

    def __init__(self, message: str) -> None:
        super().__init__(message, log_level="DEBUG")


_STOPPED: weakref.WeakSet[Crawler] = weakref.WeakSet()


def stop_delivering(crawler: Crawler, what: str, error: BaseException | str, *, lost: bool = False) -> None:
    """The shared store failed while doing `what`: stop this worker without delivering (see above).

    `lost`: Redis answers but the frontier is gone (it restarted empty, or its keys were deleted).
    Only the first call per crawl logs and acts; later ones only count.
    """
    stats = crawler.stats
    assert stats is not None
    stats.inc_value("distributed/redis_errors")
    if crawler in _STOPPED:
        return
    _STOPPED.add(crawler)
    url = redact(crawler.settings["REDIS_URL"])
    if lost:
        logger.error("The shared frontier in Redis (%s) is gone: Redis restarted empty or its keys were deleted, "
                     "so the queue, the duplicate filter and this worker's claims are lost (while %s: %s). This worker "
                     "stops without publishing its feed; start the crawl again (the shared state may be gone "
                     "too: check it before trusting 'new' articles).", url, what, error)
    else:
        logger.error("Redis (%s) failed while %s (%s). This worker stops without publishing its feed or "
                     "acknowledging its requests: they stay in the frontier for the other workers or the next "
                     "run.", url, what, str(error).rstrip("."))
    exit_codes.record_failure(stats, exit_codes.UNAVAILABLE, "redis_lost" if lost else REASON)
    from crawler.feed_exporter import DeliveringFeedExporter  # feed_exporter imports feeds only

    feeds = crawler.get_extension(DeliveringFeedExporter)
    if feeds is not None:
        feeds.withhold("the shared store in Redis was lost" if lost else "Redis was unavailable")
    engine = crawler.engine
    if engine is not None and engine.spider is not None:
        stopping = deferred_from_coro(engine.close_spider_async(reason=REASON))
        stopping.addErrback(lambda failure: logger.debug("Stopping after a Redis error: %s", failure.value))

