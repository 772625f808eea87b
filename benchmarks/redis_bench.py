"""Articles per second with 1, 2 and 3 local workers sharing a Redis frontier, and what Redis costs.

    python -m benchmarks.redis_bench                       # latency-bound site (0.2 s a page)
    python -m benchmarks.redis_bench --delay 0 --articles 200  # CPU-bound: extraction dominates
    python -m benchmarks.redis_bench --json bench.json

For each worker count it starts its own redis-server (free port, temporary directory) and a local
site of `--articles` invented articles served by `StaticServer(delay=...)`, starts the workers at
once (`scrapy crawl scmp -s REDIS_URL=...`, each with its own `-O` feed), waits for all of them and
checks the union of their feeds is every article exactly once. It reports:

- wall: from the first start to the last exit (includes ~2-3 s of interpreter and Scrapy start-up);
- crawl: from the earliest `start_time` to the latest `finish_time` in the workers' stats;
- articles per second over the crawl window;
- Redis round trips per article, counted in the workers by a counting client class
  (`REDIS_PARAMS={"redis_cls": ...}`, scrapy-redis's own hook): a pipeline or a script call is one
  round trip; heartbeats are included. And the commands the server executed per article (`INFO
  commandstats`, which also counts the commands run inside the Lua scripts).

A run without `REDIS_URL` (one plain worker, SQLite state) is the baseline. Three workers on the
two cores of the reference machine compete for CPU with each other and with the site server: the
gain is bounded by cores, and a latency-bound site gains more than a CPU-bound one.
"""

from __future__ import annotations

import argparse
import atexit
import collections
import json
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from datetime import datetime
from pathlib import Path
from typing import Any

import redis

PROJECT = Path(__file__).resolve().parents[1]
ADDON = "crawler.distributed.addon.RedisAddon"
COUNTS_ENV = "REDIS_BENCH_COUNTS"


class CountingRedis(redis.Redis):
    """A client that counts its round trips by command and writes them to `$REDIS_BENCH_COUNTS` at exit."""

    counts: collections.Counter[str] = collections.Counter()
    _registered = False

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if not CountingRedis._registered and os.environ.get(COUNTS_ENV):
            CountingRedis._registered = True
            atexit.register(self._dump)

    @staticmethod
    def _dump() -> None:
        Path(os.environ[COUNTS_ENV]).write_text(json.dumps(dict(CountingRedis.counts)))

    def execute_command(self, *args: Any, **options: Any) -> Any:
        CountingRedis.counts[str(args[0]).upper()] += 1
        return super().execute_command(*args, **options)

    def pipeline(self, transaction: bool = True, shard_hint: Any = None) -> Any:
        pipe = super().pipeline(transaction, shard_hint)
        original = pipe.execute

        def execute(raise_on_error: bool = True) -> Any:
            CountingRedis.counts["MULTI/EXEC" if transaction else "PIPELINE"] += 1
            return original(raise_on_error)

        pipe.execute = execute  # type: ignore[method-assign]
        return pipe


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def start_redis(folder: Path) -> tuple[subprocess.Popen[bytes], int]:
    binary = shutil.which("redis-server")
    if binary is None:
        sys.exit("redis-server is not installed (Debian: apt-get install redis-server)")
    port = free_port()
    process = subprocess.Popen([binary, "--port", str(port), "--bind", "127.0.0.1", "--dir", str(folder),
                                "--save", "", "--appendonly", "no"], stdout=subprocess.DEVNULL)
    client = redis.Redis(port=port)
    for _ in range(600):
        try:
            client.ping()
            return process, port
        except redis.ConnectionError:
            time.sleep(0.05)
    process.kill()
    sys.exit("redis-server did not start")


def addon_args() -> list[str]:
    from crawler import settings

    addons = getattr(settings, "ADDONS", {})
    return [] if ADDON in addons else ["-s", "ADDONS=" + json.dumps({**addons, ADDON: 0})]


def stamp(value: str) -> float:
    return datetime.fromisoformat(value).timestamp()


