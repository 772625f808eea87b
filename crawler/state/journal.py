"""The delivery journal: what a feed file holds, written before the file is published.

A run that stops between publishing a feed and committing its articles would deliver them twice.
So before publishing, one entry is written beside the state (`<STATE_PATH>.pending/`) and deleted
after the commit. At the next start `reconcile` settles what is left: a published feed's records
are committed, an unpublished one's entry dropped, a half-done append cut back. An entry is locked
by the run that wrote it until settled. See docs/operations.md.
"""

from __future__ import annotations

import fcntl
import hashlib
import json
import logging
import os
from collections.abc import Callable, Iterator
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from crawler.state.store import Record

if TYPE_CHECKING:
    from crawler.feeds import AtomicFileFeedStorage

logger = logging.getLogger(__name__)

JOURNAL_SUFFIX = ".pending"


def journal_dir(state_path: Path | str) -> Path:
    """Where the journal of the state at `state_path` lives (beside it)."""
    return Path(f"{state_path}{JOURNAL_SUFFIX}")


@dataclass
class Entry:
    """One feed file's journal entry, locked by this process while `fd` is open."""

    path: Path
    feed: Path
    part: Path
    size_before: int | None
    size_after: int | None
    records: list[Record]
    fd: int

    def settle(self) -> None:
        """The records are committed (or were never delivered): forget the entry."""
        self.path.unlink(missing_ok=True)
        self.keep()

    def keep(self) -> None:
        """Leave the entry for the next start (its commit failed); unlock it."""
        if self.fd >= 0:
            os.close(self.fd)
            self.fd = -1

    def outcome(self) -> str:
        """`published`, `not_published` or `torn` (an append that stopped half-way)."""
        try:
            size = self.feed.stat().st_size
        except FileNotFoundError:
            return "not_published"
        if self.size_before is None:  # overwrite: published once the .part was renamed away
            return "not_published" if self.part.exists() else "published"
        assert self.size_after is not None
        if size >= self.size_after:
            return "published"
        if size > self.size_before:
            return "torn"
        return "not_published"


def _fsync_dir(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def write(directory: Path, storage: AtomicFileFeedStorage, records: list[Record]) -> Entry:
    """Durably record that `storage`'s file is about to be published with `records` in it."""
    directory.mkdir(parents=True, exist_ok=True)
    name = hashlib.sha1(str(storage.final.resolve()).encode("utf-8")).hexdigest()[:20] + ".json"
    path = directory / name
    private = directory / f".{name}.{os.getpid()}.tmp"
    data = {"feed": str(storage.final.resolve()), "part": str(storage.part.resolve()),
            "size_before": storage.size_before, "size_after": storage.size_after,
            "records": [asdict(record) for record in records]}
    fd = os.open(private, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        view = memoryview(json.dumps(data, ensure_ascii=False).encode("utf-8"))
        while view:
            view = view[os.write(fd, view):]
        os.fsync(fd)
        os.replace(private, path)  # appears complete and already locked
        _fsync_dir(directory)
    except BaseException:
        os.close(fd)
        private.unlink(missing_ok=True)
        raise
    return Entry(path, storage.final, storage.part, storage.size_before, storage.size_after, records, fd)


def _entries(directory: Path) -> Iterator[Entry]:
    """Entries no live process holds, locked for the caller; unreadable ones are logged and skipped."""
    if not directory.is_dir():
        return
    for path in sorted(directory.glob("*.json")):
        try:
            fd = os.open(path, os.O_RDWR)
        except FileNotFoundError:
            continue
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            os.close(fd)
            continue  # being published by a live run
        try:
            with open(path, encoding="utf-8") as file:
                data = json.load(file)
            entry = Entry(path, Path(data["feed"]), Path(data["part"]), data["size_before"], data["size_after"],
                          [Record(**record) for record in data["records"]], fd)
        except (OSError, ValueError, KeyError, TypeError) as exc:
            os.close(fd)
            logger.error("Ignoring unreadable delivery journal entry %s (%s)", path, exc)
            continue
        yield entry


def reconcile(directory: Path, commit: Callable[[list[Record]], object]) -> int:
    """Settle every entry left by earlier runs (see the module docstring); returns the number of
    articles committed. `commit` writes records to the state; if it raises, the entry is kept and
    the error propagates."""
    committed = 0
    for entry in _entries(directory):
        outcome = entry.outcome()
        if outcome == "published":
            try:
                commit(entry.records)
            except BaseException:
                entry.keep()
                raise
            if entry.size_before is not None:  # appended in full: the .part is a leftover
                entry.part.unlink(missing_ok=True)
            logger.warning("Committed %d articles of %s: they were delivered by a run that stopped before "
                           "committing them", len(entry.records), entry.feed)
            committed += len(entry.records)
        elif outcome == "torn":
            assert entry.size_before is not None
            with open(entry.feed, "r+b") as feed:
                feed.truncate(entry.size_before)
                os.fsync(feed.fileno())
            logger.warning("Cut %s back to %d bytes: a run stopped half-way through appending to it; those "
                           "articles were never delivered and will be fetched again", entry.feed, entry.size_before)
        else:
            logger.info("Dropping the journal of %s: it was never published (its articles will be fetched again)",
                        entry.feed)
        entry.settle()
    return committed
