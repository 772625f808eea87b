"""Run one command and measure its whole process tree: wall time, CPU seconds, peak RSS.

    python -m benchmarks.crawl_measure --out measure.json -- scrapy crawl ...

CPU: `getrusage(RUSAGE_CHILDREN)` after every descendant has been reaped. This process makes itself
a child subreaper (Linux `prctl`), so that processes orphaned when the crawl exits (a
multiprocessing fork server and, through it, the workers it forked) are re-parented here and
reaped here: their CPU time is counted too, which it would not be from the crawl process alone.

Peak RSS: the sum of VmRSS over the live tree, sampled every `--interval` seconds (pages shared
between forked processes are counted once per process, as `ps` would). Also reported: the CPU time
the rest of the machine used meanwhile (from /proc/stat), to tell a clean run from one that shared
the cores with something else. Linux only (`/proc`).
"""

from __future__ import annotations

import argparse
import ctypes
import json
import os
import resource
import subprocess
import sys
import time
from pathlib import Path

PR_SET_CHILD_SUBREAPER = 36
PAGE = os.sysconf("SC_PAGE_SIZE")
TICK = os.sysconf("SC_CLK_TCK")


def busy_cpu_seconds() -> float:
    """CPU seconds the whole machine has spent busy since boot (all processes, all cores)."""
    fields = [int(v) for v in Path("/proc/stat").read_text().split("\n", 1)[0].split()[1:]]
    idle = fields[3] + (fields[4] if len(fields) > 4 else 0)  # idle + iowait
    return (sum(fields[:8]) - idle) / TICK


def process_cpu_seconds(pid: int) -> float:
    """user + system CPU seconds of one live process (all its threads)."""
    stat = Path(f"/proc/{pid}/stat").read_bytes()
    fields = stat[stat.rindex(b")") + 2:].split()
    return (int(fields[11]) + int(fields[12])) / TICK


def family_cpu_seconds(pid: int) -> float:
    """CPU seconds of a live process and its live children (nginx: the master and its workers)."""
    total = process_cpu_seconds(pid)
    for name in os.listdir("/proc"):
        if name.isdigit():
            try:
                stat = Path(f"/proc/{name}/stat").read_bytes()
            except OSError:
                continue
            if int(stat[stat.rindex(b")") + 2:].split()[1]) == pid:
                try:
                    total += process_cpu_seconds(int(name))
                except OSError:
                    continue
    return total


def become_subreaper() -> bool:
    libc = ctypes.CDLL(None, use_errno=True)
    return libc.prctl(PR_SET_CHILD_SUBREAPER, 1, 0, 0, 0) == 0


class TreeSampler:
    """The descendants of one pid, found by scanning /proc (ppid links), and their summed RSS."""

    def __init__(self, root: int) -> None:
        self.root = root
        self.parents: dict[int, int] = {}
        self.peak_rss = 0
        self.peak_processes = 0

    def _ppid(self, pid: int) -> int | None:
        try:
            stat = Path(f"/proc/{pid}/stat").read_bytes()
        except OSError:
            return None
        return int(stat[stat.rindex(b")") + 2:].split()[1])

    def sample(self) -> None:
        try:
            pids = [int(name) for name in os.listdir("/proc") if name.isdigit()]
        except OSError:
            return
        live = set(pids)
        known = self.tree()
        for pid in pids:
            # New pids are read once; a member's parent changes when it is orphaned (re-parented to us).
            if pid not in self.parents or pid in known:
                ppid = self._ppid(pid)
                if ppid is not None:
                    self.parents[pid] = ppid
        for pid in list(self.parents):
            if pid not in live:
                del self.parents[pid]
        members = self.tree()
        total = 0
        for pid in members:
            try:
                total += int(Path(f"/proc/{pid}/statm").read_text().split()[1]) * PAGE
            except (OSError, IndexError, ValueError):
                continue
        self.peak_rss = max(self.peak_rss, total)
        self.peak_processes = max(self.peak_processes, len(members))

    def tree(self) -> set[int]:
        members = {self.root, os.getpid()}
        grew = True
        while grew:
            grew = False
            for pid, ppid in self.parents.items():
                if ppid in members and pid not in members:
                    members.add(pid)
                    grew = True
        members.discard(os.getpid())
        return members


def measure(command: list[str], *, cwd: str | None = None, env: dict[str, str] | None = None,
            interval: float = 0.1, reap_timeout: float = 60.0) -> dict[str, object]:
    subreaper = become_subreaper()
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    machine_before = busy_cpu_seconds()
    started = time.monotonic()
    child = subprocess.Popen(command, cwd=cwd, env=env)
    sampler = TreeSampler(child.pid)
    while child.poll() is None:
        sampler.sample()
        time.sleep(interval)
    wall = time.monotonic() - started
    machine_busy = busy_cpu_seconds() - machine_before
    # Reap what the crawl left behind (re-parented here); anything still alive after the timeout is a leak.
    leftovers = 0
    deadline = time.monotonic() + reap_timeout
    while True:
        try:
            pid, _ = os.waitpid(-1, os.WNOHANG)
        except ChildProcessError:
            break
        if pid == 0:
            if time.monotonic() > deadline:
                leftovers = len(sampler.tree() - {child.pid})
                for stray in sampler.tree():
                    try:
                        os.kill(stray, 9)
                    except ProcessLookupError:
                        pass
                deadline = float("inf")
            time.sleep(0.05)
            sampler.sample()
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return {
        "returncode": child.returncode,
        "wall_seconds": wall,
        "cpu_seconds": cpu,
        # Everything else the machine did meanwhile (other processes, the HTTP server), in CPU seconds.
        "other_cpu_seconds": max(0.0, machine_busy - cpu),
        "machine_cpu_seconds": machine_busy,
        "peak_rss_bytes": sampler.peak_rss,
        "peak_processes": sampler.peak_processes,
        "max_single_rss_bytes": after.ru_maxrss * 1024,
        "leftover_processes": leftovers,
        "subreaper": subreaper,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--interval", type=float, default=0.1)
    parser.add_argument("--cwd", default=None, help="working directory of the command")
    parser.add_argument("command", nargs=argparse.REMAINDER)
    args = parser.parse_args(argv)
    command = args.command[1:] if args.command[:1] == ["--"] else args.command
    result = measure(command, cwd=args.cwd, interval=args.interval)
    args.out.write_text(json.dumps(result, indent=1), encoding="utf-8")
    return 0 if result["returncode"] == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
