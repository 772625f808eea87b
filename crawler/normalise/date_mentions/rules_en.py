"""English date expressions: each pattern of `lexicon.EN_PATTERNS` turned into `Hit`s.

Handlers screen out what only looks like a date (amounts, holidays, "Long March 5" rockets,
"a total of 2025", "May" the modal) and record what each expression states; `resolve` does the
arithmetic. Days, months, weekdays and years are here; quarters, halves, runs of months, fiscal
years and "the year" in `rules_periods`.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace

from crawler.normalise.date_mentions import rules_periods
from crawler.normalise.date_mentions.lexicon import (
    DAY_BEFORE_RE,
    DEICTIC_BEFORE_RE,
    EN_PATTERNS,
    MONTH_CONTEXT_BEFORE_RE,
    MONTH_DETERMINER_BEFORE_RE,
    MONTH_REL_BEFORE_RE,
    NUMBER_WORDS,
    QUANTITY_OF,
    RANGE_END_YEAR_RE,
    RELATIVE_OFFSETS,
    SENTENCE_OPENING_BEFORE_RE,
    WEEKDAY_BLOCKERS,
    WEEKDAY_REL_BEFORE_RE,
    WEEKDAYS,
)
from crawler.normalise.date_mentions.resolve import (
    ANAPHOR,
    DEICTIC,
    FIXED,
    FLOATING,
    WEEKDAY,
    YEAR_REL,
    Hit,
    word_before,
)
from crawler.normalise.date_mentions.screens import month_number, numeric_ok, quantity_after

Handler = Callable[[re.Match[str], str], list[Hit]]
# Capitalised words before "March 5" that make it a name (China's Long March rockets).
_NAME_BEFORE_MONTH = frozenset({"long"})
# "May" opening a sentence is a month only before these ("May sales"), else the modal verb.
_POSSESSIVE_RE = re.compile(r"['’]s\b")
_NOUN_AFTER_RE = re.compile(r"\s+[a-z]")
_MAY_NOUNS_RE = re.compile(
    r"\s+(?:data|figures|sales|exports|imports|deliveries|output|inflation|prices|reading|numbers|trade|retail"
    r"|factory|industrial|new|home|car|loans|lending|payrolls|jobs|cpi|ppi|pmi)\b",
    re.I,
)


def _year_hit(m: re.Match[str], text: str, group: str = "y") -> list[Hit]:
    start, end = m.span(group)
    if not numeric_ok(text, start) or quantity_after(text, end):
        return []
    return [Hit(start, end, "year", FIXED, year=int(m[group]))]


def _full_date(m: re.Match[str], text: str) -> list[Hit]:
    month = int(m["m"]) if "m" in m.re.groupindex else month_number(m["mon"])
    if not numeric_ok(text, m.start()):
        return []
    return [Hit(m.start(), m.end(), "day", FIXED, year=int(m["y"]), month=month, day=int(m["d"]))]


def _day_month(m: re.Match[str], text: str) -> list[Hit]:
    """ "4 March", "4 March 2025", "31st of December last year" (the day is read before the month)."""
    day = DAY_BEFORE_RE.search(text, max(0, m.start() - 12), m.start())
    if day is None or not numeric_ok(text, day.start()):
        return []
    start, month = day.start(), month_number(m["mon"])
    if m["y"]:
        return [Hit(start, m.end(), "day", FIXED, year=int(m["y"]), month=month, day=int(day["d"]))]
    if m["rel"]:
        offset = RELATIVE_OFFSETS[m["rel"].lower()]
        return [Hit(start, m.end(), "day", YEAR_REL, month=month, day=int(day["d"]), offset=offset)]
    end = m.end("mon")
    if word_before(text, start) in _NAME_BEFORE_MONTH or quantity_after(text, end):
        return []
    return [_day_in_range(Hit(start, end, "day", FLOATING, month=month, day=int(day["d"])), text)]


def _month_day(m: re.Match[str], text: str) -> list[Hit]:
    if not numeric_ok(text, m.start()) or word_before(text, m.start()) in _NAME_BEFORE_MONTH:
        return []
    if quantity_after(text, m.end()):
        return []
    hit = Hit(m.start(), m.end(), "day", FLOATING, month=month_number(m["mon"]), day=int(m["d"]))
    days = _DAY_RANGE_RE.match(text, m.end())
    if days is not None and int(days["d2"]) > int(m["d"]):  # "its December 9-10 meeting": by the last day
        if days["y"]:
            return [replace(hit, end=days.end(), kind=FIXED, year=int(days["y"]))]
        return [replace(hit, end=days.end("d2"), end_day=int(days["d2"]))]
    return [_day_in_range(hit, text)]


_DAY_RANGE_RE = re.compile(r"[-–](?P<d2>3[01]|[12]\d|0?[1-9])\b(?![.,]?\d|\s*(?:%|per))(?:,?\s+(?P<y>\d{4})\b)?")


def _day_in_range(hit: Hit, text: str) -> Hit:
    """ "from 1 March to 30 April 2025": a day without a year takes the year of the range's end."""
    end = RANGE_END_YEAR_RE.match(text, hit.end)
    if end is None or hit.month is None:
        return hit
    end_month = month_number(end["mon"] or end["mon2"])
    return replace(hit, kind=FIXED, year=int(end["y"]) - (1 if hit.month > end_month else 0))


