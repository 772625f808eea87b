"""Chinese date expressions (simplified and traditional): `lexicon.ZH_PATTERNS` turned into `Hit`s.

Counts that look like dates are screened by the character before the number ("前三季度" is the
first three quarters, "近30日" the last thirty days, "每周一" every Monday).
"""

from __future__ import annotations

import re
from collections.abc import Callable

from crawler.normalise.date_mentions.lexicon_zh import (
    ZH_COUNT_BEFORE,
    ZH_DEICTIC,
    ZH_NUMBERS,
    ZH_PATTERNS,
    ZH_REL_WEEKS,
    ZH_REL_YEARS,
    ZH_WEEKDAYS,
)
from crawler.normalise.date_mentions.resolve import (
    ANAPHOR,
    DAY_OF_MONTH,
    DEICTIC,
    FIXED,
    FLOATING,
    WEEKDAY,
    YEAR_REL,
    Hit,
)

Handler = Callable[[re.Match[str], str], list[Hit]]


def _counted(text: str, start: int) -> bool:
    """True when the character before `start` makes the number a count."""
    return start > 0 and text[start - 1] in ZH_COUNT_BEFORE


def _month_ok(month: int) -> bool:
    return 1 <= month <= 12


def _ymd(m: re.Match[str], text: str) -> list[Hit]:
    return [Hit(m.start(), m.end(), "day", FIXED, year=int(m["y"]), month=int(m["m"]), day=int(m["d"]))]


def _ym(m: re.Match[str], text: str) -> list[Hit]:
    if not _month_ok(int(m["m"])):
        return []
    return [Hit(m.start(), m.end(), "month", FIXED, year=int(m["y"]), month=int(m["m"]))]


def _rel_md(m: re.Match[str], text: str) -> list[Hit]:
    offset = ZH_REL_YEARS[m["rel"]]
    return [Hit(m.start(), m.end(), "day", YEAR_REL, month=int(m["m"]), day=int(m["d"]), offset=offset)]


def _rel_m(m: re.Match[str], text: str) -> list[Hit]:
    if not _month_ok(int(m["m"])):
        return []
    return [Hit(m.start(), m.end(), "month", YEAR_REL, month=int(m["m"]), offset=ZH_REL_YEARS[m["rel"]])]


def _md(m: re.Match[str], text: str) -> list[Hit]:
    if _counted(text, m.start()) or not _month_ok(int(m["m"])):
        return []
    return [Hit(m.start(), m.end(), "day", FLOATING, month=int(m["m"]), day=int(m["d"]))]


def _m(m: re.Match[str], text: str) -> list[Hit]:
    if _counted(text, m.start()) or not _month_ok(int(m["m"])):
        return []
    end_month = int(m["m2"]) if m["m2"] and _month_ok(int(m["m2"])) else None
    return [Hit(m.start(), m.end(), "month", FLOATING, month=int(m["m"]), end_month=end_month)]


def _quarter(m: re.Match[str], text: str) -> list[Hit]:
    quarter = ZH_NUMBERS[m["q"]]
    if m["y"]:
        return [Hit(m.start(), m.end(), "quarter", FIXED, year=int(m["y"]), quarter=quarter)]
    if m["rel"]:
        offset = ZH_REL_YEARS[m["rel"]]
        return [Hit(m.start(), m.end(), "quarter", YEAR_REL, quarter=quarter, offset=offset)]
    if _counted(text, m.start()):
        return []
    return [Hit(m.start(), m.end(), "quarter", FLOATING, quarter=quarter)]


def _year_range(m: re.Match[str], text: str) -> list[Hit]:
    first, second = int(m["y"]), int(m["y2"])
    if not first < second <= first + 50:
        return []
    return [
        Hit(*m.span("y"), "year", FIXED, year=first),
        Hit(m.start("y2"), m.end(), "year", FIXED, year=second),
    ]


def _year(m: re.Match[str], text: str) -> list[Hit]:
    return [Hit(m.start(), m.end(), "year", FIXED, year=int(m["y"]))]


def _weekday(m: re.Match[str], text: str) -> list[Hit]:
    weekday = ZH_WEEKDAYS[m["wd"]]
    if m["rel"]:
        mode = f"week{ZH_REL_WEEKS[m['rel']]}"
        return [Hit(m.start(), m.end(), "day", WEEKDAY, weekday=weekday, mode=mode)]
    if _counted(text, m.start()):
        return []
    return [Hit(m.start(), m.end(), "day", WEEKDAY, weekday=weekday)]


def _day(m: re.Match[str], text: str) -> list[Hit]:
    if _counted(text, m.start()):
        return []
    return [Hit(m.start(), m.end(), "day", DAY_OF_MONTH, day=int(m["d"]))]


def _deictic(m: re.Match[str], text: str) -> list[Hit]:
    granularity, offset, anaphoric = ZH_DEICTIC[m["w"]]
    return [Hit(m.start(), m.end(), granularity, ANAPHOR if anaphoric else DEICTIC, offset=offset)]


_HANDLERS: dict[str, Handler] = {
    "zh_ymd": _ymd,
    "zh_ym": _ym,
    "zh_rel_md": _rel_md,
    "zh_rel_m": _rel_m,
    "zh_md": _md,
    "zh_m": _m,
    "zh_quarter": _quarter,
    "zh_year_range": _year_range,
    "zh_year": _year,
    "zh_weekday": _weekday,
    "zh_day": _day,
    "zh_deictic": _deictic,
}
RULES: tuple[tuple[re.Pattern[str], Handler], ...] = tuple(
    (re.compile(pattern), _HANDLERS[name]) for name, pattern in ZH_PATTERNS
)
