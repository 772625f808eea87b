"""Regex fast paths for the date/time value shapes our sources use, and their field builders.

ISO 8601 (also with "/" or "." separators, or a zone name), compact URL days (20250218,
202502/18), epoch seconds and milliseconds, RFC 822 feed dates, Java/Unix "Fri Mar 13 21:30:09 EST
2015", English "11:59am, 11 Jul 2025" / "February 18, 2025 2:30 PM HKT", Chinese and Japanese
"2025年2月18日 下午2:30", numeric and European forms (`formats_dmy`), and "3 hours ago". `parse`
falls back to dateparser for the rest; these cover nearly every value at a fraction of its cost.
Zone names and numeric day/month order are read as the page's country reads them (`zones.Reading`).
"""

from __future__ import annotations

import email.utils
import re
from collections.abc import Mapping
from datetime import UTC, datetime, timedelta, timezone, tzinfo

from crawler.dates import formats_dmy
from crawler.dates.model import ParsedValue
from crawler.dates.month_names import MONTHS
from crawler.dates.zones import AMBIGUOUS, Reading, reading

_OFFSET = r"(?P<tz>Z|z|(?:UTC|GMT)?\s?[+-]\d{1,2}(?::?\d{2})?|[A-Z]{2,5})"
_ISO_RE = re.compile(
    r"^(?P<y>\d{4})(?P<sep>[-/.])(?P<m>\d{1,2})(?P=sep)(?P<d>\d{1,2})"
    r"(?:(?:T|\s+|T\s*)(?P<H>\d{1,2}):(?P<M>\d{2})(?::(?P<S>\d{2})(?:[.,](?P<f>\d{1,9}))?)?)?"
    r"\s*" + _OFFSET + r"?$"
)
_COMPACT_RE = re.compile(
    r"^(?P<y>\d{4})[-/.]?(?P<m>\d{2})[-/.]?(?P<d>\d{2})"
    r"(?:T(?P<H>\d{2}):?(?P<M>\d{2})(?::?(?P<S>\d{2}))?)?" + _OFFSET + r"?$"
)
_NUMBER_RE = re.compile(r"^\d+(?:\.\d+)?(?:[eE]\+?\d{1,2})?$")
_RFC822_RE = re.compile(
    r"^(?:[A-Za-z]{3},?\s*)?\d{1,2}\s+[A-Za-z]{3}\s+\d{2,4}\s+\d{1,2}:\d{2}(?::\d{2})?"
    r"\s*(?:[+-]\d{4}|[A-Za-z]{1,5})?$"
)
_TIME = (
    r"(?P<h{n}>\d{{1,2}})(?:[:.](?P<mi{n}>\d{{2}}))?\s*(?P<ap{n}>[ap]\.?\s?m\.?)"
    r"|(?P<hh{n}>\d{{1,2}}):(?P<mm{n}>\d{{2}})(?::(?P<ss{n}>\d{{2}}))?"
)
_MONTH_NAME = r"(?P<mon>[A-Za-z]{3,9})\.?"
_DATE = (
    r"(?:(?P<d1>\d{1,2})(?:st|nd|rd|th)?\s+"
    + _MONTH_NAME.replace("mon", "mon1")
    + r",?\s+|"
    + _MONTH_NAME.replace("mon", "mon2")
    + r"\s+(?P<d2>\d{1,2})(?:st|nd|rd|th)?,?\s+)(?P<y>\d{4})"
)
_WEEKDAY_PREFIX = r"(?:(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]*\.?,?\s+)?"
_ZONE_SUFFIX = r"(?:\s*\(?(?P<zone>[A-Z]{1,4}(?:\s?[+-]\d{1,2})?|[+-]\d{2}:?\d{2})\)?)?"
_EN_TIME_FIRST_RE = re.compile(
    r"^(?:" + _TIME.format(n=1) + r")\s*,?\s*" + _WEEKDAY_PREFIX + _DATE + _ZONE_SUFFIX + r"$", re.I
)
_EN_DATE_FIRST_RE = re.compile(
    r"^"
    + _WEEKDAY_PREFIX
    + _DATE
    + r"(?:\s*,?\s*(?:at\s+|-\s*|\|\s*)?(?:"
    + _TIME.format(n=2)
    + r"))?"
    + _ZONE_SUFFIX
    + r"$",
    re.I,
)
# Java's Date.toString() and Unix date(1): "Fri Mar 13 21:30:09 EST 2015".
_CTIME_RE = re.compile(
    r"^(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]*\.?,?\s+(?P<mon>[A-Za-z]{3,9})\.?\s+(?P<d>\d{1,2}),?\s+"
    r"(?P<H>\d{1,2}):(?P<M>\d{2})(?::(?P<S>\d{2}))?\s+(?:(?P<zone>[A-Z]{2,5}|[+-]\d{4})\s+)?(?P<y>\d{4})$"
)
_ZH_RE = re.compile(
    r"^(?P<y>\d{4})\s*年\s*(?P<m>\d{1,2})\s*月\s*(?P<d>\d{1,2})\s*[日号號]"
    r"(?:\s*(?:[(（]?(?:星期|周|週)[一二三四五六日天][)）]?)?\s*(?P<half>上午|下午|晚上|早上|中午|凌晨)?"
    r"\s*(?P<H>\d{1,2})\s*[:：时時点點]\s*(?:(?P<M>\d{1,2})\s*分?)?(?:\s*[:：]\s*(?P<S>\d{2})\s*秒?)?)?$"
)
_RELATIVE_RE = re.compile(
    r"^(?P<n>\d{1,3})\s*(?P<unit>minutes?|mins?|hours?|hrs?|days?|分钟|分鐘|小时|小時|天)\s*(?:ago|前)$", re.I
)
_UNIT_SECONDS = {
    **dict.fromkeys(("min", "分钟", "分鐘"), 60),
    **dict.fromkeys(("hou", "hrs", "hr", "小时", "小時"), 3600),
    **dict.fromkeys(("day", "天"), 86400),
}


