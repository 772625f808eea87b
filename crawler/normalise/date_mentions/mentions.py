"""Find the dates an article's title and text talk about, resolved against its publication date.

"When delivering the city's work report on Tuesday" names a day only relative to when the
article was published; "in 2025" names a year, not a made-up day. Each mention is a dict:
text (exactly text[start:end]), field, start, end, date (ISO, first day of the period, or None),
granularity (day, week, month, quarter, half, year) and relative (the reference was needed).

Finding is ours (patterns in `lexicon`/`lexicon_zh`, screening in `rules_en`/`rules_periods`/
`rules_zh`, each rule run only near the words it needs: `prefilter`): dateparser's `search_dates`
reads "a 3" as 3 January and a bare "2025" as a full day. Resolving is plain calendar arithmetic
(`resolve`, `periods`), so no clock is ever read: with `reference=None`, absolute mentions keep
their date and relative ones are given with `date` None, unless the sentence anchors them to a
period it names ("In 2019 ... the following year"). See docs/dates.md.
"""

from __future__ import annotations

import bisect
from datetime import date, datetime
from typing import Any

from crawler.normalise.date_mentions import fiscal, rules_en, rules_zh
from crawler.normalise.date_mentions import prefilter as _prefilter
from crawler.normalise.date_mentions.cues import ABBREVIATION_RE, BREAK_CHAR_RE, SENTENCE_AFTER_RE, Sentence
from crawler.normalise.date_mentions.periods import period_start, safe_date
from crawler.normalise.date_mentions.resolve import ANAPHOR, FIXED, FLOATING, Anchor, Hit, Period, resolve_hit

DATED = ("day", "month")
"""Granularities of the mentions that take their year from a later date of their sentence."""
CLAUSE_BREAKS = (";", "；")
"""A period named before a semicolon still anchors the clause after it ("In 2019, ...; the following year")."""

_Rule = tuple[Any, Any, Any]


def _rules(language: str | None) -> tuple[_Rule, ...]:
    """English rules always (Chinese copy quotes "Q1"); Chinese ones unless the text is English."""
    lang = (language or "").lower()
    if lang.startswith("en"):
        return rules_en.RULES
    return rules_zh.RULES + rules_en.RULES


class _Sentences:
    """The sentences (and Chinese clauses) of a text, bounded lazily around the mentions only.

    Break characters are listed in one scan of a character set; whether a full stop ends a sentence
    (followed by a capital or a digit; not "Mr." or "U.S.") is checked only for the breaks next to a
    mention.
    """

    def __init__(self, text: str) -> None:
        self.text = text
        self.breaks = [m.start() for m in BREAK_CHAR_RE.finditer(text)]
        self._real: dict[int, bool] = {}

    def _is_real(self, i: int) -> bool:
        if i not in self._real:
            text, at = self.text, self.breaks[i]
            if text[at] in ".!?" and not SENTENCE_AFTER_RE.match(text, at + 1):
                self._real[i] = False
            else:
                self._real[i] = not (
                    text[at] == "." and at and text[at - 1].isalpha()
                    and ABBREVIATION_RE.search(text, max(0, at - 6), at)
                )
        return self._real[i]

    def around(self, position: int) -> tuple[int, int]:
        """(start, end) of the sentence holding `position` (its closing break included)."""
        i = bisect.bisect_left(self.breaks, position) - 1  # the last break before `position`
        while i >= 0 and not self._is_real(i):
            i -= 1
        start = self.breaks[i] + 1 if i >= 0 else 0
        j = bisect.bisect_left(self.breaks, position)
        while j < len(self.breaks) and not self._is_real(j):
            j += 1
        end = self.breaks[j] + 1 if j < len(self.breaks) else len(self.text)
        return start, end


def _hits(text: str, language: str | None, prefilter: bool) -> list[tuple[int, Hit]]:
    rules = _rules(language)
    found: list[tuple[int, Hit]] = []
    patterns = [(trigger, pattern) for trigger, pattern, _ in rules]
    for order, m in _prefilter.matches(text, patterns, prefilter):
        found.extend((order, hit) for hit in rules[order][2](m, text))
    return found


