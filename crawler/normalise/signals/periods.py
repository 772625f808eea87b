"""The period a figure refers to: the article's date mentions, plus the forms they do not resolve
(year to date, halves, fiscal years), each as the first day of the period and its granularity."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from crawler.normalise.signals.prefilter import Prefiltered, fold

_NUMBERS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
            "ten": 10, "eleven": 11, "twelve": 12, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6,
            "七": 7, "八": 8, "九": 9, "十": 10, "十一": 11, "十二": 12}
_YEAR = r"(?:(?P<y>\d{4})年?)?"
_SPECIAL = (
    ("ytd_month", Prefiltered.compile(r"first (?P<n>\d{1,2}|two|three|four|five|six|seven|eight|nine|ten|eleven) months(?: of (?:the year|(?P<y>\d{4})|this year|last year))?", re.I)),
    ("ytd_quarter", Prefiltered.compile(r"first (?P<n>two|three) quarters(?: of (?:the year|(?P<y>\d{4})|this year|last year))?", re.I)),
    ("half", Prefiltered.compile(r"(?P<which>first|second) half(?: of (?:the year|(?P<y>\d{4})|this year|last year|next year))?|\b(?P<h>H[12])(?: ?(?P<y2>\d{4}))?\b", re.I)),
    ("fiscal", Prefiltered.compile(r"(?:fiscal|financial) year (?:of )?(?P<a>\d{4})(?:\s?[-/–]\s?(?P<b>\d{2,4}))?|(?P<a2>\d{4})\s?[-/–]\s?(?P<b2>\d{2,4})(?: (?:fiscal|financial) year| budget|\s?财政年度|\s?年度)|\bFY\s?(?P<a3>\d{2,4})(?:[-/](?P<b3>\d{2}))?|fiscal (?P<a4>\d{4})", re.I)),
    ("rolling", Prefiltered.compile(r"(?:three|six|3|6|twelve|12) months (?:to|ending|ended)(?: (?:the end of )?\w+)?", re.I)),
    ("quarter_months", Prefiltered.compile(r"(?P<m1>January|April|July|October)-(?:March|June|September|December) quarter", re.I)),
    ("quarter_zh", Prefiltered.compile(_YEAR + r"第(?P<n>[一二三四])季(?!度)")),
    ("ytd_month_zh", Prefiltered.compile(_YEAR + r"(?:前(?P<n>[一二三四五六七八九十两]+|\d{1,2})个月|1\s?[-—–至到~]\s?(?P<m>\d{1,2})月(?:份)?)")),
    ("ytd_quarter_zh", Prefiltered.compile(_YEAR + r"前(?P<n>[二三两])(?:个)?季度")),
    ("half_zh", Prefiltered.compile(_YEAR + r"(?P<which>上|下)半年")),
)
#: A date mention preceded by these is a comparison base, not the figure's period.
_BASE_BEFORE = re.compile(r"(?:\b(?:from|than|over|compared with|compared to|against|versus|vs\.?|since)\s+(?:the\s+|a\s+|its\s+|their\s+)?(?:same\s+(?:period|month|quarter|time)\s+(?:of|in|a year|last)\s*)?|(?:比|较|同比|环比|相比|比上|比去))$", re.I)
_BASE_TEXT = re.compile(r"(?:year earlier|year ago|year before|month earlier|previous (?:year|month|quarter)|prior year|a year|上年同期|去年同期|上年|上月|同期)", re.I)
_BASE_AFTER = re.compile(r"^(?:'s|’s)?\s*(?:level|levels|figure|reading|pace|同期)")
_HARD = re.compile(r"[；;]|,\s+(?:while|whereas|but|above|below|beating|missing|compared with|against|versus|outpacing|exceeding|topping)\b|\bthan\b|，(?:而|但|高于|低于)")
_CLAUSE = re.compile(r"[，；;]|,\s+(?:while|whereas|but|and|compared|against|after)\b")
RATE_INDICATORS = {"lpr", "rrr", "policy_rate", "hibor"}


@dataclass
class Mention:
    start: int
    end: int
    date: str
    granularity: str


def special_mentions(text: str, lo: int, hi: int, published: date | None, place: str | None) -> list[Mention]:
    """Year-to-date, half-year and fiscal-year mentions in `text[lo:hi]`."""
    out: list[Mention] = []
    folded = fold(text[lo:hi])
    for kind, pattern in _SPECIAL:
        for m in pattern.finditer(text, lo, hi, folded):
            mention = _resolve(kind, m, published, place)
            if mention is not None:
                out.append(mention)
    return out


def _year(m: re.Match[str], published: date | None, months: int = 0) -> int | None:
    groups = m.groupdict()
    explicit = groups.get("y") or groups.get("y2")
    if explicit:
        return int(explicit)
    if published is None:
        return None
    phrase = m.group().lower()
    if "last year" in phrase:
        return published.year - 1
    if "next year" in phrase:
        return published.year + 1
    return published.year - 1 if months and published.month <= months else published.year


def _count(raw: str | None) -> int | None:
    if raw is None:
        return None
    return int(raw) if raw.isdigit() else _NUMBERS.get(raw.lower())


_MONTHS = {"january": 1, "april": 4, "july": 7, "october": 10}


def _resolve(kind: str, m: re.Match[str], published: date | None, place: str | None) -> Mention | None:
    g = m.groupdict()
    if kind == "rolling":  # a rolling period: no first day we can state; blocks the month it names
        return Mention(m.start(), m.end(), "", "")
    if kind == "quarter_months":
        year = _year(m, published)
        return Mention(m.start(), m.end(), f"{year}-{_MONTHS[g['m1'].lower()]:02d}-01", "quarter") if year else None
    if kind == "quarter_zh":
        n = _count(g.get("n"))
        year = _year(m, published)
        return Mention(m.start(), m.end(), f"{year}-{3 * (n or 1) - 2:02d}-01", "quarter") if n and year else None
    if kind in ("ytd_month", "ytd_month_zh"):
        n = _count(g.get("n")) or _count(g.get("m"))
        year = _year(m, published, n or 0)
        return Mention(m.start(), m.end(), f"{year}-01-01", "month") if n and year else None
    if kind in ("ytd_quarter", "ytd_quarter_zh"):
        n = _count(g.get("n"))
        year = _year(m, published, 3 * (n or 0))
        return Mention(m.start(), m.end(), f"{year}-01-01", "quarter") if n and year else None
    if kind in ("half", "half_zh"):
        second = (g.get("which") or "").lower() in ("second", "下") or (g.get("h") or "").upper() == "H2"
        year = _year(m, published)
        return Mention(m.start(), m.end(), f"{year}-{'07' if second else '01'}-01", "half") if year else None
    first = g.get("a") or g.get("a2") or g.get("a3") or g.get("a4")
    second_year = g.get("b") or g.get("b2") or g.get("b3")
    if first is None:
        return None
    year = int(first) if len(first) == 4 else 2000 + int(first)
    if second_year is None and place == "United States":
        return Mention(m.start(), m.end(), f"{year - 1}-10-01", "year")
    if second_year is not None and len(first) == 2:
        year = 2000 + int(first)
    start_month = "01" if place == "China" and second_year is None else "04"
    return Mention(m.start(), m.end(), f"{year}-{start_month}-01", "year")


def pick_period(text: str, sentence: tuple[int, int], value_span: tuple[int, int], indicator: str,
                dates: Sequence[Mapping[str, Any]], specials: Sequence[Mention], family: str = "en",
                first_indicator: int | None = None, kind: str = "actual") -> dict[str, str] | None:
    """The period of the value at `value_span`: the nearest usable mention in its sentence, else None.

    A mention across a clause break counts less than one in the value's own clause; across a hard
    break (", above", "；") it is never a target's ("above the Fed's 2 per cent target" is a standing
    target). English states the period after the figure, Chinese before it: ties go that way.
    """
    lo, hi = sentence
    candidates: list[Mention] = [s for s in specials if not s.date or not _is_base(text, s.start, s.end)]
    for d in dates:
        if not (lo <= d["start"] and d["end"] <= hi):
            continue
        if any(s.start <= d["start"] < s.end or d["start"] <= s.start < d["end"] for s in specials):
            continue
        if d["granularity"] in ("day", "week") and indicator not in RATE_INDICATORS:
            continue
        if _is_base(text, d["start"], d["end"], effective=indicator in RATE_INDICATORS and d["granularity"] == "day"):
            continue
        candidates.append(Mention(d["start"], d["end"], d["date"], d["granularity"]))
    if not candidates:
        return None
    start, end = value_span

    def distance(c: Mention) -> float:
        after = c.start >= end
        gap = max(c.start - end, start - c.end, 0) + ((-2 if after else 2) if family == "en" else (2 if after else 0))
        between = text[end:c.start] if after else text[c.end:start]
        if kind == "target" and _HARD.search(between) and not (first_indicator is not None and c.end <= first_indicator):
            return float("inf")
        return gap + (100 if _CLAUSE.search(between) else 0)

    best = min(candidates, key=distance)
    if distance(best) == float("inf") or not best.date:
        return None
    return {"date": best.date, "granularity": best.granularity}


def _is_base(text: str, start: int, end: int, effective: bool = False) -> bool:
    """A comparison base ("from a year earlier", "比上年"); `effective`: a rate decision's day ("from May 15")."""
    if _BASE_TEXT.search(text[start:end]) and not re.search(r"\d", text[start:end]):
        return True
    if effective and re.search(r"\b(?:from|since|starting|effective)\s+$", text[max(0, start - 12):start]):
        return False
    if _BASE_BEFORE.search(text[max(0, start - 40):start]):
        return True
    return bool(_BASE_AFTER.search(text[end:end + 10]))


def is_previous_level(text: str, start: int, end: int) -> bool:
    """'to 4.25% from 4.5%', '由此前的1.5%': a value the indicator had before (no period of its own)."""
    before = text[max(0, start - 40):start]
    after = text[end:end + 16]
    if re.search(r"(?:\bfrom|\bversus|\bvs\.?|\bcompared with|\bcompared to)\s+(?:a |an |the )?(?:revised |previous |prior |upwardly revised |downwardly revised |an upwardly revised |a downwardly revised )?$", before, re.I):
        return not re.match(r"\s*(?:in|for|during)\s+(?:the\s+)?(?:January|February|March|April|May|June|July|August|September|October|November|December|first|second|third|fourth|\d{4}|Q[1-4])", after)
    return bool(re.search(r"(?:由|从)(?:此前|上月|前值|上期)?的?$|(?:此前|前值)(?:为|的)?$", before))
