"""Chinese date expressions (simplified and traditional): `lexicon_zh.ZH_PATTERNS` turned into `Hit`s.

Counts that look like dates are screened by the character before the number ("前三季度" as a
quarter count, "近30日" the last thirty days, "每周一" every Monday); "前三季度", "今年前两个月" and
"1-8月" are one period each, dated by January; "2025/26年度" is a fiscal year; "全年" is the year
the sentence is about.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from crawler.normalise.date_mentions.fiscal import government_calendar
from crawler.normalise.date_mentions.lexicon_zh import (
    ZH_COUNT_BEFORE,
    ZH_COUNTS,
    ZH_DEICTIC,
    ZH_FISCAL_OFFSETS,
    ZH_NUMBERS,
    ZH_PATTERNS,
    ZH_REL_WEEKS,
    ZH_REL_YEARS,
    ZH_WEEKDAYS,
)
from crawler.normalise.date_mentions.resolve import (
    ANAPHOR,
    CONTEXT,
    DAY_OF_MONTH,
    DEICTIC,
    FISCAL_REL,
    FIXED,
    FLOATING,
    WEEKDAY,
    YEAR_REL,
    Hit,
)
from crawler.normalise.date_mentions.screens import sentence_around

Handler = Callable[[re.Match[str], str], list[Hit]]
_WHOLE_YEAR = "全年"


def _counted(text: str, start: int) -> bool:
    """True when the character before `start` makes the number a count."""
    return start > 0 and text[start - 1] in ZH_COUNT_BEFORE


def _month_ok(month: int) -> bool:
    return 1 <= month <= 12


def _run_granularity(first: int, months: int) -> str:
    if months == 3 and first in (1, 4, 7, 10):
        return "quarter"
    if months == 6 and first in (1, 7):
        return "half"
    if months == 12 and first == 1:
        return "year"
    return "month"


def _months(m: re.Match[str]) -> tuple[int, int, str] | None:
    """(first month, length, granularity) of "3月" or "1-8月"; None when not months."""
    first = int(m["m"])
    last = int(m["m2"]) if m["m2"] else first
    if not (_month_ok(first) and _month_ok(last)) or last < first:
        return None
    length = last - first + 1
    return first, length, _run_granularity(first, length)


def _whole_year_end(text: str, end: int) -> int:
    """ "2024年全年", "去年全年": the year mention takes in "全年"."""
    return end + len(_WHOLE_YEAR) if text.startswith(_WHOLE_YEAR, end) else end


def _ymd(m: re.Match[str], text: str) -> list[Hit]:
    return [Hit(m.start(), m.end(), "day", FIXED, year=int(m["y"]), month=int(m["m"]), day=int(m["d"]))]


def _ym(m: re.Match[str], text: str) -> list[Hit]:
    run = _months(m)
    if run is None:
        return []
    first, length, granularity = run
    months = length if granularity == "month" and length > 1 else None
    return [Hit(m.start(), m.end(), granularity, FIXED, year=int(m["y"]), month=first, months=months)]


def _rel_md(m: re.Match[str], text: str) -> list[Hit]:
    offset = ZH_REL_YEARS[m["rel"]]
    return [Hit(m.start(), m.end(), "day", YEAR_REL, month=int(m["m"]), day=int(m["d"]), offset=offset)]


def _rel_m(m: re.Match[str], text: str) -> list[Hit]:
    run = _months(m)
    if run is None:
        return []
    first, length, granularity = run
    months = length if granularity == "month" and length > 1 else None
    offset = ZH_REL_YEARS[m["rel"]]
    return [Hit(m.start(), m.end(), granularity, YEAR_REL, month=first, months=months, offset=offset)]


def _md(m: re.Match[str], text: str) -> list[Hit]:
    if _counted(text, m.start()) or not _month_ok(int(m["m"])):
        return []
    return [Hit(m.start(), m.end(), "day", FLOATING, month=int(m["m"]), day=int(m["d"]))]


def _m(m: re.Match[str], text: str) -> list[Hit]:
    run = None if _counted(text, m.start()) else _months(m)
    if run is None:
        return []
    first, length, granularity = run
    if length == 1:
        return [Hit(m.start(), m.end(), "month", FLOATING, month=first)]
    return [Hit(m.start(), m.end(), granularity, FLOATING, month=first, end_month=first + length - 1, months=length)]


def _quarter(m: re.Match[str], text: str) -> list[Hit]:
    month = 3 * ZH_NUMBERS[m["q"]] - 2
    if m["y"]:
        return [Hit(m.start(), m.end(), "quarter", FIXED, year=int(m["y"]), month=month)]
    if m["rel"]:
        offset = ZH_REL_YEARS[m["rel"]]
        return [Hit(m.start(), m.end(), "quarter", YEAR_REL, month=month, offset=offset)]
    if _counted(text, m.start()):
        return []
    return [Hit(m.start(), m.end(), "quarter", FLOATING, month=month)]


def _fiscal_split(m: re.Match[str], text: str) -> list[Hit]:
    """ "2025/26年度", "2024-25财年": one fiscal year (April unless the sentence says otherwise)."""
    first = int(m["y"])
    second = int(m["y2"]) if len(m["y2"]) == 4 else first // 100 * 100 + int(m["y2"])
    if second != first + 1 or (len(m["y2"]) == 4 and m["suffix"] == "年"):
        return []
    month = government_calendar(sentence_around(text, m.start(), m.end()), split=True).start_month
    return [Hit(m.start(), m.end(), "year", FIXED, year=first, month=month, aligned=False)]


def _fiscal_rel(m: re.Match[str], text: str) -> list[Hit]:
    """ "本财政年度", "下财年": the fiscal year of the sentence's calendar, counted from the publication date."""
    offset = ZH_FISCAL_OFFSETS[m["rel"]]
    month = government_calendar(sentence_around(text, m.start(), m.end())).start_month
    return [Hit(m.start(), m.end(), "year", FISCAL_REL, month=month, offset=offset, aligned=month == 1)]


