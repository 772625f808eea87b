"""A normaliser that fails in the worker costs nothing but its own field: logged, counted, delivered."""

from __future__ import annotations

import logging
from datetime import UTC, datetime

from crawler.settings import NORMALISERS
from crawler.workers.jobs import JobOptions, PageJob, run_job
from tests.fixtures.pages_support import PAGES, load_input

NOW = datetime(2026, 1, 1, tzinfo=UTC)
BROKEN = "tests.support.jobs.BROKEN_NORMALISER"


def job(normalisers: tuple[str, ...]) -> PageJob:
    spec = load_input("seed-shaped-scmp")
    options = JobOptions(normalisers=normalisers, capture_logs=True, log_level=logging.WARNING)
    return PageJob((PAGES / "seed-shaped-scmp" / "page.html").read_bytes(), spec["url"], spec["site"],
                   fetched_at=NOW.isoformat(), now=NOW, options=options)


def test_the_article_is_delivered_without_the_failed_field_and_the_error_is_counted_and_logged() -> None:
    result = run_job(job((BROKEN, *NORMALISERS[1:])))
    assert result.item is not None and result.error is None
    assert result.item["amounts"] == []
    assert result.item["dates"], "the normalisers after the broken one still ran"
    assert result.stats["amounts/error"] == 1
    logged = [(level, message) for _, level, message in result.logs if "normaliser failed" in message]
    assert len(logged) == 1 and logged[0][0] == logging.WARNING
    assert logged[0][1].startswith(f"amounts normaliser failed on {result.item['url']}; delivered without it")
    assert "IndexError: boom inside a normaliser" in logged[0][1]  # the traceback comes back with it


def test_without_a_failure_nothing_is_counted_as_an_error() -> None:
    result = run_job(job(tuple(NORMALISERS)))
    assert result.item is not None and result.item["amounts"]
    assert not [key for key in result.stats if key.endswith("/error")]
