"""Sentence spans of English and Chinese text, for figures and their `sentence_start`/`sentence_end`."""

from __future__ import annotations

import re

# Abbreviations after which a full stop does not end an English sentence.
_ABBREVIATIONS = {"mr", "mrs", "ms", "dr", "prof", "no", "vs", "st", "jan", "feb", "mar", "apr", "jun", "jul", "aug",
                  "sep", "sept", "oct", "nov", "dec", "inc", "corp", "co", "ltd", "u.s", "u.k", "e.g", "i.e", "approx",
                  "est", "fig", "gov", "govt", "dept"}
_EN_END = re.compile(r"[.!?]+[\"'”’)]*(?=\s+[\"'“‘(]?[A-Z0-9])|\n+")
_ZH_END = re.compile(r"[。！？；]+[”’」』)）]*|\n+")
_END = re.compile(f"{_ZH_END.pattern}|{_EN_END.pattern}")
_WORD_BEFORE = re.compile(r"([A-Za-z.]+)$")
# The characters an end can start with: found by a plain character-set scan, then `_END` is tried there
# only (an alternation of character sets is tried at every character of the text).
_END_START = re.compile(r"[.!?\n。！？；]")


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence of `text`, leading and trailing spaces excluded."""
    spans: list[tuple[int, int]] = []
    start = pos = 0
    while (candidate := _END_START.search(text, pos)) is not None:
        at = candidate.start()
        m = _END.match(text, at)
        if m is None:
            pos = at + 1
            continue
        pos = m.end()  # where `finditer` would go on
        if text[at] == "." and _after_abbreviation(text, at):
            continue
        spans.append((start, pos))
        start = pos
    spans.append((start, len(text)))
    return trimmed(text, spans)


def trimmed(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """`spans` without their leading and trailing spaces; those left empty are dropped."""
    out = []
    for s, e in spans:
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if e > s:
            out.append((s, e))
    return out


def _after_abbreviation(text: str, dot: int) -> bool:
    word = _WORD_BEFORE.search(text[max(0, dot - 8):dot])
    if word is None:
        return False
    token = word.group(1).lower().strip(".")
    return token in _ABBREVIATIONS or (len(token) == 1 and token.isalpha())
