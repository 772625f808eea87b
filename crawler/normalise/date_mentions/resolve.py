"""Turn a found date expression (`Hit`) into a period start, given the reference date and tense.

Kinds of hit, by what they need to resolve:
- FIXED: everything is written ("4 Mar 2025", "Q3 2025", "2025年2月18日"): no reference needed;
- YEAR_REL: the year is relative ("March last year", "去年四季度");
- FLOATING: the year is missing ("in March", "the fourth quarter", "2月18日"): the year is chosen
  from the tense of the sentence, or as the nearest one (past favoured);
- DEICTIC: counted from the publication date ("last week", "yesterday", "two years ago", "今年");
- ANAPHOR: counted from the period the sentence already named ("in January, up from a year
  earlier"), else from the publication date;
- WEEKDAY: "on Tuesday" (latest on or before the reference unless the tense is future), "next
  Tuesday", "上周二";
- DAY_OF_MONTH: Chinese "18日" (this month or the previous one).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from crawler.normalise.date_mentions.cues import Sentence, about_data
from crawler.normalise.date_mentions.periods import (
    RANK,
    YEAR_SPAN,
    choose_day_of_month,
    choose_period,
    period_end,
    safe_date,
    shift,
    weekday_near,
)

FIXED, YEAR_REL, FLOATING, DEICTIC, ANAPHOR, WEEKDAY, DAY_OF_MONTH = (
    "fixed",
    "year_rel",
    "floating",
    "deictic",
    "anaphor",
    "weekday",
    "day_of_month",
)
EARLIEST_YEAR = 1900
YEARS_AHEAD = 30
"""Years later than the reference year plus this are not read as years (targets reach ~2060)."""
LATEST_YEAR_WITHOUT_REFERENCE = 2100


@dataclass(frozen=True)
class Hit:
    """A date expression found at text[start:end], with the parts it states."""

    start: int
    end: int
    granularity: str
    kind: str
    year: int | None = None
    month: int | None = None
    day: int | None = None
    quarter: int | None = None
    offset: int = 0
    """Years for YEAR_REL; periods of `granularity` for DEICTIC and ANAPHOR."""
    weekday: int | None = None
    """WEEKDAY: the day; FLOATING days: the weekday written beside the date ("Friday, March 1")."""
    end_month: int | None = None
    """FLOATING months of a range ("1-10月", "January-October"): the year is chosen for the end."""
    mode: str = "tense"
    """FLOATING/WEEKDAY: "tense", "last", "next", "this", or "week<n>" (ISO week n from the reference's)."""


@dataclass(frozen=True)
class Anchor:
    """The last period resolved in the current sentence."""

    start: date
    granularity: str


def year_ok(year: int, reference: date | None) -> bool:
    """Plausible as a year in news text, seen from the reference date."""
    latest = reference.year + YEARS_AHEAD if reference else LATEST_YEAR_WITHOUT_REFERENCE
    return EARLIEST_YEAR <= year <= latest


def _make(hit: Hit, year: int) -> date | None:
    if hit.granularity == "quarter" and hit.quarter:
        return safe_date(year, 3 * hit.quarter - 2)
    if hit.month is None:
        return safe_date(year, 1)
    return safe_date(year, hit.month, hit.day or 1)


def _floating(hit: Hit, reference: date, cue: str | None) -> date | None:
    if hit.end_month is not None and hit.month is not None:
        end = choose_period(lambda y: safe_date(y, hit.end_month or 1), "month", reference, cue)
        if end is None:
            return None
        return safe_date(end.year if hit.month <= hit.end_month else end.year - 1, hit.month)
    if hit.weekday is not None:  # "Friday, March 1": the year in which the weekday fits
        fitting = [
            d
            for y in range(reference.year - YEAR_SPAN, reference.year + YEAR_SPAN + 1)
            if (d := _make(hit, y)) and d.weekday() == hit.weekday
        ]
        if fitting:
            return min(fitting, key=lambda d: abs((d - reference).days))
    if hit.mode == "this":
        return _make(hit, reference.year)
    options = [
        d for y in range(reference.year - YEAR_SPAN, reference.year + YEAR_SPAN + 1) if (d := _make(hit, y))
    ]
    if hit.mode == "last":
        earlier = [d for d in options if period_end(d, hit.granularity) < reference]
        return max(earlier) if earlier else None
    if hit.mode == "next":
        later = [d for d in options if d > reference]
        return min(later) if later else None
    return choose_period(lambda y: _make(hit, y), hit.granularity, reference, cue)


def resolve_hit(
    hit: Hit, text: str, reference: date | None, sentence: Sentence, anchor: Anchor | None
) -> date | None:
    """Start of the period `hit` names, or None when it cannot be resolved (or is implausible)."""
    if hit.kind == FIXED:
        return _make(hit, hit.year) if hit.year is not None and year_ok(hit.year, reference) else None
    if hit.kind == ANAPHOR:
        if anchor is not None and RANK[anchor.granularity] <= RANK[hit.granularity]:
            return shift(anchor.start, hit.granularity, hit.offset)
        return shift(reference, hit.granularity, hit.offset) if reference else None
    if reference is None:
        return None
    if hit.kind == YEAR_REL:
        return _make(hit, reference.year + hit.offset)
    if hit.kind == DEICTIC:
        return shift(reference, hit.granularity, hit.offset)
    if hit.kind == WEEKDAY and hit.weekday is not None:
        mode = hit.mode
        if mode == "tense":
            mode = "future" if sentence.tense(hit.start, hit.end) == "future" else "past"
        return weekday_near(reference, hit.weekday, mode)
    if hit.kind == DAY_OF_MONTH and hit.day is not None:
        if anchor is not None and anchor.granularity in ("day", "month"):  # "12月11日至12日"
            return safe_date(anchor.start.year, anchor.start.month, hit.day)
        return choose_day_of_month(hit.day, reference, sentence.tense(hit.start, hit.end))
    if hit.kind == FLOATING:
        cue = sentence.tense(hit.start, hit.end) if hit.mode == "tense" else None
        if cue == "future" and about_data(text, hit.start, hit.end):
            cue = None  # "Q2 GDP data will be released": the release is ahead, not the quarter
        return _floating(hit, reference, cue)
    return None


_WORD_BEFORE_RE = re.compile(r"([A-Za-z]+)\W*$")


def word_before(text: str, start: int, span: int = 24) -> str:
    """The word just before `start` (lower case), or ""."""
    m = _WORD_BEFORE_RE.search(text[max(0, start - span) : start])
    return m.group(1).lower() if m else ""
