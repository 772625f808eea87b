"""Runs that overlap never deliver an article twice or write over each other's feed.

A slow local site keeps the first run busy while a second one starts: on the same state (a cron job
that overlaps the previous one), on the same feed path, or with the default feed name in the same
second. Waits are bounded polls for a precondition (the first run is under way), never assertions
about speed.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import pytest

from crawler import exit_codes
from sample_site.server import StaticServer
from tests.support.changing_site import ChangingSite
from tests.support.crawl import FAST, PROJECT, run_crawl
from tests.support.waiting import wait_until

ARTICLES = 40
FIRST = 3300100
ALL = Counter(f"scmp:{i}" for i in range(FIRST, FIRST + ARTICLES))


@pytest.fixture()
def slow_site(tmp_path: Path) -> Iterator[ChangingSite]:
    root = tmp_path / "site"
    root.mkdir()
    server = StaticServer(root, delay=0.5)
    site = ChangingSite(root, server.base_url())
    for story_id in range(FIRST, FIRST + ARTICLES):
        site.add(story_id, day=(story_id - FIRST) % 28 + 1)
    site.write()
    with server:
        yield site


_STARTED: list[subprocess.Popen[bytes]] = []


@pytest.fixture(autouse=True)
def _no_leftover_runs() -> Iterator[None]:
    """A failed assertion must not leave a crawl running (nor an unwaited process)."""
    yield
    while _STARTED:
        process = _STARTED.pop()
        if process.poll() is None:
            process.kill()
        process.wait(timeout=30)


class Run:
    """`scrapy crawl scmp` in the background, from `cwd`; its log and stats in `folder`."""

    def __init__(self, site: ChangingSite, folder: Path, *args: str, cwd: Path = PROJECT) -> None:
        folder.mkdir(parents=True, exist_ok=True)
        self.folder = folder
        self.stats_file = folder / "stats.json"
        self.log = folder / "crawl.log"
        command = [sys.executable, "-m", "scrapy", "crawl", "scmp", "-a", f"sitemaps={site.sitemap}",
                   "-s", f"CRAWL_STATS_FILE={self.stats_file}", *FAST, "-s", "CONCURRENT_REQUESTS=2", *args]
        env = {**os.environ, "PYTHONPATH": str(PROJECT), "SCRAPY_SETTINGS_MODULE": "crawler.settings"}
        with self.log.open("w") as log:
            self.process = subprocess.Popen(command, cwd=cwd, stdout=subprocess.DEVNULL, stderr=log, env=env)
        _STARTED.append(self.process)

    def wait(self, timeout: float = 240) -> dict:
        """The run's final stats; its exit status is the code they record (what a scheduler sees)."""
        returncode = self.process.wait(timeout=timeout)
        stats = json.loads(self.stats_file.read_text())["stats"] if self.stats_file.exists() else {}
        assert returncode == exit_codes.exit_code(stats), (returncode, self.text()[-3000:])
        return stats

    def text(self) -> str:
        return self.log.read_text(encoding="utf-8")


def ids(path: Path) -> Counter[str]:
    if not path.exists():
        return Counter()
    return Counter(json.loads(line)["id"] for line in path.read_text(encoding="utf-8").splitlines() if line)


def test_a_second_run_on_the_same_state_refuses_at_once(slow_site: ChangingSite, tmp_path: Path) -> None:
    state = tmp_path / "state.sqlite"
    first = Run(slow_site, tmp_path / "first", "-O", str(tmp_path / "first.jsonl"), "-s", f"STATE_PATH={state}")
    wait_until(lambda: (tmp_path / "first.jsonl.part").exists(), "the first run to deliver")
    second = Run(slow_site, tmp_path / "second", "-O", str(tmp_path / "second.jsonl"), "-s", f"STATE_PATH={state}")
    stats = second.wait(timeout=60)
    assert stats.get(exit_codes.CODE_STAT) == exit_codes.LOCKED, second.text()[-3000:]
    assert stats.get("downloader/request_count", 0) == 0
    refusal = [line for line in second.text().splitlines() if "] ERROR:" in line]
    assert len(refusal) == 1 and f"{state}.lock" in refusal[0], refusal
    assert not (tmp_path / "second.jsonl").exists()
    first.wait()
    assert ids(tmp_path / "first.jsonl") == ALL


