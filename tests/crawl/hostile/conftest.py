"""One `scrapy crawl scmp` against the fault-injection server, shared by the hostile-site tests.

The crawl runs once per session (about 10 s) with the project's settings as shipped (its middlewares
included); only timeouts and bounds are shortened with `-s` so the faults show up quickly. The
server's request log, the crawl's items, stats and log, its wall time and the peak RSS of the crawl's
own process tree are kept for the assertions.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

import crawler.settings as shipped
from tests.support import fault_pages as fs
from tests.support.crawl import CrawlResult, run_crawl
from tests.support.faultserver import FaultServer

# Short enough to keep the run fast, long enough for the server's normal answers.
DOWNLOAD_TIMEOUT = 2
RETRY_TIMES = 2
RETRY_BACKOFF_BASE = 0.25
RETRY_BACKOFF_MAX = 5.0
SITEMAP_MAX_NESTED = 20
# As shipped: the assertions read the project's own values.
DEPTH_LIMIT = shipped.DEPTH_LIMIT
REDIRECT_MAX_TIMES = shipped.REDIRECT_MAX_TIMES
MAX_RSS_MB = 400
MAX_CRAWL_SECONDS = 60


def hostile_settings(**overrides: object) -> list[str]:
    """The `-s` arguments of a hostile crawl (scalar values only: components stay as shipped)."""
    values: dict[str, object] = {
        "DOWNLOAD_TIMEOUT": DOWNLOAD_TIMEOUT,
        "RETRY_TIMES": RETRY_TIMES,
        "RETRY_BACKOFF_BASE": RETRY_BACKOFF_BASE,
        "RETRY_BACKOFF_MAX": RETRY_BACKOFF_MAX,
        "SITEMAP_MAX_NESTED": SITEMAP_MAX_NESTED,
        **overrides,
    }
    args: list[str] = []
    for name, value in values.items():
        args += ["-s", f"{name}={value}"]
    return args


@dataclass
class HostileCrawl:
    """A finished crawl against a fault server, with what the server saw."""

    result: CrawlResult
    server: FaultServer
    seconds: float
    peak_rss_mb: float

    @property
    def stats(self) -> dict[str, Any]:
        return self.result.stats

    def items_by_id(self) -> dict[str, dict[str, Any]]:
        return {str(item["id"]): item for item in self.result.items}


def crawl_against(server: FaultServer, tmp: Path, *args: str) -> HostileCrawl:
    started = time.monotonic()
    result = run_crawl("scmp", tmp, *args)
    seconds = time.monotonic() - started
    return HostileCrawl(result, server, seconds, result.peak_rss_mb)


@pytest.fixture(scope="session")
def hostile(tmp_path_factory: pytest.TempPathFactory) -> Iterator[HostileCrawl]:
    """The main crawl: news sitemap index with every fault, plus the calendar and redirect listings."""
    tmp = tmp_path_factory.mktemp("hostile")
    with FaultServer() as server:
        listings = [server.url(p) for p in (fs.CALENDAR_START, fs.REDIRECT_CHAIN_PREFIX + "0",
                                            fs.REDIRECT_CYCLE_A, fs.MOVED_OFFSITE_LISTING)]
        yield crawl_against(
            server, tmp,
            "-a", f"sitemaps={server.sitemap_index}",
            "-a", f"urls={','.join(listings)}",
            *hostile_settings(),
        )
