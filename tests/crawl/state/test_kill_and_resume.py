"""Runs stopped at any moment lose nothing and duplicate nothing.

SIGKILL: the next run (same state store) re-fetches what the killed run did not deliver; the
killed run's feed is only a `.part` file whose complete lines are valid JSON. SIGTERM with JOBDIR:
the crawl closes cleanly and resumes from its queue; the union of outputs is every article once.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest

from sample_site.server import StaticServer
from tests.support.changing_site import ChangingSite
from tests.support.crawl import FAST, PROJECT, run_crawl
from tests.support.waiting import wait_until

ARTICLES = 24


@pytest.fixture()
def slow_site(tmp_path: Path):
    root = tmp_path / "site"
    root.mkdir()
    server = StaticServer(root, delay=0.5)
    site = ChangingSite(root, server.base_url())
    for story_id in range(3300100, 3300100 + ARTICLES):
        site.add(story_id, day=(story_id - 3300100) % 28 + 1)
    site.write()
    with server:
        yield site


def start(site: ChangingSite, out: Path, state: Path, *extra: str) -> subprocess.Popen[str]:
    """`scrapy crawl` in the background; its log goes to `<out>.log` (a file: no pipe to drain)."""
    command = [sys.executable, "-m", "scrapy", "crawl", "scmp", "-a", f"sitemaps={site.sitemap}", "-O", str(out),
               *FAST, "-s", f"STATE_PATH={state}", "-s", "CONCURRENT_REQUESTS=2", *extra]
    with out.with_suffix(".log").open("w") as log:
        return subprocess.Popen(command, cwd=PROJECT, stdout=subprocess.DEVNULL, stderr=log, text=True,
                                env={**os.environ, "PYTHONPATH": str(PROJECT)})


def finish(process: subprocess.Popen[str], out: Path, timeout: float = 180) -> str:
    process.wait(timeout=timeout)
    return out.with_suffix(".log").read_text(encoding="utf-8")


def wait_for_lines(path: Path, count: int, timeout: float = 60) -> None:
    wait_until(lambda: path.exists() and path.read_bytes().count(b"\n") >= count, f"{count} lines in {path}", timeout)


def ids(path: Path) -> list[str]:
    return [json.loads(line)["id"] for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def test_sigkill_loses_nothing_next_run_refetches(slow_site: ChangingSite, tmp_path: Path) -> None:
    state = tmp_path / "state.sqlite"
    out = tmp_path / "killed.jsonl"
    process = start(slow_site, out, state, "-s", "FEED_EXPORT_BATCH_ITEM_COUNT=0")
    # Kill it hard once it has delivered something (the exporter's buffer reached the file).
    wait_for_lines(tmp_path / "killed.jsonl.part", 1, timeout=60)
    assert process.poll() is None, "the crawl must still be running when it is killed"
    process.kill()
    process.wait(timeout=30)
    assert not out.exists(), "a killed run must not leave a file under the final name"
    part = tmp_path / "killed.jsonl.part"
    complete = [line for line in part.read_text(encoding="utf-8").split("\n")[:-1]]
    assert all(json.loads(line)["id"] for line in complete)  # every complete line is valid JSON

    (tmp_path / "rerun").mkdir()
    rerun = run_crawl("scmp", tmp_path / "rerun", "-a", f"sitemaps={slow_site.sitemap}", "-s", f"STATE_PATH={state}")
    assert rerun.returncode == 0, rerun.log[-2000:]
    assert Counter(item["id"] for item in rerun.items) == Counter(f"scmp:{i}" for i in range(3300100, 3300100 + ARTICLES))


def test_sigterm_with_jobdir_resumes_every_article_exactly_once(slow_site: ChangingSite, tmp_path: Path) -> None:
    state = tmp_path / "state.sqlite"
    jobdir = tmp_path / "job"
    first = tmp_path / "first.jsonl"
    process = start(slow_site, first, state, "-s", f"JOBDIR={jobdir}", "-s", "FEED_EXPORT_BATCH_ITEM_COUNT=0")
    wait_for_lines(tmp_path / "first.jsonl.part", 1, timeout=60)
    assert process.poll() is None, "the crawl must still be running when it is stopped"
    process.send_signal(signal.SIGTERM)
    log = finish(process, first)
    assert process.returncode == 0, log[-2000:]
    assert "shutdown" in log
    first_ids = ids(first)
    assert 0 < len(first_ids) < ARTICLES, "the test must stop the crawl mid-way"

    second = tmp_path / "second.jsonl"
    resumed = start(slow_site, second, state, "-s", f"JOBDIR={jobdir}")
    log = finish(resumed, second)
    assert resumed.returncode == 0, log[-2000:]
    union = Counter(first_ids + ids(second))
    assert union == Counter(f"scmp:{i}" for i in range(3300100, 3300100 + ARTICLES))
