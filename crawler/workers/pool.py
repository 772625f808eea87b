"""`ExtractionPool`: page extraction in worker processes, awaited from the spider's async callback.

Start method, back-pressure, crashed workers, shutdown and `EXTRACTION_WORKERS = 0` (inline):
docs/performance.md. Stats: `workers/size`, `workers/restarts`, `workers/startup_seconds`.
"""

from __future__ import annotations

import asyncio
import functools
import logging
import multiprocessing
import os
import time
from concurrent.futures import CancelledError, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from datetime import datetime
from typing import TYPE_CHECKING, Any

from scrapy import signals
from scrapy.utils.misc import load_object

from crawler.extract import NotAnArticle
from crawler.normalise import load_normalisers
from crawler.workers.jobs import JobOptions, JobResult, PageJob, init_worker, run_job, warm_up

if TYPE_CHECKING:
    from collections.abc import Callable

    from scrapy.crawler import Crawler
    from scrapy.settings import BaseSettings

logger = logging.getLogger(__name__)

# Imported once by the fork server, so that every forked worker starts with them loaded.
PRELOAD = ["crawler.workers.jobs"]


class ExtractionFailed(Exception):
    """A page could not be extracted because of an error (not because it is not an article)."""

    def __init__(self, stat: str, message: str) -> None:
        super().__init__(message)
        self.stat = stat
        """Stat suffix under `extract/`: `error/<ExceptionType>` or `worker_crash`."""


class WorkerCrashed(ExtractionFailed):
    """The worker process died while extracting the page, on every attempt."""


