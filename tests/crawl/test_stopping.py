"""Ctrl-C or SIGTERM stops a crawl within seconds even at a 10 s download delay; the next run with the
same JOBDIR continues it.

The signal goes to the crawl's whole process group, as a terminal's Ctrl-C or systemd's stop does:
the extraction workers receive it too and must neither print a traceback nor be reported dead.

Before: the graceful stop waited for every request queued behind the download delay (9 requests at
10 s: 96 s), and Ctrl-C killed the workers with KeyboardInterrupt ("An extraction worker died").
The bound below is a liveness bound (the crawl stops in under a second here), not a speed target.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

import pytest

from sample_site.server import StaticServer
from tests.support.changing_site import ChangingSite
from tests.support.crawl import FAST
from tests.support.paths import PROJECT
from tests.support.waiting import wait_until

ARTICLES = 10
FIRST_ID = 3300100
STOP_WITHIN_S = 15


def _ids(path: Path) -> list[str]:
    return [json.loads(line)["id"] for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def _crawl(site: ChangingSite, tmp_path: Path, out: Path, *settings: str) -> subprocess.Popen[str]:
    command = [sys.executable, "-m", "scrapy", "crawl", "scmp", "-a", f"sitemaps={site.sitemap}", "-O", str(out),
               *FAST, "-s", f"STATE_PATH={tmp_path / 'state.sqlite'}", "-s", f"JOBDIR={tmp_path / 'job'}",
               "-s", "EXTRACTION_WORKERS=2", *settings]
    with out.with_suffix(".log").open("w") as log:
        return subprocess.Popen(command, cwd=PROJECT, stdout=subprocess.DEVNULL, stderr=log, text=True,
                                env={**os.environ, "PYTHONPATH": str(PROJECT)}, start_new_session=True)


@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGINT], ids=["SIGTERM", "SIGINT"])
def test_a_signal_stops_the_crawl_in_seconds_and_the_next_run_continues(signum: int, tmp_path: Path) -> None:
    root = tmp_path / "site"
    root.mkdir()
    with StaticServer(root) as server:
        site = ChangingSite(root, server.base_url())
        for story_id in range(FIRST_ID, FIRST_ID + ARTICLES):
            site.add(story_id, day=story_id - FIRST_ID + 1)
        site.write()

        first = tmp_path / "first.jsonl"
        crawl = _crawl(site, tmp_path, first, "-s", "DOWNLOAD_DELAY=10", "-s", "LOG_LEVEL=DEBUG",
                       "-s", "ROBOTSTXT_OBEY=0")  # the first article 10 s sooner
        log_path = first.with_suffix(".log")
        try:
            wait_until(lambda: "Scraped from" in log_path.read_text(encoding="utf-8") or crawl.poll() is not None,
                       "the first article to be delivered", timeout=120)
            assert crawl.poll() is None, "the crawl ended before delivering an article"
            signalled = time.monotonic()
            os.killpg(crawl.pid, signum)  # the crawl, its fork server and its workers
            crawl.wait(timeout=120)
            took = time.monotonic() - signalled
        finally:
            if crawl.poll() is None:
                os.killpg(crawl.pid, signal.SIGKILL)
        log = log_path.read_text(encoding="utf-8")
        assert took < STOP_WITHIN_S, f"stopped after {took:.1f} s"
        assert crawl.returncode == 0, log[-3000:]
        assert "Traceback" not in log and "died" not in log and " ERROR: " not in log, log[-5000:]
        delivered = _ids(first)  # the feed was published under its final name
        assert 0 < len(delivered) < ARTICLES

        second = tmp_path / "second.jsonl"
        resumed = _crawl(site, tmp_path, second, "-s", "DOWNLOAD_DELAY=0")
        resumed.wait(timeout=180)
        log = second.with_suffix(".log").read_text(encoding="utf-8")
        assert resumed.returncode == 0, log[-3000:]
        assert "Resuming crawl" in log
    union = Counter(delivered + _ids(second))
    assert union == Counter(f"scmp:{i}" for i in range(FIRST_ID, FIRST_ID + ARTICLES))
