"""A worker takes its next page as soon as it has finished one, without waiting for the reactor.

The reactor thread is busy most of a crawl (Scrapy, the pipelines, the feed); a worker that waited for
it between pages sat idle a tenth of the time (docs/performance.md). Pages waiting for a worker are
picked up by the workers' own threads.
"""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime
from pathlib import Path

import pytest

from crawler.workers.jobs import JobResult
from crawler.workers.pool import ExtractionPool
from tests.fixtures.pages_support import PAGES
from tests.support.jobs import START_MARK_ENV, mark_start
from tests.support.pools import run_with_pool
from tests.support.waiting import wait_until

NOW = datetime(2026, 1, 1, tzinfo=UTC)
PAGE = (PAGES / "bare-minimum" / "page.html").read_text(encoding="utf-8")


def test_a_waiting_page_starts_while_the_reactor_thread_is_busy(tmp_path: Path,
                                                                monkeypatch: pytest.MonkeyPatch) -> None:
    marker = tmp_path / "second-started"
    monkeypatch.setenv(START_MARK_ENV, str(marker))  # spawn: the worker reads the environment as it is now
    pool = ExtractionPool(workers=1, start_method="spawn", job=mark_start)

    async def work(pool: ExtractionPool) -> list[JobResult]:
        await pool.ready()
        pages = [asyncio.ensure_future(pool.extract(PAGE, url, site="generic", hints=None,
                                                    fetched_at=NOW.isoformat(), now=NOW))
                 for url in ("https://news.example/first", "https://news.example/mark-start")]
        for _ in range(5):
            await asyncio.sleep(0)  # both pages submitted: the second waits for the one worker
        # Block the event loop, as a busy reactor does: the worker must go on to the second page anyway.
        wait_until(marker.exists, "the second page to start while the event loop is blocked", timeout=20)
        return list(await asyncio.gather(*pages))

    results = run_with_pool(pool, work)
    assert [r.item is not None for r in results] == [True, True]
    assert marker.read_text(encoding="utf-8") == "https://news.example/mark-start"
