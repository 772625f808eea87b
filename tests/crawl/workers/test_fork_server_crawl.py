"""The fork server dying in the middle of a crawl stops nothing; a worker dying after it is replaced.

Before: `ProcessPoolExecutor` took the fork server's death for the death of every worker, logged
"An extraction worker died", threw the pages in flight into crash retries and restarted the pool.
"""

from __future__ import annotations

import json
import os
import re
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from crawler import exit_codes
from crawler.workers.process import alive
from sample_site.server import StaticServer
from tests.support.changing_site import ChangingSite
from tests.support.crawl import FAST
from tests.support.paths import PROJECT
from tests.support.waiting import wait_until

ARTICLES = 40
FIRST_ID = 3300100


def _parent(pid: int) -> int:
    return int(Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[1])


def _wait_for(path: Path, pattern: str, timeout: float = 60) -> re.Match[str]:
    found: list[re.Match[str]] = []

    def appeared() -> bool:
        match = re.search(pattern, path.read_text(encoding="utf-8")) if path.exists() else None
        if match:
            found.append(match)
        return bool(found)

    wait_until(appeared, f"{pattern!r} in {path}", timeout)
    return found[0]


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="finds the fork server through /proc")
def test_killing_the_fork_server_mid_crawl_loses_nothing(tmp_path: Path) -> None:
    root = tmp_path / "site"
    root.mkdir()
    with StaticServer(root, delay=0.3) as server:
        site = ChangingSite(root, server.base_url())
        for story_id in range(FIRST_ID, FIRST_ID + ARTICLES):
            site.add(story_id, day=(story_id - FIRST_ID) % 28 + 1)
        site.write()
        out, log = tmp_path / "out.jsonl", tmp_path / "crawl.log"
        command = [sys.executable, "-m", "scrapy", "crawl", "scmp", "-a", f"sitemaps={site.sitemap}", "-O", str(out),
                   *FAST, "-s", f"STATE_PATH={tmp_path / 'state.sqlite'}", "-s", "CONCURRENT_REQUESTS=2",
                   "-s", "EXTRACTION_WORKERS=2", "-s", "EXTRACTION_START_METHOD=forkserver"]
        with log.open("w") as stderr:
            crawl = subprocess.Popen(command, cwd=PROJECT, stdout=subprocess.DEVNULL, stderr=stderr,
                                     env={**os.environ, "PYTHONPATH": str(PROJECT)})
        try:
            ready = _wait_for(log, r"Extraction pool ready: 2 forkserver workers .*\(pids (\d+), (\d+)\)")
            first_worker = int(ready.group(1))
            fork_server = _parent(first_worker)
            os.kill(fork_server, signal.SIGKILL)
            wait_until(lambda: not alive(fork_server), "the fork server to exit")
            assert crawl.poll() is None, "the crawl must still be running"
            os.kill(first_worker, signal.SIGKILL)  # its replacement needs a new fork server
            crawl.wait(timeout=60)
        finally:
            if crawl.poll() is None:
                crawl.kill()
    text = log.read_text(encoding="utf-8")
    ids = sorted(json.loads(line)["id"] for line in out.read_text(encoding="utf-8").splitlines())
    assert ids == sorted(f"scmp:{i}" for i in range(FIRST_ID, FIRST_ID + ARTICLES)), text[-3000:]
    # The worker killed on purpose is a warning: its page was delivered, so the run succeeds.
    assert crawl.returncode == exit_codes.OK, text[-3000:]
    assert f"WARNING: Extraction worker {first_worker} died" in text
    assert "'extract/worker_crash'" not in text
    assert "'workers/restarts': 1," in text  # the worker killed on purpose, nothing else
    assert [line for line in text.splitlines() if "died" in line] == [
        line for line in text.splitlines() if f"Extraction worker {first_worker} died" in line
    ] != []
