"""Calendar arithmetic for date mentions: periods, shifts and choosing the year of a partial date.

A mention's `date` is the first day of its period (ISO week starting Monday, quarter, month, year).
Month shifts clamp the day to the month's length, so leap years and short months are handled by
`calendar.monthrange`, never by fixed day counts.
"""

from __future__ import annotations

import calendar
from collections.abc import Callable
from datetime import date, timedelta

GRANULARITIES = ("day", "week", "month", "quarter", "year")
RANK = {g: i for i, g in enumerate(GRANULARITIES)}
YEAR_SPAN = 4
"""Years tried either side of the reference: four, so that 29 February always has a candidate."""
PAST_WEIGHT = 0.5
"""Without a tense cue, a past reading counts at half its distance: news mostly reports the past."""


def period_start(day: date, granularity: str) -> date:
    """First day of the period of `granularity` that contains `day`."""
    if granularity == "day":
        return day
    if granularity == "week":
        return day - timedelta(days=day.weekday())
    if granularity == "month":
        return day.replace(day=1)
    if granularity == "quarter":
        return date(day.year, 3 * ((day.month - 1) // 3) + 1, 1)
    return date(day.year, 1, 1)


def add_months(day: date, months: int) -> date:
    """`day` moved by whole months, the day of month clamped to the target month's length."""
    year, month0 = divmod(day.month - 1 + months, 12)
    year += day.year
    return date(year, month0 + 1, min(day.day, calendar.monthrange(year, month0 + 1)[1]))


def shift(day: date, granularity: str, count: int) -> date:
    """Start of the period `count` periods away from the one containing `day`."""
    start = period_start(day, granularity)
    if granularity == "day":
        return start + timedelta(days=count)
    if granularity == "week":
        return start + timedelta(weeks=count)
    if granularity == "month":
        return add_months(start, count)
    if granularity == "quarter":
        return add_months(start, 3 * count)
    return date(start.year + count, 1, 1)


def period_end(start: date, granularity: str) -> date:
    """Last day of the period starting at `start`."""
    return shift(start, granularity, 1) - timedelta(days=1)


def safe_date(year: int, month: int, day: int = 1) -> date | None:
    """The date, or None when it does not exist (30 February, 29 February of a common year)."""
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _distance(reference: date, start: date, end: date) -> int:
    if start <= reference <= end:
        return 0
    return (start - reference).days if start > reference else (reference - end).days


def choose_period(
    make: Callable[[int], date | None], granularity: str, reference: date, tense: str | None
) -> date | None:
    """The start of the period `make(year)` that the text most likely means, seen from `reference`.

    tense "past": the latest one that has started by the reference date; "future": the earliest
    one not yet over; None: the nearest, past readings favoured (`PAST_WEIGHT`).
    """
    options = []
    for year in range(reference.year - YEAR_SPAN, reference.year + YEAR_SPAN + 1):
        start = make(year)
        if start is not None:
            options.append((start, period_end(start, granularity)))
    if not options:
        return None
    if tense == "past":
        started = [start for start, _ in options if start <= reference]
        return max(started) if started else None
    if tense == "future":
        ahead = [start for start, end in options if end >= reference]
        return min(ahead) if ahead else None

    def score(option: tuple[date, date]) -> float:
        start, end = option
        weight = PAST_WEIGHT if end < reference else 1.0
        return _distance(reference, start, end) * weight

    return min(options, key=score)[0]


def choose_day_of_month(day: int, reference: date, tense: str | None) -> date | None:
    """The date with day-of-month `day` in or next to the reference month ("18日")."""
    options = [d for n in (-1, 0, 1) if (d := safe_date(*_month_of(reference, n), day)) is not None]
    if tense == "future":
        ahead = [d for d in options if d >= reference]
        return min(ahead) if ahead else None
    past = [d for d in options if d <= reference]
    return max(past) if past else None


def _month_of(reference: date, months: int) -> tuple[int, int]:
    moved = add_months(reference.replace(day=1), months)
    return moved.year, moved.month


def weekday_near(reference: date, weekday: int, mode: str) -> date:
    """The weekday (Monday=0) meant by `mode` seen from `reference`.

    "past": on or before the reference; "future": on or after ("will ... on Tuesday" written on a
    Tuesday is that day: a week later would be "next Tuesday"); "next": strictly after; "last":
    strictly before;
    "week<n>": in the ISO week `n` weeks from the reference's ("week0" = this week).
    """
    if mode.startswith("week"):
        return period_start(reference, "week") + timedelta(weeks=int(mode[4:]), days=weekday)
    if mode == "future":
        return reference + timedelta(days=(weekday - reference.weekday()) % 7)
    if mode == "next":
        return reference + timedelta(days=(weekday - reference.weekday() - 1) % 7 + 1)
    back = (reference.weekday() - weekday) % 7
    if mode == "last" and back == 0:
        back = 7
    return reference - timedelta(days=back)
