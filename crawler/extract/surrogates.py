"""Lone UTF-16 surrogates out of extracted strings.

JSON (JSON-LD, `__NEXT_DATA__`) may escape half of an emoji (`"\\ud83d"`, a title cut in the middle of
one): `json.loads` keeps it as a lone surrogate, which no encoder writes as UTF-8, so the feed
exporter would fail on the whole article. Removed at the source, counted as `extract/lone_surrogates`.
"""

from __future__ import annotations

import re
from typing import Any

# Paired surrogates are already one astral character in a Python str: anything left here is alone.
_LONE_SURROGATE = re.compile("[\ud800-\udfff]")
_SPACES = re.compile(r"[^\S\n]+")
_AROUND_NEWLINE = re.compile(r" *\n *")


def scrub(value: Any) -> tuple[Any, int]:
    """`value` (a str, or lists/tuples/dicts of them, at any depth) without lone surrogates, and how
    many were removed. Other values are returned unchanged."""
    if isinstance(value, str):
        cleaned, count = _LONE_SURROGATE.subn("", value)
        if count:  # "Exports soar \ud83d" -> "Exports soar": no space left where the character was
            cleaned = _AROUND_NEWLINE.sub("\n", _SPACES.sub(" ", cleaned)).strip()
        return cleaned, count
    if isinstance(value, list | tuple):
        total = 0
        out = []
        for element in value:
            cleaned, count = scrub(element)
            out.append(cleaned)
            total += count
        return (out if isinstance(value, list) else tuple(out)), total
    if isinstance(value, dict):
        total = 0
        result = {}
        for key, element in value.items():
            clean_key, key_count = scrub(key)
            cleaned, count = scrub(element)
            result[clean_key] = cleaned
            total += key_count + count
        return result, total
    return value, 0
