"""How a run's exit code is derived and shown: the summary's first line, every download failed,
several crawls in one job (scrapy crawlall)."""

from __future__ import annotations

import pytest

from crawler import exit_codes
from crawler.commands.crawlall import combined_stats
from crawler.extensions.summary import all_downloads_failed, exit_line, format_summary


@pytest.mark.parametrize(("stats", "line"), [
    ({}, "exit code: 0 (OK)"),
    ({"exit/code": 73, "exit/reason/feed_write_failed": 1}, "exit code: 73 (CANT_WRITE: feed_write_failed)"),
    ({"exit/code": 75, "exit/reason/state_locked": 1, "exit/reason/checks_failed": 1},
     "exit code: 75 (LOCKED: checks_failed, state_locked)"),
], ids=["ok", "cant-write", "locked"])
def test_exit_line(stats: dict, line: str) -> None:
    assert exit_line(stats) == line
    assert format_summary(stats, []).splitlines()[0] == line


@pytest.mark.parametrize(("stats", "failed"), [
    ({}, False),
    ({"downloader/request_count": 3, "downloader/exception_count": 3}, True),
    ({"downloader/request_count": 3, "downloader/response_status_count/503": 2,
      "downloader/response_status_count/404": 1}, True),
    ({"downloader/request_count": 3, "downloader/response_status_count/404": 1,
      "downloader/response_status_count/200": 2}, False),
], ids=["nothing-requested", "all-exceptions", "all-errors", "some-ok"])
def test_all_downloads_failed(stats: dict, failed: bool) -> None:
    assert all_downloads_failed(stats) is failed


def test_several_crawls_exit_with_the_most_severe_code_never_a_sum() -> None:
    combined = combined_stats([{"exit/code": exit_codes.CHECKS_FAILED, "finish_reason": "finished"},
                               {"exit/code": exit_codes.CANT_WRITE, "finish_reason": "finished"},
                               {"finish_reason": "finished"}])
    assert combined["exit/code"] == exit_codes.CANT_WRITE
    assert exit_codes.most_severe([0, 0]) == exit_codes.OK
    assert exit_codes.most_severe([exit_codes.UNAVAILABLE, exit_codes.LOCKED]) == exit_codes.LOCKED
