"""Byline and dateline lines that trafilatura keeps at the top (or foot) of the body.

"By Ada Quist | Harbour Daily | Updated: 2025-03-05 09:14", "Keira Blunt · 18 April 2025",
"本报记者 王立群", "Updated 9.14am": the item carries authors and dates in their own fields, so these
lines are furniture. Only short paragraphs among the first `HEAD` or last `FOOT` are considered, and
only when nothing but names, the site's name, dates, times and separators is left.
See docs/cleaning.md (Bylines).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from crawler.clean.paragraphs import CleanResult, Decision
from crawler.extract.names import fold, names_from_byline

HEAD = 3
FOOT = 2
MAX_WORDS = 24
MAX_CHARS = 200

_MONTHS = (r"jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?"
           r"|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?")
_WEEKDAYS = r"mon(?:day)?|tue(?:s|sday)?|wed(?:nesday)?|thu(?:rs|rsday)?|fri(?:day)?|sat(?:urday)?|sun(?:day)?"
# Pieces of a dateline, removed before looking at what is left.
_DATE_PIECES = re.compile(
    rf"\b(?:{_MONTHS})\b\.?|\b(?:{_WEEKDAYS})\b\.?|\d{{1,4}}(?:[/.:-]\d{{1,4}}){{0,2}}(?:st|nd|rd|th)?"
    r"|\b(?:a\.?m|p\.?m)\b\.?|\b(?:gmt|utc|hkt|sgt|bst|est|edt|pst|pdt|cet|jst|kst|ist)\b|[+-]\d{2}:?\d{2}"
    r"|[年月日时時分秒号號]|上午|下午|星期[一二三四五六日天]|周[一二三四五六日]",
    re.IGNORECASE,
)
# A date or time, not just a number ("102", "4.6").
_DATE = re.compile(
    rf"\b(?:{_MONTHS})\b\.?\s*\d|\d\s*(?:{_MONTHS})\b|\d{{1,4}}[/.-]\d{{1,2}}[/.-]\d{{1,4}}|\b\d{{1,2}}:\d{{2}}\b"
    r"|\d+\s*[年月日]",
    re.IGNORECASE,
)
_LABELS = re.compile(
    r"\b(?:updated?|published|posted|last|modified|on|at|in|by|written|and|reading time|min(?:ute)?s?|read|ago"
    r"|hours?|days?|source|staff|reporter|correspondent|editor|writer|senior|chief)\b"
    r"|来源|更新|发布|發佈|记者|記者|本报|本報|作者|编辑|編輯|责任编辑|責任編輯|阅读|閱讀",
    re.IGNORECASE,
)
_BY_PREFIX = re.compile(r"\s*(?:by|written by|posted by|par|por|von|door)\s", re.IGNORECASE)
_CN_PREFIX = re.compile(r"\s*[（(]?\s*(?:本报|本報|新华社|新華社)?(?:记者|記者|作者|文\s*[/／])")
_SEPARATORS = re.compile(r"[|｜·•,，;:：/()（）\[\]【】\-–—_*]+")


def _leftover(text: str, names: Iterable[str]) -> str:
    rest = fold(text)
    for name in sorted({fold(n) for n in names if n}, key=len, reverse=True):
        if name:
            rest = rest.replace(name, " ")
    rest = _DATE_PIECES.sub(" ", rest)
    rest = _LABELS.sub(" ", rest)
    return " ".join(_SEPARATORS.sub(" ", rest).split())


def is_byline_line(text: str, authors: Iterable[str], site_names: Iterable[str | None]) -> bool:
    """A short line made only of the article's author names (or of names after "By", "记者"), site
    names, dates and times."""
    if len(text) > MAX_CHARS or len(text.split()) > MAX_WORDS:
        return False
    authors = [a for a in authors if a]
    prefixed = bool(_BY_PREFIX.match(text) or _CN_PREFIX.match(text))
    found = names_from_byline(text) if prefixed else []
    has_name = bool(found) or any(fold(a) in fold(text) for a in authors)
    has_date = _DATE.search(text) is not None
    if not has_name and not has_date:
        return False
    # "By Qin Haolan in Chongqing | ...": a place (or a word the lists miss) may follow a "By" byline.
    allowed = 2 if found and prefixed else 0
    return len(_leftover(text, [*authors, *(n for n in site_names if n), *found]).split()) <= allowed


def mark_bylines(result: CleanResult, authors: Iterable[str], site_names: Iterable[str | None]) -> None:
    """Mark the byline and dateline paragraphs at the head and foot of the body as removed (in place).

    A body of one paragraph is never emptied."""
    authors, site_names = list(authors), list(site_names)
    kept = [i for i, d in enumerate(result.decisions) if d.rule is None]
    if len(kept) < 2:
        return
    for index in kept[:HEAD] + kept[-FOOT:]:
        decision = result.decisions[index]
        if decision.rule is None and is_byline_line(decision.text, authors, site_names):
            if sum(d.rule is None for d in result.decisions) <= 1:
                return
            result.decisions[index] = Decision(decision.text, "byline/line")
