"""`RedisAddon`: the one switch from a single-machine crawl to a worker of a shared Redis frontier.

Without `REDIS_URL` it changes nothing and nothing imports `redis`; with it, it sets the scheduler,
duplicate filter, state store and template counter classes and names the default feed after the
worker. See docs/distributed.md.
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
STATE_STORE = "crawler.state.redis_store.RedisStateStore"
TEMPLATES_COUNTER = "crawler.clean.redis_templates.RedisTemplateCounter"


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
        from crawler.distributed.connection import default_worker_id

        settings.set("SCHEDULER", SCHEDULER, priority="addon")
        settings.set("DUPEFILTER_CLASS", DUPEFILTER, priority="addon")
        # These two have their single-machine default in crawler/settings.py ("project" priority, above
        # "addon"): replace that default; a class chosen for the spider or on the command line wins.
        for name, value in (("STATE_STORE_CLASS", STATE_STORE), ("TEMPLATES_COUNTER_CLASS", TEMPLATES_COUNTER)):
            if (settings.getpriority(name) or 0) <= SETTINGS_PRIORITIES["project"]:
                settings.set(name, value, priority="project")
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
