"""English date expressions: each pattern of `lexicon.EN_PATTERNS` turned into `Hit`s.

Handlers screen out what only looks like a date (amounts, holidays, "Long March 5" rockets,
"a total of 2025") and record what each expression states; `resolve` does the arithmetic.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from crawler.dates.month_names import MONTHS
from crawler.normalise.date_mentions.lexicon import (
    BLOCKED_BEFORE_RE,
    EN_PATTERNS,
    NUMBER_WORDS,
    ORDINALS,
    QUANTITY_AFTER_RE,
    QUANTITY_OF,
    RELATIVE_OFFSETS,
    WEEKDAY_BLOCKERS,
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

Handler = Callable[[re.Match[str], str], list[Hit]]
# Capitalised words before "March 5" that make it a name (China's Long March rockets).
_NAME_BEFORE_MONTH = frozenset({"long"})


def _month(token: str) -> int:
    return MONTHS[token.rstrip(".").lower()]


def _numeric_ok(text: str, start: int) -> bool:
    """A number at `start` that is not part of a larger number, an amount or a code."""
    if start > 0 and (text[start - 1].isdigit() or text[start - 1] in ".,"):
        return False
    return not BLOCKED_BEFORE_RE.search(text[max(0, start - 6) : start])


def _quantity_after(text: str, end: int) -> bool:
    return bool(QUANTITY_AFTER_RE.match(text, end))


def _year_hit(m: re.Match[str], text: str, group: str = "y") -> list[Hit]:
    start, end = m.span(group)
    if not _numeric_ok(text, start) or _quantity_after(text, end):
        return []
    return [Hit(start, end, "year", FIXED, year=int(m[group]))]


def _full_date(m: re.Match[str], text: str) -> list[Hit]:
    month = int(m["m"]) if "m" in m.re.groupindex else _month(m["mon"])
    if not _numeric_ok(text, m.start()):
        return []
    return [Hit(m.start(), m.end(), "day", FIXED, year=int(m["y"]), month=month, day=int(m["d"]))]


def _day_month(m: re.Match[str], text: str) -> list[Hit]:
    if not _numeric_ok(text, m.start()) or word_before(text, m.start()) in _NAME_BEFORE_MONTH:
        return []
    if _quantity_after(text, m.end()):
        return []
    return [Hit(m.start(), m.end(), "day", FLOATING, month=_month(m["mon"]), day=int(m["d"]))]


def _weekday_date(m: re.Match[str], text: str) -> list[Hit]:
    month, day, weekday = _month(m["mon"]), int(m["d"]), WEEKDAYS[m["wd"]]
    if m["y"]:
        return [Hit(m.start(), m.end(), "day", FIXED, year=int(m["y"]), month=month, day=day)]
    return [Hit(m.start(), m.end(), "day", FLOATING, month=month, day=day, weekday=weekday)]


def _date_rel_year(m: re.Match[str], text: str) -> list[Hit]:
    offset = RELATIVE_OFFSETS[m["rel"].lower()]
    return [Hit(m.start(), m.end(), "day", YEAR_REL, month=_month(m["mon"]), day=int(m["d"]), offset=offset)]


def _month_year(m: re.Match[str], text: str) -> list[Hit]:
    if _quantity_after(text, m.end()):
        return []
    return [Hit(m.start(), m.end(), "month", FIXED, year=int(m["y"]), month=_month(m["mon"]))]


def _month_rel_year(m: re.Match[str], text: str) -> list[Hit]:
    offset = RELATIVE_OFFSETS[m["rel"].lower()]
    return [Hit(m.start(), m.end(), "month", YEAR_REL, month=_month(m["mon"]), offset=offset)]


def _rel_month(m: re.Match[str], text: str) -> list[Hit]:
    return [Hit(m.start(), m.end(), "month", FLOATING, month=_month(m["mon"]), mode=m["rel"].lower())]


def _month_alone(m: re.Match[str], text: str) -> list[Hit]:
    return [Hit(*m.span("mon"), "month", FLOATING, month=_month(m["mon"]))]


def _month_range(m: re.Match[str], text: str) -> list[Hit]:
    first, last = _month(m["mon"]), _month(m["mon2"])
    return [
        Hit(*m.span("mon"), "month", FLOATING, month=first, end_month=last),
        Hit(*m.span("mon2"), "month", FLOATING, month=last),
    ]


def _month_quarter(m: re.Match[str], text: str) -> list[Hit]:
    """ "the September quarter": the quarter that month falls in."""
    return [Hit(m.start(), m.end(), "quarter", FLOATING, quarter=(_month(m["mon"]) - 1) // 3 + 1)]


def _quarter_parts(m: re.Match[str], quarter: int, text: str) -> list[Hit]:
    groups = m.groupdict()
    if groups.get("y"):
        if _quantity_after(text, m.end()):
            return []
        return [Hit(m.start(), m.end(), "quarter", FIXED, year=int(groups["y"]), quarter=quarter)]
    if groups.get("yy"):
        return [Hit(m.start(), m.end(), "quarter", FIXED, year=2000 + int(groups["yy"]), quarter=quarter)]
    if groups.get("rel") or groups.get("this"):
        offset = RELATIVE_OFFSETS[groups["rel"].lower()] if groups.get("rel") else 0
        return [Hit(m.start(), m.end(), "quarter", YEAR_REL, quarter=quarter, offset=offset)]
    return [Hit(m.start(), m.end(), "quarter", FLOATING, quarter=quarter)]


def _quarter(m: re.Match[str], text: str) -> list[Hit]:
    ordinal = m["ord"].lower()
    if ordinal == "last" and not (m["y"] or m["rel"] or m["this"]):
        return [Hit(m.start(), m.end(), "quarter", DEICTIC, offset=-1)]  # "last quarter"
    return _quarter_parts(m, ORDINALS[ordinal], text)


def _q_code(m: re.Match[str], text: str) -> list[Hit]:
    if "y" in m.re.groupindex and m["y"] and m.start("y") < m.start("q") and not _numeric_ok(text, m.start()):
        return []
    return _quarter_parts(m, int(m["q"]), text)


def _year_range(m: re.Match[str], text: str) -> list[Hit]:
    first = int(m["y"])
    second = int(m["y2"]) if len(m["y2"]) == 4 else first // 100 * 100 + int(m["y2"])
    if not (first < second <= first + 50) or not _numeric_ok(text, m.start()):
        return []
    if _quantity_after(text, m.end()):
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
    rel = m["rel"].lower()
    if m[0][:3].lower() == "the" and rel in ("last", "this", "next"):
        return []  # "the last year" is the past twelve months or a final year
    start = m.start("rel")
    return [Hit(start, m.end(), m["unit"].lower(), DEICTIC, offset=RELATIVE_OFFSETS[rel])]


def _ago(m: re.Match[str], text: str) -> list[Hit]:
    n = int(m["n"]) if m["n"].isdigit() else NUMBER_WORDS[m["n"].lower()]
    unit = m["unit"].lower().rstrip("s")
    direction = m["dir"].lower()
    if direction == "ago":
        return [Hit(m.start(), m.end(), unit, DEICTIC, offset=-n)]
    return [Hit(m.start(), m.end(), unit, ANAPHOR, offset=n if direction == "later" else -n)]


def _previous(m: re.Match[str], text: str) -> list[Hit]:
    start = m.start("rel") if "rel" in m.re.groupindex else m.start("unit")
    return [Hit(start, m.end(), m["unit"].lower(), ANAPHOR, offset=-1)]


_DAY_WORDS = {"yesterday": -1, "today": 0, "tonight": 0, "tomorrow": 1}


def _day_word(m: re.Match[str], text: str) -> list[Hit]:
    word = m["w"].lower()
    return [Hit(m.start(), m.end(), "day", DEICTIC, offset=_DAY_WORDS.get(word, 0))]


def _weekday(m: re.Match[str], text: str) -> list[Hit]:
    rel = (m["rel"] or "").lower()
    if not rel and word_before(text, m.start()) in WEEKDAY_BLOCKERS:
        return []
    mode = {"last": "last", "next": "next", "coming": "next", "this": "week0"}.get(rel, "tense")
    return [Hit(m.start(), m.end(), "day", WEEKDAY, weekday=WEEKDAYS[m["wd"]], mode=mode)]


_HANDLERS: dict[str, Handler] = {
    "iso": _full_date,
    "day_month_year": _full_date,
    "month_day_year": _full_date,
    "day_month": _day_month,
    "month_day": _day_month,
    "month_year": _month_year,
    "weekday_month_day": _weekday_date,
    "weekday_day_month": _weekday_date,
    "month_day_rel_year": _date_rel_year,
    "day_month_rel_year": _date_rel_year,
    "month_rel_year": _month_rel_year,
    "rel_month": _rel_month,
    "month_range": _month_range,
    "month_context": _month_alone,
    "month_possessive": _month_alone,
    "month_quarter": _month_quarter,
    "month_determiner": _month_alone,
    "quarter": _quarter,
    "q_code": _q_code,
    "year_q_code": _q_code,
    "q_compact": _q_code,
    "year_range": _year_range,
    "year_context": _year_context,
    "year_fy": _year_hit,
    "year_possessive": _year_hit,
    "year_determiner": _year_determiner,
    "year_leading": _year_hit,
    "deictic": _deictic,
    "ago": _ago,
    "previous": _previous,
    "unit_before": _previous,
    "day_word": _day_word,
    "weekday": _weekday,
}
RULES: tuple[tuple[re.Pattern[str], Handler], ...] = tuple(
    (re.compile(pattern), _HANDLERS[name]) for name, pattern in EN_PATTERNS
)
