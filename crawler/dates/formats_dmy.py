"""Fast paths for numeric and European page dates: "16.12.2012", "9/21/2016 3:46 PM", "19. Juli 2014",
"2 de abril de 2020", "12 mars 2015 à 14h30", "jueves, 09 enero 2014 10:21".

Numeric day and month: a number above 12 decides ("12.29.14" is December 29th); otherwise "."
means day first (European), and "/" or "-" follow the page's country (`zones.Reading.month_first`);
unknown: nothing. Two-digit years are 1970-2069. See docs/dates.md.
"""

from __future__ import annotations

import re
from datetime import datetime, tzinfo

from crawler.dates.model import ParsedValue
from crawler.dates.month_names import PAGE_MONTHS
from crawler.dates.zones import Reading

_TIME = (
    r"(?:\s*,?\s*|T)(?:à|a las|às|alle|um|om|at|-|\|)?\s*"
    r"(?P<H>\d{1,2})[:h.](?P<M>\d{2})(?::(?P<S>\d{2}))?\s*(?P<ap>[ap]\.?\s?m\.?)?(?:\s*(?:Uhr|h))?"
)
_ZONE = r"(?:\s*\(?(?P<zone>(?!uhr\b)[A-Z]{2,5})\)?)?"
_NUMERIC_RE = re.compile(
    r"^(?P<a>\d{1,2})(?P<sep>[./-])(?P<b>\d{1,2})(?P=sep)(?P<y>\d{4}|\d{2})(?:" + _TIME + r")?" + _ZONE + r"$", re.I
)
_EUROPEAN_RE = re.compile(
    r"^(?:[^\W\d_]{2,12}\.?,?\s+)?(?P<d>\d{1,2})(?:\.|er|º|°)?\s+(?:de\s+)?(?P<mon>[^\W\d_]{3,10})\.?,?\s+"
    r"(?:de\s+|del\s+)?(?P<y>\d{4})(?:" + _TIME + r")?" + _ZONE + r"$",
    re.I,
)


_CENTURY_PIVOT = 70
"""Two-digit years: "98" is 1998, "15" is 2015."""


def _time(m: re.Match[str]) -> tuple[int, int, int, bool]:
    if m["H"] is None:
        return 0, 0, 0, False
    hour = int(m["H"])
    if m["ap"]:
        if not 1 <= hour <= 12:
            raise ValueError("bad 12-hour time")
        hour = hour % 12 + (12 if m["ap"].lower().startswith("p") else 0)
    return hour, int(m["M"]), int(m["S"] or 0), True


def _value(year: int, month: int, day: int, m: re.Match[str], zone: tzinfo, reading: Reading) -> ParsedValue:
    hour, minute, second, has_time = _time(m)
    offset = reading.names.get(m["zone"].upper()) if m["zone"] else None
    if m["zone"] and offset is None:
        raise ValueError(f"unknown zone {m['zone']!r}")
    value = datetime(year, month, day, hour, minute, second, tzinfo=offset or zone)
    return ParsedValue(value, has_time, offset is not None)


def numeric(text: str, zone: tzinfo, reading: Reading) -> tuple[bool, ParsedValue | None]:
    """(matched, value) for "16.12.2012", "9/21/2016", "21-09-2016 14:30"; ambiguous orders of an
    unknown country give (True, None)."""
    m = _NUMERIC_RE.match(text)
    if m is None:
        return False, None
    a, b = int(m["a"]), int(m["b"])
    if a > 12:
        day, month = a, b
    elif b > 12:
        day, month = b, a
    elif m["sep"] == ".":
        day, month = a, b
    elif reading.month_first is None:
        return True, None
    else:
        day, month = (b, a) if reading.month_first else (a, b)
    year = int(m["y"])
    if len(m["y"]) == 2:
        year += 1900 if year >= _CENTURY_PIVOT else 2000
    return True, _value(year, month, day, m, zone, reading)


def european(text: str, zone: tzinfo, reading: Reading) -> tuple[bool, ParsedValue | None]:
    """(matched, value) for day-first dates with a French, German, Spanish, Italian, Portuguese,
    Dutch or English month name."""
    m = _EUROPEAN_RE.match(text)
    if m is None:
        return False, None
    month = PAGE_MONTHS.get(m["mon"].lower())
    if month is None:
        return False, None
    return True, _value(int(m["y"]), month, int(m["d"]), m, zone, reading)