def _weekday_date(m: re.Match[str], text: str) -> list[Hit]:
    month, day, weekday = month_number(m["mon"]), int(m["d"]), WEEKDAYS[m["wd"]]
    if m["y"]:
        return [Hit(m.start(), m.end(), "day", FIXED, year=int(m["y"]), month=month, day=day)]
    return [Hit(m.start(), m.end(), "day", FLOATING, month=month, day=day, weekday=weekday)]


def _date_rel_year(m: re.Match[str], text: str) -> list[Hit]:
    offset = RELATIVE_OFFSETS[m["rel"].lower()]
    month = month_number(m["mon"])
    return [Hit(m.start(), m.end(), "day", YEAR_REL, month=month, day=int(m["d"]), offset=offset)]


def _month_year(m: re.Match[str], text: str) -> list[Hit]:
    if quantity_after(text, m.end()):
        return []
    return [Hit(m.start(), m.end(), "month", FIXED, year=int(m["y"]), month=month_number(m["mon"]))]


def _month_rel_year(m: re.Match[str], text: str) -> list[Hit]:
    offset = RELATIVE_OFFSETS[m["rel"].lower()]
    return [Hit(m.start(), m.end(), "month", YEAR_REL, month=month_number(m["mon"]), offset=offset)]


def _month_word(m: re.Match[str], text: str) -> list[Hit]:
    """A month name alone, kept only where it reads as a month (never "May" the modal, "June Tan")."""
    start, end = m.span("mon")
    month = month_number(m["mon"])
    before = max(0, start - 40)
    rel = MONTH_REL_BEFORE_RE.search(text, before, start)
    if rel:  # "last March", "next May"
        return [Hit(rel.start("rel"), end, "month", FLOATING, month=month, mode=rel["rel"].lower())]
    alone = [Hit(start, end, "month", FLOATING, month=month)]
    if _POSSESSIVE_RE.match(text, end) or MONTH_CONTEXT_BEFORE_RE.search(text, before, start):
        return alone  # "March's data", "in March", "since early March"
    noun_after = _NOUN_AFTER_RE.match(text, end)
    if noun_after and MONTH_DETERMINER_BEFORE_RE.search(text, before, start):
        return alone  # "the March meeting", "the Fed's March decision"
    if noun_after and SENTENCE_OPENING_BEFORE_RE.search(text, max(0, start - 2), start):
        if m["mon"] != "May" or _MAY_NOUNS_RE.match(text, end):
            return alone  # "December deliveries fell"
    return []


def _month_pair(m: re.Match[str], text: str) -> list[Hit]:
    first, last = month_number(m["mon"]), month_number(m["mon2"])
    months = (last - first) % 12 + 1
    return [
        Hit(*m.span("mon"), "month", FLOATING, month=first, end_month=last, months=months),
        Hit(*m.span("mon2"), "month", FLOATING, month=last),
    ]


def _year_range(m: re.Match[str], text: str) -> list[Hit]:
    first = int(m["y"])
    second = int(m["y2"]) if len(m["y2"]) == 4 else first // 100 * 100 + int(m["y2"])
    if not (first < second <= first + 50) or not numeric_ok(text, m.start()):
        return []
    if quantity_after(text, m.end()):
        return []
    return [Hit(*m.span("y"), "year", FIXED, year=first), Hit(*m.span("y2"), "year", FIXED, year=second)]


