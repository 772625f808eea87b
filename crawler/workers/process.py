"""The life of one extraction worker process: `worker_main`, started by `crawler.workers.pool`.

The worker warms up, says it is ready, then serves one page at a time over its pipe: it
acknowledges each page as soon as it has read it (so the pool can tell a busy worker from one
that is stopped or stuck) and sends back the job's result. It ignores SIGINT and SIGTERM: a Ctrl-C
in a terminal or a scheduler's SIGTERM reaches the whole process group, and the crawl decides when
its workers stop (it closes their pipes). It exits when its pipe closes or the crawl process is gone.
"""

from __future__ import annotations

import os
import select
import signal
import threading
import time
from collections.abc import Callable
from multiprocessing.connection import Connection

from crawler.workers.jobs import JobOptions, JobResult, PageJob, warm_up

#: First message of a worker: it ran its warm-up page and waits for pages.
READY = "ready"
#: Sent as soon as a page is read, before the job runs on it.
TOOK = "took"


def worker_main(conn: Connection, crawl_pid: int, job: Callable[[PageJob], JobResult], options: JobOptions) -> None:
    """Serve pages from `conn` until it closes or sends None."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_IGN)
    watch_crawl(crawl_pid)
    warm_up(options)
    conn.send((READY, os.getpid()))
    while True:
        try:
            page = conn.recv()
        except (EOFError, OSError):
            return  # the crawl closed our pipe (or died)
        if page is None:
            return
        conn.send(TOOK)
        conn.send(job(page))


def watch_crawl(crawl_pid: int) -> None:
    """End this process as soon as the crawl process is gone (even while it is busy on a page).

    A crawl killed with SIGKILL (or by the OOM killer) cannot tell its workers to stop. A daemon
    thread watches the crawl's pid (a pidfd on Linux, polling elsewhere).
    """
    threading.Thread(target=_watch, args=(crawl_pid,), name="crawl-watch", daemon=True).start()


def _watch(pid: int) -> None:
    try:
        pidfd = os.pidfd_open(pid)
    except (AttributeError, OSError):  # no pidfd (not Linux >= 5.3), or the crawl already exited
        pidfd = None
    if pidfd is not None:
        select.select([pidfd], [], [])  # readable once the process has exited
    else:
        while alive(pid):
            time.sleep(1.0)
    os._exit(70)  # EX_SOFTWARE: nobody is left to take our results


def alive(pid: int) -> bool:
    """True while a process with this pid exists (on Linux, a zombie counts as gone)."""
    if os.path.isdir("/proc/self"):
        try:
            with open(f"/proc/{pid}/stat", encoding="ascii", errors="replace") as stat:
                return stat.read().rsplit(")", 1)[1].split()[0] != "Z"
        except (FileNotFoundError, ProcessLookupError):
            return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True
