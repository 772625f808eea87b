"""English periods longer than a month: quarters, halves, runs of months, fiscal years, "the year".

"the first three quarters", "January-October" and "the first 10 months" are one mention each,
dated by their first month; a run equal to a calendar quarter, half or year takes that
granularity ("the January-to-March quarter", "the first six months"). Fiscal years start where
their calendar says (`fiscal`). "the same period last year" and "a year earlier" are resolved
against the period the sentence named before them (`resolve`).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace

from crawler.normalise.date_mentions.fiscal import (
    CALENDAR_YEAR,
    GOVERNMENT_RE,
    NATIONAL_YEAR,
    PUBLICATION_COUNTRY,
    SPLIT_YEAR_START,
    FiscalCalendar,
    country_of,
    government_calendar,
    stated_calendar,
)
from crawler.normalise.date_mentions.lexicon import (
    CONTEXT_YEAR_BEFORE_RE,
    CONTEXT_YEAR_NOT_AFTER_RE,
    NUMBER_WORDS,
    ORDINALS,
    RELATIVE_OFFSETS,
    STARTING_BEFORE_RE,
    STATED_BEFORE_RE,
)
from crawler.normalise.date_mentions.resolve import (
    ANAPHOR,
    CONTEXT,
    DEICTIC,
    FISCAL_REL,
    FIXED,
    FLOATING,
    YEAR_REL,
    Hit,
)
from crawler.normalise.date_mentions.screens import month_number, numeric_ok, quantity_after, sentence_around

Handler = Callable[[re.Match[str], str], list[Hit]]
_MONTH_RE = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December"
    r"|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)"
)
# "fiscal year 2024, which ended on September 30": the company's stated year-end.
_STATED_YEAR_END_RE = re.compile(
    r",?\s+(?:(?:which|that)\s+)?(?i:ended|ends|ending|end)\s+(?:(?i:on|in)\s+)?(?P<mon>" + _MONTH_RE + r")\b"
)
_CURRENT_YEAR_BEFORE_RE = re.compile(
    r"(?:\bso\s+far\s+(?:in|this)|\b(?:earlier|later)\s+in|\b(?:rest|remainder|balance|start|beginning)\s+of)\s+$",
    re.I,
)
_UNIT_MONTHS = {"year": 12, "half": 6, "quarter": 3}
_RECORD_AFTER_RE = re.compile(r"['’]s\s+(?:high|low)")
# A government's fiscal figures: "full-year" and "for the year" beside them mean its fiscal year.
_FISCAL_FIGURES_RE = re.compile(r"\b(?:fiscal\s+deficit|budget(?:ed)?\s+(?:target|estimates?|deficit)|deficit\s+target"
                                r"|full[-\s]year\s+target|borrowing\s+target)\b", re.I)
# Fiscal years named in the sentence ("fiscal 2024", "FY25", "2025-26"): its "current year" is a fiscal one.
_FISCAL_YEARS_RE = re.compile(
    r"\b(?:(?i:fiscal)\s+(?:19|20)\d\d|FY\s?['’]?\d\d|(?:19|20)\d\d\s*[-–/]\s*\d\d"
    r"|(?i:(?:fiscal|financial)\s+year|year\s+(?:ending|ended|to)\s+March))\b"
)
_FISCAL_LEADS = frozenset({"for", "of", "during", "over", "across", "within", "throughout"})


def _count(token: str) -> int:
    return int(token) if token.isdigit() else NUMBER_WORDS[token.lower()]


def _calendar_granularity(first_month: int, months: int) -> str:
    """A run of months starting in `first_month`: its calendar unit, else "month"."""
    if months == 3 and first_month in (1, 4, 7, 10):
        return "quarter"
    if months == 6 and first_month in (1, 7):
        return "half"
    if months == 12 and first_month == 1:
        return "year"
    return "month"


def _run(start: int, end: int, first: int, months: int, granularity: str, kind: str, year: int | None = None,
         offset: int = 0) -> Hit:
    """A run of `months` months from `first`; `months` is kept only when it is not one unit."""
    unit = _UNIT_MONTHS.get(granularity, 1)
    return Hit(start, end, granularity, kind, year=year, month=first, months=None if months == unit else months,
               offset=offset)


def _calendar_of(m: re.Match[str], text: str, split: bool = False) -> FiscalCalendar:
    stated = _STATED_YEAR_END_RE.match(text, m.end())
    if stated:
        return stated_calendar(month_number(stated["mon"]))
    return government_calendar(sentence_around(text, m.start(), m.end()), split)


def _of_year(m: re.Match[str], text: str, first: int, months: int, granularity: str, start: int) -> list[Hit]:
    """A period of `months` from `first_month` "of 2024", "of this year", "of the year" or of no year."""
    end = m.end()
    if m["sy"]:  # "the first six months of the 2024-25 financial year": from the fiscal year's start
        named, second = int(m["sy"]), int(m["sy2"])
        if second % 100 != (named + 1) % 100:
            return []
        month = government_calendar(sentence_around(text, m.start(), end), split=True).start_month
        return [_fiscal_part(start, end, named, month, first, months, granularity)]
    if m["y"]:
        year = int(m["y"])
        if quantity_after(text, end):
            return []
        if m["fisc"]:
            fiscal_year, fiscal_month = _calendar_of(m, text).start_of(year)
            return [_fiscal_part(start, end, fiscal_year, fiscal_month, first, months, granularity)]
        return [_run(start, end, first, months, granularity, kind=FIXED, year=year)]
    if m["rel"]:
        return [_run(start, end, first, months, granularity, kind=YEAR_REL, offset=RELATIVE_OFFSETS[m["rel"].lower()])]
    if m["the"]:
        return [_run(start, end, first, months, granularity, kind=CONTEXT)]
    return [_run(start, end, first, months, granularity, kind=FLOATING)]


def _fiscal_part(start: int, end: int, fiscal_year: int, fiscal_month: int, first: int, months: int,
                 granularity: str) -> Hit:
    """Months `first`.. of a fiscal year starting in `fiscal_month` of `fiscal_year`, in calendar terms."""
    month0 = fiscal_month - 1 + first - 1
    hit = _run(start, end, month0 % 12 + 1, months, granularity, kind=FIXED, year=fiscal_year + month0 // 12)
    unit = _UNIT_MONTHS.get(granularity, 1)
    return hit if (month0 % 12) % unit == 0 else replace(hit, aligned=False)


def _quarter(m: re.Match[str], text: str) -> list[Hit]:
    ordinal = m["ord"].lower()
    if ordinal == "last" and not (m["y"] or m["rel"] or m["the"]):
        return [Hit(m.start("ord"), m.end(), "quarter", DEICTIC, offset=-1)]  # "last quarter"
    return _of_year(m, text, 3 * ORDINALS[ordinal] - 2, 3, "quarter", m.start("ord"))


def _q_code(m: re.Match[str], text: str) -> list[Hit]:
    groups = m.groupdict()
    if groups.get("y") and m.start("y") < m.start("q") and not numeric_ok(text, m.start()):
        return []
    month = 3 * int(m["q"]) - 2
    if groups.get("fyy"):
        return [_fiscal_code_part(m, text, month, 3, "quarter")]
    if groups.get("y"):
        if quantity_after(text, m.end()):
            return []
        return [Hit(m.start(), m.end(), "quarter", FIXED, year=int(groups["y"]), month=month)]
    if groups.get("yy"):
        return [Hit(m.start(), m.end(), "quarter", FIXED, year=2000 + int(groups["yy"]), month=month)]
    return [Hit(m.start(), m.end(), "quarter", FLOATING, month=month)]


def _fiscal_code_part(m: re.Match[str], text: str, first: int, months: int, granularity: str) -> Hit:
    """ "Q3 FY25", "H1 FY2025": a quarter or half of a fiscal year named by its code."""
    digits = m["fyy"]
    fiscal_year, fiscal_month = _calendar_of(m, text).start_of(int(digits) if len(digits) == 4 else 2000 + int(digits))
    return _fiscal_part(m.start(), m.end(), fiscal_year, fiscal_month, first, months, granularity)


def _month_quarter(m: re.Match[str], text: str) -> list[Hit]:
    """ "the September quarter": the quarter that month falls in."""
    month = month_number(m["mon"])
    return [Hit(m.start("mon"), m.end(), "quarter", FLOATING, month=month - (month - 1) % 3)]


def _half(m: re.Match[str], text: str) -> list[Hit]:
    first = 1 if m["ord"].lower() in ("first", "1st") else 7
    return _of_year(m, text, first, 6, "half", m.start())


def _half_code(m: re.Match[str], text: str) -> list[Hit]:
    month = 1 if m["h"] == "1" else 7
    if m.groupdict().get("fyy"):
        return [_fiscal_code_part(m, text, month, 6, "half")]
    if m["y"]:
        return [Hit(m.start(), m.end(), "half", FIXED, year=int(m["y"]), month=month)]
    if m["yy"]:
        return [Hit(m.start(), m.end(), "half", FIXED, year=2000 + int(m["yy"]), month=month)]
    return [Hit(m.start(), m.end(), "half", FLOATING, month=month)]


def _span(m: re.Match[str], text: str) -> list[Hit]:
    """ "the first 10 months", "the first three quarters of 2024", "the last two months of the year"."""
    count = _count(m["n"])
    quarters = m["unit"].lower() == "quarters"
    months = 3 * count if quarters else count
    if not 2 <= months <= 12:
        return []
    first = 1
    if m["which"].lower() in ("last", "final"):
        if not (m["y"] or m["rel"] or m["the"]):
            return []  # "the last two months" is a span of time, not a period of a year
        first = 13 - months
    granularity = "quarter" if quarters and count == 3 else _calendar_granularity(first, months)
    return _of_year(m, text, first, months, granularity, m.start())


def _month_span(m: re.Match[str], text: str) -> list[Hit]:
    """ "January-October", "the January-to-March quarter", "Jan-Aug 2025", "from April to June": one period."""
    first, last = month_number(m["mon"]), month_number(m["mon2"])
    if first == last:
        return []
    months = (last - first) % 12 + 1
    granularity = _calendar_granularity(first, months)
    if (m["noun"] or "").lower() == "quarter" and months != 3:
        return []
    if m["y"]:
        if quantity_after(text, m.end()):
            return []
        year = int(m["y"]) - (1 if first > last else 0)
        return [_run(m.start(), m.end(), first, months, granularity, kind=FIXED, year=year)]
    if m["rel"]:
        offset = RELATIVE_OFFSETS[m["rel"].lower()] - (1 if first > last else 0)
        return [_run(m.start(), m.end(), first, months, granularity, kind=YEAR_REL, offset=offset)]
    return [Hit(m.start(), m.end(), granularity, FLOATING, month=first, end_month=last, months=months)]


def _month_period(m: re.Match[str], text: str) -> list[Hit]:
    """ "the quarter ended March 31, 2024", "the six months to June", "the fiscal year starting in April"."""
    window = max(0, m.start() - 72)
    stated = STATED_BEFORE_RE.search(text, window, m.start())
    if stated is not None:
        return _stated_period(stated, m, text)
    starting = STARTING_BEFORE_RE.search(text, window, m.start())
    if starting is None:
        return []
    month = month_number(m["mon"])
    end = m.end() if m["y"] or m["d"] else m.end("mon")  # "the year starting April 1"
    if m["y"]:
        return [Hit(starting.start(), end, "year", FIXED, year=int(m["y"]), month=month, aligned=month == 1)]
    return [Hit(starting.start(), end, "year", FLOATING, month=month, aligned=month == 1, mode="start")]


def _stated_period(stated: re.Match[str], m: re.Match[str], text: str) -> list[Hit]:
    unit = re.sub(r"[\s-]+", " ", stated["unit"].lower())
    months = _count(stated["n"]) if stated["n"] else _UNIT_MONTHS[unit.split()[-1] if unit != "half year" else "half"]
    end_month = month_number(m["mon"])
    first = (end_month - months) % 12 + 1
    granularity = "year" if months == 12 else _calendar_granularity(first, months)
    aligned = granularity != "year" or first == 1
    length = months if granularity == "month" else None
    if m["y"]:
        year = int(m["y"]) - (1 if first > end_month else 0)
        return [Hit(stated.start(), m.end(), granularity, FIXED, year=year, month=first, months=length,
                    aligned=aligned)]
    mode = "ended" if stated["how"].lower().endswith("ended") else "tense"
    end_day = int(m["d"]) if m["d"] else None
    return [Hit(stated.start(), m.end(), granularity, FLOATING, month=first, end_month=end_month, end_day=end_day,
                months=length, aligned=aligned, mode=mode)]


def _fiscal_split(m: re.Match[str], text: str) -> list[Hit]:
    """ "2024-25", "the 2024/25 financial year": one fiscal year (April unless the sentence says otherwise)."""
    first = int(m["y"])
    second = int(m["y2"]) if len(m["y2"]) == 4 else first // 100 * 100 + int(m["y2"])
    if second != first + 1 or not numeric_ok(text, m.start("y")) or quantity_after(text, m.end()):
        return []
    sentence = sentence_around(text, m.start(), m.end())
    if len(m["y2"]) == 4 and not (m["fy"] or m["fy2"] or GOVERNMENT_RE.search(sentence)):
        return []  # "2024-2025" outside fiscal talk: two years
    month = government_calendar(sentence, split=True).start_month
    start = m.start() if m["fy"] else m.start("y")
    return [Hit(start, m.end(), "year", FIXED, year=first, month=month, aligned=False)]


def _fiscal_named(m: re.Match[str], text: str, named: int) -> list[Hit]:
    year, month = _calendar_of(m, text).start_of(named)
    return [Hit(m.start(), m.end(), "year", FIXED, year=year, month=month, aligned=month == 1)]


def _fiscal_year(m: re.Match[str], text: str) -> list[Hit]:
    """ "fiscal 2025", "the 2024 fiscal year", "financial year 2025"."""
    return _fiscal_named(m, text, int(m["y"] or m["y3"]))


def _fiscal_code(m: re.Match[str], text: str) -> list[Hit]:
    """ "FY2024", "FY25"."""
    digits = m["yy"]
    return _fiscal_named(m, text, int(digits) if len(digits) == 4 else 2000 + int(digits))


def _budget_year(m: re.Match[str], text: str) -> list[Hit]:
    """ "Budget 2025": Singapore's is for the fiscal year from April; elsewhere the calendar year."""
    year = int(m["y"])
    if country_of(sentence_around(text, m.start(), m.end())) == "SG":
        return [Hit(m.start(), m.end(), "year", FIXED, year=year, month=4, aligned=False)]
    return [Hit(m.start("y"), m.end(), "year", FIXED, year=year)]


