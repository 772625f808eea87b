"""A worker that dies in the middle of a crawl: the page is counted as lost, the crawl goes on."""

from __future__ import annotations

from pathlib import Path

import pytest

from crawler import exit_codes
from sample_site.build import Manifest
from tests.support.crawl import run_crawl
from tests.support.jobs import CRASH_ENV


def test_a_crashing_page_is_counted_and_every_other_article_is_delivered(
    sample_site: Manifest, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    doomed = sorted(sample_site.article_ids)[0].split(":")[1]
    monkeypatch.setenv(CRASH_ENV, f"/article/{doomed}/")  # inherited by the crawl and its workers
    result = run_crawl("scmp", tmp_path, "-a", f"sitemaps={sample_site.sitemap_index}",
                       "-s", "EXTRACTION_WORKERS=2", "-s", "EXTRACTION_CRASH_RETRIES=1",
                       "-s", "EXTRACTION_JOB=tests.support.jobs.crash_on_marked_url")
    # The page given up is an error logged: the close-of-crawl checks fail, and the run exits with that code.
    assert result.returncode == result.exit_code == exit_codes.CHECKS_FAILED, result.log[-3000:]
    assert result.stats["finish_reason"] == "finished"
    assert result.stats["extract/worker_crash"] == 1
    assert result.stats["workers/restarts"] == 2  # the crash, then the crash of its one retry
    assert {item["id"] for item in result.items} == set(sample_site.article_ids) - {f"scmp:{doomed}"}
    assert f"Could not extract {sample_site.scmp_base}" in result.log and f"/article/{doomed}/" in result.log
