"""A private redis-server for the distributed tests, and helpers that start `scrapy crawl` workers.

The server is started by the tests themselves (free port, temporary directory, no persistence), so
they depend neither on a system service nor on the instance `.ci/run` starts. Without a
`redis-server` binary on PATH the tests that need it are skipped, saying so (they fail under CI); the `redis` and
`scrapy-redis` packages are required (the `distributed` extra): a missing one is an error.
"""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import redis

from sample_site.server import StaticServer
from tests.support.changing_site import ChangingSite
from tests.support.crawl import FAST, PROJECT
from tests.support.programs import require_program
from tests.support.waiting import wait_until

ADDON = "crawler.distributed.addon.RedisAddon"
FIRST_ID = 3300100
# Three crawler processes on two cores: extraction inline (same output, tests/workers equivalence),
# short heartbeats so a killed worker is recognised as dead within seconds.
WORKER = [*FAST, "-s", "EXTRACTION_WORKERS=0", "-s", "CONCURRENT_REQUESTS=2",
          "-s", "DISTRIBUTED_HEARTBEAT_INTERVAL=0.5", "-s", "DISTRIBUTED_WORKER_TIMEOUT=3"]


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


class RedisProcess:
    """A redis-server of a test's own on 127.0.0.1 (free port, no persistence); `extra` are more
    command-line options (`--requirepass`, `--unixsocket`). `restart()` brings it back empty on the
    same port, as a Redis without persistence comes back after a crash."""

    def __init__(self, folder: Path, *extra: str, port: int | None = None) -> None:
        self.binary = require_program("redis-server", "Debian: apt-get install redis-server; the distributed "
                                      "tests need a real Redis")
        self.folder = folder
        self.extra = extra
        self.port = port or _free_port()
        self.process: subprocess.Popen[bytes] | None = None

    def start(self, client: redis.Redis | None = None) -> RedisProcess:
        self.process = subprocess.Popen(
            [self.binary, "--port", str(self.port), "--bind", "127.0.0.1", "--dir", str(self.folder), "--save", "",
             "--appendonly", "no", "--logfile", str(self.folder / "redis.log"), *self.extra],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )
        client = client or redis.Redis(port=self.port)
        process = self.process

        def answers() -> bool:
            if process.poll() is not None:
                raise RuntimeError(f"redis-server exited: {(self.folder / 'redis.log').read_text()}")
            try:
                return bool(client.ping())
            except redis.ConnectionError:
                return False

        try:
            wait_until(answers, "redis-server to answer PING", timeout=30)
        except AssertionError:
            process.kill()
            raise
        return self

    def stop(self) -> None:
        """Stop it at once (SIGKILL: the outage tests simulate a crash, and nothing is persisted)."""
        if self.process is not None and self.process.poll() is None:
            self.process.kill()
            self.process.wait(timeout=30)

    def restart(self) -> None:
        self.stop()
        self.start()


@pytest.fixture(scope="session")
def redis_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[int]:
    """A redis-server on 127.0.0.1 for the session; yields its port."""
    server = RedisProcess(tmp_path_factory.mktemp("redis")).start()
    yield server.port
    assert server.process is not None
    server.process.terminate()
    server.process.wait(timeout=30)


@pytest.fixture()
def redis_url(redis_server: int) -> str:
    """An empty database for each test."""
    redis.Redis(port=redis_server).flushall()
    return f"redis://127.0.0.1:{redis_server}/0"


@pytest.fixture()
def client(redis_url: str) -> redis.Redis:
    return redis.Redis.from_url(redis_url)


def make_site(root: Path, count: int, delay: float) -> tuple[ChangingSite, StaticServer]:
    root.mkdir(parents=True, exist_ok=True)
    server = StaticServer(root, delay=delay)
    site = ChangingSite(root, server.base_url())
    for story_id in range(FIRST_ID, FIRST_ID + count):
        site.add(story_id, day=(story_id - FIRST_ID) % 28 + 1)
    site.write()
    return site, server


def addon_args() -> list[str]:
    """Enable the add-on on the command line until crawler/settings.py lists it (CI.md)."""
    from crawler import settings

    if ADDON in getattr(settings, "ADDONS", {}):
        return []
    return ["-s", "ADDONS=" + json.dumps({**getattr(settings, "ADDONS", {}), ADDON: 0})]


class Worker:
    """One `scrapy crawl scmp` worker process with its own feed, stats file and log."""

    def __init__(self, folder: Path, name: str, site: ChangingSite, redis_url: str, *extra: str) -> None:
        folder.mkdir(parents=True, exist_ok=True)
        self.name = name
        self.out = folder / f"{name}.jsonl"
        self.stats_file = folder / f"{name}-stats.json"
        self.log = folder / f"{name}.log"
        command = [sys.executable, "-m", "scrapy", "crawl", "scmp", "-a", f"sitemaps={site.sitemap}",
                   "-O", str(self.out), "-s", f"CRAWL_STATS_FILE={self.stats_file}", *WORKER,
                   "-s", f"REDIS_URL={redis_url}", "-s", f"WORKER_ID={name}", *addon_args(), *extra]
        with self.log.open("w") as log:
            self.process = subprocess.Popen(command, cwd=PROJECT, stdout=subprocess.DEVNULL, stderr=log, text=True,
                                            env={**os.environ, "PYTHONPATH": str(PROJECT)})

    def wait(self, timeout: float = 240) -> int:
        return self.process.wait(timeout=timeout)

    def items(self) -> list[dict[str, Any]]:
        return self.items_in(self.out)

    @staticmethod
    def items_in(path: Path) -> list[dict[str, Any]]:
        """Complete lines only (a killed worker's `.part` may end with a torn one)."""
        if not path.exists():
            return []
        lines = path.read_text(encoding="utf-8").split("\n")[:-1]
        return [json.loads(line) for line in lines if line.strip()]

    def ids(self) -> list[str]:
        return [item["id"] for item in self.items()]

    def updates(self) -> list[tuple[str, bool]]:
        return [(item["id"], item["update"]) for item in self.items()]

    def stats(self) -> dict[str, Any]:
        return json.loads(self.stats_file.read_text())["stats"] if self.stats_file.exists() else {}

    def tail(self) -> str:
        return self.log.read_text(encoding="utf-8")[-3000:] if self.log.exists() else ""


def expected_ids(count: int) -> dict[str, int]:
    return {f"scmp:{i}": 1 for i in range(FIRST_ID, FIRST_ID + count)}


