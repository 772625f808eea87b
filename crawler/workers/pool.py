"""`ExtractionPool`: page extraction in worker processes, awaited from the spider's async callback.

Workers the pool starts, times (`EXTRACTION_PAGE_TIMEOUT`) and replaces one by one, each on its own
pipe; start method, back-pressure, crashed workers, shutdown and `EXTRACTION_WORKERS = 0` (inline):
docs/performance.md; per-page limits: docs/operations.md.
Stats: `workers/size`, `workers/restarts`, `workers/startup_seconds`.
"""

from __future__ import annotations

import asyncio
import atexit
import logging
import multiprocessing
import os
import queue
import signal
import threading
import time
from dataclasses import dataclass
from datetime import datetime
from multiprocessing import forkserver
from multiprocessing.connection import Connection
from typing import TYPE_CHECKING, Any

from scrapy import signals
from scrapy.utils.misc import load_object

from crawler.extract import NotAnArticle
from crawler.workers.jobs import JobOptions, JobResult, PageJob, run_job
from crawler.workers.process import alive, worker_main

if TYPE_CHECKING:
    from collections.abc import Callable

    from scrapy.crawler import Crawler
    from scrapy.settings import BaseSettings

logger = logging.getLogger(__name__)

# Imported once by the fork server, so that every forked worker starts with them loaded (the last one
# runs the warm-up page there).
PRELOAD = ["crawler.workers.jobs", "crawler.workers.process", "crawler.workers.fork_server"]
# Seconds a closing pool waits for its workers to exit before killing them.
_EXIT_GRACE = 2.0
# Workers that died or failed to start in a row, without one becoming ready, before the pool gives up.
_MAX_FAILED_STARTS = 3
# Times a page is handed to another worker because the one it was given to never took it.
_MAX_HANDOVERS = 3
# Every worker process started and not yet known to be gone, whatever pool started it. Workers ignore
# SIGTERM, which is all multiprocessing's exit handler sends its children before waiting for them:
# our own exit handler (registered later, so run first) kills what is left, e.g. a worker whose start
# finished after its pool closed.
_STARTED: dict[int, Any] = {}
_STARTED_LOCK = threading.Lock()


@atexit.register
def _kill_leftovers() -> None:
    with _STARTED_LOCK:
        leftovers = list(_STARTED)
        _STARTED.clear()
    for pid in leftovers:
        try:
            os.kill(pid, signal.SIGKILL)
        except ProcessLookupError:
            pass


class ExtractionFailed(Exception):
    """A page could not be extracted because of an error (not because it is not an article)."""

    def __init__(self, stat: str, message: str) -> None:
        super().__init__(message)
        self.stat = stat
        """Stat suffix under `extract/`: `error/<ExceptionType>`, `worker_crash` or `timeout`."""


class WorkerCrashed(ExtractionFailed):
    """The worker process died while extracting the page, on every attempt."""


class PageTimedOut(ExtractionFailed):
    """The page ran longer than `EXTRACTION_PAGE_TIMEOUT`; its worker was killed."""


class _Lost(Exception):
    """The worker was lost while it had the page: `reason` is "crash", "timeout" or "unresponsive"."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


def usable_cores() -> int:
    """CPUs this process may run on."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not Linux
        return os.cpu_count() or 1


def _fork_server_context() -> Any:
    """The forkserver context, with `PRELOAD` set (no effect once the fork server runs)."""
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload(PRELOAD)
    return context


def job_options(settings: BaseSettings, *, capture_logs: bool) -> JobOptions:
    """The normalisers of the `NORMALISERS` setting, with the settings they read."""
    return JobOptions.reading(tuple(settings.getlist("NORMALISERS")), settings.get, capture_logs=capture_logs,
                              log_level=_level(settings))


def _level(settings: BaseSettings) -> int:
    level = settings.get("LOG_LEVEL")
    number = level if isinstance(level, int) else logging.getLevelName(str(level).upper())
    return number if isinstance(number, int) else logging.INFO


@dataclass
class _Task:
    """One page given to one worker."""

    job: PageJob
    future: asyncio.Future[JobResult]
    timer: asyncio.TimerHandle | None = None


