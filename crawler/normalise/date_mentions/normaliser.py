"""`NORMALISER`: fills an article's `dates` with its date mentions (run in the extraction worker).

The reference for relative mentions is `published_at` only: never the crawl time (a 2019 story's
"Oct. 21" is not the next 21 October after the crawl). Without it, relative mentions are given with
`date` null (counted: `dates/reference_missing`). `timezone` (the `DATES_TIMEZONE` setting) reads the reference in
that zone instead of the offset `published_at` carries.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from typing import Any

from crawler.dates.parse import parse_datetime, site_zone
from crawler.normalise.base import Normaliser, Stats
from crawler.normalise.date_mentions.mentions import find_date_mentions


def reference_time(values: Mapping[str, Any], timezone: str | None) -> tuple[datetime | None, str | None]:
    """The reference for relative mentions, `published_at` (never `fetched_at`); and the stat to count."""
    value = _as_datetime(values.get("published_at"), timezone or "UTC")
    if value is None:
        return None, "dates/reference_missing"
    return (value.astimezone(site_zone(timezone)) if timezone else value), None


def dates_and_stats(values: Mapping[str, Any], timezone: str | None) -> tuple[list[dict[str, Any]], dict[str, int]]:
    """The article's date mentions (title, then text) and the counters they add."""
    reference, reference_stat = reference_time(values, timezone)
    language = values.get("language")
    mentions: list[dict[str, Any]] = []
    for field in ("title", "text"):
        value = values.get(field)
        if isinstance(value, str) and value:
            mentions += find_date_mentions(value, field, reference=reference, language=language)
    counts = {"dates/found": len(mentions), "dates/relative": sum(1 for m in mentions if m["relative"])}
    if reference_stat:
        counts[reference_stat] = 1
    return mentions, {key: count for key, count in counts.items() if count}


def _as_datetime(value: Any, tz: str) -> datetime | None:
    if isinstance(value, datetime):
        return value if value.tzinfo else value.replace(tzinfo=site_zone(tz))
    if isinstance(value, str):
        return parse_datetime(value, tz)
    return None


def _apply(article: dict[str, Any], settings: Mapping[str, Any]) -> Stats:
    article["dates"], stats = dates_and_stats(article, settings.get("DATES_TIMEZONE") or None)
    return stats


NORMALISER = Normaliser("dates", _apply, settings=("DATES_TIMEZONE",))
