"""Remove paragraphs from an article's text after it was normalised, keeping every annotation right.

Cross-page template paragraphs are only known in the crawl process, after the worker has already
found amounts and date mentions. Dropping those paragraphs must not mean normalising again (heavy
work on the reactor thread): annotations inside a dropped paragraph go, later ones move back by the
removed length, and list indices that point at other entries (`conversion_of`) are renumbered.
Annotation lists are found at any depth (`signals.figures`, `signals.epu[i].matches.<set>`), and values
derived from them are recomputed afterwards (`DERIVED`: an EPU flag needs a match in every set).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from crawler.normalise.signals.epu import refresh_flags

SEPARATOR = "\n\n"
#: Entry keys that hold the index of another entry of the same list.
INDEX_KEYS = ("conversion_of",)
#: Offset keys moved with `start` (a figure's sentence lies in the same paragraph as its value).
MOVED_KEYS = ("start", "end", "sentence_start", "sentence_end")
#: Run on the article after offsets were fixed: recompute values derived from annotations.
DERIVED: tuple[Callable[[dict[str, Any]], None], ...] = (refresh_flags,)


def _spans(paragraphs: Sequence[str]) -> list[tuple[int, int]]:
    spans, start = [], 0
    for paragraph in paragraphs:
        spans.append((start, start + len(paragraph)))
        start += len(paragraph) + len(SEPARATOR)
    return spans


def drop_paragraphs(article: dict[str, Any], paragraphs: Sequence[str], keep: Sequence[bool]) -> None:
    """Set `text` to the kept `paragraphs` (the current text split on blank lines) and fix the
    offsets of every annotation list whose entries carry `field`, `start` and `end`."""
    spans = _spans(paragraphs)
    shift: list[int | None] = []  # per paragraph: how far its annotations move back (None: dropped)
    removed = 0
    for (start, end), kept in zip(spans, keep, strict=True):
        shift.append(removed if kept else None)
        if not kept:
            removed += end - start + len(SEPARATOR)
    article["text"] = SEPARATOR.join(p for p, kept in zip(paragraphs, keep, strict=True) if kept)
    for name, value in list(article.items()):
        if name != "text":
            article[name] = _walk(value, spans, shift)
    for derive in DERIVED:
        derive(article)


def _walk(value: Any, spans: list[tuple[int, int]], shift: list[int | None]) -> Any:
    """`value` with every annotation list in it (at any depth) moved; other values unchanged."""
    if isinstance(value, list):
        if value and all(_is_span(entry) for entry in value):
            return _moved(value, spans, shift)
        return [_walk(v, spans, shift) for v in value]
    if isinstance(value, dict):
        return {k: _walk(v, spans, shift) for k, v in value.items()}
    return value


def _is_span(entry: Any) -> bool:
    return isinstance(entry, dict) and "field" in entry and isinstance(entry.get("start"), int) \
        and isinstance(entry.get("end"), int)


def _moved(
    entries: list[dict[str, Any]], spans: list[tuple[int, int]], shift: list[int | None]
) -> list[dict[str, Any]]:
    new_index: dict[int, int] = {}
    out: list[dict[str, Any]] = []
    for index, entry in enumerate(entries):
        if entry["field"] != "text":
            new_index[index] = len(out)
            out.append(entry)
            continue
        paragraph = next((i for i, (s, e) in enumerate(spans) if s <= entry["start"] < e + len(SEPARATOR)), None)
        back = shift[paragraph] if paragraph is not None else None
        if back is None:
            continue
        new_index[index] = len(out)
        out.append({**entry, **{k: entry[k] - back for k in MOVED_KEYS if isinstance(entry.get(k), int)}})
    for entry in out:
        for key in INDEX_KEYS:
            if isinstance(entry.get(key), int):
                entry[key] = new_index.get(entry[key])
    return out