def _fiscal_rel(m: re.Match[str], text: str) -> list[Hit]:
    """ "the current financial year", "next fiscal year"."""
    offset = RELATIVE_OFFSETS[m["rel"].lower()]
    sentence = sentence_around(text, m.start(), m.end())
    calendar = government_calendar(sentence)
    if calendar == CALENDAR_YEAR and m["kind"].lower() == "financial" and GOVERNMENT_RE.search(sentence):
        calendar = FiscalCalendar(SPLIT_YEAR_START)
    if calendar.start_month == 1:
        return [Hit(m.start(), m.end(), "year", DEICTIC, offset=offset)]
    return [Hit(m.start(), m.end(), "year", FISCAL_REL, month=calendar.start_month, offset=offset, aligned=False)]


def _same_period(m: re.Match[str], text: str) -> list[Hit]:
    """ "the same period last year", "the same quarter of 2024", "the year-earlier period"."""
    year = int(m["y"]) if m["y"] else None
    return [Hit(m.start(), m.end(), "year", ANAPHOR, year=year, offset=-1, mode="same")]


def _context_year(m: re.Match[str], text: str) -> list[Hit]:
    """ "full-year", "for the year", "the end of the year", "year-end": the year the sentence is about."""
    if m["end"]:  # "year-end", "by year end"
        return [Hit(m.start(), m.end(), "year", CONTEXT)]
    before = CONTEXT_YEAR_BEFORE_RE.search(text, max(0, m.start() - 20), m.start())
    if before is None:
        return []
    if before["endyear"]:  # "end-year"
        return [Hit(before.start(), m.end(), "year", CONTEXT)]
    if before["full"]:
        if _RECORD_AFTER_RE.match(text, m.end()):
            return []
        fiscal = fiscal_context(m, text)
        return [replace(fiscal, start=before.start())] if fiscal else [Hit(before.start(), m.end(), "year", CONTEXT)]
    if CONTEXT_YEAR_NOT_AFTER_RE.match(text, m.end()):
        return []  # "the year before", "the year to June", "year-on-year", "the year 2025"
    start = before.start("the")
    mode = "current" if _CURRENT_YEAR_BEFORE_RE.search(text, max(0, start - 40), start) else "tense"
    if before["lead"].lower() in _FISCAL_LEADS and (fiscal := fiscal_context(m, text)) is not None:
        return [replace(fiscal, start=start)]
    return [Hit(start, m.end(), "year", CONTEXT, mode=mode)]


