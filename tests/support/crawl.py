"""A sample site served on 127.0.0.1 for the whole session, and a helper that runs `scrapy crawl`."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from sample_site.build import Manifest, build_site
from sample_site.server import StaticServer
from tests.support.paths import PROJECT
from tests.support.waiting import wait_until

# Local server: no politeness delays; fail fast.
FAST = ["-s", "DOWNLOAD_DELAY=0", "-s", "AUTOTHROTTLE_ENABLED=0", "-s", "RETRY_TIMES=0",
        "-s", "DOWNLOAD_TIMEOUT=10", "-s", "LOG_LEVEL=INFO", "-s", "TEMPLATES_STATE_PATH="]


@pytest.fixture(scope="session")
def sample_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Manifest]:
    root = tmp_path_factory.mktemp("sample-site")
    server = StaticServer(root)
    manifest = build_site(root, server.base_url("127.0.0.1"), server.base_url("localhost"))
    with server:
        yield manifest


@dataclass
class CrawlResult:
    items: list[dict[str, Any]]
    stats: dict[str, Any]
    log: str
    returncode: int
    peak_rss_mb: float = 0.0
    """Largest resident set of this crawl's process tree (the crawl or one of its workers), in MiB."""


def run_crawl(spider: str, tmp_path: Path, *args: str) -> CrawlResult:
    """`scrapy crawl <spider> -O out.jsonl <args>` in a subprocess, from the project folder."""
    out = tmp_path / f"{spider}.jsonl"
    stats_file = tmp_path / f"{spider}-stats.json"
    state = ["-s", f"STATE_PATH={tmp_path / f'{spider}-state.sqlite'}"]
    command = [sys.executable, "-m", "scrapy", "crawl", spider, "-O", str(out),
               "-s", f"CRAWL_STATS_FILE={stats_file}", *FAST, *state, *args]
    env = {**os.environ, "PYTHONPATH": str(PROJECT)}
    log, returncode, peak_rss_mb = run_measured(command, env, timeout=240)
    items = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()] if out.exists() else []
    stats = json.loads(stats_file.read_text())["stats"] if stats_file.exists() else {}
    return CrawlResult(items, stats, log, returncode, peak_rss_mb)


def run_measured(command: list[str], env: dict[str, str], timeout: float) -> tuple[str, int, float]:
    """Run `command` from the project folder; its stderr, exit code and peak RSS in MiB.

    The peak is that of this process and the children it waited for (`wait4`), not of every child
    the test session ever had (`RUSAGE_CHILDREN`).
    """
    with tempfile.TemporaryFile() as stderr:
        process = subprocess.Popen(command, cwd=PROJECT, stdout=subprocess.DEVNULL, stderr=stderr, env=env)
        waited: list[tuple[int, int, object]] = []

        def exited() -> bool:
            result = os.wait4(process.pid, os.WNOHANG)
            if result[0] != 0:
                waited.append(result)
            return bool(waited)

        try:
            wait_until(exited, f"{command[3:5]} to finish", timeout)
        except AssertionError:
            process.kill()
            raise
        _, status, usage = waited[0]
        process.returncode = os.waitstatus_to_exitcode(status)
        stderr.seek(0)
        log = stderr.read().decode("utf-8", "replace")
    return log, process.returncode, usage.ru_maxrss / 1024  # type: ignore[attr-defined]
