"""Job functions for tests, importable by worker processes (`EXTRACTION_JOB`)."""

from __future__ import annotations

import os
import signal
import threading

from crawler.normalise import Normaliser
from crawler.workers.jobs import JobResult, PageJob, run_job

#: A page whose URL contains this (from the environment, inherited by the workers) kills its worker.
CRASH_ENV = "TEST_CRASH_URL_PART"


def crash_on_marked_url(job: PageJob) -> JobResult:
    """`run_job`, except that the worker dies (no exception, no cleanup) on the marked page."""
    marker = os.environ.get(CRASH_ENV)
    if marker and marker in job.url:
        os._exit(13)
    return run_job(job)


def _broken(article: dict, settings: object) -> dict[str, int]:
    raise IndexError("boom inside a normaliser")


#: A normaliser with a bug, for `NORMALISERS` in tests: the article must still be delivered.
BROKEN_NORMALISER = Normaliser("amounts", _broken)


#: A page whose URL contains this never finishes (the worker sleeps); one with STOP_ENV's value stops its
#: worker with SIGSTOP. Both from the environment, inherited by the crawl and its workers.
HANG_ENV = "TEST_HANG_URL_PART"
STOP_ENV = "TEST_STOP_URL_PART"


def misbehave_on_marked_url(job: PageJob) -> JobResult:
    """`run_job`, except that the marked pages hang or stop their worker."""
    hang, stop = os.environ.get(HANG_ENV), os.environ.get(STOP_ENV)
    if hang and hang in job.url:
        threading.Event().wait()  # never set: the page hangs until the pool kills the worker
    if stop and stop in job.url:
        os.kill(os.getpid(), signal.SIGSTOP)
    return run_job(job)


#: A page whose URL contains "/mark-start" creates the file this variable names as soon as its job starts.
START_MARK_ENV = "TEST_START_MARK_FILE"


def mark_start(job: PageJob) -> JobResult:
    """`run_job`, except that a "/mark-start" page first creates the file named by `START_MARK_ENV`."""
    marker = os.environ.get(START_MARK_ENV)
    if marker and "/mark-start" in job.url:
        with open(marker, "w", encoding="utf-8") as file:
            file.write(job.url)
    return run_job(job)
