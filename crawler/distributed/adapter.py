"""What scrapy-redis 0.9.1 (July 2024) needs to be correct on Scrapy 2.19, kept in one place.

The five things that break and what this module (with `scheduler.py`) does about each: see
docs/distributed.md (how it works). Only imported in distributed mode.
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
