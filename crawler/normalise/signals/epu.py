"""Tag an article with the term sets of published policy-uncertainty indices (BBD, DLS, TPU).

Each method is a JSON file in `terms/` (its citation, its matching rules, its sets). An article is an
EPU article for a method when every set has at least one match in the fields the method searches.
English sets match whole words, case-insensitively, plural forms included; Chinese sets match as
substrings of the cleaned text. See docs/signals.md for the methods and where we differ.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache
from importlib.resources import files
from typing import Any

from crawler.normalise.signals.prefilter import KeyIndex, Prefiltered, fold

#: Matches kept per set and article (the flag needs one; a few show why it was set).
MAX_MATCHES = 20
_APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u02bc": "'"})


def _straight(text: str) -> str:
    """`text` with its apostrophes made straight (same length); `str.translate` is slow on long text."""
    for curly in ("\u2019", "\u2018", "\u02bc"):
        if curly in text:
            text = text.replace(curly, "'")
    return text


@dataclass(frozen=True)
class TermSet:
    """One method's term sets, compiled."""

    method: str
    language: str
    fields: tuple[str, ...]
    sets: tuple[tuple[str, tuple[tuple[str, Prefiltered], ...]], ...]
    index: KeyIndex
    """The key literals of every term (numbered across the sets, in order), for one scan of each field."""


def _word_pattern(term: str, plurals: bool, case_sensitive: bool) -> Prefiltered:
    words = [re.escape(w) for w in term.translate(_APOSTROPHES).split()]
    last = words[-1]
    if plurals and term[-1:].isalpha() and not term.isupper():
        last = f"(?:{last[:-1]}ies|{last}s|{last}es|{last})" if term.endswith("y") else f"(?:{last}(?:e?s)?)"
    body = r"\s+".join([*words[:-1], last])
    return Prefiltered.compile(rf"(?<![\w]){body}(?![\w])", 0 if case_sensitive else re.IGNORECASE)


def _compile(data: Mapping[str, Any]) -> TermSet:
    matching = data["matching"]
    sets = []
    for name, terms in data["sets"].items():
        if matching["unit"] == "words":
            plurals, case = matching.get("plurals", False), matching.get("case_sensitive", False)
            compiled = tuple((t, _word_pattern(t, plurals, case)) for t in terms)
        else:
            compiled = tuple((t, Prefiltered.compile(re.escape(t))) for t in terms)
        sets.append((name, compiled))
    index = KeyIndex([pattern for _, compiled in sets for _, pattern in compiled])
    return TermSet(data["method"], data["language"], tuple(matching["fields"]), tuple(sets), index)


@lru_cache(maxsize=1)
def load_term_sets() -> tuple[TermSet, ...]:
    """Every method in `terms/`, sorted by name."""
    folder = files("crawler.normalise.signals").joinpath("terms")
    paths = sorted((p for p in folder.iterdir() if p.name.endswith(".json")), key=lambda p: p.name)
    return tuple(_compile(json.loads(p.read_text(encoding="utf-8"))) for p in paths)


def language_family(language: str | None, text: str) -> str:
    """`zh` or `en`: from the BCP 47 tag, else from the share of CJK characters in the text."""
    if language:
        return "zh" if language.lower().startswith("zh") else "en"
    cjk = sum(1 for ch in text[:2000] if "\u4e00" <= ch <= "\u9fff")
    return "zh" if cjk > 0.2 * max(1, len(text[:2000].strip())) else "en"


def match_method(term_set: TermSet, fields: Mapping[str, str]) -> dict[str, Any]:
    """One method's result: its matches per set (term, text, field, offsets) and the `epu` flag."""
    matches: dict[str, list[dict[str, Any]]] = {}
    values = {field: fields.get(field) or "" for field in term_set.fields}
    # Apostrophes folded: same length, so offsets stay those of the field.
    straight = {field: _straight(value) for field, value in values.items()}
    lowered = {field: fold(value) for field, value in straight.items()}
    # The terms that can match each field (the others are not run), by their number across the sets.
    candidates = {field: frozenset(term_set.index.candidates(straight[field], lowered[field]))
                  for field in term_set.fields}
    first = 0  # number of the set's first term
    for name, terms in term_set.sets:
        found: list[dict[str, Any]] = []
        for field in term_set.fields:
            value, folded = values[field], straight[field]
            for number, (term, pattern) in enumerate(terms, first):
                if number not in candidates[field]:
                    continue  # none of its key words in the field
                for m in pattern.finditer(folded, folded=lowered[field]):
                    found.append({"term": term, "text": value[m.start():m.end()], "field": field,
                                  "start": m.start(), "end": m.end()})
        found.sort(key=lambda e: (e["field"] != "title", e["start"], -e["end"]))
        kept: list[dict[str, Any]] = []
        for entry in found:  # a longer term at the same place wins ("central bank" over "bank")
            if kept and kept[-1]["field"] == entry["field"] and entry["start"] < kept[-1]["end"]:
                continue
            kept.append(entry)
        matches[name] = kept[:MAX_MATCHES]
        first += len(terms)
    return {"method": term_set.method, "epu": all(matches.values()), "matches": matches}


def tag_epu(article: Mapping[str, Any]) -> list[dict[str, Any]]:
    """The results of every method of the article's language family (title and text searched)."""
    fields = {"title": article.get("title") or "", "text": article.get("text") or ""}
    family = language_family(article.get("language"), fields["title"] + fields["text"])
    return [match_method(ts, fields) for ts in load_term_sets() if ts.language == family]


def refresh_flags(article: dict[str, Any]) -> None:
    """Recompute each method's `epu` flag from its matches (after matches were dropped with a paragraph)."""
    signals = article.get("signals")
    if isinstance(signals, dict):
        for result in signals.get("epu") or []:
            result["epu"] = all(result["matches"].values())
