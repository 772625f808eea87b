"""`RedisScheduler`: scrapy-redis's scheduler, made safe for several workers that may die.

Reliable pops, heartbeats, recovery of dead workers' requests and a shared end of the run; the
worker's life step by step is in docs/distributed.md (how it works).
"""

from __future__ import annotations

import atexit
import importlib
import logging
import os
import threading
from typing import TYPE_CHECKING, Any, cast

from redis.exceptions import RedisError
from scrapy import signals
from scrapy.utils.misc import load_object
from scrapy_redis.scheduler import Scheduler

from crawler import outage
from crawler.distributed.adapter import ReliablePriorityQueue
from crawler.distributed.connection import FrontierKeys, default_worker_id, redis_for
from crawler.distributed.frontier import Fenced, Frontier, FrontierLost
from crawler.feed_exporter import DeliveringFeedExporter

if TYPE_CHECKING:
    from redis import Redis
    from scrapy import Request, Spider
    from scrapy.crawler import Crawler
    from twisted.internet.interfaces import IReactorTime

logger = logging.getLogger(__name__)

#: Exit status of a worker that learns it was declared dead (sysexits' EX_SOFTWARE).
FENCED_EXIT_CODE = 70


class RedisScheduler(Scheduler):
    """Shared queue and duplicate filter (scrapy-redis) with recovery of dead workers' requests."""

    def __init__(self, crawler: Crawler, server: Redis, **kwargs: Any) -> None:
        super().__init__(server, **kwargs)
        settings = crawler.settings
        self.crawler = crawler
        self.worker_id = settings.get("WORKER_ID") or default_worker_id()
        self.interval = settings.getfloat("DISTRIBUTED_HEARTBEAT_INTERVAL")
        self.timeout = settings.getfloat("DISTRIBUTED_WORKER_TIMEOUT")
        self.idle_poll = settings.getfloat("DISTRIBUTED_IDLE_POLL")
        if self.timeout < 2 * self.interval:
            raise ValueError("DISTRIBUTED_WORKER_TIMEOUT must be at least twice DISTRIBUTED_HEARTBEAT_INTERVAL")
        self.frontier: Frontier | None = None
        self.reason: str | None = None
        self._waiting = False
        self._left = False
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self._nudge_warned = False
        self._poll: Any = None
        self._stopping = False
        self._lost = False

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> RedisScheduler:
        settings = crawler.settings
        serializer: Any = settings.get("SCHEDULER_SERIALIZER")
        if isinstance(serializer, str):
            serializer = importlib.import_module(serializer)
        if settings.getint("SCHEDULER_IDLE_BEFORE_CLOSE"):
            logger.warning("SCHEDULER_IDLE_BEFORE_CLOSE is ignored: workers wait for each other instead")
        if settings.get("SCHEDULER_QUEUE_CLASS"):
            logger.warning("SCHEDULER_QUEUE_CLASS is ignored: only the reliable priority queue lets the "
                           "other workers recover a dead worker's requests")
        server = redis_for(crawler)
        server.ping()  # fail at start, not at the first request
        instance = cls(
            crawler,
            server,
            persist=settings.getbool("SCHEDULER_PERSIST"),
            flush_on_start=settings.getbool("SCHEDULER_FLUSH_ON_START"),
            dupefilter_cls=settings.get("DUPEFILTER_CLASS"),
            serializer=serializer,
        )
        instance.stats = crawler.stats
        return instance

    # --- scrapy-redis / Scrapy scheduler interface -------------------------------------------

    def open(self, spider: Spider) -> None:
        self.spider = spider
        keys = FrontierKeys.from_settings(self.crawler.settings, spider.name)
        self.queue_key, self.dupefilter_key = keys.queue, keys.dupefilter
        self.frontier = Frontier(self.server, keys, self.worker_id, ttl=self.timeout)
        self.queue = ReliablePriorityQueue(self.server, spider, keys.queue, self.serializer, frontier=self.frontier)
        self.df = load_object(self.dupefilter_cls).from_spider(spider)
        registration = self.frontier.register(flush_on_start=self.flush_on_start)
        self._inc("distributed/recovered_requests", registration.recovered)
        self._set("distributed/worker_id", self.worker_id)
        if self.flush_on_start and not registration.flushed:
            logger.warning("SCHEDULER_FLUSH_ON_START ignored: %d other workers are running", registration.others)
            self._inc("distributed/flush_refused")
        queued = len(self.queue)
        logger.info("Worker %s joined the frontier %s (%d other workers, %d requests queued, %d recovered%s)",
                    self.worker_id, keys.queue, registration.others, queued, registration.recovered,
                    ", flushed" if registration.flushed else "")
        self._thread = threading.Thread(target=self._heartbeat, name=f"heartbeat-{self.worker_id}", daemon=True)
        self._thread.start()
        # A process that ends without closing the spider (e.g. SIGTERM during start-up) committed nothing.
        atexit.register(self._release)
        if self.crawler.settings.getdict("FEEDS"):
            self.crawler.signals.connect(self._feeds_committed, signal=signals.feed_exporter_closed)
        self.crawler.signals.connect(self._engine_stopped, signal=signals.engine_stopped)

    def close(self, reason: str) -> None:
        """Never flush here (other workers may be using the frontier); see `_leave`."""
        self.reason = reason

    def enqueue_request(self, request: Request) -> bool:
        assert self.frontier is not None
        fingerprint = None if request.dont_filter else self.df.request_fingerprint(request)
        try:
            queued = self.frontier.enqueue(self.queue.encode(request), -request.priority, fingerprint)
        except RedisError as exc:
            # Not queued, and (one atomic step) not marked as seen: the next run discovers it again.
            self._unavailable("queueing a request", exc)
            return False
        if not queued:
            self.df.log(request, self.spider)
            return False
        self._inc("scheduler/enqueued/redis")
        self._inc("scheduler/enqueued")
        return True

    def next_request(self) -> Request | None:
        try:
            request = self.queue.pop()
        except Fenced:
            self._fenced()
            return None
        except FrontierLost as exc:
            self._unavailable("taking the next request", exc, lost=True)
            return None
        except RedisError as exc:
            self._unavailable("taking the next request", exc)
            return None
        if request is not None:
            self._waiting = False
            self._inc("scheduler/dequeued/redis")
            self._inc("scheduler/dequeued")
        return request

    def has_pending_requests(self) -> bool:
        """Called by the engine only when this worker has nothing in flight: is the run over?"""
        assert self.frontier is not None
        if self._stopping:
            return True  # closing for a Redis failure: never "finished"
        try:
            verdict, recovered = self.frontier.may_close()
        except Fenced:
            self._fenced()
            return True
        except FrontierLost as exc:
            self._unavailable("checking whether the run is over", exc, lost=True)
            return True
        except RedisError as exc:
            self._unavailable("checking whether the run is over", exc)
            return True
        if recovered:
            logger.warning("Re-queued %d requests of dead workers", recovered)
            self._inc("distributed/recovered_requests", recovered)
        if verdict == "close":
            self._waiting = False
            return False
        if not self._waiting:
            logger.info("Waiting for the frontier (%s)",
                        "requests queued" if verdict == "work" else "other workers busy")
            self._inc("distributed/waits")
        self._waiting = True
        self._poll_later(0 if verdict == "work" else self.idle_poll)
        return True

    # --- heartbeat, recovery, leaving --------------------------------------------------------

    def _heartbeat(self) -> None:
        """Runs in its own thread: refresh this worker's key, recover dead workers, wake a waiting engine."""
        assert self.frontier is not None
        while not self._stop.wait(self.interval):
            try:
                beat = self.frontier.beat()
            except Fenced:
                self._fenced()
                return
            except FrontierLost as exc:
                _in_reactor(self._unavailable, "refreshing the heartbeat", exc, True)
                return
            except RedisError as exc:
                logger.warning("Heartbeat of %s failed: %s", self.worker_id, exc)
                _in_reactor(self._inc, "distributed/heartbeat_errors")
                continue
            if beat.recovered:
                logger.warning("Re-queued %d requests of dead workers", beat.recovered)
                _in_reactor(self._inc, "distributed/recovered_requests", beat.recovered)

    def _poll_later(self, delay: float) -> None:
        """While waiting, look at the frontier again in `delay` seconds (one pending call at a time)."""
        if self._poll is not None and self._poll.active():
            return
        from twisted.internet import reactor

        # zope interfaces declare methods without `self`: mypy then misreads callLater's arguments
        self._poll = cast("IReactorTime", reactor).callLater(delay, self._nudge)  # type: ignore[arg-type]

    def _nudge(self) -> None:
        """Ask the engine to look at the scheduler now rather than at its next 5-second heartbeat."""
        slot = getattr(self.crawler.engine, "_slot", None)
        nextcall = getattr(slot, "nextcall", None)
        if nextcall is None:
            if not self._nudge_warned:
                self._nudge_warned = True
                logger.info("Engine internals changed: waiting workers poll every 5 s")
                self._inc("distributed/nudge_unavailable")
            return
        nextcall.schedule()

    def _fenced(self) -> None:
        logger.critical(
            "Worker %s was declared dead by the other workers (no heartbeat for %ss) and its requests were "
            "handed to them; exiting now without committing its feed, so that nothing is delivered twice",
            self.worker_id, self.timeout)
        logging.shutdown()
        os._exit(FENCED_EXIT_CODE)

    def _unavailable(self, what: str, error: BaseException, lost: bool = False) -> None:
        """Redis failed (or lost the frontier): stop without delivering or acknowledging (`crawler.outage`)."""
        self._stopping = True
        self._lost = self._lost or lost
        outage.stop_delivering(self.crawler, what, error, lost=lost)

    def _feeds_committed(self) -> None:
        # Acknowledge only what was delivered: a feed that was not published (withheld after a Redis
        # failure, or not written) gives its requests back instead.
        feeds = self.crawler.get_extension(DeliveringFeedExporter)
        if self._stopping or (feeds is not None and (feeds.withheld_while_crawling or feeds.undelivered())):
            if self._lost:  # nothing left in Redis to give back to
                self._left = True
                self._stop.set()
                return
            logger.warning("The feeds of %s were not published: giving its requests back to the frontier",
                           self.worker_id)
            self._release()
            return
        self._leave()

    def _engine_stopped(self) -> None:
        if self._left:
            return
        if self.crawler.settings.getdict("FEEDS"):
            logger.error("The feeds of %s were not committed: giving its requests back to the frontier",
                         self.worker_id)
            self._release()
            return
        self._leave()

    def _release(self) -> None:
        """Stopping without a committed feed (not killed: still able to say so): give everything back."""
        if self._left or self.frontier is None:
            return
        self._left = True
        self._stop.set()
        try:
            released = self.frontier.release()
        except RedisError as exc:
            logger.error("Worker %s could not give its requests back (the others will after %ss): %s",
                         self.worker_id, self.timeout, exc)
            return
        logger.warning("Worker %s gave %d uncommitted requests back to the frontier", self.worker_id, released)
        self._inc("distributed/released_requests", released)

    def _in_flight(self) -> int:
        try:
            return self.frontier.in_flight() if self.frontier is not None else 0
        except RedisError:
            return -1

    def _leave(self) -> None:
        if self._left or self.frontier is None:
            return
        self._left = True
        self._stop.set()
        if self._poll is not None and self._poll.active():
            self._poll.cancel()
        if self._thread is not None:
            self._thread.join(timeout=self.interval + 5)
        finished = self.reason == "finished"
        acknowledged = self._in_flight()
        try:
            remaining, cleared = self.frontier.leave(finished=finished, persist=self.persist)
        except RedisError as exc:
            # Its feed and state are committed; if the others re-fetch its requests the state drops them.
            logger.error("Worker %s could not leave the frontier: %s", self.worker_id, exc)
            self._inc("distributed/leave_errors")
            return
        self._set("distributed/acknowledged_requests", acknowledged)
        logger.info("Worker %s left (%s; %d requests acknowledged; %d workers still registered%s)",
                    self.worker_id, self.reason, acknowledged, remaining,
                    "; run finished, duplicate filter cleared" if cleared else "")
        if cleared:
            self._inc("distributed/frontier_cleared")

    def _inc(self, key: str, count: int = 1) -> None:
        if self.stats is not None and count:
            self.stats.inc_value(key, count)

    def _set(self, key: str, value: Any) -> None:
        if self.stats is not None:
            self.stats.set_value(key, value)


def _in_reactor(function: Any, *args: Any) -> None:
    """Run `function(*args)` on the reactor thread (stats and the engine are not thread-safe)."""
    from twisted.internet import reactor  # the crawl's reactor, installed long before this runs

    reactor.callFromThread(function, *args)  # type: ignore[attr-defined]
