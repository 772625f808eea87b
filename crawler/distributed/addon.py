"""`RedisAddon`: the one switch from a single-machine crawl to a worker of a shared Redis frontier.

Why a Scrapy add-on (the `ADDONS` setting): it is Scrapy's own mechanism for a component that
changes several settings together, it runs after the project, spider and command-line settings are
known (so `-s REDIS_URL=...` on the command line, or `setting=REDIS_URL=...` in a Scrapyd job,
switches it on) and it can decide *not* to change anything. Settings alone could not do that:
`SCHEDULER = "...RedisScheduler"` in settings.py would need Redis for every crawl, and a
spider-name or environment branch in settings.py is the kind of configuration we avoid.

Without `REDIS_URL` the add-on returns at once: no setting changes and nothing imports `redis`.
With it, at `addon` priority (a `-s` on the command line still wins):

- `SCHEDULER`, `DUPEFILTER_CLASS`: `crawler.distributed.scheduler.RedisScheduler` and
  `crawler.distributed.adapter.RedisArticleDupeFilter` (scrapy-redis, adapted);
- `SCHEDULER_QUEUE_KEY`, `SCHEDULER_DUPEFILTER_KEY`: namespaced by `BOT_NAME` and spider;
- `WORKER_ID`: `<host>-<pid>` unless given;
- the default feed (`DEFAULT_FEED_URI`, used when no `-o`/`-O`/`FEEDS`) gets the worker id in its
  file name, so no two workers on one machine ever write the same file.

The state store and the template counter pick Redis themselves when `REDIS_URL` is set
(`crawler.state.extension.store_for`, `pipelines.templates`).
"""

from __future__ import annotations

import logging
import posixpath
from typing import TYPE_CHECKING

from scrapy.settings import SETTINGS_PRIORITIES

from crawler import redact

if TYPE_CHECKING:
    from scrapy.crawler import Crawler
    from scrapy.settings import BaseSettings

logger = logging.getLogger(__name__)

SCHEDULER = "crawler.distributed.scheduler.RedisScheduler"
DUPEFILTER = "crawler.distributed.adapter.RedisArticleDupeFilter"
#: The logger of Scrapy's "Overridden settings" line.
SETTINGS_LOGGER = "scrapy.crawler"


def worker_feed_uri(uri: str, worker_id: str) -> str:
    """`feeds/%(name)s/%(time)s-%(run_id)s.jsonl` -> `feeds/%(name)s/%(time)s-%(run_id)s-<worker>.jsonl`."""
    head, tail = posixpath.split(uri)
    stem, dot, suffix = tail.partition(".")
    safe = "".join(c if c.isalnum() or c in "-_." else "_" for c in worker_id)
    return posixpath.join(head, f"{stem}-{safe}{dot}{suffix}")


class RedisAddon:
    """Scrapy add-on: distributed mode when `REDIS_URL` is set, nothing otherwise."""

    def __init__(self, crawler: Crawler | None = None) -> None:
        self.crawler = crawler

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> RedisAddon:
        return cls(crawler)

    def update_settings(self, settings: BaseSettings) -> None:
        # Scrapy logs the overridden settings (REDIS_URL with its password among them) right after
        # the add-ons have run: its logger redacts credentials from now on.
        redact.install(SETTINGS_LOGGER)
        if not settings.get("REDIS_URL"):
            return
        # Imported only here: a crawl without REDIS_URL never imports redis.
        from crawler.distributed.connection import DEFAULT_DUPEFILTER_KEY, DEFAULT_QUEUE_KEY, default_worker_id

        settings.set("SCHEDULER", SCHEDULER, priority="addon")
        settings.set("DUPEFILTER_CLASS", DUPEFILTER, priority="addon")
        settings.setdefault("SCHEDULER_QUEUE_KEY", DEFAULT_QUEUE_KEY, priority="addon")
        settings.setdefault("SCHEDULER_DUPEFILTER_KEY", DEFAULT_DUPEFILTER_KEY, priority="addon")
        if not settings.get("WORKER_ID"):
            # same priority as the empty project default, which an "addon" priority could not replace
            settings.set("WORKER_ID", default_worker_id(), priority=max(settings.getpriority("WORKER_ID") or 0, 15))
        worker_id = settings.get("WORKER_ID")
        # NewsSpider.update_settings put the default feed in FEEDS at "spider" priority when the
        # command line gave none; give it this worker's name. Feeds the user chose are left alone.
        default_uri = settings.get("DEFAULT_FEED_URI")
        feeds = settings.getdict("FEEDS")
        if (default_uri and list(feeds) == [default_uri]
                and settings.getpriority("FEEDS") == SETTINGS_PRIORITIES["spider"]):
            settings.set("FEEDS", {worker_feed_uri(default_uri, worker_id): feeds[default_uri]}, priority="spider")
        logger.info("Distributed mode: worker %s, Redis %s", worker_id, redact.redact(settings.get("REDIS_URL")))