@dataclass(eq=False)
class _Worker:
    """One worker process, our end of its pipe, and the thread that talks to it."""

    pid: int
    process: Any
    conn: Connection
    task: _Task | None = None
    """The page its thread last sent it (set by that thread, before sending)."""
    ready: bool = False
    gone: bool = False


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
        page_timeout: float = 30.0,
        options: JobOptions | None = None,
        job: Callable[[PageJob], JobResult] = run_job,
    ) -> None:
        self.crawler = crawler
        self.workers = max(0, workers)
        self.max_inflight = max_inflight if max_inflight > 0 else 2 * self.workers
        self.start_method = start_method
        self.crash_retries = max(0, crash_retries)
        self.page_timeout = page_timeout if page_timeout > 0 else None
        self.options = options or JobOptions(capture_logs=self.workers > 0)
        self.job = job
        self.worker_pids: set[int] = set()
        """Pids of every worker that became ready (logged at shutdown)."""
        self.restarts = 0
        """Workers replaced after a crash, a timeout or a failed start."""
        self._loop: asyncio.AbstractEventLoop | None = None
        self._live: list[_Worker] = []
        # Pages waiting for a worker. The workers' threads take them, so that a worker goes on to the
        # next page without a round trip through the (often busy) event loop.
        self._pending: queue.SimpleQueue[_Task | None] = queue.SimpleQueue()
        self._threads = 0
        self._starting = 0
        self._failed_starts = 0
        self._broken: str | None = None
        self._opened_at = 0.0
        self._first_ready = False
        self._all_ready: asyncio.Event | None = None
        self._inflight: asyncio.Semaphore | None = None
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
            page_timeout=settings.getfloat("EXTRACTION_PAGE_TIMEOUT"),
            options=job_options(settings, capture_logs=workers != 0),
            job=load_object(settings.get("EXTRACTION_JOB")),
        )
        crawler.signals.connect(pool.spider_opened, signal=signals.spider_opened)
        crawler.signals.connect(pool.close, signal=signals.spider_closed)
        crawler.signals.connect(pool.close, signal=signals.engine_stopped)
        pool.start_fork_server()
        return pool

    def start_fork_server(self) -> None:
        """Launch the fork server now, while Scrapy builds the rest of the crawl, so that it has
        imported and warmed up the extraction code on another core when the spider opens; the
        workers themselves are forked from it then (`spider_opened`). Launching returns at once;
        if it fails, the first worker start launches it again (and reports)."""
        if not self.workers or self.start_method != "forkserver":
            return
        _fork_server_context()
        try:
            forkserver.ensure_running()
        except Exception as exc:  # noqa: BLE001 - the first worker start tries again and reports
            logger.debug("Fork server not started early: %s", exc)

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
        if self._inflight is None:
            self._inflight = asyncio.Semaphore(self.max_inflight)
        async with self._inflight:
            crashes = handovers = 0
            while True:
                try:
                    return await self._attempt(job)
                except _Lost as lost:
                    if lost.reason == "timeout":
                        raise PageTimedOut("timeout", f"still running after {self.page_timeout:g} s "
                                                      "(EXTRACTION_PAGE_TIMEOUT); its worker was replaced") from None
                    if lost.reason == "unresponsive":
                        handovers += 1
                        if handovers > _MAX_HANDOVERS:
                            raise ExtractionFailed("worker_unresponsive",
                                                   f"{handovers} workers in a row never took the page") from None
                        continue
                    crashes += 1
                    if crashes > self.crash_retries:
                        raise WorkerCrashed("worker_crash",
                                            f"the worker process died {crashes} times on this page") from None

    async def _attempt(self, job: PageJob) -> JobResult:
        """The job's result from one worker; raises `_Lost` when that worker was lost with it."""
        self._check_usable()
        if self._loop is None:
            self.spider_opened()
        task = _Task(job, asyncio.get_running_loop().create_future())
        self._pending.put(task)
        try:
            return await task.future
        finally:
            if task.timer is not None:
                task.timer.cancel()

    # --- workers: start, hand out, replace ----------------------------------------------------

    def spider_opened(self) -> None:
        """Start the workers while the crawl reads its sitemaps."""
        if self.workers and self._loop is None:
            self._loop = asyncio.get_running_loop()
            self._opened_at = time.monotonic()
            for _ in range(self.workers):
                self._start_one()
            self._set_stat("workers/size", self.workers)

    async def ready(self) -> set[int]:
        """Wait until the first workers ran their warm-up page; their pids."""
        if self._loop is None:
            self.spider_opened()
        if not self._first_ready:
            self._all_ready = self._all_ready or asyncio.Event()
            await self._all_ready.wait()
        return {worker.pid for worker in self._live}

    def _check_usable(self) -> None:
        if self._closed:
            raise ExtractionFailed("error/PoolClosed", "the extraction pool is shut down")
        if self._broken is not None:
            raise ExtractionFailed("error/WorkersUnavailable", self._broken)

    def _fail_pending(self, stat: str, message: str) -> None:
        """Fail every page still waiting for a worker (the pool closed, or no worker can start)."""
        while True:
            try:
                task = self._pending.get_nowait()
            except queue.Empty:
                return
            if task is not None and not task.future.done():
                task.future.set_exception(ExtractionFailed(stat, message))

    def _start_one(self) -> None:
        """Start a worker process in a helper thread (starting one blocks: the fork server may launch)."""
        assert self._loop is not None
        self._starting += 1
        started = self._loop.run_in_executor(None, self._spawn)
        started.add_done_callback(self._spawned)

    def _spawn(self) -> tuple[Any, Connection]:
        context: Any = (_fork_server_context() if self.start_method == "forkserver"
                        else multiprocessing.get_context(self.start_method))  # typeshed's BaseContext has no Process
        ours, theirs = context.Pipe(duplex=True)
        warm_options = JobOptions(self.options.normalisers, self.options.settings)
        process = context.Process(target=worker_main, args=(theirs, os.getpid(), self.job, warm_options),
                                  name="extraction-worker", daemon=True)
        try:
            process.start()
        finally:
            theirs.close()
        with _STARTED_LOCK:
            _STARTED[process.pid] = process
            closed = self._closed
        if closed:  # the pool closed while this one started: close() did not see it
            self._kill(process.pid)
        return process, ours

    def _spawned(self, started: asyncio.Future[tuple[Any, Connection]]) -> None:
        self._starting -= 1
        try:
            process, conn = started.result()
        except Exception as exc:  # noqa: BLE001 - any start failure (OSError, a dead fork server...) is retried
            logger.warning("Could not start an extraction worker: %s", exc)
            self._start_failed(f"could not start a worker: {exc}")
            return
        if self._closed:
            self._kill(process.pid)
            conn.close()
            return
        worker = _Worker(process.pid, process, conn)
        self._live.append(worker)
        self._threads += 1
        threading.Thread(target=self._talk, args=(worker,), name=f"extraction-worker-{worker.pid}",
                         daemon=True).start()

    def _start_failed(self, reason: str) -> None:
        self._failed_starts += 1
        if self._closed:
            return
        if self._failed_starts >= _MAX_FAILED_STARTS:
            self._broken = f"extraction workers failed to start {self._failed_starts} times in a row ({reason})"
            logger.error("%s; pages are no longer extracted", self._broken)
            self._fail_pending("error/WorkersUnavailable", self._broken)
            return
        self._start_one()

    def _talk(self, worker: _Worker) -> None:
        """In the worker's thread: take waiting pages, hand them to the worker, post what it says to the reactor."""
        conn = worker.conn
        took = False  # whether the worker read the page it has: if it dies before, the page is not to blame
        try:
            conn.recv()  # READY, after its warm-up page
            self._post(self._worker_ready, worker)
            while (task := self._pending.get()) is not None:
                if worker.gone:  # replaced while it waited for a page: the page is for another worker
                    self._pending.put(task)
                    return
                if task.future.done():  # cancelled while it waited
                    continue
                took = False
                worker.task = task
                self._post(self._sending, worker, task)
                conn.send(task.job)
                conn.recv()  # TOOK
                took = True
                self._post(self._took, worker, task)
                self._post(self._finished, task, conn.recv())
            conn.send(None)
        except (EOFError, OSError):
            self._post(self._lost, worker, took)
        finally:
            conn.close()
            self._post(self._thread_ended)

    def _thread_ended(self) -> None:
        self._threads -= 1

    def _post(self, callback: Callable[..., None], *args: Any) -> None:
        assert self._loop is not None
        try:
            self._loop.call_soon_threadsafe(callback, *args)
        except RuntimeError:  # the loop is closed: the crawl is over
            pass

    def _worker_ready(self, worker: _Worker) -> None:
        if worker.gone:
            return
        worker.ready = True
        self._failed_starts = 0
        self.worker_pids.add(worker.pid)
        if not self._first_ready and sum(w.ready for w in self._live) >= self.workers:
            self._first_ready = True
            elapsed = time.monotonic() - self._opened_at
            self._set_stat("workers/startup_seconds", round(elapsed, 3))
            logger.info("Extraction pool ready: %d %s workers in %.2f s (pids %s)", self.workers, self.start_method,
                        elapsed, ", ".join(str(w.pid) for w in self._live))
            if self._all_ready is not None:
                self._all_ready.set()

    def _sending(self, worker: _Worker, task: _Task) -> None:
        """A worker's thread is handing it the page: the worker must take it within the page budget."""
        self._restart_timer(worker, task, "unresponsive")

    def _took(self, worker: _Worker, task: _Task) -> None:
        self._restart_timer(worker, task, "timeout")

    def _restart_timer(self, worker: _Worker, task: _Task, reason: str) -> None:
        if task.future.done():
            return
        if task.timer is not None:
            task.timer.cancel()
        if self.page_timeout is not None:
            assert self._loop is not None
            task.timer = self._loop.call_later(self.page_timeout, self._expire, worker, task, reason)

    def _finished(self, task: _Task, result: JobResult) -> None:
        if not task.future.done():
            task.future.set_result(result)

    def _expire(self, worker: _Worker, task: _Task, reason: str) -> None:
        """A page ran out of time (`reason` "timeout"), or its worker never took it ("unresponsive")."""
        if task.future.done() or worker.gone or worker.task is not task:
            return  # finished (its result on the way) or no longer this worker's
        if reason == "timeout":
            logger.warning("Extraction worker %d still on %s after %g s: killing and replacing it", worker.pid,
                           task.job.url, self.page_timeout)
        else:
            logger.warning("Extraction worker %d did not take a page within %g s (stopped or stuck): killing and "
                           "replacing it", worker.pid, self.page_timeout)
        self._replace(worker, task, reason)

    def _lost(self, worker: _Worker, took: bool) -> None:
        """The worker's pipe closed under us: it died (on the page it took, if `took`)."""
        if worker.gone or self._closed:
            return
        if worker.ready:
            page = worker.task.job.url if worker.task is not None and took else None
            # A warning: its page is tried again; only a page given up is an error (logged by the spider).
            logger.warning("Extraction worker %d died%s; starting another", worker.pid, f" on {page}" if page else "")
            self._replace(worker, worker.task, "crash" if took else "unresponsive")
        else:
            logger.warning("Extraction worker %d died while starting; starting another", worker.pid)
            self._forget(worker)
            self._start_failed(f"worker {worker.pid} died during its warm-up")

    def _replace(self, worker: _Worker, task: _Task | None, reason: str) -> None:
        """Kill and replace the worker; its page, if unfinished, fails with `_Lost(reason)` (tried again or not)."""
        self._forget(worker)
        if task is not None and not task.future.done():
            task.future.set_exception(_Lost(reason))
        self.restarts += 1
        self._inc_stat("workers/restarts")
        self._start_one()

    def _forget(self, worker: _Worker) -> None:
        worker.gone = True  # its thread, if it waits for a page, passes the next one on and ends
        self._kill(worker.pid)
        if worker in self._live:
            self._live.remove(worker)

    @staticmethod
    def _kill(pid: int) -> None:
        # os.kill, not Process.kill(): after the fork server's death, multiprocessing takes every worker
        # for dead and its kill() does nothing.
        with _STARTED_LOCK:
            _STARTED.pop(pid, None)
        try:
            os.kill(pid, signal.SIGKILL)
        except ProcessLookupError:
            pass

    def close(self) -> None:
        """Tell the workers to exit, wait for them a little, kill the rest (idempotent)."""
        if self._closed:
            return
        with _STARTED_LOCK:  # a worker whose start finishes from now on kills itself (see _spawn)
            self._closed = True
        self._fail_pending("error/PoolClosed", "the extraction pool is shut down")
        for _ in range(self._threads):
            self._pending.put(None)  # each thread sends None to its worker, which exits
        workers, self._live = self._live, []
        if not workers:
            return
        started = time.monotonic()
        deadline = started + _EXIT_GRACE
        while time.monotonic() < deadline and any(self._running(w) for w in workers):
            time.sleep(0.01)
        stragglers = [w.pid for w in workers if self._running(w)]
        for worker in workers:
            if worker.pid in stragglers:
                self._kill(worker.pid)
            with _STARTED_LOCK:
                _STARTED.pop(worker.pid, None)
            self._running(worker)  # reaps our own children
        logger.info("Extraction pool shut down in %.2f s (worker pids %s)%s", time.monotonic() - started,
                    ", ".join(map(str, sorted(self.worker_pids))) or "none",
                    f"; killed {len(stragglers)} that did not exit" if stragglers else "")

    def _running(self, worker: _Worker) -> bool:
        if self.start_method != "forkserver":  # our own child: reap it (forked workers are the fork server's)
            worker.process.join(0)
            if worker.process.exitcode is not None:
                return False
        return alive(worker.pid)

    # --- stats ------------------------------------------------------------------------------

    def _set_stat(self, key: str, value: Any) -> None:
        if self.crawler is not None and self.crawler.stats is not None:
            self.crawler.stats.set_value(key, value)

    def _inc_stat(self, key: str) -> None:
        if self.crawler is not None and self.crawler.stats is not None:
            self.crawler.stats.inc_value(key)
