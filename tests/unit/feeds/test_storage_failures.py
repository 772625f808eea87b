"""The feed storage under real write failures: /dev/full (ENOSPC from the kernel), EIO at fsync or
rename, a file size limit while appending (EFBIG, in a child process), a `.part` another run holds."""

from __future__ import annotations

import errno
import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from crawler import exit_codes
from crawler.feeds import AtomicFileFeedStorage, FeedCollision, FeedNotPublished
from tests.support.paths import PROJECT


class Stats:
    """The part of Scrapy's stats collector the storage uses."""

    def __init__(self) -> None:
        self.values: dict[str, Any] = {}

    def get_value(self, key: str, default: Any = None) -> Any:
        return self.values.get(key, default)

    def set_value(self, key: str, value: Any) -> None:
        self.values[key] = value

    def inc_value(self, key: str, count: int = 1) -> None:
        self.values[key] = self.values.get(key, 0) + count


class Crawler:
    def __init__(self) -> None:
        self.stats = Stats()


def storage(final: Path, **options: Any) -> tuple[AtomicFileFeedStorage, Crawler]:
    crawler = Crawler()
    return AtomicFileFeedStorage(str(final), feed_options={"overwrite": True, **options}, crawler=crawler), crawler  # type: ignore[arg-type]


def test_writes_to_a_full_device_publish_nothing_and_fail_the_run(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    final = tmp_path / "feed.jsonl"
    feed, crawler = storage(final)
    monkeypatch.setattr(feed, "_create_part", lambda: os.open("/dev/full", os.O_WRONLY))
    handle = feed.open(None)
    handle.write(b'{"id": "a"}\n' * 100)  # buffered: the kernel refuses it at flush
    with pytest.raises(FeedNotPublished, match="No space left on device"):
        feed.store(handle)
    assert not final.exists() and feed.published is False
    assert exit_codes.exit_code(crawler.stats.values) == exit_codes.CANT_WRITE
    assert crawler.stats.values["feed/write_failed"] == 1


def test_an_fsync_error_publishes_nothing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    final = tmp_path / "feed.jsonl"
    feed, crawler = storage(final)
    handle = feed.open(None)
    handle.write(b'{"id": "a"}\n')

    def eio(fd: int) -> None:
        raise OSError(errno.EIO, os.strerror(errno.EIO))

    monkeypatch.setattr(os, "fsync", eio)
    with pytest.raises(FeedNotPublished):
        feed.store(handle)
    assert not final.exists() and feed.part.exists()
    assert exit_codes.exit_code(crawler.stats.values) == exit_codes.CANT_WRITE


def test_a_failed_rename_publishes_nothing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    final = tmp_path / "feed.jsonl"
    feed, crawler = storage(final)
    handle = feed.open(None)
    handle.write(b'{"id": "a"}\n')

    def eio(src: Any, dst: Any) -> None:
        raise OSError(errno.EIO, os.strerror(errno.EIO))

    monkeypatch.setattr(os, "replace", eio)
    with pytest.raises(FeedNotPublished):
        feed.store(handle)
    assert not final.exists() and feed.part.read_bytes() == b'{"id": "a"}\n'
    assert exit_codes.exit_code(crawler.stats.values) == exit_codes.CANT_WRITE


def test_a_publish_hook_that_fails_stops_the_publication(tmp_path: Path) -> None:
    final = tmp_path / "feed.jsonl"
    feed, crawler = storage(final)

    def journal(_storage: AtomicFileFeedStorage) -> None:
        raise OSError(errno.ENOSPC, "journal: No space left on device")

    feed.publish_hooks = [journal]
    handle = feed.open(None)
    handle.write(b'{"id": "a"}\n')
    with pytest.raises(FeedNotPublished):
        feed.store(handle)
    assert not final.exists()
    assert exit_codes.exit_code(crawler.stats.values) == exit_codes.CANT_WRITE


# The append runs in a child whose files may not grow past the limit: its writes then fail with
# EFBIG part-way through, as they would on a full disk.
APPEND = """
import json, resource, sys
from crawler.feeds import AtomicFileFeedStorage
final, limit = sys.argv[1], int(sys.argv[2])
storage = AtomicFileFeedStorage(final, feed_options={"overwrite": False})
handle = storage.open(None)
for i in range(50):
    handle.write((json.dumps({"id": f"new:{i}", "text": "y" * 200}) + "\\n").encode())
resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))
try:
    storage.store(handle)
except OSError as exc:
    print("failed:", exc)
"""


def test_an_append_that_fails_part_way_leaves_the_final_file_as_it_was(tmp_path: Path) -> None:
    final = tmp_path / "feed.jsonl"
    old = "".join(json.dumps({"id": f"old:{i}", "text": "x" * 200}) + "\n" for i in range(200))
    final.write_text(old, encoding="utf-8")
    limit = final.stat().st_size + 3000  # the part (about 11 kB) fits; the final file may grow 3 kB
    done = subprocess.run([sys.executable, "-c", APPEND, str(final), str(limit)], capture_output=True, text=True,
                          timeout=60, env={**os.environ, "PYTHONPATH": str(PROJECT)}, cwd=tmp_path)
    assert "failed:" in done.stdout and "File too large" in done.stdout, done.stdout + done.stderr
    assert final.read_text(encoding="utf-8") == old, "no torn line, nothing half-appended"
    assert Path(f"{final}.part").exists()


def test_an_append_that_succeeds_adds_every_line(tmp_path: Path) -> None:
    final = tmp_path / "feed.jsonl"
    final.write_bytes(b'{"id": "old"}\n')
    feed, _ = storage(final, overwrite=False)
    handle = feed.open(None)
    handle.write(b'{"id": "new"}\n')
    feed.store(handle)
    assert final.read_bytes() == b'{"id": "old"}\n{"id": "new"}\n'
    assert (feed.size_before, feed.size_after) == (14, 28)
    assert not feed.part.exists()


def test_a_part_another_live_run_writes_is_never_taken_over(tmp_path: Path) -> None:
    final = tmp_path / "feed.jsonl"
    first, _ = storage(final)
    handle = first.open(None)  # holds the .part, locked
    second, _ = storage(final)
    with pytest.raises(FeedCollision, match="being written by another run"):
        second.open(None)
    handle.write(b'{"id": "a"}\n')
    first.store(handle)
    assert final.read_bytes() == b'{"id": "a"}\n'


def test_a_stale_part_is_replaced(tmp_path: Path) -> None:
    final = tmp_path / "feed.jsonl"
    Path(f"{final}.part").write_bytes(b'{"id": "to')  # a killed run's leftover: nobody holds its lock
    feed, _ = storage(final)
    handle = feed.open(None)
    handle.write(b'{"id": "b"}\n')
    feed.store(handle)
    assert final.read_bytes() == b'{"id": "b"}\n'


def test_a_withheld_feed_is_not_published_and_not_a_write_error(tmp_path: Path) -> None:
    final = tmp_path / "feed.jsonl"
    feed, crawler = storage(final)
    handle = feed.open(None)
    handle.write(b'{"id": "a"}\n')
    feed.withhold("Redis was unavailable")
    with pytest.raises(FeedNotPublished, match="withheld"):
        feed.store(handle)
    assert not final.exists()
    assert exit_codes.exit_code(crawler.stats.values) == exit_codes.OK  # whoever withheld it recorded why


def test_without_hard_links_the_part_is_still_created_exclusively(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def no_links(src: Any, dst: Any) -> None:
        raise OSError(errno.EPERM, "Operation not permitted")

    monkeypatch.setattr(os, "link", no_links)
    final = tmp_path / "feed.jsonl"
    first, _ = storage(final)
    handle = first.open(None)
    with pytest.raises(FeedCollision):
        storage(final)[0].open(None)
    handle.write(b'{"id": "a"}\n')
    first.store(handle)
    assert final.read_bytes() == b'{"id": "a"}\n'
    assert [p.name for p in tmp_path.iterdir()] == ["feed.jsonl"]  # no private leftovers
