"""Scrapy extensions for tests, enabled with `-s EXTENSIONS=...`."""

from __future__ import annotations

from typing import Any

from scrapy import signals

from crawler import exit_codes


class RecordUnavailable:
    """Records `exit_codes.UNAVAILABLE` when the spider closes, as a component that lost its store would."""

    def __init__(self, crawler: Any) -> None:
        self.crawler = crawler
        crawler.signals.connect(self.spider_closed, signal=signals.spider_closed)

    @classmethod
    def from_crawler(cls, crawler: Any) -> RecordUnavailable:
        return cls(crawler)

    def spider_closed(self) -> None:
        exit_codes.record_failure(self.crawler.stats, exit_codes.UNAVAILABLE, "test_unavailable")
