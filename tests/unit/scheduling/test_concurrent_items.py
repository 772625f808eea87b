"""Scrapy starts `CONCURRENT_ITEMS` tasks for every response it hands to the spider's output handling,
whatever that response yields: at its default (100) that cost 3.4 ms of the reactor per article page
(docs/performance.md). A response of ours yields one article or a list of requests, handled without
waiting, so one at a time loses nothing."""

from __future__ import annotations

from scrapy.settings import Settings

from crawler import settings as project_settings


def test_one_output_at_a_time() -> None:
    settings = Settings()
    default = settings.getint("CONCURRENT_ITEMS")
    settings.setmodule(project_settings, priority="project")
    assert default == 100  # Scrapy's: if it changes, the reason above may have gone
    assert settings.getint("CONCURRENT_ITEMS") == 1
