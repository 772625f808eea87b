"""Small normalisers for single metadata fields: language, keywords, whitespace (authors: `names`)."""

from __future__ import annotations

import re
from collections.abc import Iterable

_SPACE = re.compile(r"\s+")


def squash(text: str | None) -> str | None:
    """Whitespace folded to single spaces; None for empty."""
    if text is None:
        return None
    folded = _SPACE.sub(" ", text).strip()
    return folded or None


def clean_keywords(candidates: Iterable[str]) -> list[str]:
    """Keywords split on commas, trimmed, de-duplicated case-insensitively, order kept."""
    out: list[str] = []
    seen: set[str] = set()
    for candidate in candidates:
        for word in (candidate or "").split(","):
            word = squash(word) or ""
            if word and word.lower() not in seen:
                seen.add(word.lower())
                out.append(word)
    return out


_TRADITIONAL_REGIONS = frozenset({"tw", "hk", "mo", "hant"})


def normalise_language(tag: str | None) -> str | None:
    """A short BCP 47 tag: primary language only, except Chinese scripts ('zh', 'zh-Hant')."""
    if not tag:
        return None
    parts = [p for p in re.split(r"[-_]", tag.strip()) if p]
    if not parts or not parts[0].isalpha() or len(parts[0]) > 3:
        return None
    primary = parts[0].lower()
    if primary == "zh" and any(p.lower() in _TRADITIONAL_REGIONS for p in parts[1:]):
        return "zh-Hant"
    return primary
