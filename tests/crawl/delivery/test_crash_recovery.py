"""A run that stops between publishing its feed and committing its state delivers nothing twice.

Storage doubles kill the crawl process (SIGKILL) right after its feed is published, or right before
(after the journal is written); a pipeline double makes the state read-only so that the commit
fails. The next run, on the same state, must settle what the first left: commit a published feed,
drop the journal of one never published, and say so in its log.
"""

from __future__ import annotations

import json
import signal
from collections.abc import Iterator
from pathlib import Path

import pytest

from crawler import exit_codes
from tests.support.changing_site import ChangingSite
from tests.support.crawl import run_crawl
from tests.support.served_sites import FIRST, committed_ids, served_site

ARTICLES = 10
ALL = sorted(f"scmp:{i}" for i in range(FIRST, FIRST + ARTICLES))
DOUBLES = "tests.support.delivery_faults"
CRASHING = ["-s", "FEED_STORAGES=" + json.dumps({"": f"{DOUBLES}.CrashingFeedStorage",
                                                 "file": f"{DOUBLES}.CrashingFeedStorage"})]


@pytest.fixture()
def site(tmp_path: Path) -> Iterator[ChangingSite]:
    with served_site(tmp_path / "site", ARTICLES) as site:
        yield site


def committed(state: Path) -> list[str]:
    return sorted(committed_ids(state))


def crawl(site: ChangingSite, tmp_path: Path, run: str, *args: str, **kwargs):
    (tmp_path / run).mkdir()
    return run_crawl("scmp", tmp_path / run, "-a", f"sitemaps={site.sitemap}",
                     "-s", f"STATE_PATH={tmp_path / 'state.sqlite'}", *args, **kwargs)


def journal(tmp_path: Path) -> list[Path]:
    return sorted((tmp_path / "state.sqlite.pending").glob("*.json"))


def test_a_crash_after_publishing_is_committed_at_the_next_start(site: ChangingSite, tmp_path: Path) -> None:
    crashed = crawl(site, tmp_path, "run1", *CRASHING, env={"FAULT_CRASH": "after_publish"})
    assert crashed.returncode == -signal.SIGKILL, crashed.log[-3000:]
    assert sorted(item["id"] for item in crashed.items) == ALL  # published: the feed is delivered
    assert committed(tmp_path / "state.sqlite") == []
    assert len(journal(tmp_path)) == 1

    after = crawl(site, tmp_path, "run2")
    assert after.stats.get(exit_codes.CODE_STAT, 0) == 0, after.log[-3000:]
    assert after.returncode == after.exit_code, after.log[-3000:]  # what a scheduler sees
    assert after.items == [], "what the crashed run delivered is not delivered again"
    assert after.stats.get("state/reconciled") == ARTICLES
    assert f"Committed {ARTICLES} articles of {tmp_path / 'run1' / 'scmp.jsonl'}" in after.log
    assert committed(tmp_path / "state.sqlite") == ALL and journal(tmp_path) == []


def test_a_crash_before_publishing_leaves_nothing_committed(site: ChangingSite, tmp_path: Path) -> None:
    crashed = crawl(site, tmp_path, "run1", *CRASHING, env={"FAULT_CRASH": "before_publish"})
    assert crashed.returncode == -signal.SIGKILL, crashed.log[-3000:]
    assert crashed.items == [] and (tmp_path / "run1" / "scmp.jsonl.part").exists()

    after = crawl(site, tmp_path, "run2")
    assert sorted(item["id"] for item in after.items) == ALL, after.log[-3000:]
    assert "state/reconciled" not in after.stats and journal(tmp_path) == []


def test_a_failed_commit_fails_the_run_and_is_recovered_next_start(site: ChangingSite, tmp_path: Path) -> None:
    pipelines = json.dumps({"pipelines.dedupe.DuplicateArticlePipeline": 100,
                            "pipelines.templates.TemplateParagraphsPipeline": 200,
                            "pipelines.state.IncrementalStatePipeline": 850,
                            "pipelines.validate.SchemaValidationPipeline": 900,
                            f"{DOUBLES}.ReadOnlyStatePipeline": 950})
    failed = crawl(site, tmp_path, "run1", "-s", f"ITEM_PIPELINES={pipelines}")
    assert failed.stats.get(exit_codes.CODE_STAT) == exit_codes.CANT_WRITE, failed.log[-3000:]
    assert failed.returncode == failed.exit_code, failed.log[-3000:]  # what a scheduler sees
    assert "Could not commit" in failed.log and "readonly" in failed.log
    assert sorted(item["id"] for item in failed.items) == ALL
    assert committed(tmp_path / "state.sqlite") == [] and len(journal(tmp_path)) == 1

    after = crawl(site, tmp_path, "run2")
    assert after.items == [], after.log[-3000:]
    assert after.stats.get("state/reconciled") == ARTICLES
    assert committed(tmp_path / "state.sqlite") == ALL


def test_batches_and_two_feeds_are_all_committed_once_published(site: ChangingSite, tmp_path: Path) -> None:
    # Two feeds: run_crawl's own -O file, and batch files of 3 (each published as it fills up).
    (tmp_path / "run1").mkdir()
    out = tmp_path / "run1" / "batch-%(batch_id)02d.jsonl"
    feeds = json.dumps({str(out): {"format": "jsonlines", "batch_item_count": 3}})
    result = run_crawl("scmp", tmp_path / "run1", "-a", f"sitemaps={site.sitemap}", "-s", f"FEEDS={feeds}",
                       "-s", f"STATE_PATH={tmp_path / 'state.sqlite'}")
    files = sorted((tmp_path / "run1").glob("batch-*.jsonl"))
    assert len(files) == 4, result.log[-3000:]  # 3 + 3 + 3 + 1
    delivered = sorted(json.loads(line)["id"] for f in files for line in f.read_text().splitlines())
    assert delivered == ALL and committed(tmp_path / "state.sqlite") == ALL
    assert sorted(item["id"] for item in result.items) == ALL  # the -O feed
    assert result.stats.get("feed/delivered") == 2 * ARTICLES and journal(tmp_path) == []