def _part_of_year(m: re.Match[str], text: str, first: int, months: int, granularity: str) -> list[Hit]:
    """A period of a year named before it ("2024年", "今年") or of no year."""
    length = None if months == {"quarter": 3, "half": 6, "year": 12}.get(granularity, 1) else months
    if m["y"]:
        return [Hit(m.start(), m.end(), granularity, FIXED, year=int(m["y"]), month=first, months=length)]
    if m["rel"]:
        offset = ZH_REL_YEARS[m["rel"]]
        return [Hit(m.start(), m.end(), granularity, YEAR_REL, month=first, months=length, offset=offset)]
    return [Hit(m.start(), m.end(), granularity, FLOATING, month=first, months=length)]


def _half(m: re.Match[str], text: str) -> list[Hit]:
    return _part_of_year(m, text, 1 if m["h"] == "上" else 7, 6, "half")


def _span(m: re.Match[str], text: str) -> list[Hit]:
    """ "前三季度", "今年前两个月", "前10个月": from January."""
    count = ZH_COUNTS[m["n"]]
    quarters = m["unit"] == "季度"
    months = 3 * count if quarters else count
    if not 2 <= months <= 12:
        return []
    granularity = "quarter" if quarters and count == 3 else _run_granularity(1, months)
    return _part_of_year(m, text, 1, months, granularity)


def _same_period(m: re.Match[str], text: str) -> list[Hit]:
    return [Hit(m.start(), m.end(), "year", ANAPHOR, offset=-1, mode="same")]


def _context_year(m: re.Match[str], text: str) -> list[Hit]:
    mode = "current" if m["w"] == "年初" else "tense"
    return [Hit(m.start(), m.end(), "year", CONTEXT, mode=mode)]


def _year_range(m: re.Match[str], text: str) -> list[Hit]:
    first, second = int(m["y"]), int(m["y2"])
    if not first < second <= first + 50:
        return []
    return [
        Hit(*m.span("y"), "year", FIXED, year=first),
        Hit(m.start("y2"), m.end(), "year", FIXED, year=second),
    ]


def _year(m: re.Match[str], text: str) -> list[Hit]:
    return [Hit(m.start(), _whole_year_end(text, m.end()), "year", FIXED, year=int(m["y"]))]


def _weekday(m: re.Match[str], text: str) -> list[Hit]:
    weekday = ZH_WEEKDAYS[m["wd"]]
    if m["rel"]:
        mode = f"week{ZH_REL_WEEKS[m['rel']]}"
        return [Hit(m.start(), m.end(), "day", WEEKDAY, weekday=weekday, mode=mode)]
    if _counted(text, m.start()):
        return []
    return [Hit(m.start(), m.end(), "day", WEEKDAY, weekday=weekday)]


def _day(m: re.Match[str], text: str) -> list[Hit]:
    if _counted(text, m.start()) or text[max(0, m.start() - 2) : m.start()] == "每月":
        return []
    return [Hit(m.start(), m.end(), "day", DAY_OF_MONTH, day=int(m["d"]))]


def _deictic(m: re.Match[str], text: str) -> list[Hit]:
    granularity, offset, anaphoric = ZH_DEICTIC[m["w"]]
    end = _whole_year_end(text, m.end()) if granularity == "year" else m.end()
    return [Hit(m.start(), end, granularity, ANAPHOR if anaphoric else DEICTIC, offset=offset)]


_HANDLERS: dict[str, Handler] = {
    "zh_ymd": _ymd,
    "zh_ym": _ym,
    "zh_rel_md": _rel_md,
    "zh_rel_m": _rel_m,
    "zh_md": _md,
    "zh_m": _m,
    "zh_quarter": _quarter,
    "zh_fiscal_split": _fiscal_split,
    "zh_fiscal_rel": _fiscal_rel,
    "zh_half": _half,
    "zh_span": _span,
    "zh_same_period": _same_period,
    "zh_context_year": _context_year,
    "zh_year_range": _year_range,
    "zh_year": _year,
    "zh_weekday": _weekday,
    "zh_day": _day,
    "zh_deictic": _deictic,
}
RULES: tuple[tuple[str, re.Pattern[str], Handler], ...] = tuple(
    ("zh", re.compile(pattern), _HANDLERS[name]) for name, pattern in ZH_PATTERNS
)