def test_with_state_lock_wait_the_second_run_waits_and_delivers_nothing_twice(slow_site: ChangingSite,
                                                                              tmp_path: Path) -> None:
    state = tmp_path / "state.sqlite"
    first = Run(slow_site, tmp_path / "first", "-O", str(tmp_path / "first.jsonl"), "-s", f"STATE_PATH={state}")
    wait_until(lambda: (tmp_path / "first.jsonl.part").exists(), "the first run to deliver")
    second = Run(slow_site, tmp_path / "second", "-O", str(tmp_path / "second.jsonl"), "-s", f"STATE_PATH={state}",
                 "-s", "STATE_LOCK_WAIT=200")
    first_stats, second_stats = first.wait(), second.wait()
    assert exit_codes.CODE_STAT not in first_stats and exit_codes.CODE_STAT not in second_stats, second.text()[-3000:]
    assert ids(tmp_path / "first.jsonl") + ids(tmp_path / "second.jsonl") == ALL
    assert second_stats.get("state/skipped/unchanged") == ARTICLES


def test_two_runs_writing_one_feed_path_collide_loudly(slow_site: ChangingSite, tmp_path: Path) -> None:
    out = tmp_path / "shared.jsonl"
    first = Run(slow_site, tmp_path / "first", "-O", str(out), "-s", f"STATE_PATH={tmp_path / 'a.sqlite'}")
    wait_until(lambda: Path(f"{out}.part").exists() and Path(f"{out}.part").stat().st_size > 0,
               "the first run to write its feed")
    second = Run(slow_site, tmp_path / "second", "-O", str(out), "-s", f"STATE_PATH={tmp_path / 'b.sqlite'}")
    second_stats = second.wait()
    first_stats = first.wait()
    assert second_stats.get(exit_codes.CODE_STAT) == exit_codes.CANT_WRITE, second.text()[-3000:]
    assert "is being written by another run" in second.text()
    assert exit_codes.CODE_STAT not in first_stats, first.text()[-3000:]
    assert ids(out) == ALL, "the first run's feed is whole: not overwritten, not mixed"


def test_default_feed_names_differ_for_runs_started_together(slow_site: ChangingSite, tmp_path: Path) -> None:
    # Two jobs of one spider, same working folder, default feed (feeds/<spider>/<time>-<run id>.jsonl).
    runs = [Run(slow_site, tmp_path / name, "-s", f"STATE_PATH={tmp_path / name / 'state.sqlite'}", cwd=tmp_path)
            for name in ("a", "b")]
    for run in runs:
        assert exit_codes.CODE_STAT not in run.wait(), run.text()[-3000:]
    feeds = sorted((tmp_path / "feeds" / "scmp").glob("*.jsonl"))
    assert len(feeds) == 2, feeds
    assert all(ids(feed) == ALL for feed in feeds)
    assert not list((tmp_path / "feeds" / "scmp").glob("*.part"))


def test_a_stale_part_of_a_killed_run_is_replaced(slow_site: ChangingSite, tmp_path: Path) -> None:
    out = tmp_path / "feed.jsonl"
    Path(f"{out}.part").write_text('{"id": "half', encoding="utf-8")  # what a killed run leaves
    result = run_crawl("scmp", tmp_path, "-a", f"sitemaps={slow_site.sitemap}", "-s", "DOWNLOAD_DELAY=0", out=out)
    assert exit_codes.CODE_STAT not in result.stats, result.log[-3000:]
    assert ids(out) == ALL
    assert "Replacing" in result.log and "left by a run that stopped" in result.log
