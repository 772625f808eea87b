"""The crawl state store: one SQLite file holding, per article id, its canonical URL, content
fingerprint, dates and the newest discovery date (sitemap lastmod / news date / feed date) seen.

Writes are staged in memory and committed only once the feed lines they describe are safely on
disk (see `crawler.state.extension`): a run killed at any moment leaves the store as if the
unwritten articles had never been seen, so the next run fetches them again.
"""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from scrapy.crawler import Crawler

_SCHEMA = """
CREATE TABLE IF NOT EXISTS articles (
    id TEXT PRIMARY KEY,
    site TEXT NOT NULL,
    canonical_url TEXT NOT NULL,
    fingerprint TEXT NOT NULL,
    published_at TEXT,
    modified_at TEXT,
    discovery_ts REAL,
    first_seen TEXT NOT NULL,
    last_seen TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS articles_canonical_url ON articles (canonical_url);
CREATE INDEX IF NOT EXISTS articles_fingerprint ON articles (fingerprint);
"""


class StoreUnavailable(RuntimeError):
    """The shared store (Redis) could not be reached or failed: nothing was read or written."""


@dataclass(frozen=True)
class Record:
    """What the store knows about one delivered article."""

    id: str
    site: str
    canonical_url: str
    fingerprint: str
    published_at: str | None = None
    modified_at: str | None = None
    discovery_ts: float | None = None


class StagedWrites:
    """The staging area both backends share: records wait here until the feed lines they describe
    are on disk; `commit(ids)` then writes those (the crawl state extension knows which file holds
    which, `crawler.state.extension`).

    A backend provides the lookups (`get`, `by_url`, `by_fingerprint`) and `_write(records)`.
    """

    def __init__(self) -> None:
        self._staged: dict[str, Record] = {}
        # Staged ids by canonical URL and by fingerprint: every item looks both up, and a run stages
        # thousands of records before its feed is published (a scan per item grew with the run).
        self._staged_urls: dict[str, set[str]] = {}
        self._staged_fingerprints: dict[str, set[str]] = {}
        self._lock = threading.Lock()

    def _index(self, record: Record) -> None:
        self._staged_urls.setdefault(record.canonical_url, set()).add(record.id)
        self._staged_fingerprints.setdefault(record.fingerprint, set()).add(record.id)

    def _unindex(self, record: Record) -> None:
        for index, key in ((self._staged_urls, record.canonical_url), (self._staged_fingerprints, record.fingerprint)):
            ids = index.get(key)
            if ids is not None:
                ids.discard(record.id)
                if not ids:
                    del index[key]

    def _drop_staged(self, article_id: str) -> None:
        record = self._staged.pop(article_id, None)
        if record is not None:
            self._unindex(record)

    def _first_staged(self, ids: set[str]) -> Record | None:
        """The first staged record (in staging order) among `ids`."""
        if not ids:
            return None
        if len(ids) == 1:
            return self._staged[next(iter(ids))]
        return next(record for record in self._staged.values() if record.id in ids)

    def staged_by_url(self, canonical_url: str) -> Record | None:
        """The first staged record with this canonical URL."""
        return self._first_staged(self._staged_urls.get(canonical_url, set()))

    def staged_by_fingerprint(self, fingerprint: str, *, exclude_id: str) -> Record | None:
        """The first staged record with this fingerprint and another id."""
        return self._first_staged(self._staged_fingerprints.get(fingerprint, set()) - {exclude_id})

    def get(self, article_id: str) -> Record | None:
        raise NotImplementedError

    def by_url(self, canonical_url: str) -> Record | None:
        raise NotImplementedError

    def by_fingerprint(self, fingerprint: str, *, exclude_id: str) -> Record | None:
        raise NotImplementedError

    def _write(self, records: list[Record]) -> None:
        raise NotImplementedError

    def _merged(self, record: Record) -> Record:
        """`record`, keeping the newest discovery date already known for its id."""
        previous = self._staged.get(record.id) or self.get(record.id)
        if previous and previous.discovery_ts and (record.discovery_ts or 0) < previous.discovery_ts:
            return replace(record, discovery_ts=previous.discovery_ts)
        return record

    def stage(self, record: Record) -> None:
        """Remember `record`; it becomes durable at a later `commit()`."""
        with self._lock:
            merged = self._merged(record)
            previous = self._staged.get(record.id)
            if previous is not None:
                self._unindex(previous)
            self._staged[record.id] = merged  # an id staged again keeps its place (a dict's key does)
            self._index(merged)

    def write_now(self, *records: Record) -> None:
        """Write records at once (nothing of them waits in a feed: an unchanged article, or the
        records of a feed published by an earlier run, `crawler.state.journal`)."""
        with self._lock:
            self._write([self._merged(record) for record in records])

    def staged_count(self) -> int:
        return len(self._staged)

    def staged(self, ids: Iterable[str]) -> list[Record]:
        """The staged records with these ids (those still staged), in the given order."""
        return [self._staged[i] for i in ids if i in self._staged]

    def commit(self, ids: Iterable[str] | None = None) -> int:
        """Write the staged records with these ids (all when None); returns how many.

        If the write fails they stay staged (and the error propagates)."""
        with self._lock:
            chosen = [i for i in (self._staged if ids is None else ids) if i in self._staged]
            if not chosen:
                return 0
            self._write([self._staged[i] for i in chosen])
            for i in chosen:
                self._drop_staged(i)
            return len(chosen)

    def discard_staged(self, ids: Iterable[str] | None = None) -> None:
        """Forget staged records (all when None): their feed never made it to disk."""
        with self._lock:
            if ids is None:
                self._staged.clear()
                self._staged_urls.clear()
                self._staged_fingerprints.clear()
            for i in ids or ():
                self._drop_staged(i)

    def check(self) -> None:
        """Raise `StoreUnavailable` if a commit could not be made now (a shared store that is down)."""


