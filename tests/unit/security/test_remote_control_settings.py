"""No remote control of a running crawl unless asked for: the settings every entry point starts from.

Scrapy switches on two endpoints by default: the telnet console and (2.19) the RemoteControl HTTP
server, which runs any Python code sent with its token. The demo console script may be started
from any folder (no scrapy.cfg above it): it must still load the project's settings, where both are
off. `scrapy crawl` and the other commands: tests/crawl/security/test_remote_control.py.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from crawler import demo
from crawler.project import project_settings

REMOTE = ("TELNETCONSOLE_ENABLED", "REMOTE_CONTROL_ENABLED")


@pytest.fixture()
def elsewhere(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A working folder with no scrapy.cfg above it, and no settings module in the environment."""
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("SCRAPY_SETTINGS_MODULE", raising=False)
    return tmp_path


def test_demo_settings_from_any_folder(elsewhere: Path) -> None:
    settings = demo.demo_settings(elsewhere / "out.jsonl", elsewhere / "state")
    assert settings.getdict("ITEM_PIPELINES"), "the project's settings were not found"
    assert not any(settings.getbool(name) for name in REMOTE)


def test_project_settings_from_any_folder(elsewhere: Path) -> None:
    assert not any(project_settings().getbool(name) for name in REMOTE)
