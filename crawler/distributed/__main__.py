"""`python -m crawler.distributed status|forget SPIDER`: look at (or drop) a spider's shared frontier.

`status` prints, as JSON, the queue length, the number of fingerprints in the duplicate filter and
every registered worker with its heartbeat status and its uncommitted (in-flight) requests; a worker
listed as dead still holds requests that the next heartbeat of a live worker, or the next worker
started, puts back in the queue. `forget` deletes the queue, the filter and the worker records of an
interrupted run (what `SCHEDULER_FLUSH_ON_START=1` does when no worker runs); the crawl state stays.

Reads `REDIS_URL` and the key settings from the project settings; `-s NAME=VALUE` overrides them.
"""

from __future__ import annotations

import argparse
import json
import sys

from crawler.distributed.connection import FrontierKeys
from crawler.distributed.frontier import describe
from crawler.project import project_settings


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m crawler.distributed", description=__doc__.split("\n")[0])
    parser.add_argument("command", choices=["status", "forget"])
    parser.add_argument("spider")
    parser.add_argument("-s", "--set", action="append", default=[], metavar="NAME=VALUE")
    args = parser.parse_args(argv)
    settings = project_settings()
    for item in args.set:
        name, _, value = item.partition("=")
        settings.set(name, value, priority="cmdline")
    if not settings.get("REDIS_URL"):
        parser.error("REDIS_URL is not set (use -s REDIS_URL=redis://host:6379/0)")
    from scrapy_redis.connection import get_redis_from_settings

    server = get_redis_from_settings(settings)
    keys = FrontierKeys.from_settings(settings, args.spider)
    if args.command == "forget":
        workers = [w.decode() if isinstance(w, bytes) else w for w in server.smembers(keys.workers)]
        server.delete(keys.queue, keys.dupefilter, keys.workers, keys.epoch,
                      *(keys.processing(w) for w in workers), *(keys.heartbeat(w) for w in workers))
    json.dump({"spider": args.spider, "queue_key": keys.queue, **describe(server, keys)}, sys.stdout, indent=2)
    sys.stdout.write("\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
