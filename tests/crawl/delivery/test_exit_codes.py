"""The exit code a scheduler acts on, and the summary that says why, at `LOG_LEVEL=WARNING` too.

A scheduled job runs quiet (`-L WARNING`): a run that went well logs nothing; a failed one logs its
summary, whose first line is the exit code and its reasons. The code itself is the `exit/code` stat
(the `crawl` command exits with it, crawler/exit_codes.py).
"""

from __future__ import annotations

import socket
from collections.abc import Iterator
from pathlib import Path

import pytest

from crawler import exit_codes
from sample_site.server import StaticServer
from tests.support.changing_site import ChangingSite
from tests.support.crawl import run_crawl

QUIET = ["-s", "LOG_LEVEL=WARNING"]


@pytest.fixture()
def site(tmp_path: Path) -> Iterator[ChangingSite]:
    root = tmp_path / "site"
    root.mkdir()
    server = StaticServer(root)
    site = ChangingSite(root, server.base_url())
    for story_id in range(3300100, 3300103):
        site.add(story_id, day=story_id - 3300099)
    site.write()
    with server:
        yield site


def closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])  # nothing listens once the socket is closed


def test_nothing_downloaded_is_unavailable(tmp_path: Path) -> None:
    result = run_crawl("scmp", tmp_path, "-a", f"sitemaps=http://127.0.0.1:{closed_port()}/sitemap.xml", *QUIET)
    assert result.stats.get(exit_codes.CODE_STAT) == exit_codes.UNAVAILABLE, result.log[-3000:]
    assert result.returncode == result.exit_code, result.log[-3000:]  # what a scheduler sees
    assert result.stats.get("exit/reason/nothing_downloaded") == 1
    assert "WARNING: Crawl summary\nexit code: 69 (UNAVAILABLE: checks_failed, nothing_downloaded)" in result.log


def test_failed_checks_are_checks_failed(site: ChangingSite, tmp_path: Path) -> None:
    result = run_crawl("scmp", tmp_path, "-a", f"sitemaps={site.sitemap}", "-s", "SPIDERMON_MIN_ITEMS=10", *QUIET)
    assert len(result.items) == 3
    assert result.stats.get(exit_codes.CODE_STAT) == exit_codes.CHECKS_FAILED, result.log[-3000:]
    assert result.returncode == result.exit_code, result.log[-3000:]  # what a scheduler sees
    assert "exit code: 1 (CHECKS_FAILED: checks_failed)" in result.log
    assert "checks: 5 passed, 1 failed" in result.log


def test_a_run_that_went_well_is_quiet_at_warning(site: ChangingSite, tmp_path: Path) -> None:
    result = run_crawl("scmp", tmp_path, "-a", f"sitemaps={site.sitemap}", *QUIET)
    assert len(result.items) == 3 and exit_codes.CODE_STAT not in result.stats
    assert result.returncode == 0
    assert result.log == "", result.log[-3000:]


def test_the_summary_names_the_exit_code_at_info_too(site: ChangingSite, tmp_path: Path) -> None:
    result = run_crawl("scmp", tmp_path, "-a", f"sitemaps={site.sitemap}")
    assert "INFO: Crawl summary\nexit code: 0 (OK)\narticles written: 3" in result.log
