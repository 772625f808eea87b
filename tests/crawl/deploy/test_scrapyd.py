"""Deploy with Scrapyd as docs/operations.md says: `scrapyd-deploy` to a local Scrapyd, schedule a crawl of
the sample site, read its feed. Scrapyd listens on 127.0.0.1 only, its folders live in a temp dir."""

from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
import sys
import urllib.parse
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from sample_site.build import Manifest
from tests.support.paths import PROJECT
from tests.support.waiting import wait_until

BIN = Path(sys.executable).parent
# What a checkout holds besides the project: never copied into the deploy folder.
NOT_THE_PROJECT = shutil.ignore_patterns(".git", ".venv", "__pycache__", "*.egg-info", "build", "dist", "feeds",
                                         "state", ".pytest_cache", ".ruff_cache", ".mypy_cache", "tests")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def api(base: str, path: str, **form: str | list[str]) -> dict[str, Any]:
    data = urllib.parse.urlencode(form, doseq=True).encode() if form else None
    with urllib.request.urlopen(f"{base}/{path}", data=data, timeout=30) as response:
        return json.loads(response.read())


@pytest.fixture(scope="module")
def scrapyd(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    home = tmp_path_factory.mktemp("scrapyd")
    port = _free_port()
    (home / "scrapyd.conf").write_text(
        "[scrapyd]\nbind_address = 127.0.0.1\n"
        f"http_port = {port}\npoll_interval = 0.2\nmax_proc = 2\n"
        f"eggs_dir = {home / 'eggs'}\nlogs_dir = {home / 'logs'}\ndbs_dir = {home / 'dbs'}\nitems_dir =\n")
    log = (home / "scrapyd.log").open("w")
    process = subprocess.Popen([str(BIN / "scrapyd")], cwd=home, stdout=log, stderr=subprocess.STDOUT,
                               env={**os.environ, "HOME": str(home)})  # no ~/.scrapyd.conf of the machine
    base = f"http://127.0.0.1:{port}"

    def answers() -> bool:
        assert process.poll() is None, (home / "scrapyd.log").read_text()
        try:
            return api(base, "daemonstatus.json")["status"] == "ok"
        except OSError:
            return False

    try:
        wait_until(answers, "scrapyd to answer", timeout=60)
        yield base
    finally:
        process.terminate()
        process.wait(timeout=30)
        log.close()


def test_scrapyd_deploy_then_schedule_a_crawl(scrapyd: str, sample_site: Manifest, tmp_path: Path) -> None:
    checkout = tmp_path / "checkout"
    shutil.copytree(PROJECT, checkout, ignore=NOT_THE_PROJECT)
    with (checkout / "scrapy.cfg").open("a") as cfg:
        cfg.write(f"\n[deploy:local]\nurl = {scrapyd}/\nproject = regional_news\n")
    shipped_setup = (checkout / "setup.py").read_text()

    done = subprocess.run([str(BIN / "scrapyd-deploy"), "local"], cwd=checkout, capture_output=True, text=True,
                          timeout=300)
    assert done.returncode == 0, done.stdout + done.stderr
    assert '"status": "ok"' in done.stdout, done.stdout
    assert (checkout / "setup.py").read_text() == shipped_setup  # ours was used; none was written
    assert "scmp" in api(scrapyd, "listspiders.json?project=regional_news")["spiders"]

    feed = tmp_path / "feeds" / "scmp.jsonl"
    job = api(scrapyd, "schedule.json", project="regional_news", spider="scmp",
              sitemaps=sample_site.sitemap_index,
              setting=["DOWNLOAD_DELAY=0", "AUTOTHROTTLE_ENABLED=0", "EXTRACTION_WORKERS=0",
                       f"DEFAULT_FEED_URI={feed}", f"STATE_PATH={tmp_path / 'state.sqlite'}",
                       "TEMPLATES_STATE_PATH="])
    assert job["status"] == "ok", job

    def finished() -> bool:
        return any(j["id"] == job["jobid"] for j in api(scrapyd, "listjobs.json?project=regional_news")["finished"])

    wait_until(finished, "the Scrapyd job to finish", timeout=240)
    assert feed.exists(), sorted(p.name for p in tmp_path.rglob("*"))
    ids = [json.loads(line)["id"] for line in feed.read_text(encoding="utf-8").splitlines()]
    assert sorted(ids) == sorted(sample_site.article_ids)
