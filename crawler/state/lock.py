"""One run at a time per state file: an advisory lock beside it, held for the whole run.

Two scheduled runs on one `STATE_PATH` (a cron job that overlaps the previous one) would both read
the state before either commits, and deliver the same articles twice. The first run holds
`<STATE_PATH>.lock` (`fcntl.flock`, released by the kernel if the process dies); a second one
refuses at once, or waits up to `STATE_LOCK_WAIT` seconds. Crawls of one process (`scrapy crawlall`, the
demo) share the lock. Not used with `REDIS_URL`: that state is shared by design. See
docs/operations.md.
"""

from __future__ import annotations

import fcntl
import os
import threading
import time
from pathlib import Path

LOCK_SUFFIX = ".lock"
_POLL = 0.2


class StateLocked(RuntimeError):
    """Another process holds the lock of this state file."""

    def __init__(self, lock_path: Path, holder: str, waited: float) -> None:
        self.lock_path = lock_path
        waiting = f" after waiting {waited:g} s" if waited else ""
        super().__init__(f"the crawl state is in use by another run{waiting} ({holder or 'unknown process'} "
                         f"holds {lock_path}); try again later, or set STATE_LOCK_WAIT to wait for it")


class _Held:
    def __init__(self, fd: int) -> None:
        self.fd = fd
        self.users = 0


_HELD: dict[Path, _Held] = {}
_GUARD = threading.Lock()


class StateLock:
    """A share of the process's lock on one state file; `release()` once per `acquire()`."""

    def __init__(self, lock_path: Path) -> None:
        self.path = lock_path
        self._released = False

    @classmethod
    def acquire(cls, state_path: Path | str, wait: float = 0.0) -> StateLock:
        """Lock `<state_path>.lock`, waiting up to `wait` seconds; raises `StateLocked`."""
        lock_path = Path(f"{Path(state_path).resolve()}{LOCK_SUFFIX}")
        with _GUARD:
            held = _HELD.get(lock_path)
            if held is None:
                lock_path.parent.mkdir(parents=True, exist_ok=True)
                held = _HELD[lock_path] = _Held(_lock(lock_path, wait))
            held.users += 1
        return cls(lock_path)

    def release(self) -> None:
        if self._released:
            return
        self._released = True
        with _GUARD:
            held = _HELD[self.path]
            held.users -= 1
            if held.users == 0:
                del _HELD[self.path]
                os.close(held.fd)  # closing the descriptor releases the lock


def _lock(path: Path, wait: float) -> int:
    fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
    deadline = time.monotonic() + max(0.0, wait)
    while True:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            break
        except BlockingIOError:
            if time.monotonic() >= deadline:
                holder = os.pread(fd, 200, 0).decode("utf-8", "replace").strip()
                os.close(fd)
                raise StateLocked(path, holder, wait) from None
            time.sleep(_POLL)
    # Who holds it, for the message another run prints (informative only: the lock is the flock).
    os.ftruncate(fd, 0)
    os.pwrite(fd, f"pid {os.getpid()} since {time.strftime('%Y-%m-%dT%H:%M:%S%z')}\n".encode(), 0)
    return fd
