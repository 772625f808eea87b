"""One `scrapy crawl scmp` against the fault-injection server, shared by the hostile-site tests.

The crawl runs once per session (about 10 s); the server's request log, the crawl's items, stats and
log, its wall time and the peak RSS of the subprocess are kept for the assertions. The settings the
crawl needs beyond `crawler/settings.py` are passed with `-s` (see SETTINGS.md for the lines to add).
"""

from __future__ import annotations

import importlib
import json
import resource
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from tests.support import fault_pages as fs
from tests.support.crawl import CrawlResult, run_crawl
from tests.support.faultserver import FaultServer

# Short enough to keep the run fast, long enough for the server's normal answers.
DOWNLOAD_TIMEOUT = 2
RETRY_TIMES = 2
RETRY_BACKOFF_BASE = 0.25
RETRY_BACKOFF_MAX = 5.0
DEPTH_LIMIT = 4
SITEMAP_MAX_NESTED = 20
REDIRECT_MAX_TIMES = 10   # the project's value, restated so the assertion reads it
MAX_RSS_MB = 400
MAX_CRAWL_SECONDS = 60

# Component overrides, merged into the project's own dicts (so concurrent edits to them are kept).
DOWNLOADER_MIDDLEWARES = {
    "scrapy.downloadermiddlewares.retry.RetryMiddleware": None,
    "crawler.middlewares.BackoffRetryMiddleware": 550,
}
SPIDER_MIDDLEWARES = {"crawler.middlewares.NestedSitemapCapMiddleware": 850}


def component_args() -> list[str]:
    """`-s DOWNLOADER_MIDDLEWARES=<json> -s SPIDER_MIDDLEWARES=<json>` with our middlewares added."""
    project = importlib.import_module("crawler.settings")
    downloader = {**getattr(project, "DOWNLOADER_MIDDLEWARES", {}), **DOWNLOADER_MIDDLEWARES}
    spider = {**getattr(project, "SPIDER_MIDDLEWARES", {}), **SPIDER_MIDDLEWARES}
    return ["-s", f"DOWNLOADER_MIDDLEWARES={json.dumps(downloader)}",
            "-s", f"SPIDER_MIDDLEWARES={json.dumps(spider)}"]


def hostile_settings(**overrides: object) -> list[str]:
    """The `-s` arguments of a hostile crawl; `overrides` replace single values."""
    values: dict[str, object] = {
        "DOWNLOAD_TIMEOUT": DOWNLOAD_TIMEOUT,
        "RETRY_TIMES": RETRY_TIMES,
        "RETRY_BACKOFF_BASE": RETRY_BACKOFF_BASE,
        "RETRY_BACKOFF_MAX": RETRY_BACKOFF_MAX,
        "DEPTH_LIMIT": DEPTH_LIMIT,
        "SITEMAP_MAX_NESTED": SITEMAP_MAX_NESTED,
        "REDIRECT_MAX_TIMES": REDIRECT_MAX_TIMES,
        **overrides,
    }
    args = component_args()
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
    # Largest resident set of any waited-for child so far (KiB on Linux): an upper bound for this crawl.
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return HostileCrawl(result, server, seconds, peak)


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
