"""Settings checked once, before a crawl starts: a bad value is one `UsageError` naming the setting.

Without this, a bad value surfaces late and loudly: `EXTRACTION_WORKERS=two` as an asyncio
traceback, `DATES_TIMEZONE=Nowhere/Atlantis` as one traceback per page. The checks:

- one validator per setting that needs more than a type (dates, zones, dotted paths, choices);
- every other setting with a typed default (ours or Scrapy's) must convert to that type;
- an unknown `-s NAME` is an error when it is a near miss of a known setting (`STATE_RESTE`: one or
  two edits from `STATE_RESET`), and passed on with a warning otherwise (an extension's own setting);
- the state file at `STATE_PATH`, if there is one, must be a crawl state (`BadStateError`).
See docs/operations.md ("Usage errors").
"""

from __future__ import annotations

import logging
import sqlite3
from collections.abc import Callable, Iterable
from datetime import datetime
from pathlib import Path
from typing import Any

from scrapy.settings import BaseSettings
from scrapy.settings import default_settings as scrapy_defaults
from scrapy.utils.misc import load_object

from crawler import settings as project_defaults
from crawler.dates.parse import site_zone
from crawler.errors import BadStateError, UsageError
from crawler.normalise import load_normalisers
from crawler.state.window import Window

logger = logging.getLogger(__name__)

SCRAPY_SETTINGS = frozenset(name for name in dir(scrapy_defaults) if name.isupper())
PROJECT_SETTINGS = frozenset(name for name in dir(project_defaults) if name.isupper())
KNOWN_SETTINGS = SCRAPY_SETTINGS | PROJECT_SETTINGS
# An unknown name this close to a known one is a typo (edits: insert, delete, replace, swap two letters).
_MAX_EDITS = 2
_CMDLINE = 40  # scrapy.settings.SETTINGS_PRIORITIES["cmdline"]: -s NAME=VALUE
_LOG_LEVELS = ("CRITICAL", "ERROR", "WARNING", "INFO", "DEBUG")

Check = Callable[[Any], str | None]
"""A setting's validator: what is wrong with the value, or None."""


def _datetime_with_offset(value: Any) -> str | None:
    if not value:
        return None
    try:
        moment = datetime.fromisoformat(str(value))
    except ValueError:
        return "not an ISO 8601 date and time (e.g. 2025-02-18T14:30:00+08:00)"
    return None if moment.tzinfo else "needs a UTC offset (e.g. 2025-02-18T14:30:00+08:00)"


def _zone(value: Any) -> str | None:
    if not value:
        return None
    try:
        site_zone(str(value))
    except ValueError:
        return "not an IANA time zone (e.g. Asia/Hong_Kong)"
    return None


def _normalisers(value: Any) -> str | None:
    paths = value.split(",") if isinstance(value, str) else value
    try:
        load_normalisers(tuple(path.strip() for path in paths if path.strip()))
    except (ImportError, AttributeError, TypeError, ValueError):
        return ("each entry must be the dotted path of a normaliser "
                "(e.g. crawler.normalise.amounts.normaliser.NORMALISER)")
    return None


def _callable(value: Any) -> str | None:
    try:
        loaded = load_object(value)
    except (ImportError, AttributeError, NameError, TypeError, ValueError):
        return "not the dotted path of a function"
    return None if callable(loaded) else "not the dotted path of a function"


def _whole(minimum: int, meaning: str = "") -> Check:
    def check(value: Any) -> str | None:
        try:
            number = int(str(value))
        except ValueError:
            return f"not a whole number{meaning}"
        return None if number >= minimum else f"must be {minimum} or more{meaning}"
    return check


def _seconds(value: Any) -> str | None:
    try:
        number = float(value)
    except (TypeError, ValueError):
        return "not a number of seconds"
    return None if number >= 0 else "must be 0 or more seconds"


def _choice(*choices: str) -> Check:
    def check(value: Any) -> str | None:
        return None if str(value) in choices else "must be one of " + ", ".join(choices)
    return check


def _log_level(value: Any) -> str | None:
    return None if isinstance(value, int) or str(value).upper() in _LOG_LEVELS else "must be one of " + \
        ", ".join(_LOG_LEVELS)


def _window_bound(name: str) -> Check:
    def check(value: Any) -> str | None:
        try:
            Window.from_settings(BaseSettings({name: value}))
        except ValueError:
            return "not an ISO 8601 date (e.g. 2025-02-18, or 2025-02-18T14:30:00+08:00)"
        return None
    return check