def _year_context(m: re.Match[str], text: str) -> list[Hit]:
    lead = m[0][: m.start("y") - m.start()].strip().lower()
    if lead.startswith("of") and word_before(text, m.start()) in QUANTITY_OF:
        return []
    return _year_hit(m, text)


def _year_determiner(m: re.Match[str], text: str) -> list[Hit]:
    return _year_hit(m, text)


def _deictic(m: re.Match[str], text: str) -> list[Hit]:
    """ "last year", "this quarter", "the coming month", "the next quarter" (a calendar quarter; not "the
    last year" nor "the next year": twelve months from now)."""
    before = DEICTIC_BEFORE_RE.search(text, max(0, m.start() - 20), m.start())
    if before is None:
        return []
    rel = before["rel"].lower()
    if before["the"] and rel in ("last", "this", "next") and not (rel == "next" and m["unit"].lower() == "quarter"):
        return []
    if rel == "current" and m["unit"].lower() == "year":  # "the current year" beside fiscal figures or years
        fiscal = rules_periods.fiscal_context(m, text, years=True)
        if fiscal is not None:
            return [replace(fiscal, start=before.start("rel"))]
    return [Hit(before.start("rel"), m.end(), m["unit"].lower(), DEICTIC, offset=RELATIVE_OFFSETS[rel])]


def _ago(m: re.Match[str], text: str) -> list[Hit]:
    n = int(m["n"]) if m["n"].isdigit() else NUMBER_WORDS[m["n"].lower()]
    unit = m["unit"].lower().rstrip("s")
    direction = m["dir"].lower()
    if direction == "ago":
        return [Hit(m.start(), m.end(), unit, DEICTIC, offset=-n)]
    return [Hit(m.start(), m.end(), unit, ANAPHOR, offset=n if direction == "later" else -n)]


_DAY_WORDS = {"yesterday": -1, "today": 0, "tonight": 0, "tomorrow": 1}


def _day_word(m: re.Match[str], text: str) -> list[Hit]:
    word = m["w"].lower()
    return [Hit(m.start(), m.end(), "day", DEICTIC, offset=_DAY_WORDS.get(word, 0))]


def _weekday(m: re.Match[str], text: str) -> list[Hit]:
    """ "on Tuesday", "last Tuesday", "this Friday" (not "Black Friday")."""
    before = WEEKDAY_REL_BEFORE_RE.search(text, max(0, m.start() - 10), m.start())
    rel = before["rel"].lower() if before else ""
    if not rel and word_before(text, m.start()) in WEEKDAY_BLOCKERS:
        return []
    mode = {"last": "last", "next": "next", "coming": "next", "this": "week0"}.get(rel, "tense")
    start = before.start("rel") if before else m.start()
    return [Hit(start, m.end(), "day", WEEKDAY, weekday=WEEKDAYS[m["wd"]], mode=mode)]


def _weekday_week(m: re.Match[str], text: str) -> list[Hit]:
    """ "Wednesday next week": that day of the next ISO week."""
    week = RELATIVE_OFFSETS[m["rel"].lower()]
    return [Hit(m.start(), m.end(), "day", WEEKDAY, weekday=WEEKDAYS[m["wd"]], mode=f"week{week}")]


_HANDLERS: dict[str, Handler] = {
    "iso": _full_date,
    "month_day_year": _full_date,
    "day_month": _day_month,
    "month_day": _month_day,
    "month_year": _month_year,
    "weekday_month_day": _weekday_date,
    "weekday_day_month": _weekday_date,
    "month_day_rel_year": _date_rel_year,
    "month_rel_year": _month_rel_year,
    "month_pair": _month_pair,
    "month_word": _month_word,
    "year_range": _year_range,
    "year_context": _year_context,
    "year_possessive": _year_hit,
    "year_level": _year_hit,
    "year_determiner": _year_determiner,
    "year_leading": _year_hit,
    "deictic": _deictic,
    "ago": _ago,
    "day_word": _day_word,
    "weekday": _weekday,
    "weekday_week": _weekday_week,
    **rules_periods.HANDLERS,
}
RULES: tuple[tuple[str, re.Pattern[str], Handler], ...] = tuple(
    (trigger, re.compile(pattern), _HANDLERS[name]) for name, trigger, pattern in EN_PATTERNS
)
