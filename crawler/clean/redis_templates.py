"""Template paragraph counts in Redis, so that every worker learns a host's boilerplate from all pages.

Same interface as `crawler.clean.templates.TemplateCounter`; the add-on makes it the
`TEMPLATES_COUNTER_CLASS`. Layout and bounds: docs/distributed.md (how it works).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from redis.exceptions import RedisError

from crawler.clean.templates import fingerprint
from crawler.distributed.connection import expand, redis_for
from crawler.state.store import StoreUnavailable

if TYPE_CHECKING:
    from redis import Redis
    from scrapy.crawler import Crawler

DEFAULT_TTL = 30 * 24 * 3600


class RedisTemplateCounter:
    """Per-host counts of distinct pages on which each paragraph appeared, shared through Redis."""

    def __init__(self, server: Redis, prefix: str, *, min_pages: int = 4, max_per_host: int = 2000,
                 ttl: int = DEFAULT_TTL) -> None:
        self.server = server
        self.prefix = prefix
        self.min_pages = min_pages
        self.max_per_host = max_per_host
        self.ttl = ttl
        self._last_host = ""
        self._last_counts: dict[str, int] = {}
        self._hosts: set[str] = set()

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> RedisTemplateCounter:
        settings = crawler.settings
        return cls(
            redis_for(crawler),
            expand(settings["TEMPLATES_REDIS_PREFIX"], settings),
            min_pages=settings.getint("TEMPLATES_MIN_PAGES"),
            max_per_host=settings.getint("TEMPLATES_MAX_PER_HOST"),
            ttl=settings.getint("TEMPLATES_REDIS_TTL"),
        )

    def key(self, host: str) -> str:
        return f"{self.prefix}:{host}"

    def observe(self, host: str, paragraphs: list[str]) -> None:
        """Count one page's paragraphs (each once per page), in one round trip."""
        keys = list(dict.fromkeys(fingerprint(p) for p in paragraphs))
        if not keys:
            return
        key = self.key(host)
        pipe = self.server.pipeline(transaction=False)
        for fp in keys:
            pipe.zincrby(key, 1, fp)
        pipe.zremrangebyrank(key, 0, -(self.max_per_host + 1))
        pipe.expire(key, self.ttl)
        try:
            results = pipe.execute()
        except RedisError as exc:
            raise StoreUnavailable(f"the template counts in Redis: {type(exc).__name__}: {exc}") from exc
        self._last_host = host
        self._last_counts = {fp: int(count) for fp, count in zip(keys, results, strict=False)}
        self._hosts.add(host)

    def is_template(self, host: str, paragraph: str) -> bool:
        """True once the paragraph has appeared on `min_pages` pages of `host` (by any worker)."""
        fp = fingerprint(paragraph)
        if host == self._last_host and fp in self._last_counts:
            # The count just returned by `observe` for this page; used once, so never stale later.
            count: float | None = self._last_counts.pop(fp)
        else:
            try:
                count = self.server.zscore(self.key(host), fp)
            except RedisError as exc:
                raise StoreUnavailable(f"the template counts in Redis: {type(exc).__name__}: {exc}") from exc
        return (count or 0) >= self.min_pages

    def size(self) -> int:
        """Fingerprints held for the hosts this counter has seen (for the boundedness checks)."""
        return sum(int(self.server.zcard(self.key(host))) for host in self._hosts)
