"""Turn a found date expression (`Hit`) into a period start, given the reference date and tense.

Kinds of hit, by what they need to resolve:
- FIXED: everything is written ("4 Mar 2025", "Q3 2025", "2025年2月18日", "FY2025" of the US
  government): no reference needed;
- YEAR_REL: the year is relative ("March last year", "去年四季度", "the second half of next year");
- FLOATING: the year is missing ("in March", "the fourth quarter", "2月18日", "the first 10
  months"): chosen from the tense of the sentence, or as the nearest one (past favoured);
- CONTEXT: "the year", "full-year", "全年": the year the sentence is about (see `_context_year`);
- DEICTIC: counted from the publication date ("last week", "yesterday", "two years ago", "今年");
- FISCAL_REL: "the current financial year", counted from the publication date in a fiscal calendar;
- ANAPHOR: counted from the period the sentence already named ("in January, up from a year
  earlier", "the same period last year"), else from the publication date;
- WEEKDAY: "on Tuesday", "next Tuesday", "上周二", "Wednesday next week";
- DAY_OF_MONTH: Chinese "18日" (this month or the previous one).

Without a reference (no publication date) only FIXED hits and hits anchored to a period named
earlier in the same sentence resolve; the others are given with a null date (`mentions`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date

from crawler.normalise.date_mentions.cues import Sentence, about_data
from crawler.normalise.date_mentions.periods import (
    MONTHS_IN,
    RANK,
    YEAR_SPAN,
    add_months,
    choose_day_of_month,
    choose_period,
    fiscal_year_start,
    move,
    period_end,
    safe_date,
    shift,
    weekday_near,
)

FIXED, YEAR_REL, FLOATING, CONTEXT, DEICTIC, FISCAL_REL, ANAPHOR, WEEKDAY, DAY_OF_MONTH = (
    "fixed",
    "year_rel",
    "floating",
    "context",
    "deictic",
    "fiscal_rel",
    "anaphor",
    "weekday",
    "day_of_month",
)
EARLIEST_YEAR = 1900
YEARS_AHEAD = 30
"""Years later than the reference year plus this are not read as years (targets reach ~2060)."""
LATEST_YEAR_WITHOUT_REFERENCE = 2100
CONTRACT_AFTER_RE = re.compile(r"\s+(?:delivery|contracts?|futures)\b", re.I)
"""After a month: the month of a futures contract, which is still ahead while it trades."""
LAST_MONTH_OF_REPORTING = 3
"""Past-tense "full-year" or "the year" up to March is the year before: annual data comes out then."""


@dataclass(frozen=True)
class Hit:
    """A date expression found at text[start:end], with the parts it states."""

    start: int
    end: int
    granularity: str
    kind: str
    year: int | None = None
    month: int | None = None
    """First month of the period (quarters and halves included)."""
    day: int | None = None
    offset: int = 0
    """Years for YEAR_REL and FISCAL_REL; periods of `granularity` for DEICTIC and ANAPHOR."""
    weekday: int | None = None
    """WEEKDAY: the day; FLOATING days: the weekday written beside the date ("Friday, March 1")."""
    end_month: int | None = None
    """FLOATING runs of months ("1-10月", "the six months to March"): the year is chosen for this month."""
    end_day: int | None = None
    """"the quarter ended June 30": the day the period ended, for "ended" (it is over by the reference)."""
    months: int | None = None
    """Length in months when not one unit of `granularity` ("January-October": 10, granularity month)."""
    aligned: bool = True
    """False for periods that do not start where calendar ones do (fiscal years, "the year to March")."""
    mode: str = "tense"
    """FLOATING/WEEKDAY: "tense", "past", "ended", "last", "next", "this", or "week<n>"; ANAPHOR: "same"
    (the anchor's period, `offset` years away, or in `year`); CONTEXT: "current" (the reference's year)."""


@dataclass(frozen=True)
class Period:
    """A resolved mention: its first day, granularity and shape."""

    start: date
    granularity: str
    months: int | None = None
    aligned: bool = True


@dataclass(frozen=True)
class Anchor:
    """The last period named in the current sentence (`period` None: named but not resolvable)."""

    period: Period | None


def year_ok(year: int, reference: date | None) -> bool:
    """Plausible as a year in news text, seen from the reference date."""
    latest = reference.year + YEARS_AHEAD if reference else LATEST_YEAR_WITHOUT_REFERENCE
    return EARLIEST_YEAR <= year <= latest


def _make(hit: Hit, year: int) -> date | None:
    return safe_date(year, hit.month or 1, hit.day or 1)


def _period(hit: Hit, start: date | None) -> Period | None:
    return Period(start, hit.granularity, hit.months, hit.aligned) if start is not None else None


def _span(hit: Hit) -> int | None:
    return hit.months or MONTHS_IN.get(hit.granularity)


def _floating(hit: Hit, reference: date, cue: str | None) -> date | None:
    if hit.end_month is not None:  # the year is chosen for the last month of the run
        if hit.mode == "ended":
            ends = [d for y in range(reference.year - 1, reference.year + 1)
                    if (d := safe_date(y, hit.end_month, hit.end_day or 1)) and d <= reference]
            end = max(ends) if ends else None
        else:
            end = choose_period(lambda y: safe_date(y, hit.end_month or 1), "month", reference, cue)
        return add_months(end.replace(day=1), 1 - (_span(hit) or 1)) if end else None
    if hit.granularity == "day" and hit.end_day is not None:  # "December 9-10": the year chosen for the 10th
        last = choose_period(lambda y: safe_date(y, hit.month or 1, hit.end_day or 1), "day", reference, cue)
        return safe_date(last.year, hit.month or 1, hit.day or 1) if last else None
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
    if hit.mode == "start":  # "the fiscal year starting in April": the year is chosen for the start
        return choose_period(lambda y: _make(hit, y), "month", reference, cue)
    options = [
        d for y in range(reference.year - YEAR_SPAN, reference.year + YEAR_SPAN + 1) if (d := _make(hit, y))
    ]
    if hit.mode == "last":
        earlier = [d for d in options if period_end(d, hit.granularity, hit.months) < reference]
        return max(earlier) if earlier else None
    if hit.mode == "next":
        later = [d for d in options if d > reference]
        return min(later) if later else None
    return choose_period(lambda y: _make(hit, y), hit.granularity, reference, cue, hit.months)


def _context_year(hit: Hit, text: str, reference: date, sentence: Sentence) -> int:
    """The year "the year", "full-year" or "全年" means, seen from the reference.

    The reference's year, except after a past verb (or as the period of data) up to March, when
    the year just ended is reported ("growth for the year" in a January GDP story), unless the
    mention is a part of the year that is already over by the reference.
    """
    if hit.mode == "current":
        return reference.year
    if (hit.month or 1) + (_span(hit) or 12) - 1 < reference.month:
        return reference.year  # a part of the year already over ("data for the first two months of the year")
    cue = sentence.tense(hit.start, hit.end)
    data = about_data(text, hit.start, hit.end)
    if (cue == "past" or (data and cue != "recent")) and reference.month <= LAST_MONTH_OF_REPORTING:
        return reference.year - 1
    return reference.year


def _anaphor(hit: Hit, reference: date | None, anchor: Period | None) -> Period | None:
    """ "a year earlier", "the previous quarter", "the same period last year", "上年"."""
    if anchor is not None and hit.granularity == "year" and anchor.granularity in ("month", "quarter", "half"):
        # the same month, quarter or half of another year ("in March, up from a year earlier")
        year = hit.year if hit.year is not None else anchor.start.year + hit.offset
        return replace(anchor, start=anchor.start.replace(year=year))
    if anchor is not None and RANK[anchor.granularity] <= RANK[hit.granularity]:
        if hit.year is not None:
            return Period(date(hit.year, anchor.start.month if not anchor.aligned else 1, 1), "year", None,
                          anchor.aligned)
        if not anchor.aligned and anchor.granularity == hit.granularity:
            return replace(anchor, start=move(anchor.start, hit.granularity, hit.offset))
        return Period(shift(anchor.start, hit.granularity, hit.offset), hit.granularity)
    if hit.year is not None:
        return Period(date(hit.year, 1, 1), "year")
    if reference is None:
        return None
    granularity = "year" if hit.mode == "same" else hit.granularity
    return Period(shift(reference, granularity, hit.offset), granularity)


def resolve_hit(
    hit: Hit, text: str, reference: date | None, sentence: Sentence, anchor: Anchor | None
) -> Period | None:
    """The period `hit` names, or None when it cannot be resolved (or is implausible)."""
    anchored = anchor.period if anchor is not None else None
    if hit.kind == FIXED:
        return _period(hit, _make(hit, hit.year)) if hit.year is not None and year_ok(hit.year, reference) else None
    if hit.kind == ANAPHOR:
        if anchor is not None and anchored is None:
            return None  # anchored to a period that could not be resolved
        return _anaphor(hit, reference, anchored)
    if reference is None:
        if anchored is not None and hit.kind in (FLOATING, CONTEXT):  # "2019 ... in March", "2024年 ... 全年"
            year = anchored.start.year
            if hit.end_month is not None and hit.month is not None and hit.month > hit.end_month:
                year -= 1
            return _period(hit, _make(hit, year))
        return None
    if hit.kind == YEAR_REL:
        return _period(hit, _make(hit, reference.year + hit.offset))
    if hit.kind == CONTEXT:
        year = anchored.start.year if anchored is not None else _context_year(hit, text, reference, sentence)
        return _period(hit, _make(hit, year))
    if hit.kind == DEICTIC:
        return _period(hit, shift(reference, hit.granularity, hit.offset))
    if hit.kind == FISCAL_REL:
        start = fiscal_year_start(reference, hit.month or 1)
        return _period(hit, start.replace(year=start.year + hit.offset))
    if hit.kind == WEEKDAY and hit.weekday is not None:
        mode = hit.mode
        if mode == "tense":
            mode = "future" if sentence.tense(hit.start, hit.end) == "future" else "past"
        return _period(hit, weekday_near(reference, hit.weekday, mode))
    if hit.kind == DAY_OF_MONTH and hit.day is not None:
        if anchored is not None and anchored.granularity in ("day", "month"):  # "12月11日至12日"
            return _period(hit, safe_date(anchored.start.year, anchored.start.month, hit.day))
        return _period(hit, choose_day_of_month(hit.day, reference, sentence.tense(hit.start, hit.end)))
    if hit.kind == FLOATING:
        cue = sentence.tense(hit.start, hit.end) if hit.mode == "tense" else None
        if hit.mode == "start":
            cue = "future"  # "approved the budget for the year starting in April": a year not yet begun
        if hit.mode == "past":
            cue = "past"
        if cue == "future" and about_data(text, hit.start, hit.end):
            cue = None  # "Q2 GDP data will be released": the release is ahead, not the quarter
        if hit.granularity == "month" and CONTRACT_AFTER_RE.match(text, hit.end):
            cue = "future"  # "futures for March delivery fell": a traded contract's month is ahead
        return _period(hit, _floating(hit, reference, cue))
    return None


_WORD_BEFORE_RE = re.compile(r"([A-Za-z]+)\W*$")


def word_before(text: str, start: int, span: int = 24) -> str:
    """The word just before `start` (lower case), or ""."""
    m = _WORD_BEFORE_RE.search(text[max(0, start - span) : start])
    return m.group(1).lower() if m else ""
