"""Sentence spans: found by scanning for the characters an end starts with, the same as a full scan."""

from __future__ import annotations

import pytest

from crawler.normalise.signals import sentences
from crawler.normalise.signals.sentences import sentence_spans


def _full_scan(text: str) -> list[tuple[int, int]]:
    """The spans as `_END.finditer` over the whole text finds them (the definition)."""
    spans, start = [], 0
    for m in sentences._END.finditer(text):
        if m.group().startswith(".") and sentences._after_abbreviation(text, m.start()):
            continue
        spans.append((start, m.end()))
        start = m.end()
    spans.append((start, len(text)))
    return sentences.trimmed(text, spans)


TEXTS = [
    "Exports rose 5.2 per cent in May. Imports fell 1.1 per cent.",
    "Mr. Lam said growth was 3.4 per cent. The U.S. economy grew... Q2 was weak!",
    "Prices rose 2.1%? \"Yes,\" she said. (The bureau agreed.) 2025 was a good year.",
    "出口增长5.2%。进口下降1.1%！物价如何？稳定；就业改善。\n\n第二段",
    "No end at all",
    "  Leading spaces. Trailing ones.   \n\n\n Next paragraph after blank lines.",
    "Version 1.2.3 shipped. e.g. this. i.e. that. Dr. Wong, Inc. and Co. Ltd. agreed. A. B. Smith left.",
    "...",
    "",
    "Rates were 4.5.\nNew line. 'Quoted' start. “Curly” start.",
]


@pytest.mark.parametrize("text", TEXTS)
def test_spans_are_those_of_a_full_scan(text: str) -> None:
    assert sentence_spans(text) == _full_scan(text)


def test_spans_split_sentences_and_skip_abbreviations() -> None:
    text = "Mr. Lam said exports rose. Imports fell."
    assert [text[s:e] for s, e in sentence_spans(text)] == ["Mr. Lam said exports rose.", "Imports fell."]
