"""Small normalisers for single metadata fields: authors, language, keywords, whitespace."""

from __future__ import annotations

import re
from collections.abc import Iterable

# Bylines that name no person: CMS defaults and desk names. Compared case-insensitively.
PLACEHOLDER_AUTHORS = frozenset(
    {"admin", "administrator", "editor", "editors", "staff", "staff writer", "webmaster", "author",
     "guest", "user", "root", "newsroom", "news desk", "web desk", "desk", "team", "contributor",
     "unknown", "anonymous", "wordpress", "wpadmin", "site admin"}
)
_BY_PREFIX = re.compile(r"^\s*(?:by|written by|作者[:：]?)\s+", re.IGNORECASE)
_SPLIT = re.compile(r"\s*(?:,|;|\band\b|&|、|\|)\s*", re.IGNORECASE)
_SPACE = re.compile(r"\s+")


def squash(text: str | None) -> str | None:
    """Whitespace folded to single spaces; None for empty."""
    if text is None:
        return None
    folded = _SPACE.sub(" ", text).strip()
    return folded or None


def clean_authors(candidates: Iterable[str], *, site_names: Iterable[str | None] = ()) -> list[str]:
    """Person names, split and de-duplicated, without placeholders, URLs or the site's own name."""
    blocked = {name.strip().lower() for name in site_names if name} | PLACEHOLDER_AUTHORS
    out: list[str] = []
    seen: set[str] = set()
    for candidate in candidates:
        text = _BY_PREFIX.sub("", squash(candidate) or "")
        for name in _SPLIT.split(text):
            name = name.strip(" .")
            key = name.lower()
            if (
                not name
                or key in blocked
                or key in seen
                or "://" in name
                or "@" in name
                or len(name) > 80
                or name.isdigit()
            ):
                continue
            seen.add(key)
            out.append(name)
    return out


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
