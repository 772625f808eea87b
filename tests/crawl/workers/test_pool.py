"""`ExtractionPool` in this process: outcomes cross the process boundary intact, crashes are survived,
in-flight work is bounded, and no worker outlives the pool (or a crawl killed with SIGKILL)."""

from __future__ import annotations

import asyncio
import os
import signal
import subprocess
import sys
import textwrap
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from crawler.extract import NotAnArticle
from crawler.workers.jobs import JobResult, PageJob
from crawler.workers.pool import ExtractionFailed, ExtractionPool, WorkerCrashed
from crawler.workers.process import alive
from tests.fixtures.pages_support import PAGES, load_input
from tests.support.jobs import CRASH_ENV, crash_on_marked_url
from tests.support.paths import PROJECT
from tests.support.pools import run_with_pool
from tests.support.waiting import wait_until

NOW = datetime(2026, 1, 1, tzinfo=UTC)
NOT_AN_ARTICLE = ("<html><head><title>Contact us</title></head>"
                  "<body><p>Write to us at the address below.</p></body></html>")


async def extract(pool: ExtractionPool, html: str, url: str, **kwargs: Any) -> JobResult:
    return await pool.extract(html, url, site=kwargs.get("site", "generic"), hints=kwargs.get("hints"),
                              fetched_at=NOW.isoformat(), now=NOW)


async def outcome(pool: ExtractionPool, html: str, url: str, **kwargs: Any) -> tuple[str, Any]:
    """What a page gives, as plain data: the item and stats, or the exception's identifying parts."""
    try:
        result = await extract(pool, html, url, **kwargs)
    except NotAnArticle as exc:
        return "not_article", (type(exc), exc.reason, exc.detail, str(exc))
    except ExtractionFailed as exc:
        return "failed", (type(exc), exc.stat, str(exc).splitlines()[0])
    return "article", (result.item, result.stats)


def both_ways(html: str, url: str, **kwargs: Any) -> tuple[tuple[str, Any], tuple[str, Any]]:
    async def one(pool: ExtractionPool) -> tuple[str, Any]:
        return await outcome(pool, html, url, **kwargs)

    return run_with_pool(ExtractionPool(workers=0), one), run_with_pool(ExtractionPool(workers=1), one)


def test_not_an_article_comes_back_with_its_reason_and_detail() -> None:
    inline, pooled = both_ways(NOT_AN_ARTICLE, "https://news.example/contact")
    assert inline[0] == "not_article"
    assert inline[1][1] == "not_article_page"
    assert "characters of text and no article markup" in inline[1][2]
    assert pooled == inline


@pytest.mark.parametrize("case", ["listing-page"])
def test_not_an_article_fixture_comes_back_the_same(case: str) -> None:
    spec = load_input(case)
    html = (PAGES / case / "page.html").read_text(encoding="utf-8")
    inline, pooled = both_ways(html, spec["url"], site=spec["site"], hints=spec.get("hints"))
    assert inline[0] == "not_article"
    assert pooled == inline


def test_an_unexpected_error_in_a_worker_is_reported_with_its_type_and_traceback() -> None:
    page = (PAGES / "bare-minimum" / "page.html").read_text(encoding="utf-8")
    bad_hints = {"feed_authors": 5}  # tuple(5): a TypeError deep inside extraction

    async def one(pool: ExtractionPool) -> ExtractionFailed:
        with pytest.raises(ExtractionFailed) as raised:
            await extract(pool, page, "https://news.example/a", hints=bad_hints)
        return raised.value

    for workers in (0, 1):
        error = run_with_pool(ExtractionPool(workers=workers), one)
        assert error.stat == "error/TypeError"
        assert "Traceback (most recent call last)" in str(error)
        assert "hints.py" in str(error)  # the frame where it happened, from the worker


def test_a_worker_crash_is_counted_and_the_other_pages_are_extracted(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(CRASH_ENV, "/doomed")
    page = (PAGES / "bare-minimum" / "page.html").read_text(encoding="utf-8")
    urls = [f"https://news.example/{name}" for name in ("a", "b", "doomed", "c", "d", "e", "f")]

    async def all_pages(pool: ExtractionPool) -> list[Any]:
        return await asyncio.gather(*(extract(pool, page, url) for url in urls), return_exceptions=True)

    # spawn: the workers must see the variable just set (a running fork server was started before it).
    pool = ExtractionPool(workers=2, crash_retries=1, start_method="spawn", job=crash_on_marked_url)
    results = run_with_pool(pool, all_pages)
    outcomes = dict(zip(urls, results, strict=True))
    assert isinstance(outcomes.pop("https://news.example/doomed"), WorkerCrashed)
    assert all(isinstance(r, JobResult) and r.item is not None for r in outcomes.values()), outcomes
    assert pool.restarts == 2  # the crash, then the crash of its one retry: the other pages' workers live on


def test_at_most_max_inflight_pages_are_submitted_at_a_time() -> None:
    class Counting(ExtractionPool):
        running = peak = 0

        async def _attempt(self, job: PageJob) -> JobResult:
            Counting.running += 1
            Counting.peak = max(Counting.peak, Counting.running)
            for _ in range(3):
                await asyncio.sleep(0)
            Counting.running -= 1
            return JobResult(item={})

        def spider_opened(self) -> None:
            pass  # no processes needed to count submissions

    async def many(pool: ExtractionPool) -> list[Any]:
        return await asyncio.gather(*(extract(pool, "<html/>", f"https://x.example/{i}") for i in range(40)))

    assert len(run_with_pool(Counting(workers=3, max_inflight=5), many)) == 40
    assert Counting.peak == 5


def test_close_stops_every_worker() -> None:
    page = (PAGES / "bare-minimum" / "page.html").read_text(encoding="utf-8")

    async def work(pool: ExtractionPool) -> set[int]:
        results = await asyncio.gather(*(extract(pool, page, f"https://news.example/{i}") for i in range(6)))
        assert all(r.pid != os.getpid() for r in results)
        return {r.pid for r in results}

    pool = ExtractionPool(workers=2)
    pids = run_with_pool(pool, work)  # closes the pool
    assert pids and pids <= pool.worker_pids
    assert [pid for pid in pool.worker_pids if alive(pid)] == []


WAIT_FOR_EXIT_S = 30  # generous: only a hang makes this wait the whole time


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")
def test_workers_exit_when_the_crawl_process_is_killed(tmp_path: Path) -> None:
    script = tmp_path / "owner.py"
    script.write_text(textwrap.dedent("""
        import asyncio
        from crawler.workers.pool import ExtractionPool

        async def main():
            pool = ExtractionPool(workers=2)
            pids = await pool.ready()
            print(" ".join(map(str, sorted(pids))), flush=True)
            await asyncio.sleep(600)

        if __name__ == "__main__":
            asyncio.run(main())
    """))
    owner = subprocess.Popen([sys.executable, str(script)], cwd=PROJECT, stdout=subprocess.PIPE, text=True,
                             env={**os.environ, "PYTHONPATH": str(PROJECT)})
    assert owner.stdout is not None
    pids = [int(p) for p in owner.stdout.readline().split()]
    assert len(pids) >= 1 and all(alive(pid) for pid in pids)
    owner.send_signal(signal.SIGKILL)
    owner.wait()
    owner.stdout.close()
    wait_until(lambda: not any(alive(pid) for pid in pids), "the orphaned workers to exit", WAIT_FOR_EXIT_S)
