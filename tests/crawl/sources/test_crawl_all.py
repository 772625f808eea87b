"""`scrapy list` shows every source; `scrapy crawlall --sample` runs them all offline at once."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest

from crawler.commands.crawlall import combined_stats
from pipelines.schema import invalid_fields
from sample_site.sources import SAMPLE_SITES
from tests.support.paths import PROJECT

# From any folder (a scheduler's), the project is found through SCRAPY_SETTINGS_MODULE.
ENV = {**os.environ, "PYTHONPATH": str(PROJECT), "SCRAPY_SETTINGS_MODULE": "crawler.settings"}


def _run(*args: str, cwd: Path = PROJECT) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, *args], cwd=cwd, capture_output=True, text=True, timeout=240, env=ENV)


def test_scrapy_list_shows_every_source() -> None:
    done = _run("-m", "scrapy", "list")
    assert done.returncode == 0, done.stderr[-2000:]
    assert set(done.stdout.split()) >= {"article", *SAMPLE_SITES}


@pytest.fixture(scope="module")
def sample_run(tmp_path_factory: pytest.TempPathFactory) -> tuple[subprocess.CompletedProcess[str], Path, Path]:
    tmp = tmp_path_factory.mktemp("crawl-all")
    out = tmp / "feeds"
    # Run from an empty folder: nothing (state, feeds) may land in the project.
    return _run("-m", "scrapy", "crawlall", "--sample", "--output-dir", str(out), cwd=tmp), out, tmp


def test_sample_job_finishes_with_a_combined_summary(sample_run: tuple) -> None:
    done, _, _ = sample_run
    assert done.returncode == 0, done.stdout[-2000:] + done.stderr[-3000:]
    for name in SAMPLE_SITES:
        assert f"== {name}\n" in done.stdout
    assert f"== all sources ({len(SAMPLE_SITES)})" in done.stdout
    assert "finish reason: finished" in done.stdout.split("== all sources")[1]


def test_sample_job_writes_one_non_empty_valid_feed_per_source(sample_run: tuple) -> None:
    _, out, _ = sample_run
    feeds = {path.parent.name: path for path in out.glob("*/*.jsonl")}
    assert set(feeds) == set(SAMPLE_SITES)
    for name, path in feeds.items():
        items = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
        assert items, name
        assert all(item["site"] == name for item in items)
        assert max(Counter(item["id"] for item in items).values()) == 1
        assert [invalid_fields(item) for item in items] == [{}] * len(items)


def test_sample_job_leaves_no_state_behind(sample_run: tuple) -> None:
    _, _, cwd = sample_run
    assert sorted(p.name for p in cwd.iterdir()) == ["feeds"]


def test_unknown_source_is_a_usage_error(tmp_path: Path) -> None:
    done = _run("-m", "scrapy", "crawlall", "--sample", "--only", "nosuchsite", cwd=tmp_path)
    assert done.returncode == 2 and "unknown source(s): nosuchsite" in done.stderr
    assert "Traceback" not in done.stderr


def test_combined_stats_sum_counts_and_name_mixed_finish_reasons() -> None:
    combined = combined_stats([{"item_scraped_count": 3, "finish_reason": "finished", "start_time": "x"},
                               {"item_scraped_count": 4, "finish_reason": "shutdown"}])
    assert combined["item_scraped_count"] == 7
    assert combined["finish_reason"] == "mixed (finished, shutdown)"
