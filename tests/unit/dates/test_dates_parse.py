"""parse_datetime: the value shapes our sources use, and bad values giving None."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from crawler.dates.parse import parse_datetime, parse_value

HK = "Asia/Hong_Kong"
NOW = datetime(2025, 2, 20, 12, 0, tzinfo=UTC)

VALID = [
    ("iso-offset", "2025-02-18T14:30:00+08:00", "2025-02-18T14:30:00+08:00"),
    ("iso-z-stays-utc", "2025-02-18T06:30:00Z", "2025-02-18T06:30:00+00:00"),
    ("iso-fraction-compact-offset", "2025-02-18T14:30:00.123+0800", "2025-02-18T14:30:00.123000+08:00"),
    ("iso-naive-site-zone", "2025-02-18T14:30:00", "2025-02-18T14:30:00+08:00"),
    ("iso-space-no-seconds", "2025-02-18 14:30", "2025-02-18T14:30:00+08:00"),
    ("iso-date-only-midnight", "2025-02-18", "2025-02-18T00:00:00+08:00"),
    ("slashed-date", "2025/2/18", "2025-02-18T00:00:00+08:00"),
    ("epoch-ms", "1739860200000", "2025-02-18T14:30:00+08:00"),
    ("epoch-ms-js-float", "1739860200000.0", "2025-02-18T14:30:00+08:00"),
    ("epoch-seconds", "1739860200", "2025-02-18T14:30:00+08:00"),
    ("rfc822-utc", "Wed, 07 Aug 2019 10:44:05 +0000", "2019-08-07T10:44:05+00:00"),
    ("rfc822-gmt", "Wed, 07 Aug 2019 10:44:05 GMT", "2019-08-07T10:44:05+00:00"),
    ("rfc822-offset", "Tue, 18 Feb 2025 14:30:00 +0800", "2025-02-18T14:30:00+08:00"),
    ("scmp-visible", "11:59am, 11 Jul 2025", "2025-07-11T11:59:00+08:00"),
    ("scmp-visible-pm", "2:36pm, 11 Jul 2025", "2025-07-11T14:36:00+08:00"),
    ("scmp-older-comma", "7:00am, 14 Aug, 2019", "2019-08-14T07:00:00+08:00"),
    ("noon-pm", "12:05pm, 1 Jan 2025", "2025-01-01T12:05:00+08:00"),
    ("midnight-am", "12:05am, 1 Jan 2025", "2025-01-01T00:05:00+08:00"),
    ("english-date-only", "18 February 2025", "2025-02-18T00:00:00+08:00"),
    ("english-month-first-time-zone", "February 18, 2025 2:30 PM HKT", "2025-02-18T14:30:00+08:00"),
    ("english-weekday-24h", "Tuesday, 18 February 2025 14:30", "2025-02-18T14:30:00+08:00"),
    ("chinese", "2025年2月18日 14:30", "2025-02-18T14:30:00+08:00"),
    ("chinese-afternoon", "2025年2月18日 下午2:30", "2025-02-18T14:30:00+08:00"),
    ("chinese-date-only", "2025年2月18日", "2025-02-18T00:00:00+08:00"),
    ("compact-url-day", "20250218", "2025-02-18T00:00:00+08:00"),
    ("china-daily-url-day", "202502/18", "2025-02-18T00:00:00+08:00"),
    ("dmy-numeric-fallback", "18/02/2025", "2025-02-18T00:00:00+08:00"),
    ("surrounding-space", "  2025-02-18T14:30:00+08:00 \n", "2025-02-18T14:30:00+08:00"),
    ("escaped-quotes-from-a-script", '\\"2022-10-25T08:00:00-0400\\"', "2022-10-25T08:00:00-04:00"),
    ("zone-name-after-rfc822", "18 Feb 2025 14:30 SGT", "2025-02-18T14:30:00+08:00"),
]


@pytest.mark.parametrize(("raw", "expected"), [pytest.param(r, e, id=i) for i, r, e in VALID])
def test_valid_values(raw: str, expected: str) -> None:
    value = parse_datetime(raw, HK)
    assert value is not None and value.tzinfo is not None
    assert value.isoformat() == expected


INVALID = [
    ("feb-30", "2025-02-30"),
    ("zero", "0"),
    ("empty", ""),
    ("blank", "   "),
    ("garbage", "garbage"),
    ("words-with-digits", "page 2 of 10"),
    ("hour-25", "2025-02-18T25:00:00"),
    ("13pm", "13pm, 1 Jul 2025"),
    ("bad-month-name", "11:59am, 11 Jux 2025"),
    ("month-without-day", "Feb 2025"),
    ("small-number", "12345"),
    ("huge-number", "99999999999999999999"),
    ("prose", "When delivering the city's work report on Tuesday, the mayor said " * 3),
    ("relative-without-now", "3 hours ago"),
]


@pytest.mark.parametrize("raw", [pytest.param(r, id=i) for i, r in INVALID])
def test_invalid_values_give_none(raw: str) -> None:
    assert parse_datetime(raw, HK) is None


@pytest.mark.parametrize("raw", [None, 12, 1739860200000.0, b"2025-02-18"])
def test_non_strings_give_none(raw: object) -> None:
    assert parse_datetime(raw, HK) is None  # type: ignore[arg-type]


def test_relative_values_need_now() -> None:
    assert parse_datetime("3 hours ago", HK, now=NOW) == NOW - timedelta(hours=3)
    assert parse_datetime("2小时前", HK, now=NOW) == NOW - timedelta(hours=2)


def test_naive_values_follow_the_site_zone() -> None:
    assert parse_datetime("2025-02-18 14:30", "UTC").isoformat() == "2025-02-18T14:30:00+00:00"
    london_summer = parse_datetime("2025-07-01 09:00", "Europe/London")
    assert london_summer.isoformat() == "2025-07-01T09:00:00+01:00"


def test_precision_flags() -> None:
    assert parse_value("2025-02-18", HK).has_time is False
    assert parse_value("2025-02-18T14:30:00Z", HK).has_offset is True
    assert parse_value("2025-02-18T14:30:00", HK).has_offset is False


def test_unknown_zone_is_a_configuration_error() -> None:
    with pytest.raises(ValueError, match="unknown time zone"):
        parse_datetime("2025-02-18", "Mars/Olympus")
