"""The delivery journal settles what a stopped run left: commit a published feed, drop one never
published, cut back a half-done append; never an entry a live run holds."""

from __future__ import annotations

import fcntl
import os
from pathlib import Path

import pytest

from crawler.feeds import AtomicFileFeedStorage
from crawler.state import journal
from crawler.state.store import Record


def record(i: int) -> Record:
    return Record(id=f"scmp:{i}", site="scmp", canonical_url=f"https://x.example/article/{i}",
                  fingerprint=f"{i:016x}", discovery_ts=100.0 + i)


def published_feed(tmp_path: Path, append_to: bytes | None = None) -> tuple[AtomicFileFeedStorage, journal.Entry]:
    """A feed written and journaled, then published, the process 'dying' before the commit."""
    final = tmp_path / "feed.jsonl"
    if append_to is not None:
        final.write_bytes(append_to)
    storage = AtomicFileFeedStorage(str(final), feed_options={"overwrite": append_to is None})
    entries: list[journal.Entry] = []
    storage.publish_hooks = [lambda s: entries.append(journal.write(tmp_path / "j", s, [record(1), record(2)]))]
    handle = storage.open(None)
    handle.write(b'{"id": "scmp:1"}\n{"id": "scmp:2"}\n')
    storage.store(handle)
    return storage, entries[0]


def settle(tmp_path: Path) -> tuple[int, list[Record]]:
    seen: list[Record] = []
    count = journal.reconcile(tmp_path / "j", seen.extend)
    return count, seen


def test_a_published_feed_is_committed_at_the_next_start(tmp_path: Path) -> None:
    _, entry = published_feed(tmp_path)
    entry.keep()  # the run died: its lock is gone, the entry stays
    assert settle(tmp_path) == (2, [record(1), record(2)])
    assert list((tmp_path / "j").glob("*.json")) == []


def test_an_entry_a_live_run_holds_is_left_alone(tmp_path: Path) -> None:
    _, entry = published_feed(tmp_path)  # still locked: the run is committing right now
    assert settle(tmp_path) == (0, [])
    assert len(list((tmp_path / "j").glob("*.json"))) == 1
    entry.settle()


def test_a_feed_never_published_is_dropped(tmp_path: Path) -> None:
    final = tmp_path / "feed.jsonl"
    storage = AtomicFileFeedStorage(str(final), feed_options={"overwrite": True})
    handle = storage.open(None)
    handle.write(b'{"id": "scmp:1"}\n')
    handle.close()
    journal.write(tmp_path / "j", storage, [record(1)]).keep()  # died right after the journal
    assert settle(tmp_path) == (0, [])
    assert not final.exists() and list((tmp_path / "j").glob("*.json")) == []


def test_a_completed_append_is_committed_and_its_leftover_part_removed(tmp_path: Path) -> None:
    storage, entry = published_feed(tmp_path, append_to=b'{"id": "old"}\n')
    storage.part.write_bytes(b"leftover")  # died between the append and the removal of the .part
    entry.keep()
    assert settle(tmp_path)[0] == 2
    assert not storage.part.exists()


def test_a_half_done_append_is_cut_back(tmp_path: Path) -> None:
    old = b'{"id": "old"}\n'
    storage, entry = published_feed(tmp_path, append_to=old)
    entry.keep()
    storage.final.write_bytes(old + b'{"id": "scmp:1"}\n{"id": "sc')  # as if the append stopped here
    assert settle(tmp_path) == (0, [])
    assert storage.final.read_bytes() == old


def test_a_failed_commit_keeps_the_entry(tmp_path: Path) -> None:
    _, entry = published_feed(tmp_path)
    entry.keep()

    def fails(records: list[Record]) -> None:
        raise OSError("disk full")

    with pytest.raises(OSError):
        journal.reconcile(tmp_path / "j", fails)
    [path] = list((tmp_path / "j").glob("*.json"))
    fd = os.open(path, os.O_RDONLY)
    fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)  # and unlocked, for the next start
    os.close(fd)
    assert settle(tmp_path)[0] == 2
