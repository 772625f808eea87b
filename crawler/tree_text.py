"""The text of one parsed element, read cheaply. A leaf module: `crawler.extract` and
`crawler.clean` both use it (a helper inside `crawler.extract` would import the whole package)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from lxml import etree

if TYPE_CHECKING:
    from lxml.html import HtmlElement


def element_text(element: HtmlElement) -> str:
    """`element.text_content()`, read without an XPath call: for an element that holds only text (most
    links on a page) its own text; else libxml2's text serialisation, which concatenates the same text
    nodes as `text_content()`'s XPath `string()` (one C function under both) in ~60% of the time."""
    if not len(element):
        return element.text or ""
    return etree.tostring(element, method="text", encoding=str, with_tail=False)