VALIDATORS: dict[str, Check] = {
    "CRAWL_NOW": _datetime_with_offset,
    "CRAWL_SINCE": _window_bound("CRAWL_SINCE"),
    "CRAWL_UNTIL": _window_bound("CRAWL_UNTIL"),
    "DATES_TIMEZONE": _zone,
    "NORMALISERS": _normalisers,
    "EXTRACTION_WORKERS": _whole(-1, " (-1: one per core, 0: inline)"),
    "EXTRACTION_MAX_INFLIGHT": _whole(0),
    "EXTRACTION_CRASH_RETRIES": _whole(0),
    "EXTRACTION_PAGE_TIMEOUT": _seconds,
    "EXTRACTION_START_METHOD": _choice("forkserver", "spawn"),
    "EXTRACTION_JOB": _callable,
    "LOG_LEVEL": _log_level,
}


def _typed(name: str, value: Any) -> str | None:
    """The generic check: the value converts to the type of the setting's default."""
    default = getattr(project_defaults, name, getattr(scrapy_defaults, name, None))
    if isinstance(default, bool):
        try:
            BaseSettings({name: value}).getbool(name)
        except ValueError:
            return "not a boolean (1/0, true/false)"
    elif isinstance(default, int) and name not in SCRAPY_SETTINGS:  # ours: read with getint
        try:
            int(str(value))
        except ValueError:
            return "not a whole number"
    elif isinstance(default, (int, float)):  # Scrapy's int settings often take fractions (DOWNLOAD_DELAY)
        try:
            float(value)
        except (TypeError, ValueError):
            return "not a number"
    return None


def check_settings(settings: BaseSettings) -> list[str]:
    """Raise `UsageError` for the first bad setting; return warnings for unknown names passed on."""
    warnings: list[str] = []
    for name in sorted(_command_line_names(settings)):
        if name in KNOWN_SETTINGS:
            continue
        near = closest(name, KNOWN_SETTINGS)
        if near is not None:
            raise UsageError(f"-s {name}: no such setting (did you mean {near}?)")
        warnings.append(f"-s {name} is neither a Scrapy setting nor one of this project's; "
                        "passed on as is (for an extension of yours?)")
    for name in sorted(KNOWN_SETTINGS):
        if name not in settings:
            continue
        value = settings[name]
        check = VALIDATORS.get(name)
        problem = check(value) if check is not None else _typed(name, value)
        if problem:
            raise UsageError(f"-s {name}={value!r}: {problem}")
    check_state_file(settings)
    return warnings


def check_state_file(settings: BaseSettings) -> None:
    """Raise `BadStateError` when `STATE_PATH` holds something that is not a readable crawl state."""
    path = settings.get("STATE_PATH")
    if not settings.getbool("STATE_ENABLED") or settings.get("REDIS_URL") or not path or path == ":memory:":
        return
    file = Path(path)
    if not file.exists():
        return  # a first run creates it
    if not file.is_file():
        raise BadStateError(f"STATE_PATH={path}: not a file")
    if file.stat().st_size == 0 and not settings.getbool("STATE_RESET"):
        raise BadStateError(f"STATE_PATH={path}: the state file is empty (truncated?); move it away to start "
                            "afresh, or run with -s STATE_RESET=1")
    try:
        with sqlite3.connect(f"file:{file.resolve()}?mode=ro", uri=True) as db:
            tables = {row[0] for row in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    except sqlite3.Error as exc:
        raise BadStateError(f"STATE_PATH={path}: not a readable crawl state ({exc}); move it away to start "
                            "afresh") from None
    if tables and "articles" not in tables:
        raise BadStateError(f"STATE_PATH={path}: an SQLite file, but not a crawl state (no articles table)")


def _command_line_names(settings: BaseSettings) -> Iterable[str]:
    return [name for name in settings if settings.getpriority(name) == _CMDLINE]


def closest(name: str, known: Iterable[str], max_edits: int = _MAX_EDITS) -> str | None:
    """The known name fewest edits away from `name`, if at most `max_edits` (shorter names: 1)."""
    limit = max_edits if len(name) >= 8 else 1
    best, best_distance = None, limit + 1
    for candidate in sorted(known):
        if abs(len(candidate) - len(name)) > limit:
            continue
        distance = edit_distance(name, candidate, limit)
        if distance < best_distance:
            best, best_distance = candidate, distance
    return best


def edit_distance(a: str, b: str, limit: int) -> int:
    """Insertions, deletions, substitutions and swaps of neighbours turning `a` into `b` (> limit: limit + 1)."""
    previous2: list[int] = []
    previous = list(range(len(b) + 1))
    for i in range(1, len(a) + 1):
        current = [i] + [0] * len(b)
        for j in range(1, len(b) + 1):
            cost = a[i - 1] != b[j - 1]
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                current[j] = min(current[j], previous2[j - 2] + 1)
        if min(current) > limit:
            return limit + 1
        previous2, previous = previous, current
    return min(previous[-1], limit + 1)
