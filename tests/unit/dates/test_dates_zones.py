"""Zone names and numeric day/month order as the site's or page's country reads them; page date forms."""

from __future__ import annotations

import pytest

from crawler.dates.parse import parse_value
from crawler.dates.zones import local_zone, page_country, reading, site_country


def parsed(raw: str, country: str | None, tz: str = "UTC") -> str | None:
    value = parse_value(raw, tz, how=reading(country))
    return value.value.isoformat() if value else None


ZONE_NAMES = [
    # id, raw, country, expected
    ("ist-india", "February 18, 2025 2:30 PM IST", "IN", "2025-02-18T14:30:00+05:30"),
    ("ist-israel", "February 18, 2025 2:30 PM IST", "IL", "2025-02-18T14:30:00+02:00"),
    ("ist-ireland", "18 June 2025 14:30 IST", "IE", "2025-06-18T14:30:00+01:00"),
    ("ist-unknown-country-keeps-wall-time", "February 18, 2025 2:30 PM IST", None, "2025-02-18T14:30:00+00:00"),
    ("cst-china", "2025-02-18 14:30 CST", "CN", "2025-02-18T14:30:00+08:00"),
    ("cst-hong-kong", "February 18, 2025 2:30 PM CST", "HK", "2025-02-18T14:30:00+08:00"),
    ("cst-united-states", "February 18, 2025 2:30 PM CST", "US", "2025-02-18T14:30:00-06:00"),
    ("hkt-anywhere", "February 18, 2025 2:30 PM HKT", None, "2025-02-18T14:30:00+08:00"),
    ("sgt-anywhere", "18 Feb 2025 14:30 SGT", None, "2025-02-18T14:30:00+08:00"),
    ("pst-philippines", "February 18, 2025 2:30 PM PST", "PH", "2025-02-18T14:30:00+08:00"),
    ("pst-elsewhere-pacific", "February 18, 2025 2:30 PM PST", None, "2025-02-18T14:30:00-08:00"),
    ("est-australia", "Fri Mar 13 21:30:09 EST 2015", "AU", "2015-03-13T21:30:09+10:00"),
    ("est-default-us", "Fri Mar 13 21:30:09 EST 2015", None, "2015-03-13T21:30:09-05:00"),
    ("et-follows-daylight-saving", "October 31, 2014 07:15am ET", None, "2014-10-31T07:15:00-04:00"),
    ("iso-with-zone-name", "2014-12-16 11:45:18 EST", "US", "2014-12-16T11:45:18-05:00"),
    ("iso-glued-zone-name", "2021-01-03T17:40:00EET", None, "2021-01-03T17:40:00+02:00"),
    ("month-day-year-numeric-offset", "Thu, Dec 25 2014 16:57:37 +0000", None, "2014-12-25T16:57:37+00:00"),
]


@pytest.mark.parametrize(("raw", "country", "expected"), [pytest.param(*row[1:], id=row[0]) for row in ZONE_NAMES])
def test_zone_names_by_country(raw: str, country: str | None, expected: str) -> None:
    assert parsed(raw, country) == expected


PAGE_FORMS = [
    # id, raw, country, expected day-time (None: nothing)
    ("dotted-day-first", "16.12.2012", None, "2012-12-16T00:00:00+00:00"),
    ("numeric-unambiguous-month-first", "9/21/2016", None, "2016-09-21T00:00:00+00:00"),
    ("numeric-ambiguous-us", "3/09/15 8:00am", "US", "2015-03-09T08:00:00+00:00"),
    ("numeric-ambiguous-britain", "3/09/15 8:00am", "GB", "2015-09-03T08:00:00+00:00"),
    ("numeric-ambiguous-unknown-gives-nothing", "3/09/2015", None, None),
    ("dotted-month-first-when-day-above-12", "12.29.14", None, "2014-12-29T00:00:00+00:00"),
    ("french-numeric-with-time", "29/10/2012 à 14h03", None, "2012-10-29T14:03:00+00:00"),
    ("german-month-name", "19. Juli 2014", None, "2014-07-19T00:00:00+00:00"),
    ("german-with-uhr", "19. Juli 2014, 14:30 Uhr", None, "2014-07-19T14:30:00+00:00"),
    ("spanish-de", "2 de abril de 2020", None, "2020-04-02T00:00:00+00:00"),
    ("spanish-weekday-and-time", "jueves, 09 enero 2014 10:21", None, "2014-01-09T10:21:00+00:00"),
    ("french-month-name", "12 mars 2015 à 14h30", None, "2015-03-12T14:30:00+00:00"),
    ("french-first", "1er avril 2020", None, "2020-04-01T00:00:00+00:00"),
    ("unknown-month-word", "12 smarch 2015", None, None),
    ("japanese-date-time", "2019年04月21日 12時00分", None, "2019-04-21T12:00:00+00:00"),
]


@pytest.mark.parametrize(("raw", "country", "expected"), [pytest.param(*row[1:], id=row[0]) for row in PAGE_FORMS])
def test_page_date_forms(raw: str, country: str | None, expected: str | None) -> None:
    assert parsed(raw, country) == expected


@pytest.mark.parametrize(
    ("urls", "lang", "expected"),
    [
        (["https://markets.example.in/a"], None, "IN"),
        (["https://www.example.co.uk/a"], "en", "GB"),
        (["https://news.example.com/a", "https://news.example.cn/a"], "en", "CN"),
        (["https://news.example.com/a"], "en-IN", "IN"),
        (["https://news.example.com/a"], "zh-Hant-TW", "TW"),
        (["https://news.example.com/a"], "zh", "CN"),
        (["https://news.example.com/a"], "en", None),
        (["https://news.example.com/a"], None, None),
    ],
)
def test_page_country(urls: list[str], lang: str | None, expected: str | None) -> None:
    assert page_country(urls, lang) == expected


def test_site_zone_decides_before_the_page() -> None:
    assert site_country("Asia/Kolkata") == "IN"
    assert site_country("Asia/Hong_Kong") == "HK"
    assert site_country("UTC") is None


def test_naive_dates_of_a_site_of_unknown_zone_follow_the_page_country() -> None:
    assert local_zone("UTC", "CN") == "Asia/Shanghai"
    assert local_zone("UTC", None) == "UTC"
    assert local_zone("Asia/Singapore", "CN") == "Asia/Singapore"  # a profile's zone is never overridden
