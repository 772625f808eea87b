"""Time-zone abbreviations and numeric day/month order, read by the country of the site or page.

"IST" is India's on an Indian site, Israel's on an Israeli one; "CST" is +08:00 on a Chinese, Hong
Kong or Taiwanese site and US Central on an American one; "9/10/2016" is September 10th only where
the country writes month first. The country comes from the site profile's zone, else from the page
(country-code domain, `lang` region, language); when it is unknown an ambiguous name gives no
offset and an ambiguous numeric date gives nothing. See docs/dates.md.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import timedelta, timezone, tzinfo
from functools import lru_cache
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo

UNAMBIGUOUS = {
    **dict.fromkeys(("GMT", "UTC", "UT", "Z", "WET"), 0),
    **dict.fromkeys(("CET", "WEST"), 1),
    **dict.fromkeys(("CEST", "EET", "SAST"), 2),
    **dict.fromkeys(("EEST", "MSK"), 3),
    "PKT": 5, "ICT": 7, "WIB": 7,
    **dict.fromkeys(("HKT", "SGT", "MYT", "PHT", "AWST", "WITA"), 8),
    **dict.fromkeys(("JST", "KST", "WIT"), 9),
    "ACST": 9.5, "ACDT": 10.5, "AEST": 10, "AEDT": 11, "NZST": 12, "NZDT": 13,
    "EDT": -4, "MDT": -6, "PDT": -7, "MST": -7, "AKST": -9, "AKDT": -8, "HST": -10,
}
"""Abbreviation -> UTC offset in hours, where the name means one zone everywhere we crawl."""

AMBIGUOUS: dict[str, dict[str | None, float]] = {
    "IST": {"IN": 5.5, "IL": 2, "IE": 1},
    "CST": {"CN": 8, "HK": 8, "MO": 8, "TW": 8, "US": -6, "CA": -6, "MX": -6, "CU": -5},
    "CDT": {"US": -5, "CA": -5, "MX": -5, "CU": -4, None: -5},
    "EST": {"AU": 10, None: -5},
    "BST": {"BD": 6, None: 1},
    "PST": {"PH": 8, None: -8},
}
"""Abbreviation -> {country: offset}; the `None` entry, when present, is for any other country."""

ZONE_COUNTRIES = {
    "Asia/Kolkata": "IN", "Asia/Calcutta": "IN", "Asia/Jerusalem": "IL", "Asia/Tel_Aviv": "IL",
    "Europe/Dublin": "IE", "Asia/Shanghai": "CN", "Asia/Chongqing": "CN", "Asia/Urumqi": "CN", "PRC": "CN",
    "Asia/Hong_Kong": "HK", "Asia/Macau": "MO", "Asia/Taipei": "TW", "Asia/Dhaka": "BD",
    "Europe/London": "GB", "America/Havana": "CU", "America/Mexico_City": "MX", "America/Toronto": "CA",
    "America/Winnipeg": "CA", "America/New_York": "US", "America/Chicago": "US", "America/Denver": "US",
    "America/Los_Angeles": "US", "Australia/Sydney": "AU", "Australia/Melbourne": "AU",
    "Australia/Brisbane": "AU", "Asia/Singapore": "SG", "Asia/Manila": "PH",
}
"""Site zones whose country decides an ambiguous abbreviation (other zones: the page decides)."""

MONTH_FIRST_COUNTRIES = frozenset({"US", "PH"})
"""Where "9/10/2016" is September 10th; elsewhere it is October 9th."""

COUNTRY_ZONES = {
    "CN": "Asia/Shanghai", "HK": "Asia/Hong_Kong", "MO": "Asia/Macau", "TW": "Asia/Taipei", "SG": "Asia/Singapore",
    "MY": "Asia/Kuala_Lumpur", "PH": "Asia/Manila", "TH": "Asia/Bangkok", "VN": "Asia/Ho_Chi_Minh",
    "JP": "Asia/Tokyo", "KR": "Asia/Seoul", "IN": "Asia/Kolkata", "PK": "Asia/Karachi", "BD": "Asia/Dhaka",
    "IL": "Asia/Jerusalem", "GB": "Europe/London", "IE": "Europe/Dublin", "FR": "Europe/Paris",
    "DE": "Europe/Berlin", "AT": "Europe/Vienna", "CH": "Europe/Zurich", "IT": "Europe/Rome", "ES": "Europe/Madrid",
    "NL": "Europe/Amsterdam", "BE": "Europe/Brussels", "PL": "Europe/Warsaw", "CZ": "Europe/Prague",
    "LV": "Europe/Riga", "NZ": "Pacific/Auckland",
}
"""Countries with one time zone: on a site of unknown zone (the generic profile's "UTC"), a date
without an offset on a page of one of them is read in its zone."""

_TLD_COUNTRIES = {"uk": "GB"}
_LANGUAGE_COUNTRIES = {"zh": "CN", "ja": "JP", "ko": "KR", "he": "IL", "iw": "IL", "hi": "IN", "bn": "BD"}


def site_country(zone_name: str) -> str | None:
    """The country of a site profile's IANA zone, when it decides an abbreviation."""
    return ZONE_COUNTRIES.get(zone_name)


def local_zone(site_zone: str, country: str | None) -> str:
    """The zone of naive dates: the site's, or on a site of unknown zone ("UTC") its page country's."""
    if site_zone != "UTC" or country is None:
        return site_zone
    return COUNTRY_ZONES.get(country, site_zone)


def page_country(urls: list[str], lang: str | None) -> str | None:
    """The country a page shows: a country-code domain, else its `lang` region, else its language."""
    for url in urls:
        try:
            host = urlsplit(url).hostname or ""
        except ValueError:
            continue
        tld = host.rsplit(".", 1)[-1]
        if len(tld) == 2 and tld.isalpha():
            return _TLD_COUNTRIES.get(tld, tld.upper())
    if lang:
        parts = lang.replace("_", "-").split("-")
        region = next((p for p in parts[1:] if len(p) == 2 and p.isalpha()), None)
        if region:
            return region.upper()
        return _LANGUAGE_COUNTRIES.get(parts[0].lower())
    return None


@dataclass(frozen=True)
class Reading:
    """How dates read in one country: zone abbreviations and the order of numeric day and month."""

    names: Mapping[str, tzinfo]
    """Abbreviation -> offset (`zone_names`)."""
    month_first: bool | None
    """True: "9/10/2016" is month/day; False: day/month; None (country unknown): an ambiguous
    numeric date gives nothing."""


@lru_cache(maxsize=64)
def reading(country: str | None) -> Reading:
    """How a page of `country` (None: unknown) reads dates."""
    return Reading(zone_names(country), None if country is None else country in MONTH_FIRST_COUNTRIES)


US_REGIONS = {"ET": "America/New_York", "CT": "America/Chicago", "MT": "America/Denver", "PT": "America/Los_Angeles"}
"""American names that do not say whether daylight saving applies: the region's zone decides."""


@lru_cache(maxsize=64)
def zone_names(country: str | None) -> dict[str, tzinfo]:
    """Abbreviation -> fixed offset as read in `country` (None: unambiguous names and defaults only)."""
    hours = dict(UNAMBIGUOUS)
    for name, by_country in AMBIGUOUS.items():
        offset = by_country.get(country, by_country.get(None)) if country else by_country.get(None)
        if offset is not None:
            hours[name] = offset
    names: dict[str, tzinfo] = {name: timezone(timedelta(hours=value)) for name, value in hours.items()}
    names.update((name, ZoneInfo(zone)) for name, zone in US_REGIONS.items())
    return names
