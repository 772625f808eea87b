"""Worker budget: a page past `page_timeout`, a stopped or stuck worker, the fork server dying.

Each costs at most its own page (counted), and the worker concerned is killed and replaced; the
other pages are extracted as if nothing happened.
"""

from __future__ import annotations

import asyncio
import os
import signal
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from crawler.workers.jobs import JobResult
from crawler.workers.pool import ExtractionPool, PageTimedOut
from crawler.workers.process import alive
from tests.fixtures.pages_support import PAGES
from tests.support.jobs import HANG_ENV, STOP_ENV, misbehave_on_marked_url
from tests.support.pools import run_with_pool

NOW = datetime(2026, 1, 1, tzinfo=UTC)
PAGE = (PAGES / "bare-minimum" / "page.html").read_text(encoding="utf-8")
TIMEOUT = 1.5  # seconds; a healthy page takes milliseconds


async def extract_all(pool: ExtractionPool, urls: list[str]) -> dict[str, Any]:
    results = await asyncio.gather(*(pool.extract(PAGE, url, site="generic", hints=None, fetched_at=NOW.isoformat(),
                                                  now=NOW) for url in urls), return_exceptions=True)
    return dict(zip(urls, results, strict=True))


async def gone(pid: int, within: float = 10.0) -> bool:
    """True once the process has exited (a kill takes effect a moment later)."""
    for _ in range(int(within / 0.05)):
        if not alive(pid):
            return True
        await asyncio.sleep(0.05)
    return False


def urls(*names: str) -> list[str]:
    return [f"https://news.example/{name}" for name in names]


def extracted(outcome: Any) -> bool:
    return isinstance(outcome, JobResult) and outcome.item is not None


@pytest.mark.parametrize("marker_env,marker", [(HANG_ENV, "/stuck"), (STOP_ENV, "/stopped")], ids=["stuck", "stopped"])
def test_a_page_past_its_budget_is_given_up_and_its_worker_replaced(
    marker_env: str, marker: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(marker_env, marker)  # spawn: the workers read the environment as it is now
    pool = ExtractionPool(workers=2, page_timeout=TIMEOUT, start_method="spawn", job=misbehave_on_marked_url)
    seen: dict[str, Any] = {}

    async def work(pool: ExtractionPool) -> dict[str, Any]:
        seen["pids"] = await pool.ready()
        return await extract_all(pool, urls("a", "b", marker.strip("/"), "c", "d", "e"))

    outcomes = run_with_pool(pool, work)
    failed = outcomes.pop(f"https://news.example{marker}")
    assert isinstance(failed, PageTimedOut) and failed.stat == "timeout"
    assert all(extracted(outcome) for outcome in outcomes.values()), outcomes
    assert pool.restarts == 1
    assert not [pid for pid in seen["pids"] if alive(pid)]  # the culprit killed, the others closed


def test_a_worker_stopped_while_idle_is_replaced_and_its_page_given_to_another() -> None:
    pool = ExtractionPool(workers=2, page_timeout=TIMEOUT, start_method="spawn")

    async def work(pool: ExtractionPool) -> dict[str, Any]:
        stopped = sorted(await pool.ready())[0]
        os.kill(stopped, signal.SIGSTOP)
        try:
            return await extract_all(pool, urls(*"abcdef"))
        finally:
            assert await gone(stopped)

    outcomes = run_with_pool(pool, work)
    assert all(extracted(outcome) for outcome in outcomes.values()), outcomes
    assert pool.restarts == 1


def _parent(pid: int) -> int:
    return int(Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[1])


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="finds the fork server through /proc")
def test_the_fork_server_dying_stops_nothing_and_the_next_worker_starts_a_new_one() -> None:
    pool = ExtractionPool(workers=2, page_timeout=30, start_method="forkserver")
    seen: dict[str, Any] = {}

    async def work(pool: ExtractionPool) -> list[dict[str, Any]]:
        pids = sorted(await pool.ready())
        fork_server = _parent(pids[0])
        os.kill(fork_server, signal.SIGKILL)
        first = await extract_all(pool, urls(*"abcd"))  # the running workers are not affected
        os.kill(pids[0], signal.SIGKILL)  # its replacement needs a new fork server
        second = await extract_all(pool, urls(*"efghij"))
        seen["new"] = {_parent(pid) for pid in await pool.ready()} - {fork_server}
        return [first, second]

    for outcomes in run_with_pool(pool, work):
        assert all(extracted(outcome) for outcome in outcomes.values()), outcomes
    assert pool.restarts == 1  # the worker killed on purpose, nothing else
    assert seen["new"], "the replacement came from a new fork server"
