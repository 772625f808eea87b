"""Test doubles that make a real `scrapy crawl` fail where delivery can fail: the disk, the process,
the state database, one item. Each is switched on by a setting on the command line and configured by
an environment variable the test passes (so none of them is a setting of the project).

- `FullDiskFeedStorage` (`FEED_STORAGES`): the feed file fails with ENOSPC once it holds
  `FAULT_FEED_BYTES` bytes (as a full disk does; the bytes before stay written), or with EIO at fsync
  when `FAULT_FEED_FSYNC=1`.
- `CrashingFeedStorage` (`FEED_STORAGES`): the process dies (SIGKILL) right after the feed file is
  published (`FAULT_CRASH=after_publish`) or right before (`before_publish`, after the journal).
- `ReadOnlyStatePipeline` (`ITEM_PIPELINES`): makes the crawl's SQLite state read-only when the
  pipelines close, so the commit that follows fails.
- `LoneSurrogatePipeline` (`ITEM_PIPELINES`): puts half an emoji into the title of the article whose
  id is `FAULT_ITEM_ID`, as if something upstream had let one through: no feed can encode it.
"""

from __future__ import annotations

import errno
import os
import signal
from typing import IO, Any

from itemadapter import ItemAdapter

from crawler.feeds import AtomicFileFeedStorage


class _FullAfter:
    """A binary file that fails with ENOSPC once `limit` bytes were written (partial last write)."""

    def __init__(self, file: IO[bytes], limit: int, fsync_fails: bool) -> None:
        self._file = file
        self._limit = limit
        self._written = 0
        self._fsync_fails = fsync_fails

    def write(self, data: bytes) -> int:
        room = self._limit - self._written
        if len(data) > room:
            if room > 0:
                self._file.write(data[:room])
                self._written += room
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        self._written += len(data)
        return self._file.write(data)

    def fileno(self) -> int:
        if self._fsync_fails:
            raise OSError(errno.EIO, os.strerror(errno.EIO))
        return self._file.fileno()

    def __getattr__(self, name: str) -> Any:
        return getattr(self._file, name)


class FullDiskFeedStorage(AtomicFileFeedStorage):
    def open(self, spider: Any) -> IO[bytes]:
        limit = int(os.environ.get("FAULT_FEED_BYTES", str(1 << 62)))
        return _FullAfter(super().open(spider), limit, os.environ.get("FAULT_FEED_FSYNC") == "1")  # type: ignore[return-value]


class CrashingFeedStorage(AtomicFileFeedStorage):
    def store(self, file: IO[bytes]) -> None:
        if os.environ.get("FAULT_CRASH") == "before_publish":
            self.publish_hooks = [*self.publish_hooks, lambda _storage: os.kill(os.getpid(), signal.SIGKILL)]
        super().store(file)
        if os.environ.get("FAULT_CRASH") == "after_publish":
            os.kill(os.getpid(), signal.SIGKILL)


class ReadOnlyStatePipeline:
    def __init__(self, crawler: Any) -> None:
        self.crawler = crawler

    @classmethod
    def from_crawler(cls, crawler: Any) -> ReadOnlyStatePipeline:
        return cls(crawler)

    def process_item(self, item: Any) -> Any:
        return item

    def close_spider(self) -> None:
        from crawler.state.extension import CrawlStateExtension

        store = self.crawler.get_extension(CrawlStateExtension).store
        store._db.execute("PRAGMA query_only = ON")  # type: ignore[union-attr]


class LoneSurrogatePipeline:
    def process_item(self, item: Any) -> Any:
        adapter = ItemAdapter(item)
        if adapter.get("id") == os.environ.get("FAULT_ITEM_ID"):
            adapter["title"] = f"{adapter['title']} \ud83d"
        return item
