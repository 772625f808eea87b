"""Find the dates an article's title and text talk about, resolved against its publication date.

"When delivering the city's work report on Tuesday" names a day only relative to when the
article was published; "in 2025" names a year, not a made-up day. Each mention is a dict:
text (exactly text[start:end]), field, start, end, date (ISO, first day of the period),
granularity (day, week, month, quarter, year) and relative (resolved against the reference).

Finding is ours (patterns in `lexicon`/`lexicon_zh`, screening in `rules_en`/`rules_zh`): dateparser's
`search_dates` reads "a 3" as 3 January and a bare "2025" as a full day. Resolving is plain
calendar arithmetic (`resolve`, `periods`), so no clock is ever read: with `reference=None`,
absolute mentions are still given and relative ones skipped.
"""

from __future__ import annotations

import bisect
from datetime import date, datetime
from typing import Any

from crawler.normalise.date_mentions import rules_en, rules_zh
from crawler.normalise.date_mentions.cues import ABBREVIATION_RE, SENTENCE_BREAK_RE, Sentence
from crawler.normalise.date_mentions.periods import period_start
from crawler.normalise.date_mentions.resolve import FIXED, Anchor, Hit, resolve_hit

_Rule = tuple[Any, Any]


def _rules(language: str | None) -> tuple[_Rule, ...]:
    """English rules always (Chinese copy quotes "Q1"); Chinese ones unless the text is English."""
    lang = (language or "").lower()
    if lang.startswith("en"):
        return rules_en.RULES
    return rules_zh.RULES + rules_en.RULES


def _sentences(text: str) -> list[int]:
    """Start offsets of the sentences (and Chinese clauses) of `text`."""
    starts = [0]
    for m in SENTENCE_BREAK_RE.finditer(text):
        if m.group() == "." and ABBREVIATION_RE.search(text, max(0, m.start() - 6), m.start()):
            continue
        starts.append(m.end())
    return starts


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
    text: str, field: str = "text", *, reference: datetime | date | None, language: str | None = None
) -> list[dict[str, Any]]:
    """Date mentions in `text`, in order; `reference` is the publication time (local to the article)."""
    if not isinstance(text, str) or not text:
        return []
    ref = _reference_date(reference)
    hits: list[tuple[int, Hit]] = []
    for order, (pattern, handler) in enumerate(_rules(language)):
        for m in pattern.finditer(text):
            hits.extend((order, hit) for hit in handler(m, text))
    starts = _sentences(text)
    mentions: list[dict[str, Any]] = []
    anchor: Anchor | None = None
    anchor_sentence = -1
    sentence: Sentence | None = None
    for hit in _select(hits, len(text)):
        index = bisect.bisect_right(starts, hit.start) - 1
        if sentence is None or sentence.start != starts[index]:
            sentence = Sentence(text, starts[index], starts[index + 1] if index + 1 < len(starts) else len(text))
        resolved = resolve_hit(hit, text, ref, sentence, anchor if anchor_sentence == index else None)
        if resolved is None:
            continue
        start = period_start(resolved, hit.granularity)
        mentions.append(
            {
                "text": text[hit.start : hit.end],
                "field": field,
                "start": hit.start,
                "end": hit.end,
                "date": start.isoformat(),
                "granularity": hit.granularity,
                "relative": hit.kind != FIXED,
            }
        )
        anchor, anchor_sentence = Anchor(start, hit.granularity), index
    return mentions
