"""A sample site served on 127.0.0.1 for the whole session, and a helper that runs `scrapy crawl`."""

from __future__ import annotations

import functools
import json
import os
import resource
import subprocess
import sys
import tempfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from crawler import exit_codes
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

    @property
    def exit_code(self) -> int:
        """The code the run recorded for schedulers (`exit/code`, crawler/exit_codes.py): what the
        `crawl` command exits with, so `returncode` equals it wherever that command is ours."""
        return exit_codes.exit_code(self.stats)


def _file_size_limit(limit: int) -> None:
    """In the child: files may not grow beyond `limit` bytes (writes past it fail with EFBIG, as on a
    full disk; Python ignores SIGXFSZ)."""
    resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))


def run_crawl(spider: str, tmp_path: Path, *args: str, env: dict[str, str] | None = None,
              out: Path | None = None, mode: str = "-O", file_size_limit: int | None = None) -> CrawlResult:
    """`scrapy crawl <spider> -O out.jsonl <args>` in a subprocess, from the project folder.

    `env`: more environment variables (test doubles read them); `out`/`mode`: another feed path, or
    `-o` to append; `file_size_limit`: no file the crawl writes may grow beyond it. The exit code a
    scheduler acts on is `stats["exit/code"]` (crawler/exit_codes.py).
    """
    out = out or tmp_path / f"{spider}.jsonl"
    stats_file = tmp_path / f"{spider}-stats.json"
    state = ["-s", f"STATE_PATH={tmp_path / f'{spider}-state.sqlite'}"]
    command = [sys.executable, "-m", "scrapy", "crawl", spider, mode, str(out),
               "-s", f"CRAWL_STATS_FILE={stats_file}", *FAST, *state, *args]
    environment = {**os.environ, "PYTHONPATH": str(PROJECT), **(env or {})}
    limit = functools.partial(_file_size_limit, file_size_limit) if file_size_limit else None
    log, returncode, peak_rss_mb = run_measured(command, environment, timeout=240, preexec_fn=limit)
    items = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()] if out.exists() else []
    stats = json.loads(stats_file.read_text())["stats"] if stats_file.exists() else {}
    return CrawlResult(items, stats, log, returncode, peak_rss_mb)


def run_measured(command: list[str], env: dict[str, str], timeout: float,
                 preexec_fn: Callable[[], None] | None = None) -> tuple[str, int, float]:
    """Run `command` from the project folder; its stderr, exit code and peak RSS in MiB.

    The peak is that of this process and the children it waited for (`wait4`), not of every child
    the test session ever had (`RUSAGE_CHILDREN`).
    """
    with tempfile.TemporaryFile() as stderr:
        process = subprocess.Popen(command, cwd=PROJECT, stdout=subprocess.DEVNULL, stderr=stderr, env=env,
                                   preexec_fn=preexec_fn)
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
