"""A feed that cannot be written fails the run and commits nothing it did not durably write.

Real crawls of a local site whose feed write fails: ENOSPC part-way (a storage double that fails as a
full disk does), EIO at fsync, a file size limit of the kernel (RLIMIT_FSIZE: writes past it fail
with EFBIG) while appending to an existing feed, and one item no encoder can write. In every case
the run records an exit code (`exit/code`, crawler/exit_codes.py), the final feed holds no partial
or torn content, the state commits nothing that is not in a published file, and the next run
delivers what was not.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from crawler import exit_codes
from tests.support.changing_site import ChangingSite
from tests.support.crawl import run_crawl
from tests.support.served_sites import FIRST, committed_ids, served_site

ARTICLES = 12
DOUBLES = "tests.support.delivery_faults"
FULL_DISK = ["-s", "FEED_STORAGES=" + json.dumps({"": f"{DOUBLES}.FullDiskFeedStorage",
                                                   "file": f"{DOUBLES}.FullDiskFeedStorage"})]


@pytest.fixture()
def site(tmp_path: Path) -> Iterator[ChangingSite]:
    with served_site(tmp_path / "site", ARTICLES) as site:
        yield site


def crawl(site: ChangingSite, folder: Path, state: Path, *args: str, **kwargs):
    folder.mkdir(exist_ok=True)
    return run_crawl("scmp", folder, "-a", f"sitemaps={site.sitemap}", "-s", f"STATE_PATH={state}", *args, **kwargs)


def lines(path: Path) -> list[str]:
    return path.read_text(encoding="utf-8").split("\n")


def test_a_full_disk_part_way_fails_the_run_and_commits_nothing(site: ChangingSite, tmp_path: Path) -> None:
    state = tmp_path / "state.sqlite"
    out = tmp_path / "run1" / "feed.jsonl"
    full = crawl(site, tmp_path / "run1", state, *FULL_DISK, out=out, env={"FAULT_FEED_BYTES": "6000"})
    assert full.stats.get(exit_codes.CODE_STAT) == exit_codes.CANT_WRITE, full.log[-3000:]
    assert full.returncode == full.exit_code, full.log[-3000:]  # what a scheduler sees
    assert full.stats.get("exit/reason/feed_write_failed") == 1
    assert not out.exists(), "no half file under the final name"
    assert committed_ids(state) == set(), "nothing may be committed that is not in a published file"
    assert "No space left on device" in full.log and "Stored jsonl feed" not in full.log
    assert full.stats.get("finish_reason") == "feed_write_failed"  # it stopped instead of crawling on

    again = crawl(site, tmp_path / "run2", state)
    assert again.stats.get(exit_codes.CODE_STAT, 0) == 0, again.log[-3000:]
    assert again.returncode == again.exit_code, again.log[-3000:]  # what a scheduler sees
    assert sorted(item["id"] for item in again.items) == [f"scmp:{i}" for i in range(FIRST, FIRST + ARTICLES)]
    assert committed_ids(state) == {f"scmp:{i}" for i in range(FIRST, FIRST + ARTICLES)}


def test_an_fsync_error_publishes_nothing(site: ChangingSite, tmp_path: Path) -> None:
    state = tmp_path / "state.sqlite"
    out = tmp_path / "run1" / "feed.jsonl"
    result = crawl(site, tmp_path / "run1", state, *FULL_DISK, out=out, env={"FAULT_FEED_FSYNC": "1"})
    assert result.stats.get(exit_codes.CODE_STAT) == exit_codes.CANT_WRITE, result.log[-3000:]
    assert result.returncode == result.exit_code, result.log[-3000:]  # what a scheduler sees
    assert not out.exists() and committed_ids(state) == set()
    assert "Input/output error" in result.log


def test_append_mode_never_leaves_a_torn_line(site: ChangingSite, tmp_path: Path) -> None:
    # An existing feed of 200 kB of complete lines; this run may grow no file past 200 kB + 3 kB, so
    # its append (about 20 kB) fails part-way with EFBIG, a real error of the kernel.
    state = tmp_path / "state.sqlite"
    out = tmp_path / "feed.jsonl"
    old = "".join(json.dumps({"id": f"old:{i}", "text": "x" * 180}) + "\n" for i in range(1000))
    out.write_text(old, encoding="utf-8")
    size = out.stat().st_size
    result = crawl(site, tmp_path / "run1", state, out=out, mode="-o", file_size_limit=size + 3000)
    assert result.stats.get(exit_codes.CODE_STAT) == exit_codes.CANT_WRITE, result.log[-3000:]
    assert result.returncode == result.exit_code, result.log[-3000:]  # what a scheduler sees
    assert out.read_text(encoding="utf-8") == old, "the final file is exactly what it was: no torn line"
    assert committed_ids(state) == set()

    again = crawl(site, tmp_path / "run2", state, out=out, mode="-o")
    assert again.stats.get(exit_codes.CODE_STAT, 0) == 0, again.log[-3000:]
    assert again.returncode == again.exit_code, again.log[-3000:]  # what a scheduler sees
    new = [json.loads(line)["id"] for line in lines(out)[1000:] if line]
    assert sorted(new) == [f"scmp:{i}" for i in range(FIRST, FIRST + ARTICLES)]
    assert lines(out)[-1] == ""  # ends with a complete line


def test_an_item_no_feed_can_encode_is_counted_and_not_committed(site: ChangingSite, tmp_path: Path) -> None:
    state = tmp_path / "state.sqlite"
    pipelines = json.dumps({"pipelines.dedupe.DuplicateArticlePipeline": 100,
                            "pipelines.templates.TemplateParagraphsPipeline": 200,
                            "pipelines.state.IncrementalStatePipeline": 850,
                            f"{DOUBLES}.LoneSurrogatePipeline": 860,
                            "pipelines.validate.SchemaValidationPipeline": 900})
    bad = f"scmp:{FIRST + 3}"
    result = crawl(site, tmp_path / "run1", state, "-s", f"ITEM_PIPELINES={pipelines}", env={"FAULT_ITEM_ID": bad})
    ids = sorted(item["id"] for item in result.items)
    assert ids == sorted(f"scmp:{i}" for i in range(FIRST, FIRST + ARTICLES) if f"scmp:{i}" != bad), result.log[-3000:]
    assert result.stats.get("feed/unwritable_item") == 1
    assert committed_ids(state) == set(ids), "the state records as delivered only what the feed holds"
    assert f"Could not write {site.url(site.stories[FIRST + 3])}" in result.log
    assert result.stats.get(exit_codes.CODE_STAT) == exit_codes.CHECKS_FAILED  # an error was logged
    assert result.returncode == result.exit_code, result.log[-3000:]  # what a scheduler sees


def test_a_lone_surrogate_in_json_ld_is_delivered_clean(site: ChangingSite, tmp_path: Path) -> None:
    # Half an emoji at the end of the JSON-LD headline, escaped as JSON text carries it.
    story = site.stories[FIRST]
    page = next((site.root / "economy" / "article" / str(FIRST)).rglob("index.html"))
    html = page.read_text(encoding="utf-8")
    page.write_text(html.replace(f'"headline": "{story.title}"', f'"headline": "{story.title} \\ud83d"'),
                    encoding="utf-8")
    assert "\\ud83d" in page.read_text(encoding="utf-8")
    state = tmp_path / "state.sqlite"
    result = crawl(site, tmp_path / "run1", state)
    [item] = [item for item in result.items if item["id"] == f"scmp:{FIRST}"]
    assert item["title"] == story.title
    assert len(result.items) == ARTICLES and committed_ids(state) == {i["id"] for i in result.items}