class StateStore(StagedWrites):
    """SQLite-backed article records with an in-memory staging area (bounded by the open feed)."""

    def __init__(self, path: Path | str, *, reset: bool = False) -> None:
        self.path = Path(path)
        if str(path) != ":memory:":
            self.path.parent.mkdir(parents=True, exist_ok=True)
        self._db = sqlite3.connect(str(path), timeout=30, check_same_thread=False)
        self._db.execute("PRAGMA journal_mode=WAL")
        self._db.execute("PRAGMA synchronous=NORMAL")
        self._db.executescript(_SCHEMA)
        if reset:
            self._db.execute("DELETE FROM articles")
        self._db.commit()
        super().__init__()

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> StateStore:
        """The `STATE_STORE_CLASS` of a single-machine crawl: the SQLite file at `STATE_PATH`."""
        from scrapy.exceptions import NotConfigured

        settings = crawler.settings
        if not settings["STATE_PATH"]:
            raise NotConfigured("STATE_PATH is empty")
        return cls(settings["STATE_PATH"], reset=settings.getbool("STATE_RESET"))

    # --- reads (staged records win: they are this run's newest knowledge) ------------------

    def get(self, article_id: str) -> Record | None:
        staged = self._staged.get(article_id)
        if staged is not None:
            return staged
        row = self._db.execute("SELECT * FROM articles WHERE id = ?", (article_id,)).fetchone()
        return _record(row)

    def by_url(self, canonical_url: str) -> Record | None:
        staged = self.staged_by_url(canonical_url)
        if staged is not None:
            return staged
        row = self._db.execute(
            "SELECT * FROM articles WHERE canonical_url = ? ORDER BY last_seen DESC LIMIT 1", (canonical_url,)
        ).fetchone()
        return _record(row)

    def by_fingerprint(self, fingerprint: str, *, exclude_id: str) -> Record | None:
        staged = self.staged_by_fingerprint(fingerprint, exclude_id=exclude_id)
        if staged is not None:
            return staged
        row = self._db.execute(
            "SELECT * FROM articles WHERE fingerprint = ? AND id != ? ORDER BY first_seen LIMIT 1",
            (fingerprint, exclude_id),
        ).fetchone()
        return _record(row)

    # --- writes -----------------------------------------------------------------------------

    def _write(self, records: list[Record]) -> None:
        now = datetime.now(UTC).isoformat(timespec="seconds")
        rows = [
            (r.id, r.site, r.canonical_url, r.fingerprint, r.published_at, r.modified_at, r.discovery_ts, now, now)
            for r in records
        ]
        try:
            self._write_rows(rows)
        except sqlite3.Error:
            self._db.rollback()  # nothing of a failed commit stays pending for the next one
            raise

    def _write_rows(self, rows: list[tuple]) -> None:
        self._db.executemany(
            """INSERT INTO articles (id, site, canonical_url, fingerprint, published_at, modified_at,
                                     discovery_ts, first_seen, last_seen)
               VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
               ON CONFLICT(id) DO UPDATE SET canonical_url = excluded.canonical_url,
                   fingerprint = excluded.fingerprint, published_at = excluded.published_at,
                   modified_at = excluded.modified_at,
                   discovery_ts = MAX(COALESCE(articles.discovery_ts, 0), COALESCE(excluded.discovery_ts, 0)),
                   last_seen = excluded.last_seen""",
            rows,
        )
        self._db.commit()

    def count(self) -> int:
        return int(self._db.execute("SELECT COUNT(*) FROM articles").fetchone()[0])

    def check(self) -> None:
        """A local file: nothing to check before a feed is published (a failed commit is journaled)."""

    def close(self) -> None:
        self._db.close()


def _record(row: tuple | None) -> Record | None:
    if row is None:
        return None
    return Record(id=row[0], site=row[1], canonical_url=row[2], fingerprint=row[3], published_at=row[4],
                  modified_at=row[5], discovery_ts=row[6])
