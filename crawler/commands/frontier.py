"""`scrapy frontier status|forget SPIDER`: look at, or drop, a spider's shared Redis frontier.

See docs/distributed.md.
"""

from __future__ import annotations

import argparse
import json
import sys

from scrapy.commands import ScrapyCommand
from scrapy.exceptions import UsageError
from scrapy.spiderloader import get_spider_loader

from crawler.exit_codes import UNAVAILABLE

ACTIONS = ("status", "forget")


class Command(ScrapyCommand):
    requires_project = True
    requires_crawler_process = False
    default_settings = {"LOG_ENABLED": False}

    def syntax(self) -> str:
        return "status|forget SPIDER"

    def short_desc(self) -> str:
        return "Show (status) or delete (forget) a spider's shared Redis frontier"

    def long_desc(self) -> str:
        return ("status prints, as JSON, the queue length, the fingerprints in the duplicate filter and every "
                "registered worker with its heartbeat and in-flight requests. forget deletes the queue, the "
                "filter and the worker records of an interrupted run (the crawl state stays). Needs REDIS_URL "
                "(-s REDIS_URL=redis://host:6379/0).")

    def run(self, args: list[str], opts: argparse.Namespace) -> None:
        assert self.settings is not None
        if len(args) != 2 or args[0] not in ACTIONS:
            raise UsageError("expected: scrapy frontier status|forget SPIDER", print_help=False)
        action, spider = args
        known = get_spider_loader(self.settings).list()
        if spider not in known:
            raise UsageError(f"unknown spider {spider!r}; known: {', '.join(sorted(known))}", print_help=False)
        if not self.settings["REDIS_URL"]:
            raise UsageError("REDIS_URL is not set (use -s REDIS_URL=redis://host:6379/0)", print_help=False)
        # Imported here: the command list must not need redis.
        from redis.exceptions import RedisError
        from scrapy_redis.connection import get_redis_from_settings

        from crawler.distributed.connection import FrontierKeys
        from crawler.distributed.frontier import describe

        server = get_redis_from_settings(self.settings)
        keys = FrontierKeys.from_settings(self.settings, spider)
        try:
            if action == "forget":
                workers = [w.decode() if isinstance(w, bytes) else w for w in server.smembers(keys.workers)]
                server.delete(keys.queue, keys.dupefilter, keys.workers,
                              *(keys.processing(w) for w in workers), *(keys.heartbeat(w) for w in workers))
            report = {"spider": spider, "queue_key": keys.queue, **describe(server, keys)}
        except RedisError as exc:
            sys.stderr.write(f"scrapy frontier: Redis unreachable: {exc}\n")
            self.exitcode = UNAVAILABLE
            return
        json.dump(report, sys.stdout, indent=2)
        sys.stdout.write("\n")
