"""The crawl state store: one SQLite file holding, per article id, its canonical URL, content
fingerprint, dates and the newest discovery date (sitemap lastmod / news date / feed date) seen.

Writes are staged in memory and committed only once the feed lines they describe are safely on
disk (see `crawler.state.extension`): a run killed at any moment leaves the store as if the
unwritten articles had never been seen, so the next run fetches them again.
"""

from __future__ import annotations

import sqlite3
import threading
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
    """The staging area both backends share: records wait here, in delivery order, until the feed
    lines they describe are on disk; `commit(limit)` then writes the oldest `limit` of them.

    A backend provides the lookups (`get`, `by_url`, `by_fingerprint`) and `_write(records)`.
    """

    def __init__(self) -> None:
        self._staged: dict[str, Record] = {}
        self._lock = threading.Lock()

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
            self._staged[record.id] = self._merged(record)

    def write_now(self, record: Record) -> None:
        """Write one record at once (nothing of it waits in a feed: an unchanged article)."""
        with self._lock:
            self._write([self._merged(record)])

    def staged_count(self) -> int:
        return len(self._staged)

    def commit(self, limit: int | None = None) -> int:
        """Write the oldest `limit` staged records (all when None); returns how many."""
        with self._lock:
            ids = list(self._staged)[: limit if limit is not None else len(self._staged)]
            if not ids:
                return 0
            self._write([self._staged.pop(i) for i in ids])
            return len(ids)

    def discard_staged(self) -> None:
        """Forget what was staged (its feed never made it to disk)."""
        with self._lock:
            self._staged.clear()


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
        for record in self._staged.values():
            if record.canonical_url == canonical_url:
                return record
        row = self._db.execute(
            "SELECT * FROM articles WHERE canonical_url = ? ORDER BY last_seen DESC LIMIT 1", (canonical_url,)
        ).fetchone()
        return _record(row)

    def by_fingerprint(self, fingerprint: str, *, exclude_id: str) -> Record | None:
        for record in self._staged.values():
            if record.fingerprint == fingerprint and record.id != exclude_id:
                return record
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

    def close(self) -> None:
        self._db.close()


def _record(row: tuple | None) -> Record | None:
    if row is None:
        return None
    return Record(id=row[0], site=row[1], canonical_url=row[2], fingerprint=row[3], published_at=row[4],
                  modified_at=row[5], discovery_ts=row[6])
