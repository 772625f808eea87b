"""Numbers with a unit that can be an indicator figure: per cent, percentage points, basis points,
index levels (PMI) and the article's money amounts (from its `amounts` entries)."""

from __future__ import annotations

import re
from dataclasses import dataclass

_NUM = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
def _sign(name: str = "sign") -> str:
    return rf"(?P<{name}>[-−–](?=\d)|minus |negative )?"


_SIGN = _sign()
# (unit, pattern); earlier patterns win where they overlap ("percentage points" before "per cent").
_PATTERNS_EN: tuple[tuple[str, str], ...] = (
    ("percentage_points", rf"{_SIGN}(?P<num>{_NUM})(?:\s|-)?(?:percentage|percent|per cent)(?:\s|-)points?|{_sign('sign2')}(?P<num2>{_NUM})\s?(?:ppts?|pp)\b"),
    ("percentage_points_words", r"(?P<words>half a|a half|a quarter of a|a quarter|three quarters of a) percentage[ -]points?"),
    ("basis_points", rf"{_SIGN}(?P<num>{_NUM})(?:\s|-)?(?:basis(?:\s|-)points?|bps|bp)\b"),
    ("percent", rf"{_SIGN}(?P<num>{_NUM})\s?(?:%|per\s?cent\b|percent\b|pc\b)"),
    ("index_points", r"(?P<num>\d{2}(?:\.\d{1,2})?)(?![\d%]|[.,]\d|-(?:point|year|day|month|week)|th\b|\s?(?:per|percent|pc|billion|million|trillion|bn|mn|yuan|dollars|cities|points?|years|months|days|per cent|mark|threshold|line))"),
    ("index_change", r"(?P<num>\d(?:\.\d{1,2})?)\s?(?:points?|pts)\b"),
)
_PATTERNS_ZH: tuple[tuple[str, str], ...] = (
    ("percentage_points", rf"{_SIGN}(?P<num>{_NUM})个百分点"),
    ("basis_points", rf"{_SIGN}(?P<num>{_NUM})个基点|{_sign('sign2')}(?P<num2>{_NUM})(?:bp|BP|bps)"),
    ("percent", rf"{_SIGN}(?P<num>{_NUM})\s?(?:%|％|厘)(?P<hedge>左右|上下)?"),
    ("index_points", r"(?P<num>\d{2}(?:\.\d{1,2})?)(?![\d%％个亿万元]|[.,]\d)"),
)
_WORDS = {"half a": 0.5, "a half": 0.5, "a quarter of a": 0.25, "a quarter": 0.25, "three quarters of a": 0.75}
_COMPILED = {lang: tuple((unit, re.compile(p)) for unit, p in table)
             for lang, table in (("en", _PATTERNS_EN), ("zh", _PATTERNS_ZH))}


@dataclass
class Value:
    """A number with its unit, where it is in the field, and whether a minus sign was printed."""

    value: float
    unit: str
    start: int
    end: int
    text: str
    printed_negative: bool = False
    currency: str | None = None


def find_values(text: str, lo: int, hi: int, family: str) -> list[Value]:
    """Values in `text[lo:hi]` (offsets in `text`), longest unit match first, none overlapping."""
    found: list[Value] = []
    taken: list[tuple[int, int]] = []
    for unit, pattern in _COMPILED[family]:
        for m in pattern.finditer(text, lo, hi):
            if any(m.start() < e and s < m.end() for s, e in taken):
                continue
            if unit == "percentage_points_words":
                value, unit_name = _WORDS[m.group("words").lower()], "percentage_points"
            else:
                groups = m.groupdict()
                num = groups.get("num") or groups.get("num2")
                if num is None:
                    continue
                value, unit_name = float(num.replace(",", "")), "index_points" if unit == "index_change" else unit
                if unit in ("index_points", "index_change") and not _plausible_index(text, m.start(), m.end(), unit):
                    continue
            sign = (m.groupdict().get("sign") or m.groupdict().get("sign2") or "").strip()
            negative = bool(sign)
            if negative:
                value = -value
            found.append(Value(value, unit_name, m.start(), m.end(), m.group(), negative))
            taken.append((m.start(), m.end()))
    return sorted(found, key=lambda v: v.start)


def _plausible_index(text: str, start: int, end: int, unit: str) -> bool:
    before = text[max(0, start - 1):start]
    if before and ((before.isascii() and before.isalnum()) or before in ".,$¥€£-/:"):
        return False
    if unit == "index_change":
        return True
    return 30 <= float(text[start:end]) <= 70