def fiscal_context(m: re.Match[str], text: str, years: bool = False) -> Hit | None:
    """ "the budgeted target for the year" in a government's fiscal figures: its fiscal year, not the calendar's.

    `years`: fiscal years named in the sentence are enough ("bonds in fiscal 2024 ... the current year"); so
    they are in India and Japan, where companies keep the April year too ("cut its full-year forecast for
    the year ending March 2026").
    """
    sentence = sentence_around(text, m.start(), m.end())
    calendar = government_calendar(sentence)
    if calendar.start_month == 1:
        return None
    national = (country_of(sentence) or PUBLICATION_COUNTRY.get()) in NATIONAL_YEAR
    if not (_FISCAL_FIGURES_RE.search(sentence) or (years or national) and _FISCAL_YEARS_RE.search(sentence)):
        return None
    return Hit(m.start(), m.end(), "year", FISCAL_REL, month=calendar.start_month, aligned=False)


def _previous(m: re.Match[str], text: str) -> list[Hit]:
    """ "the previous quarter", "the following year", "the prior three months", "the day before"."""
    rel = (m.groupdict().get("rel") or "").lower()
    offset = 1 if rel in ("following", "subsequent") or (m.groupdict().get("dir") or "").lower() == "after" else -1
    if m.groupdict().get("months"):
        unit = {3: "quarter", 6: "half", 12: "year"}[_count(m["n"])]
    else:
        unit = m["unit"].lower()
    start = m.start("rel") if rel else m.start("unit")
    return [Hit(start, m.end(), unit, ANAPHOR, offset=offset)]


HANDLERS: dict[str, Handler] = {
    "month_span": _month_span,
    "month_quarter": _month_quarter,
    "month_period": _month_period,
    "fiscal_split": _fiscal_split,
    "fiscal_year": _fiscal_year,
    "fiscal_code": _fiscal_code,
    "budget_year": _budget_year,
    "fiscal_rel": _fiscal_rel,
    "half": _half,
    "half_code": _half_code,
    "half_compact": _half_code,
    "span": _span,
    "quarter": _quarter,
    "q_code": _q_code,
    "year_q_code": _q_code,
    "q_compact": _q_code,
    "same_period": _same_period,
    "context_year": _context_year,
    "previous": _previous,
    "unit_before": _previous,
}
