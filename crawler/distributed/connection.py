"""One Redis client per crawl, and the names of the keys the workers share.

The scheduler, the duplicate filter, the state store and the template counter of one crawl all talk
to the same server; they share one client (one connection pool) instead of opening four. The client
is made by scrapy-redis's own `get_redis_from_settings` (so `REDIS_URL`, `REDIS_PARAMS` mean what
they mean there).

Only imported when `REDIS_URL` is set: importing this module imports `redis`.
"""

from __future__ import annotations

import os
import socket
import weakref
from dataclasses import dataclass
from typing import TYPE_CHECKING

from scrapy_redis.connection import get_redis_from_settings

if TYPE_CHECKING:
    from redis import Redis
    from scrapy.crawler import Crawler
    from scrapy.settings import BaseSettings

_CLIENTS: weakref.WeakKeyDictionary[Crawler, Redis] = weakref.WeakKeyDictionary()


def redis_for(crawler: Crawler) -> Redis:
    """The crawl's one Redis client (created on first use)."""
    client = _CLIENTS.get(crawler)
    if client is None:
        client = get_redis_from_settings(crawler.settings)
        _CLIENTS[crawler] = client
    return client


def default_worker_id() -> str:
    """`<hostname>-<pid>`: unique among live processes, readable in `status` and in feed names."""
    host = socket.gethostname().split(".")[0] or "worker"
    return f"{host}-{os.getpid()}"


def expand(template: str, settings: BaseSettings, spider: str = "") -> str:
    """Fill `%(bot)s` and `%(spider)s` in a key template."""
    return template % {"bot": settings["BOT_NAME"], "spider": spider}


@dataclass(frozen=True)
class FrontierKeys:
    """The keys of one spider's shared frontier (all start with the queue key, for `redis-cli --scan`)."""

    queue: str
    dupefilter: str

    @property
    def workers(self) -> str:
        """SET of registered worker ids."""
        return f"{self.queue}:workers"

    @property
    def epoch(self) -> str:
        """STRING: a token set by the first worker ever to register. A worker whose token is gone finds
        that Redis lost the frontier (restarted empty, keys deleted), not that it was declared dead."""
        return f"{self.queue}:epoch"

    @property
    def heartbeat_prefix(self) -> str:
        """`<prefix><id>`: STRING `busy`/`idle`/`closing` with a TTL, refreshed while the worker lives."""
        return f"{self.queue}:worker:"

    @property
    def processing_prefix(self) -> str:
        """`<prefix><id>`: HASH serialized request -> queue score, for every request the worker popped
        and has not yet committed (its feed is not closed yet)."""
        return f"{self.queue}:processing:"

    def heartbeat(self, worker: str) -> str:
        return self.heartbeat_prefix + worker

    def processing(self, worker: str) -> str:
        return self.processing_prefix + worker

    @classmethod
    def from_settings(cls, settings: BaseSettings, spider: str) -> FrontierKeys:
        return cls(
            queue=expand(settings["SCHEDULER_QUEUE_KEY"], settings, spider),
            dupefilter=expand(settings["SCHEDULER_DUPEFILTER_KEY"], settings, spider),
        )
