"""`scrapy frontier status|forget SPIDER` against a real Redis, and its usage errors."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import redis

from crawler.distributed.connection import FrontierKeys
from crawler.distributed.frontier import Frontier
from tests.support.paths import PROJECT

# BOT_NAME is regional_news: the keys the command reads for the scmp spider.
KEYS = FrontierKeys(queue="regional_news:scmp:requests", dupefilter="regional_news:scmp:dupefilter")


def frontier(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "scrapy", "frontier", *args], cwd=PROJECT, capture_output=True,
                          text=True, timeout=60, env={**os.environ, "PYTHONPATH": str(PROJECT)})


def test_status_then_forget(redis_url: str) -> None:
    client = redis.Redis.from_url(redis_url)
    worker = Frontier(client, KEYS, "w1", ttl=30)
    worker.register()
    worker.enqueue(b"r1", 0, "fp1")
    worker.enqueue(b"r2", 0, "fp2")
    assert worker.pop() is not None

    done = frontier("status", "scmp", "-s", f"REDIS_URL={redis_url}")
    assert done.returncode == 0, done.stderr
    status = json.loads(done.stdout)
    assert status["queue"] == 1 and status["seen"] == 2
    assert status["workers"]["w1"]["in_flight"] == 1

    done = frontier("forget", "scmp", "-s", f"REDIS_URL={redis_url}")
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["queue"] == 0 and json.loads(done.stdout)["workers"] == {}
    assert not client.exists(KEYS.queue, KEYS.dupefilter, KEYS.workers, KEYS.processing("w1"))


def test_usage_errors_are_one_line() -> None:
    for args, message in [
        (("status", "scmp"), "REDIS_URL is not set"),
        (("status", "nosuchspider", "-s", "REDIS_URL=redis://127.0.0.1:1/0"), "unknown spider 'nosuchspider'"),
        (("peek", "scmp"), "expected: scrapy frontier status|forget SPIDER"),
    ]:
        done = frontier(*args)
        assert done.returncode == 2 and message in done.stderr, (args, done.stderr)
        assert "Traceback" not in done.stderr


def test_unreachable_redis_is_one_line() -> None:
    done = frontier("status", "scmp", "-s", "REDIS_URL=redis://127.0.0.1:1/0")
    assert done.returncode == 69 and "Redis unreachable" in done.stderr
    assert "Traceback" not in done.stderr