def _select(hits: list[tuple[int, Hit]], size: int) -> list[Hit]:
    """Non-overlapping hits, longest first (then pattern order), in text order.

    The characters taken so far are marked in a byte array, so a hit is checked in the time of its
    own length, not against every hit taken before it.
    """
    taken: list[Hit] = []
    covered = bytearray(size)
    for _, hit in sorted(hits, key=lambda item: (item[1].start - item[1].end, item[0], item[1].start)):
        if covered.find(1, hit.start, hit.end) < 0:
            taken.append(hit)
            covered[hit.start : hit.end] = b"\x01" * (hit.end - hit.start)
    return sorted(taken, key=lambda h: h.start)


def _reference_date(reference: datetime | date | None) -> date | None:
    if isinstance(reference, datetime):
        return reference.date()
    return reference if isinstance(reference, date) else None


def find_date_mentions(
    text: str,
    field: str = "text",
    *,
    reference: datetime | date | None,
    language: str | None = None,
    prefilter: bool = True,
) -> list[dict[str, Any]]:
    """Date mentions in `text`, in order; `reference` is the publication time (local to the article).

    `prefilter=False` runs every rule over the whole text (the benchmark's baseline; same result).
    """
    if not isinstance(text, str) or not text:
        return []
    ref = _reference_date(reference)
    country = fiscal.PUBLICATION_COUNTRY.set(fiscal.publication_country(reference))
    try:
        selected = _select(_hits(text, language, prefilter), len(text))
    finally:
        fiscal.PUBLICATION_COUNTRY.reset(country)
    if not selected:
        return []
    sentences = _Sentences(text)
    spans = [(hit.start, hit.end) for hit in selected]
    mentions: list[dict[str, Any]] = []
    anchor: Anchor | None = None
    sentence: Sentence | None = None
    waiting: list[tuple[Hit, int, int]] = []
    for hit in selected:
        if sentence is None or not sentence.start <= hit.start < sentence.end:
            sentence = Sentence(text, *sentences.around(hit.start), spans)
            if text[sentence.start - 1 : sentence.start] not in CLAUSE_BREAKS:
                anchor = None  # periods named in another sentence do not anchor this one
        period = resolve_hit(hit, text, ref, sentence, anchor)
        if period is None and (ref is not None or hit.kind == FIXED):
            continue  # implausible (a year beyond reach, 30 February)
        if period is None:
            day = None  # relative, and nothing to count from: the publication date is unknown
        elif period.aligned:
            day = period_start(period.start, period.granularity).isoformat()
        else:
            day = period.start.isoformat()
        mentions.append(
            {
                "text": text[hit.start : hit.end],
                "field": field,
                "start": hit.start,
                "end": hit.end,
                "date": day,
                "granularity": period.granularity if period else hit.granularity,
                "relative": hit.kind != FIXED,
            }
        )
        if hit.kind != ANAPHOR:  # "In October, down from a year earlier, after the previous month": October's
            anchor = Anchor(period)
        if ref is None:
            waiting = _year_from_later(hit, period, mentions, waiting, sentence.end)
    return mentions


def _year_from_later(
    hit: Hit, period: Period | None, mentions: list[dict[str, Any]], waiting: list[tuple[Hit, int, int]], end: int
) -> list[tuple[Hit, int, int]]:
    """Without a reference, a month or day without a year takes the year of a later date in its sentence.

    "cut rates in January and again in March 2024": January 2024 (the year before when its month
    comes later in the year: "in December and again in March 2024"). `waiting`: (hit, index in
    `mentions`, sentence end) of the mentions still without a date; returns the new list.
    """
    waiting = [w for w in waiting if hit.start < w[2]]
    if period is None:
        if hit.kind == FLOATING and hit.month is not None and hit.end_month is None and hit.granularity in DATED:
            waiting.append((hit, len(mentions) - 1, end))
        return waiting
    if hit.kind != FIXED or period.granularity not in DATED:
        return waiting
    for early, index, _ in waiting:
        year = period.start.year - (1 if (early.month or 1) > period.start.month else 0)
        day = safe_date(year, early.month or 1, early.day or 1)
        if day is not None:
            mentions[index]["date"] = day.isoformat()
    return []
