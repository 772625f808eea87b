"""Parse one raw date/time value (from a page, a feed or a sitemap) into an aware datetime.

Regex fast paths cover the shapes our sources use: ISO 8601, epoch seconds/milliseconds, RFC 822
feed dates, SCMP-style "11:59am, 11 Jul 2025", Chinese "2025年2月18日 14:30", compact URL dates.
dateparser is the slow fallback (about 2 ms a call) for anything else. Bad input gives None and
never raises, so that callers can count it; an unknown time zone *name* is a configuration error
and raises ValueError.

Time zones: a value that carries its own offset keeps it; a naive value gets the site's zone;
epoch numbers (UTC by definition) are converted to the site's zone.
"""

from __future__ import annotations

import re
from datetime import datetime, tzinfo
from functools import lru_cache
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from crawler.dates.formats import fast_parse, is_relative
from crawler.dates.model import ParsedValue
from crawler.dates.zones import Reading

__all__ = ["ParsedValue", "is_relative", "parse_datetime", "parse_value", "site_zone"]

_QUOTES = "\"'\\ "
"""Stray quotes and escapes around a value copied out of a script (`\\"2022-10-25T08:00:00-0400\\"`)."""
MAX_RAW_LENGTH = 100
"""Longer strings are prose, not a date value: not worth dateparser's time."""


@lru_cache(maxsize=64)
def site_zone(tz: str) -> tzinfo:
    """The IANA zone `tz`; raises ValueError for an unknown name (a configuration error)."""
    try:
        return ZoneInfo(tz)
    except (ZoneInfoNotFoundError, ValueError) as exc:
        raise ValueError(f"unknown time zone {tz!r}") from exc


def parse_datetime(raw: str, tz: str, *, now: datetime | None = None) -> datetime | None:
    """`raw` as an aware datetime, or None when it is not a valid date.

    Relative values ("3 hours ago", "2小时前") are resolved only when `now` is given.
    """
    parsed = parse_value(raw, tz, now=now)
    return parsed.value if parsed else None


def parse_value(
    raw: Any,
    tz: str,
    *,
    now: datetime | None = None,
    fallback: bool = True,
    how: Reading | None = None,
) -> ParsedValue | None:
    """Like `parse_datetime`, keeping precision flags; `fallback=False` skips dateparser (fast).

    `how`: how the page's country reads zone names and numeric dates (`crawler.dates.zones.reading`).
    """
    zone = site_zone(tz)
    if not isinstance(raw, str):
        return None
    text = " ".join(raw.split()).strip(_QUOTES)
    if not text or len(text) > MAX_RAW_LENGTH:
        return None
    try:
        return _parse(text, zone, now, fallback, how)
    except (ValueError, KeyError, OverflowError, OSError, TypeError, IndexError):
        return None  # out-of-range fields such as "2025-02-30", huge epochs


def _parse(
    text: str, zone: tzinfo, now: datetime | None, fallback: bool, how: Reading | None
) -> ParsedValue | None:
    matched, value = fast_parse(text, zone, now, how)
    if matched:
        return value
    return _from_dateparser(text, zone) if fallback else None


@lru_cache(maxsize=16)
def _date_data_parser(zone_name: str) -> Any:
    # Imported lazily: dateparser's import costs ~0.3 s and most values never need it.
    from dateparser.date import DateDataParser

    return DateDataParser(
        languages=["en", "zh", "zh-Hant"],
        settings={
            "TIMEZONE": zone_name,
            "RETURN_AS_TIMEZONE_AWARE": True,
            # Never fill a missing day/month/year from the clock, and no relative parsing (no clock).
            "REQUIRE_PARTS": ["day", "month", "year"],
            "PARSERS": ["custom-formats", "absolute-time"],
            # Numeric day/month order of the region (Hong Kong, Singapore, UK-style sites).
            "DATE_ORDER": "DMY",
            "PREFER_DAY_OF_MONTH": "first",
        },
    )


_YEAR = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")
"""dateparser is asked only about values naming a four-digit year (it needs one; it costs ~1 ms)."""


def _from_dateparser(text: str, zone: tzinfo) -> ParsedValue | None:
    if not _YEAR.search(text):
        return None
    zone_name = getattr(zone, "key", None) or "UTC"
    value = _date_data_parser(zone_name).get_date_data(text).date_obj
    if value is None:
        return None
    if value.tzinfo is None:
        value = value.replace(tzinfo=zone)
    has_time = (value.hour, value.minute, value.second) != (0, 0, 0)
    return ParsedValue(value, has_time, False)
