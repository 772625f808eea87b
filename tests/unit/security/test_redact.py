"""Credentials are masked in any text that is logged: Redis URLs in every form, settings dicts."""

from __future__ import annotations

import logging

import pytest

from crawler.redact import RedactingFilter, redact


@pytest.mark.parametrize(("text", "expected"), [
    ("redis://:pw@host:6379/0", "redis://:***@host:6379/0"),
    ("redis://user:pw@host", "redis://user:***@host"),
    ("rediss://user:p%40ss@host:6380", "rediss://user:***@host:6380"),
    ("redis://host/0?password=pw", "redis://host/0?password=***"),
    ("redis://host/0?db=1&Password=pw&x=1", "redis://host/0?db=1&Password=***&x=1"),
    ("unix:///run/redis.sock?password=pw&db=0", "unix:///run/redis.sock?password=***&db=0"),
    ("redis://host:6379/0", "redis://host:6379/0"),
    ("redis://user@host/0", "redis://user@host/0"),
    ("{'REDIS_PARAMS': {'password': 'pw', 'db': 1}}", "{'REDIS_PARAMS': {'password': '***', 'db': 1}}"),
    ("{'REDIS_URL': 'redis://:pw@h/0', 'X': 'https://example.org/a'}",
     "{'REDIS_URL': 'redis://:***@h/0', 'X': 'https://example.org/a'}"),
], ids=["empty-user", "user", "tls-encoded", "query", "query-mixed-case", "unix", "no-password", "user-only",
        "params-dict", "settings-dict"])
def test_redact(text: str, expected: str) -> None:
    assert redact(text) == expected


def test_filter_rewrites_the_formatted_message() -> None:
    record = logging.LogRecord("scrapy.crawler", logging.INFO, __file__, 1, "Overridden settings:\n%(settings)s",
                               ({"settings": "{'REDIS_URL': 'redis://:pw@h/0'}"},), None)
    assert RedactingFilter().filter(record) is True
    assert record.getMessage() == "Overridden settings:\n{'REDIS_URL': 'redis://:***@h/0'}"
