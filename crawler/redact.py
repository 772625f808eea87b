"""Credentials out of log lines: Redis URLs (`redis://:pw@host`, `redis://user:pw@host`,
`redis://host/0?password=pw`, `unix:///sock?password=pw`) and `password` entries of settings dicts.

`redact(text)` works on any text (a URL, a whole "Overridden settings" message); `RedactingFilter` is
installed on the logger Scrapy prints its settings with (see `crawler.distributed.addon`).
"""

from __future__ import annotations

import logging
import re

MASK = "***"
# scheme://user:password@  (user may be empty: redis://:pw@host)
_USERINFO = re.compile(r"(?P<head>\b[a-zA-Z][a-zA-Z0-9+.-]*://[^\s/@:'\"]*:)[^\s@'\"]*@")
# ?password=... / &password=... (also pass, pwd, secret, token) in a query string
_QUERY = re.compile(r"(?P<head>[?&;](?:password|passwd|pass|pwd|secret|token)=)[^&#\s'\"]*", re.IGNORECASE)
# 'password': '...' in a printed dict (REDIS_PARAMS)
_DICT = re.compile(r"(?P<head>['\"](?:password|passwd|secret|token)['\"]\s*:\s*)(?P<q>['\"]).*?(?P=q)", re.IGNORECASE)


def redact(text: str) -> str:
    """`text` with every credential form above replaced by `***`."""
    text = _USERINFO.sub(lambda m: f"{m['head']}{MASK}@", text)
    text = _QUERY.sub(lambda m: f"{m['head']}{MASK}", text)
    return _DICT.sub(lambda m: f"{m['head']}{m['q']}{MASK}{m['q']}", text)


class RedactingFilter(logging.Filter):
    """Rewrites a record's message when it holds a credential (the record is always kept)."""

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        cleaned = redact(message)
        if cleaned != message:
            record.msg, record.args = cleaned, None
        return True


def install(logger_name: str) -> None:
    """Add one `RedactingFilter` to the logger (idempotent: several crawls in one process share it)."""
    logger = logging.getLogger(logger_name)
    if not any(isinstance(f, RedactingFilter) for f in logger.filters):
        logger.addFilter(RedactingFilter())
