"""`FastShutdown`: Ctrl-C or SIGTERM stops a crawl within seconds, whatever the download delay.

Scrapy's graceful stop waits for every request already handed to the downloader. With a politeness
delay (SCMP asks for 10 s between requests), the requests queued behind that delay take minutes to
come out. When the engine stops, this extension gives the requests still waiting for their slot
back to the scheduler (JOBDIR keeps them for the next run; without JOBDIR, the next run finds them
again, as their articles were not delivered) and ends retry back-off waits early, so only transfers
already under way are waited for. See docs/operations.md ("Stopping a run").

Stats: `shutdown/requeued` (requests given back), `shutdown/seconds` (from the stop to the close).
"""

from __future__ import annotations

import asyncio
import logging
import time
from typing import TYPE_CHECKING, Any

from scrapy import signals
from scrapy.utils.asyncio import create_looping_call

if TYPE_CHECKING:
    from scrapy.crawler import Crawler

logger = logging.getLogger(__name__)

# How often the engine is looked at: the stop is noticed within this many seconds.
POLL_SECONDS = 0.2


class FastShutdown:
    """Notices the engine stopping and empties the downloader's delay queues."""

    def __init__(self, crawler: Crawler) -> None:
        self.crawler = crawler
        self.stopping = False
        self._stopped_at = 0.0
        self._event: asyncio.Event | None = None
        self._watch: Any = None  # created when the engine starts: the reactor (or loop) runs by then

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> FastShutdown:
        extension = cls(crawler)
        crawler.signals.connect(extension.engine_started, signal=signals.engine_started)
        crawler.signals.connect(extension.spider_closed, signal=signals.spider_closed)
        return extension

    def engine_started(self) -> None:
        self._watch = create_looping_call(self._look)
        self._watch.start(POLL_SECONDS, now=False)

    def spider_closed(self) -> None:
        if self._watch is not None and self._watch.running:
            self._watch.stop()
        if self.stopping and self.crawler.stats is not None:
            self.crawler.stats.set_value("shutdown/seconds", round(time.monotonic() - self._stopped_at, 2))

    def _look(self) -> None:
        engine = self.crawler.engine
        if engine is not None and not engine.running and not self.stopping:
            self._stop()

    def _stop(self) -> None:
        self.stopping = True
        self._stopped_at = time.monotonic()
        if self._event is not None:
            self._event.set()
        requeued = self._requeue_waiting()
        if self.crawler.stats is not None and requeued:
            self.crawler.stats.inc_value("shutdown/requeued", requeued)
        logger.info("Stopping: %d request(s) waiting for a download slot go back to the scheduler%s", requeued,
                    " (kept in JOBDIR for the next run)" if self.crawler.settings.get("JOBDIR") else "")

    def _requeue_waiting(self) -> int:
        """Answer every request waiting in a download slot with itself: the engine schedules it again."""
        engine = self.crawler.engine
        downloader: Any = getattr(engine, "downloader", None)
        requeued = 0
        for slot in getattr(downloader, "slots", {}).values():
            while slot.queue:
                request, waiting = slot.queue.popleft()
                # A Request coming out of the downloader goes back to the scheduler (as a redirect does);
                # it was seen by the duplicate filter already, so it must not be filtered again.
                waiting.callback(request.replace(dont_filter=True))
                requeued += 1
        return requeued

    async def sleep(self, seconds: float) -> bool:
        """Wait `seconds`, or less if the crawl stops meanwhile; True when the wait was cut short."""
        if self.stopping:
            return True
        if self._event is None:
            self._event = asyncio.Event()
        try:
            await asyncio.wait_for(self._event.wait(), seconds)
        except TimeoutError:
            return False
        return True
