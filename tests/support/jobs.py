"""Job functions for tests, importable by worker processes (`EXTRACTION_JOB`)."""

from __future__ import annotations

import os

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
