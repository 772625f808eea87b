"""Small checks shared by the English rule modules: month words, numbers that are not years, sentences."""

from __future__ import annotations

from crawler.dates.month_names import MONTHS
from crawler.normalise.date_mentions.cues import SENTENCE_BREAK_RE
from crawler.normalise.date_mentions.lexicon import BLOCKED_BEFORE_RE, QUANTITY_AFTER_RE

SENTENCE_REACH = 400
"""Characters looked at either side of a mention for the words of its sentence (fiscal calendars)."""


def month_number(token: str) -> int:
    return MONTHS[token.rstrip(".").lower()]


def numeric_ok(text: str, start: int) -> bool:
    """A number at `start` that is not part of a larger number, an amount or a code."""
    if start > 0 and (text[start - 1].isdigit() or text[start - 1] in ".,"):
        return False
    return not BLOCKED_BEFORE_RE.search(text[max(0, start - 6) : start])


def quantity_after(text: str, end: int) -> bool:
    return bool(QUANTITY_AFTER_RE.match(text, end))


def sentence_around(text: str, start: int, end: int) -> str:
    """The sentence holding text[start:end] (at most `SENTENCE_REACH` characters either side)."""
    lo, hi = max(0, start - SENTENCE_REACH), min(len(text), end + SENTENCE_REACH)
    first, last = lo, hi
    for m in SENTENCE_BREAK_RE.finditer(text, lo, hi):
        if m.end() <= start:
            first = m.end()
        elif m.start() >= end:
            last = m.start()
            break
    return text[first:last]
