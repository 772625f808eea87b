"""JSON read from pages, refused when nested too deep (see docs/operations.md, "Per-page limits").

JSON (JSON-LD blocks, `__NEXT_DATA__`) is read with recursive functions, ours and the json module's:
a block nested deeper than `MAX_JSON_DEPTH` is ignored (counted), not allowed to end the extraction
of the whole page with a `RecursionError`. A leaf module: `crawler.extract` and `crawler.dates` use it.
"""

from __future__ import annotations

import json
from typing import Any

#: Nesting of a JSON document we read (real JSON-LD is under 10 levels, Next.js payloads under 40).
MAX_JSON_DEPTH = 100


class TooDeep(ValueError):
    """A JSON document nested deeper than `MAX_JSON_DEPTH`."""


def load_json(text: str, loads: Any = json.loads) -> Any:
    """`loads(text)`, refusing documents nested deeper than `MAX_JSON_DEPTH` (raises `TooDeep`)."""
    try:
        value = loads(text)
    except RecursionError as exc:  # the json module recurses once per level
        raise TooDeep(f"nested deeper than Python's recursion limit ({exc})") from None
    # Each level opens a bracket: a text with few of them cannot be deep (no walk over a large payload).
    if text.count("{") + text.count("[") > MAX_JSON_DEPTH and json_depth(value) > MAX_JSON_DEPTH:
        raise TooDeep(f"nested deeper than {MAX_JSON_DEPTH} levels")
    return value


def json_depth(value: Any) -> int:
    """Nesting depth of lists and dicts in `value` (a scalar is 0), found without recursion.

    Level by level: each pass keeps only the containers of the next level, so a scalar costs one type
    test (a node-by-node walk with a stack costs three times as much on a large `__NEXT_DATA__`).
    """
    level: list[Any] = [value] if isinstance(value, (dict, list)) else []
    depth = 0
    while level:
        depth += 1
        if depth > MAX_JSON_DEPTH:
            return depth  # deep enough to refuse: no need to read the rest
        level = [child for node in level for child in (node.values() if isinstance(node, dict) else node)
                 if isinstance(child, (dict, list))]
    return depth
