"""One process per state file; the crawls of one process share it."""

from __future__ import annotations

import os
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from crawler.state.lock import StateLock, StateLocked
from tests.support.paths import PROJECT

# Takes the lock, says so, and holds it until its stdin is closed (then exits, releasing it).
HOLD = """
import sys
from crawler.state.lock import StateLock
StateLock.acquire(sys.argv[1])
print("locked", flush=True)
sys.stdin.read()
"""


def holder(state: Path) -> subprocess.Popen[str]:
    process = subprocess.Popen([sys.executable, "-c", HOLD, str(state)], stdin=subprocess.PIPE,
                               stdout=subprocess.PIPE, text=True, env={**os.environ, "PYTHONPATH": str(PROJECT)})
    assert process.stdout is not None and process.stdout.readline().strip() == "locked"
    process.stdout.close()
    return process


def let_go(process: subprocess.Popen[str]) -> None:
    """End the holder (closing its stdin) and wait for it."""
    assert process.stdin is not None
    process.stdin.close()
    process.wait(timeout=60)


def test_another_process_holding_the_lock_refuses_at_once(tmp_path: Path) -> None:
    state = tmp_path / "crawl.sqlite"
    process = holder(state)
    try:
        started = time.monotonic()
        with pytest.raises(StateLocked, match=r"crawl\.sqlite\.lock") as refused:
            StateLock.acquire(state)
        assert time.monotonic() - started < 5
        assert f"pid {process.pid}" in str(refused.value)
    finally:
        let_go(process)


def test_waiting_gets_the_lock_once_the_holder_ends(tmp_path: Path) -> None:
    state = tmp_path / "crawl.sqlite"
    process = holder(state)
    got: list[StateLock] = []
    waiter = threading.Thread(target=lambda: got.append(StateLock.acquire(state, wait=60)))
    waiter.start()
    try:
        assert not got  # still held
        let_go(process)
        waiter.join(timeout=60)
        assert got, "the waiting run never got the lock"
        got[0].release()
    finally:
        if process.poll() is None:
            let_go(process)


def test_a_dead_holder_does_not_keep_the_lock(tmp_path: Path) -> None:
    state = tmp_path / "crawl.sqlite"
    process = holder(state)
    process.kill()
    process.wait()
    assert process.stdin is not None
    process.stdin.close()
    StateLock.acquire(state).release()


def test_crawls_of_one_process_share_it(tmp_path: Path) -> None:
    state = tmp_path / "crawl.sqlite"
    first, second = StateLock.acquire(state), StateLock.acquire(state)
    first.release()
    process = subprocess.run([sys.executable, "-c", HOLD, str(state)], input="", capture_output=True, text=True,
                             env={**os.environ, "PYTHONPATH": str(PROJECT)}, timeout=60)
    assert process.returncode != 0 and "StateLocked" in process.stderr  # still held by `second`
    second.release()
    assert subprocess.run([sys.executable, "-c", HOLD, str(state)], input="", capture_output=True, text=True,
                          env={**os.environ, "PYTHONPATH": str(PROJECT)}, timeout=60).returncode == 0