def is_relative(raw: str) -> bool:
    """True for "3 hours ago"-style values, which need a `now` to resolve."""
    return bool(_RELATIVE_RE.match(" ".join(raw.split())))


def fast_parse(
    text: str, zone: tzinfo, now: datetime | None, how: Reading | None = None
) -> tuple[bool, ParsedValue | None]:
    """(whether a known shape matched, its value); raises ValueError/KeyError for impossible fields.

    `how`: how the page's country reads dates (None: unknown country).
    """
    how = reading(None) if how is None else how
    names = how.names
    if _NUMBER_RE.match(text):
        return True, _from_number(text, zone)
    for pattern in (_ISO_RE, _COMPACT_RE):
        if m := pattern.match(text):
            return True, _from_fields(m, zone, names)
    if _RFC822_RE.match(text):
        value = email.utils.parsedate_to_datetime(text)
        last = text.rsplit(" ", 1)[-1].upper()
        if last in names and not last.startswith(("+", "-")):  # "SGT", "IST": as the page's country reads them
            return True, ParsedValue(value.replace(tzinfo=names[last]), True, True)
        if value.tzinfo is None:  # "-0000" or an unknown zone name: local time of the site
            return True, ParsedValue(value.replace(tzinfo=zone), True, False)
        return True, ParsedValue(value, True, True)
    for pattern in (_EN_TIME_FIRST_RE, _EN_DATE_FIRST_RE):
        if m := pattern.match(text):
            return True, _from_english(m, zone, names)
    if m := _CTIME_RE.match(text):
        return True, _from_ctime(m, zone, names)
    for other in (formats_dmy.numeric, formats_dmy.european):
        matched, found = other(text, zone, how)
        if matched:
            return True, found
    if m := _ZH_RE.match(text):
        return True, _from_chinese(m, zone)
    if m := _RELATIVE_RE.match(text):
        if now is None:
            return True, None
        seconds = _UNIT_SECONDS[m["unit"].lower()[:3] if m["unit"].isascii() else m["unit"]]
        return True, ParsedValue(
            (now - timedelta(seconds=int(m["n"]) * seconds)).astimezone(zone), True, True
        )
    return False, None


