"""Feed storage that never leaves a half-written file under the final name.

Each feed is written to `<path>.part`, created exclusively and locked while it is written; on a
clean close it is fsynced, the publish hooks run (the crawl state journals what it holds), and it
is renamed to `<path>` (`-O`) or appended to it (`-o`; a failed append is cut back, never leaving a
torn line). A failed write or a withheld feed is never published (`FeedNotPublished`). A run killed
at any moment leaves only the `.part`, whose articles the next run emits again. See
docs/operations.md.
"""

from __future__ import annotations

import fcntl
import logging
import os
import secrets
from collections.abc import Callable
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

from scrapy.extensions.feedexport import FileFeedStorage

from crawler import exit_codes

if TYPE_CHECKING:
    from scrapy.crawler import Crawler

logger = logging.getLogger(__name__)

PART_SUFFIX = ".part"

#: A publish hook gets the storage about to publish; raising stops the publication.
PublishHook = Callable[["AtomicFileFeedStorage"], None]


class FeedNotPublished(OSError):
    """The feed file stays a `.part`: a write failed, or the crawl withheld its output."""


class FeedCollision(OSError):
    """Another live run is writing the same feed file."""


def new_run_id() -> str:
    """Six hex digits naming one run: in the default feed name (`%(run_id)s`), so that two runs of a
    spider started in the same second never write the same file."""
    return secrets.token_hex(3)


def _fsync_dir(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _is_stale(part: Path) -> bool:
    """True when `part` exists and no live process holds its lock (its writer died)."""
    try:
        fd = os.open(part, os.O_RDONLY)
    except FileNotFoundError:
        return True
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        return False
    finally:
        os.close(fd)
    return True


class AtomicFileFeedStorage(FileFeedStorage):
    """`FileFeedStorage` with write-to-temporary-then-publish semantics (see the module docstring)."""

    def __init__(self, uri: str, *, feed_options: dict[str, Any] | None = None,
                 crawler: Crawler | None = None) -> None:
        super().__init__(uri, feed_options=feed_options)
        self.crawler = crawler
        self.final = Path(self.path)
        self.part = self.final.with_name(self.final.name + PART_SUFFIX)
        self.publish_hooks: list[PublishHook] = []
        #: Why this feed cannot be published: a write error (`CANT_WRITE`) or a withheld run.
        self.write_error: str | None = None
        self.withheld: str | None = None
        self.published = False
        #: Append mode: the final file's size before and (expected) after the append.
        self.size_before: int | None = None
        self.size_after: int | None = None

    @classmethod
    def from_crawler(cls, crawler: Crawler, uri: str, *, feed_options: dict[str, Any] | None = None
                     ) -> AtomicFileFeedStorage:
        return cls(uri, feed_options=feed_options, crawler=crawler)

    @property
    def append(self) -> bool:
        return self.write_mode == "ab"

    # --- writing -----------------------------------------------------------------------------

    def open(self, spider: Any) -> IO[bytes]:
        self.part.parent.mkdir(parents=True, exist_ok=True)
        return os.fdopen(self._create_part(), "wb")

    def _create_part(self) -> int:
        """A new, locked `.part` file: made under a private name, locked, then linked to the `.part`
        name (which fails if it exists), so no other run ever sees it unlocked."""
        private = self.part.with_name(f".{self.part.name}.{os.getpid()}.{new_run_id()}")
        fd = os.open(private, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            try:
                self._claim(lambda: os.link(private, self.part))
            except FeedCollision:
                raise
            except OSError:  # no hard links on this file system: create the .part itself exclusively
                os.close(fd)
                fd = -1
                self._claim(lambda: os.close(os.open(self.part, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644)))
                fd = os.open(self.part, os.O_WRONLY)
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BaseException:
            if fd >= 0:
                os.close(fd)
            raise
        finally:
            private.unlink(missing_ok=True)
        return fd

    def _claim(self, create: Callable[[], None]) -> None:
        """Run `create` (which fails if the `.part` exists); a `.part` whose writer died is replaced."""
        try:
            create()
            return
        except FileExistsError:
            if not _is_stale(self.part):
                raise FeedCollision(f"{self.part} is being written by another run: give each run its own feed "
                                    "(the default name has %(time)s and %(run_id)s in it)") from None
        logger.warning("Replacing %s, left by a run that stopped before publishing it (nothing of it was "
                       "committed: its articles are fetched again)", self.part)
        self.part.unlink(missing_ok=True)
        try:
            create()
        except FileExistsError:
            raise FeedCollision(f"{self.part} is being written by another run") from None

    def fail(self, reason: str) -> None:
        """Mark the file broken (a write failed): it will not be published. The first failure is
        logged and recorded (`CANT_WRITE`); later ones only keep the first reason."""
        if self.write_error is not None:
            return
        self.write_error = reason
        logger.error("Could not write the feed %s: %s. Nothing of it is published or committed; its articles "
                     "are fetched again by the next run.", self.final, reason)
        if self.crawler is not None and self.crawler.stats is not None:
            self.crawler.stats.inc_value("feed/write_failed")
            exit_codes.record_failure(self.crawler.stats, exit_codes.CANT_WRITE, "feed_write_failed")

    def withhold(self, reason: str) -> None:
        """Do not publish this file (the run cannot stand behind it, e.g. Redis was lost)."""
        self.withheld = self.withheld or reason

    # --- publishing --------------------------------------------------------------------------

    def store(self, file: IO[bytes]) -> None:
        try:
            try:
                file.flush()
                os.fsync(file.fileno())
            finally:
                file.close()
        except OSError as exc:
            self.fail(f"{type(exc).__name__}: {exc}")
        if self.write_error is not None:
            raise FeedNotPublished(f"{self.final} was not published ({self.write_error}); "
                                   f"what was written is in {self.part}")
        if self.withheld is not None:
            logger.warning("Not publishing %s: %s. Its articles stay in %s, uncommitted.",
                           self.final, self.withheld, self.part)
            raise FeedNotPublished(f"{self.final} was withheld ({self.withheld})")
        if self.append and self.final.exists():
            self.size_before = self.final.stat().st_size
            self.size_after = self.size_before + self.part.stat().st_size
        try:
            for hook in self.publish_hooks:
                hook(self)
            if self.size_before is not None:
                self._append_part()
            else:
                os.replace(self.part, self.final)
                _fsync_dir(self.final.parent)
        except OSError as exc:
            self.fail(f"{type(exc).__name__}: {exc}")
            raise FeedNotPublished(f"{self.final} was not published ({self.write_error})") from exc
        self.published = True
        logger.debug("Feed written to %s", self.final)

    def _append_part(self) -> None:
        """Append the `.part` to the final file (unbuffered, so nothing is left to flush later); on
        failure cut the final file back to its size before, so it never ends with a torn line."""
        assert self.size_before is not None
        fd = os.open(self.final, os.O_WRONLY | os.O_APPEND)
        try:
            with self.part.open("rb") as src:
                while chunk := src.read(1 << 20):
                    view = memoryview(chunk)
                    while view:
                        view = view[os.write(fd, view):]
            os.fsync(fd)
        except OSError:
            try:
                os.ftruncate(fd, self.size_before)
                os.fsync(fd)
            except OSError as cut:
                logger.error("Could not cut %s back to %d bytes after a failed append (%s): the next start "
                             "does it (docs/operations.md)", self.final, self.size_before, cut)
            raise
        finally:
            os.close(fd)
        self.part.unlink()
