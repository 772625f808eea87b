"""The worker decodes the body's bytes with the header's charset, as the reactor used to."""

from __future__ import annotations

from datetime import UTC, datetime

from crawler.workers.jobs import PageJob, run_job
from tests.support import fault_pages as fs
from tests.unit.extract.test_decode import CHINESE_UTF8

BASE = "http://127.0.0.1:8000"
NOW = datetime(2026, 11, 29, tzinfo=UTC)


def _job(body: bytes, header_encoding: str | None) -> PageJob:
    return PageJob(body, BASE + fs.BIG5_WRONG_HEADER_PATH, "generic", fetched_at=NOW.isoformat(), now=NOW,
                   header_encoding=header_encoding)


def test_lying_header_is_overridden_and_counted() -> None:
    body = fs.chinese_page_bytes(fs.BIG5_WRONG_HEADER_PATH, BASE)
    result = run_job(_job(body, "utf-8"))
    assert result.stats.get("decode/overridden") == 1
    assert result.item is not None and fs.BIG5_TITLE in result.item["title"]


def test_honest_header_is_not_counted() -> None:
    body = CHINESE_UTF8.encode("utf-8")
    result = run_job(_job(body, "utf-8"))
    assert "decode/overridden" not in result.stats