def run(workers: int, sitemap: str, folder: Path, args: argparse.Namespace, port: int | None) -> dict[str, Any]:
    folder.mkdir(parents=True)
    common = ["-a", f"sitemaps={sitemap}", "-s", "DOWNLOAD_DELAY=0", "-s", "AUTOTHROTTLE_ENABLED=0",
              "-s", "LOG_LEVEL=WARNING", "-s", "TEMPLATES_STATE_PATH=", "-s", f"STATE_PATH={folder / 'state.sqlite'}",
              "-s", f"CONCURRENT_REQUESTS={args.concurrency}",
              "-s", f"CONCURRENT_REQUESTS_PER_DOMAIN={args.concurrency}",
              "-s", f"EXTRACTION_WORKERS={args.extraction_workers}"]
    if port is not None:
        client = redis.Redis(port=port)
        client.flushall()
        client.config_resetstat()
        common += ["-s", f"REDIS_URL=redis://127.0.0.1:{port}/0", *addon_args(),
                   "-s", 'REDIS_PARAMS={"redis_cls": "benchmarks.redis_bench.CountingRedis"}']
    processes = []
    began = time.monotonic()
    for index in range(workers):
        out = folder / f"w{index}.jsonl"
        command = [sys.executable, "-m", "scrapy", "crawl", "scmp", "-O", str(out), *common,
                   "-s", f"CRAWL_STATS_FILE={folder / f'w{index}-stats.json'}", "-s", f"WORKER_ID=w{index}"]
        env = {**os.environ, "PYTHONPATH": str(PROJECT), COUNTS_ENV: str(folder / f"w{index}-redis.json")}
        with (folder / f"w{index}.log").open("w") as log:
            processes.append(subprocess.Popen(command, cwd=PROJECT, stdout=subprocess.DEVNULL, stderr=log, env=env))
    codes = [process.wait() for process in processes]
    wall = time.monotonic() - began
    if any(codes):
        sys.exit(f"a worker failed ({codes}); see {folder}")
    ids = collections.Counter(json.loads(line)["id"] for index in range(workers)
                              for line in (folder / f"w{index}.jsonl").read_text().splitlines() if line)
    if len(ids) != args.articles or set(ids.values()) != {1}:
        sys.exit(f"expected {args.articles} articles once each, got {len(ids)} ({sum(ids.values())} lines)")
    stats = [json.loads((folder / f"w{i}-stats.json").read_text())["stats"] for i in range(workers)]
    window = max(stamp(s["finish_time"]) for s in stats) - min(stamp(s["start_time"]) for s in stats)
    result: dict[str, Any] = {
        "workers": workers if port is not None else "1 (no Redis)",
        "articles": args.articles, "wall_s": round(wall, 2), "crawl_s": round(window, 2),
        "articles_per_s": round(args.articles / window, 1),
        "per_worker": [int(s.get("item_scraped_count", 0)) for s in stats],
    }
    if port is not None:
        trips: collections.Counter[str] = collections.Counter()
        for index in range(workers):
            trips.update(json.loads((folder / f"w{index}-redis.json").read_text()))
        server = redis.Redis(port=port).info("commandstats")
        commands = {name.removeprefix("cmdstat_"): int(v["calls"]) for name, v in server.items()
                    if name not in ("cmdstat_flushall", "cmdstat_config|resetstat", "cmdstat_info")}
        result["round_trips_per_article"] = round(sum(trips.values()) / args.articles, 2)
        result["round_trips"] = dict(trips.most_common())
        result["server_commands_per_article"] = round(sum(commands.values()) / args.articles, 2)
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--articles", type=int, default=150)
    parser.add_argument("--delay", type=float, default=0.2, help="seconds the site takes per page")
    parser.add_argument("--concurrency", type=int, default=4, help="CONCURRENT_REQUESTS of each worker")
    parser.add_argument("--extraction-workers", type=int, default=0,
                        help="EXTRACTION_WORKERS of each worker (0: inline, one process per worker)")
    parser.add_argument("--workers", default="1,2,3")
    parser.add_argument("--json", type=Path)
    args = parser.parse_args()
    sys.path.insert(0, str(PROJECT))
    from sample_site.server import StaticServer
    from tests.support.changing_site import ChangingSite

    results = []
    with tempfile.TemporaryDirectory(prefix="redis-bench-") as raw:
        tmp = Path(raw)
        (tmp / "site").mkdir()
        server = StaticServer(tmp / "site", delay=args.delay)
        site = ChangingSite(tmp / "site", server.base_url())
        for story_id in range(3300100, 3300100 + args.articles):
            site.add(story_id, day=(story_id - 3300100) % 28 + 1)
        site.write()
        redis_process, port = start_redis(tmp)
        try:
            with server:
                results.append(run(1, site.sitemap, tmp / "baseline", args, None))
                for count in (int(n) for n in args.workers.split(",")):
                    results.append(run(count, site.sitemap, tmp / f"redis-{count}", args, port))
        finally:
            redis_process.terminate()
            redis_process.wait(timeout=30)
    print(f"site: {args.articles} articles, {args.delay} s a page; each worker CONCURRENT_REQUESTS={args.concurrency}, "
          f"EXTRACTION_WORKERS={args.extraction_workers}; {os.cpu_count()} cores")
    print(f"{'workers':>14} {'wall s':>7} {'crawl s':>8} {'art/s':>6} {'trips/art':>9} {'cmds/art':>9}  per worker")
    for r in results:
        print(f"{r['workers']!s:>14} {r['wall_s']:>7} {r['crawl_s']:>8} {r['articles_per_s']:>6} "
              f"{r.get('round_trips_per_article', '-')!s:>9} {r.get('server_commands_per_article', '-')!s:>9}  "
              f"{r['per_worker']}")
    for r in results:
        if "round_trips" in r:
            print(f"round trips with {r['workers']} workers: {r['round_trips']}")
    if args.json:
        args.json.write_text(json.dumps({"args": {k: str(v) for k, v in vars(args).items()}, "results": results},
                                        indent=1))


if __name__ == "__main__":
    main()