def usable_cores() -> int:
    """CPUs this process may run on."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not Linux
        return os.cpu_count() or 1


def job_options(settings: BaseSettings, *, capture_logs: bool) -> JobOptions:
    """The normalisers of the `NORMALISERS` setting, with the settings they read."""
    paths = tuple(settings.getlist("NORMALISERS"))
    wanted = sorted({name for n in load_normalisers(paths) for name in n.settings})
    return JobOptions(
        normalisers=paths,
        settings=tuple((name, settings.get(name)) for name in wanted),
        capture_logs=capture_logs,
        log_level=_level(settings),
    )


def _level(settings: BaseSettings) -> int:
    level = settings.get("LOG_LEVEL")
    number = level if isinstance(level, int) else logging.getLevelName(str(level).upper())
    return number if isinstance(number, int) else logging.INFO


class ExtractionPool:
    """The extraction workers of one crawl."""

    def __init__(
        self,
        crawler: Crawler | None = None,
        *,
        workers: int,
        max_inflight: int = 0,
        start_method: str = "forkserver",
        crash_retries: int = 1,
        options: JobOptions | None = None,
        job: Callable[[PageJob], JobResult] = run_job,
    ) -> None:
        self.crawler = crawler
        self.workers = max(0, workers)
        self.max_inflight = max_inflight if max_inflight > 0 else 2 * self.workers
        self.start_method = start_method
        self.crash_retries = max(0, crash_retries)
        self.options = options or JobOptions(capture_logs=self.workers > 0)
        self.job = job
        self.worker_pids: set[int] = set()
        """Pids of the current workers seen so far (bounded by `workers`; logged at shutdown)."""
        self._executor: ProcessPoolExecutor | None = None
        self._generation = 0
        self._ready: asyncio.Future[tuple[float, set[int]] | None] | None = None
        self._inflight: asyncio.Semaphore | None = None
        self._suspects: asyncio.Lock | None = None
        self._closed = False

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> ExtractionPool:
        settings = crawler.settings
        workers = settings.getint("EXTRACTION_WORKERS")
        pool = cls(
            crawler,
            workers=usable_cores() if workers < 0 else workers,
            max_inflight=settings.getint("EXTRACTION_MAX_INFLIGHT"),
            start_method=settings.get("EXTRACTION_START_METHOD"),
            crash_retries=settings.getint("EXTRACTION_CRASH_RETRIES"),
            options=job_options(settings, capture_logs=workers != 0),
            job=load_object(settings.get("EXTRACTION_JOB")),
        )
        crawler.signals.connect(pool.spider_opened, signal=signals.spider_opened)
        crawler.signals.connect(pool.close, signal=signals.spider_closed)
        crawler.signals.connect(pool.close, signal=signals.engine_stopped)
        return pool

    # --- the spider's side ------------------------------------------------------------------

    async def extract(
        self,
        html: str | bytes,
        url: str,
        *,
        site: str,
        hints: dict[str, Any] | None,
        fetched_at: str,
        now: datetime,
        served_at: str | None = None,
        header_encoding: str | None = None,
    ) -> JobResult:
        """The page's result (an item and stats); raises `NotAnArticle` or `ExtractionFailed`.

        `served_at`: the response's `Date` header (relative dates on the page count from it).
        `header_encoding`: the `Content-Type` charset ("" for none) when `html` is the body's bytes,
        decoded in the worker. The stats of a page that gives no item are counted here.
        """
        job = PageJob(html, url, site, hints, fetched_at, now, self.options, served_at, header_encoding)
        result = self.job(job) if self.workers == 0 else await self._submit(job)
        for name, level, message in result.logs:
            logging.getLogger(name).log(level, "%s", message)
        if result.item is None and self.crawler is not None and self.crawler.stats is not None:
            for key, count in result.stats.items():
                self.crawler.stats.inc_value(key, count)
        if result.not_article is not None:
            raise NotAnArticle(*result.not_article)
        if result.error is not None:
            kind, message, remote_traceback = result.error
            raise ExtractionFailed(f"error/{kind}", f"{kind}: {message}\n{remote_traceback}")
        return result

    async def _submit(self, job: PageJob) -> JobResult:
        if self._inflight is None or self._suspects is None:
            self._inflight = asyncio.Semaphore(self.max_inflight)
            self._suspects = asyncio.Lock()
        async with self._inflight:
            attempt = 0
            while True:
                if attempt:
                    # A retried job may be the one that kills its worker: run suspects one at a time.
                    async with self._suspects:
                        outcome = await self._attempt(job)
                else:
                    outcome = await self._attempt(job)
                if outcome is not None:
                    return outcome
                attempt += 1
                if attempt > self.crash_retries:
                    raise WorkerCrashed("worker_crash", f"the worker process died {attempt} times on this page")

    async def _attempt(self, job: PageJob) -> JobResult | None:
        """The job's result, or None when its worker died (the pool is then recreated)."""
        if self._closed:
            raise ExtractionFailed("error/PoolClosed", "the extraction pool is shut down")
        await self._start()
        executor, generation = self._executor, self._generation
        assert executor is not None
        try:
            result = await asyncio.get_running_loop().run_in_executor(executor, self.job, job)
        except BrokenProcessPool:
            self._restart(generation)
            return None
        if generation == self._generation:
            self.worker_pids.add(result.pid)
        return result

    # --- life cycle -------------------------------------------------------------------------

    def spider_opened(self) -> None:
        """Start the workers while the crawl reads its sitemaps."""
        if self.workers:
            self._begin_start()

    async def _start(self) -> None:
        if self._ready is None:
            self._begin_start()
        assert self._ready is not None
        await asyncio.shield(self._ready)

    def _begin_start(self) -> None:
        if self._ready is not None and not self._ready.done():
            return
        context = multiprocessing.get_context(self.start_method)
        if self.start_method == "forkserver":
            context.set_forkserver_preload(PRELOAD)  # no effect once the fork server runs
        self._executor = ProcessPoolExecutor(max_workers=self.workers, mp_context=context,
                                             initializer=init_worker, initargs=(os.getpid(),))
        self._generation += 1
        self.worker_pids = set()
        # Starting processes blocks (the fork server imports the extraction code first): not on the reactor.
        self._ready = asyncio.get_running_loop().run_in_executor(None, self._warm, self._executor)
        self._ready.add_done_callback(functools.partial(self._warm_done, self._generation))
        self._set_stat("workers/size", self.workers)

    def _warm(self, executor: ProcessPoolExecutor) -> tuple[float, set[int]] | None:
        """Start every worker and run the warm-up page in it (in a helper thread)."""
        started = time.monotonic()
        options = JobOptions(self.options.normalisers, self.options.settings)
        try:
            futures = [executor.submit(warm_up, options) for _ in range(self.workers)]
            pids = {future.result() for future in futures}
        except (BrokenProcessPool, CancelledError, RuntimeError):
            return None  # died while starting, or shut down meanwhile: the next job restarts or stops
        except Exception:  # a bug on the warm-up page is a bug on every page: say so once, carry on
            logger.exception("Extraction warm-up failed")
            return None
        return time.monotonic() - started, pids

    def _warm_done(self, generation: int, future: asyncio.Future[tuple[float, set[int]] | None]) -> None:
        outcome = None if future.cancelled() else future.result()
        if generation != self._generation:
            return  # an older pool's warm-up
        if outcome is None:
            if not self._closed:
                logger.warning("Extraction workers did not start cleanly (%s); jobs will retry", self.start_method)
            return
        elapsed, pids = outcome
        if self._closed:
            return
        self.worker_pids.update(pids)
        self._set_stat("workers/startup_seconds", round(elapsed, 3))
        logger.info("Extraction pool ready: %d %s workers in %.2f s (pids %s)", self.workers, self.start_method,
                    elapsed, ", ".join(map(str, sorted(pids))))

    def _restart(self, generation: int) -> None:
        """Replace the broken executor (once, whichever of its jobs notices first)."""
        if generation != self._generation or self._closed:
            return
        logger.error("An extraction worker died; restarting the pool of %d workers (old pids %s)", self.workers,
                     ", ".join(map(str, sorted(self.worker_pids))) or "unknown")
        self._inc_stat("workers/restarts")
        broken = self._executor
        self._ready = None
        if broken is not None:
            broken.shutdown(wait=False)  # its pending jobs already failed with BrokenProcessPool
        self._begin_start()

    def close(self) -> None:
        """Shut the workers down and wait for them to exit (idempotent)."""
        if self._closed:
            return
        self._closed = True
        executor, self._executor = self._executor, None
        if executor is None:
            return
        started = time.monotonic()
        executor.shutdown(wait=True, cancel_futures=True)
        logger.info("Extraction pool shut down in %.2f s (worker pids %s)", time.monotonic() - started,
                    ", ".join(map(str, sorted(self.worker_pids))))

    # --- stats ------------------------------------------------------------------------------

    def _set_stat(self, key: str, value: Any) -> None:
        if self.crawler is not None and self.crawler.stats is not None:
            self.crawler.stats.set_value(key, value)

    def _inc_stat(self, key: str) -> None:
        if self.crawler is not None and self.crawler.stats is not None:
            self.crawler.stats.inc_value(key)

