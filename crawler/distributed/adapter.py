"""What scrapy-redis 0.9.1 (July 2024) needs to be correct on Scrapy 2.19, kept in one place.

scrapy-redis predates Scrapy's request fingerprinter setting, `async def start()` and the 2.14
deprecation of `spider` arguments. What breaks, and what this module (with `scheduler.py`) does:

1. Its `RFPDupeFilter.request_fingerprint` hashes method + canonical URL + body itself, ignoring
   `REQUEST_FINGERPRINTER_CLASS`: two slugs of one article would be two requests across workers.
   `RedisArticleDupeFilter` fingerprints with the crawler's own fingerprinter (article keys) and
   counts `dupefilter/filtered` like Scrapy's filter does.
2. Its scheduler calls `stats.inc_value(..., spider=...)`, a ScrapyDeprecationWarning on every
   request since Scrapy 2.14 (an error under our pytest settings); `RedisScheduler` overrides the
   methods that do it.
3. Its queues pop and forget: `ReliablePriorityQueue` pops through `Frontier.pop`, which moves the
   request into the worker's processing hash in the same atomic step.
4. Its `close()` flushes the shared queue and filter when `SCHEDULER_PERSIST` is off: with several
   workers, the first to finish would wipe the frontier the others are working on. The scheduler
   clears the filter only when the whole run is over (`frontier.LEAVE`).
5. `async def start()` needs nothing here: we use Scrapy's own start-request handling (the spider's
   `start()`), not scrapy-redis's `RedisSpider`, whose `start_requests()`-only mixin is what its
   open PR #316 / issue #317 are about; start requests go through the shared filter (see scheduler).

Only imported when `REDIS_URL` is set.
"""

from __future__ import annotations

import logging
import pickle
from typing import TYPE_CHECKING, Any

from scrapy_redis.dupefilter import RFPDupeFilter
from scrapy_redis.queue import PriorityQueue

from crawler.distributed.connection import FrontierKeys, redis_for

if TYPE_CHECKING:
    from redis import Redis
    from scrapy import Request, Spider
    from scrapy.crawler import Crawler
    from scrapy.statscollectors import StatsCollector
    from scrapy.utils.request import RequestFingerprinterProtocol

    from crawler.distributed.frontier import Frontier

logger = logging.getLogger(__name__)


class RedisArticleDupeFilter(RFPDupeFilter):
    """scrapy-redis's shared filter, keyed by the crawler's request fingerprints."""

    def __init__(self, server: Redis, key: str, debug: bool = False, *,
                 fingerprinter: RequestFingerprinterProtocol, stats: StatsCollector | None = None) -> None:
        super().__init__(server, key=key, debug=debug)
        self.fingerprinter = fingerprinter
        self.stats = stats

    @classmethod
    def for_crawler(cls, crawler: Crawler, spider_name: str) -> RedisArticleDupeFilter:
        assert crawler.request_fingerprinter is not None
        return cls(
            redis_for(crawler),
            key=FrontierKeys.from_settings(crawler.settings, spider_name).dupefilter,
            debug=crawler.settings.getbool("DUPEFILTER_DEBUG"),
            fingerprinter=crawler.request_fingerprinter,
            stats=crawler.stats,
        )

    @classmethod
    def from_spider(cls, spider: Spider) -> RedisArticleDupeFilter:  # scrapy-redis's scheduler calls this
        return cls.for_crawler(spider.crawler, spider.name)

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> RedisArticleDupeFilter:  # Scrapy's own scheduler calls this
        assert crawler.spider is not None
        return cls.for_crawler(crawler, crawler.spider.name)

    def request_fingerprint(self, request: Request) -> str:
        return self.fingerprinter.fingerprint(request).hex()

    def close(self, reason: str = "") -> None:
        """Keep the shared fingerprints: the frontier's owner (`RedisScheduler`) decides when they go."""

    def log(self, request: Request, spider: Spider) -> None:
        if self.stats is not None:
            self.stats.inc_value("dupefilter/filtered")
        super().log(request, spider)


class ReliablePriorityQueue(PriorityQueue):
    """scrapy-redis's priority queue (a sorted set), popping into the worker's processing hash."""

    def __init__(self, server: Redis, spider: Spider, key: str, serializer: Any = None, *,
                 frontier: Frontier) -> None:
        super().__init__(server, spider, key, serializer)
        self.frontier = frontier

    def encode(self, request: Request) -> bytes:
        return self._encode_request(request)

    def pop(self, timeout: int = 0) -> Request | None:
        """The next request, or None. Undecodable entries (code changed under a paused crawl) are
        counted and skipped; they stay in the processing hash until the worker commits."""
        data = self.frontier.pop()
        if data is None:
            return None
        try:
            return self._decode_request(data)
        except (ValueError, KeyError, AttributeError, pickle.UnpicklingError) as exc:
            logger.error("Skipping a queued request that cannot be decoded: %s", exc)
            stats = self.spider.crawler.stats
            if stats is not None:
                stats.inc_value("distributed/undecodable_request")
            return None
