"""Bounds that keep extraction linear in the size of a hostile page (see docs/operations.md, "Per-page limits").

JSON nested too deep: `crawler.json_limits` (used here and by `crawler.dates`).

Two steps we do not own are quadratic: libxml2's HTML parser checks each attribute of a tag against
every one before it (a tag with 166,000 attributes: 90 s), and trafilatura's tree walks and
`//p//text()` queries grow with the square of the element count (100,000 paragraphs or table cells:
25-30 s). A real news page has a few thousand elements and tags with a few dozen attributes, far
below these bounds; a page above them is cut, counted and logged, and its article still extracted.
"""

from __future__ import annotations

import re

from lxml import etree
from lxml.html import HtmlElement

#: Attributes kept on one tag (the rest are dropped before parsing).
MAX_ATTRIBUTES = 256
#: Elements of the tree handed to trafilatura, in document order (the rest are removed).
MAX_TREE_ELEMENTS = 20_000

# One attribute: separator, name, optional value. Atomic groups and possessive quantifiers: a tag that
# is no match fails where its attributes end, without backtracking into them.
_ATTRIBUTE = r"""(?>[\s/]++[^\s"'<>/=]++(?:\s*+=\s*+(?:"[^"]*+"|'[^']*+'|[^\s"'>]*+))?+)"""
_MANY_ATTRIBUTES_RE = re.compile(
    rf"(?P<kept><[A-Za-z][A-Za-z0-9:_-]*+{_ATTRIBUTE}{{{MAX_ATTRIBUTES}}}){_ATTRIBUTE}*+"
)


def cap_attributes(html: str) -> tuple[str, int]:
    """`html` with at most `MAX_ATTRIBUTES` attributes per tag, and how many tags were cut."""
    return _MANY_ATTRIBUTES_RE.subn(r"\g<kept>", html)


# What `root.iter()` yields: elements, comments, processing instructions.
_NODES = etree.XPath("count(descendant-or-self::*|descendant::comment()|descendant::processing-instruction())")


def truncate_tree(root: HtmlElement, limit: int = MAX_TREE_ELEMENTS) -> int:
    """Remove every element after the first `limit` (document order); returns how many were removed."""
    if _NODES(root) <= limit:  # counted by libxml2: a page under the bound costs no Python walk
        return 0
    total = 0
    last = None
    for total, element in enumerate(root.iter(), 1):
        if total == limit:
            last = element
    if last is None or total == limit:
        return 0
    # After `last` in document order: its children, then the following siblings of it and of each ancestor.
    del last[:]
    node = last
    while (parent := node.getparent()) is not None:
        del parent[parent.index(node) + 1 :]
        node = parent
    return total - limit
