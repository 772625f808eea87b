"""`scrapy crawl` starts no remote-control endpoint (telnet console, Scrapy 2.19's RemoteControl HTTP
server), from the project folder or, as Scrapyd and schedulers do, from another one with
SCRAPY_SETTINGS_MODULE. The other entry points: tests/unit/security/test_remote_control_settings.py.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.support.paths import PROJECT


@pytest.mark.parametrize("where", ["project", "scheduler"])
def test_scrapy_crawl_starts_no_remote_endpoint(tmp_path: Path, where: str) -> None:
    page = PROJECT / "tests" / "fixtures" / "pages" / "meta-only" / "page.html"
    env = {**os.environ, "PYTHONPATH": str(PROJECT)}
    if where == "scheduler":  # Scrapyd and cron jobs: another folder, the settings module named
        env["SCRAPY_SETTINGS_MODULE"] = "crawler.settings"
    done = subprocess.run(
        [sys.executable, "-m", "scrapy", "crawl", "article", "-a", f"urls={page.as_uri()}", "-O",
         str(tmp_path / "out.jsonl"), "-s", f"STATE_PATH={tmp_path / 'state.sqlite'}", "-s", "LOG_LEVEL=INFO",
         "-s", "TEMPLATES_STATE_PATH=", "-s", "EXTRACTION_WORKERS=0"],
        cwd=PROJECT if where == "project" else tmp_path, capture_output=True, text=True, timeout=240, env=env)
    assert done.returncode == 0, done.stderr[-3000:]
    enabled = done.stderr.split("Enabled extensions:", 1)[1].split("]", 1)[0]
    assert "TelnetConsole" not in enabled and "RemoteControl" not in enabled, enabled
    assert "Telnet console listening" not in done.stderr and "Remote control" not in done.stderr