def _from_number(text: str, zone: tzinfo) -> ParsedValue | None:
    number = float(text)
    if 1e11 <= number < 1e14:  # JavaScript milliseconds
        seconds = number / 1000
    elif 1e8 <= number < 1e11:  # Unix seconds (1973 onwards)
        seconds = number
    elif len(text) == 8:  # compact YYYYMMDD, as in URLs
        m = _COMPACT_RE.match(text)
        return _from_fields(m, zone) if m else None
    else:
        return None
    return ParsedValue(datetime.fromtimestamp(seconds, tz=UTC).astimezone(zone), True, True)


def _offset(token: str | None, names: Mapping[str, tzinfo] | None = None) -> tzinfo | None:
    """The offset a zone token names; None for no token or an ambiguous name of unknown country."""
    if token is None:
        return None
    token = token.strip().upper()
    names = reading(None).names if names is None else names
    if token in names:
        return names[token]
    if token in AMBIGUOUS:
        return None
    m = re.match(r"^(?:UTC|GMT)?\s?([+-])(\d{1,2}):?(\d{2})?$", token)
    if not m:
        raise ValueError(f"unknown zone {token!r}")
    delta = timedelta(hours=int(m[2]), minutes=int(m[3] or 0))
    return timezone(-delta if m[1] == "-" else delta)


def _from_fields(m: re.Match[str], zone: tzinfo, names: Mapping[str, tzinfo] | None = None) -> ParsedValue:
    fraction = (m.groupdict().get("f") or "0")[:6].ljust(6, "0")
    value = datetime(
        int(m["y"]),
        int(m["m"]),
        int(m["d"]),
        int(m["H"] or 0),
        int(m["M"] or 0),
        int(m["S"] or 0),
        int(fraction),
    )
    offset = _offset(m["tz"], names)
    return ParsedValue(value.replace(tzinfo=offset or zone), m["H"] is not None, offset is not None)


def _from_ctime(m: re.Match[str], zone: tzinfo, names: Mapping[str, tzinfo]) -> ParsedValue:
    offset = _offset(m["zone"], names)
    value = datetime(int(m["y"]), MONTHS[m["mon"].lower()], int(m["d"]), int(m["H"]), int(m["M"]), int(m["S"] or 0))
    return ParsedValue(value.replace(tzinfo=offset or zone), True, offset is not None)


def _hour(hour: int, marker: str | None) -> int:
    """12-hour clock to 24-hour; rejects "13pm"."""
    if marker is None:
        return hour
    if not 1 <= hour <= 12:
        raise ValueError("bad 12-hour time")
    return hour % 12 + (12 if marker.lower().startswith("p") else 0)


def _from_english(m: re.Match[str], zone: tzinfo, names: Mapping[str, tzinfo]) -> ParsedValue:
    g = m.groupdict()
    month = MONTHS[(g["mon1"] or g["mon2"]).lower()]
    day = int(g["d1"] or g["d2"])
    n = "1" if "h1" in g else "2"
    hour = minute = second = 0
    has_time = False
    if g.get("h" + n):
        hour, minute, has_time = _hour(int(g["h" + n]), g["ap" + n]), int(g["mi" + n] or 0), True
    elif g.get("hh" + n):
        hour, minute, second, has_time = int(g["hh" + n]), int(g["mm" + n]), int(g["ss" + n] or 0), True
    offset = _offset(g["zone"], names) if g.get("zone") else None
    value = datetime(int(g["y"]), month, day, hour, minute, second, tzinfo=offset or zone)
    return ParsedValue(value, has_time, offset is not None)


def _from_chinese(m: re.Match[str], zone: tzinfo) -> ParsedValue:
    hour = int(m["H"] or 0)
    if m["half"] in ("下午", "晚上") and hour < 12:
        hour += 12
    elif m["half"] == "中午" and hour < 11:
        hour += 12
    value = datetime(
        int(m["y"]), int(m["m"]), int(m["d"]), hour, int(m["M"] or 0), int(m["S"] or 0), tzinfo=zone
    )
    return ParsedValue(value, m["H"] is not None, False)
