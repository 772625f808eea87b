"""Calendar arithmetic for date mentions: periods, shifts and choosing the year of a partial date.

A mention's `date` is the first day of its period: a day, an ISO week (from Monday), a month, a
quarter, a half-year, a year, or a run of months ("January-October": the first month's day 1).
Fiscal years and periods "to" a month ("the six months to March") start on any month's first day.
Month shifts clamp the day to the month's length (`calendar.monthrange`), never fixed day counts.
"""

from __future__ import annotations

import calendar
from collections.abc import Callable
from datetime import date, timedelta

GRANULARITIES = ("day", "week", "month", "quarter", "half", "year")
RANK = {g: i for i, g in enumerate(GRANULARITIES)}
MONTHS_IN = {"month": 1, "quarter": 3, "half": 6, "year": 12}
YEAR_SPAN = 4
"""Years tried either side of the reference for 29 February, so that it always has a candidate."""
NEAR_SPAN = 2
"""Years tried either side of the reference for any other date."""
PAST_WEIGHT = 0.5
"""Without a tense cue, a past reading counts at half its distance: news mostly reports the past."""
STARTED_TOO_RECENTLY = {"month": 0.2, "quarter": 0.5, "half": 0.5, "year": 0.25}
"""Past tense about a period the reference falls in, this early in it, means the previous one:
"first-half profit fell" in March is last year's first half, "一季度增长5.3%" in January last year's."""


def period_start(day: date, granularity: str) -> date:
    """First day of the calendar period of `granularity` that contains `day`."""
    if granularity == "day":
        return day
    if granularity == "week":
        return day - timedelta(days=day.weekday())
    if granularity == "month":
        return day.replace(day=1)
    if granularity == "quarter":
        return date(day.year, 3 * ((day.month - 1) // 3) + 1, 1)
    if granularity == "half":
        return date(day.year, 1 if day.month <= 6 else 7, 1)
    return date(day.year, 1, 1)


def add_months(day: date, months: int) -> date:
    """`day` moved by whole months, the day of month clamped to the target month's length."""
    year, month0 = divmod(day.month - 1 + months, 12)
    year += day.year
    return date(year, month0 + 1, min(day.day, calendar.monthrange(year, month0 + 1)[1]))


def move(start: date, granularity: str, count: int) -> date:
    """`start` moved by `count` periods of `granularity`, without snapping to calendar periods."""
    if granularity == "day":
        return start + timedelta(days=count)
    if granularity == "week":
        return start + timedelta(weeks=count)
    return add_months(start, MONTHS_IN[granularity] * count)


def shift(day: date, granularity: str, count: int) -> date:
    """Start of the calendar period `count` periods away from the one containing `day`."""
    return move(period_start(day, granularity), granularity, count)


def period_end(start: date, granularity: str, months: int | None = None) -> date:
    """Last day of the period starting at `start` (`months` long when given)."""
    if months is not None:
        return add_months(start, months) - timedelta(days=1)
    return move(start, granularity, 1) - timedelta(days=1)


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


def _elapsed(reference: date, start: date, end: date) -> float:
    return ((reference - start).days + 1) / ((end - start).days + 1)


def choose_period(
    make: Callable[[int], date | None],
    granularity: str,
    reference: date,
    tense: str | None,
    months: int | None = None,
) -> date | None:
    """The start of the period `make(year)` that the text most likely means, seen from `reference`.

    tense "past": the latest one that has started by the reference date, or the one before when
    the reference is only a little way into it (`STARTED_TOO_RECENTLY`); "recent" (present perfect,
    "since", "began"): the latest one that has started; "future": the earliest one not yet over;
    None: the nearest, past readings favoured (`PAST_WEIGHT`).
    """
    options = []
    for year in range(reference.year - NEAR_SPAN, reference.year + NEAR_SPAN + 1):
        start = make(year)
        if start is not None:
            options.append((start, period_end(start, granularity, months)))
    if len(options) < 2 * NEAR_SPAN + 1:  # 29 February: look further for leap years
        options = []
        for year in range(reference.year - YEAR_SPAN, reference.year + YEAR_SPAN + 1):
            start = make(year)
            if start is not None:
                options.append((start, period_end(start, granularity, months)))
    if not options:
        return None
    if tense in ("past", "recent"):
        started = sorted(option for option in options if option[0] <= reference)
        if not started:
            return None
        start, end = started[-1]
        threshold = STARTED_TOO_RECENTLY.get(granularity if months is None else "month", 0.0)
        if tense == "past" and end >= reference and len(started) > 1 and _elapsed(reference, start, end) < threshold:
            return started[-2][0]
        return start
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
    strictly before; "week<n>": in the ISO week `n` weeks from the reference's ("week0" = this week).
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


def fiscal_year_start(reference: date, start_month: int) -> date:
    """First day of the fiscal year (starting in `start_month`) that contains `reference`."""
    year = reference.year if reference.month >= start_month else reference.year - 1
    return date(year, start_month, 1)
