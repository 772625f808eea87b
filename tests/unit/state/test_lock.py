"""One process per state file; the crawls of one process share it."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from crawler.state.lock import StateLock, StateLocked
from tests.support.paths import PROJECT

HOLD = """
import sys, time
from crawler.state.lock import StateLock
StateLock.acquire(sys.argv[1])
print("locked", flush=True)
time.sleep(float(sys.argv[2]))
"""


def holder(state: Path, seconds: float) -> subprocess.Popen[str]:
    process = subprocess.Popen([sys.executable, "-c", HOLD, str(state), str(seconds)], stdout=subprocess.PIPE,
                               text=True, env={**os.environ, "PYTHONPATH": str(PROJECT)})
    assert process.stdout is not None and process.stdout.readline().strip() == "locked"
    process.stdout.close()
    return process


def test_another_process_holding_the_lock_refuses_at_once(tmp_path: Path) -> None:
    state = tmp_path / "crawl.sqlite"
    process = holder(state, 30)
    try:
        started = time.monotonic()
        with pytest.raises(StateLocked, match=r"crawl\.sqlite\.lock") as refused:
            StateLock.acquire(state)
        assert time.monotonic() - started < 5
        assert f"pid {process.pid}" in str(refused.value)
    finally:
        process.kill()
        process.wait()


def test_waiting_gets_the_lock_once_the_holder_ends(tmp_path: Path) -> None:
    state = tmp_path / "crawl.sqlite"
    process = holder(state, 1.0)
    try:
        lock = StateLock.acquire(state, wait=60)
        lock.release()
    finally:
        process.wait()


def test_a_dead_holder_does_not_keep_the_lock(tmp_path: Path) -> None:
    state = tmp_path / "crawl.sqlite"
    process = holder(state, 30)
    process.kill()
    process.wait()
    StateLock.acquire(state).release()


def test_crawls_of_one_process_share_it(tmp_path: Path) -> None:
    state = tmp_path / "crawl.sqlite"
    first, second = StateLock.acquire(state), StateLock.acquire(state)
    first.release()
    process = subprocess.run([sys.executable, "-c", HOLD, str(state), "0"], capture_output=True, text=True,
                             env={**os.environ, "PYTHONPATH": str(PROJECT)}, timeout=60)
    assert process.returncode != 0 and "StateLocked" in process.stderr  # still held by `second`
    second.release()
    assert subprocess.run([sys.executable, "-c", HOLD, str(state), "0"], capture_output=True,
                          env={**os.environ, "PYTHONPATH": str(PROJECT)}, timeout=60).returncode == 0
