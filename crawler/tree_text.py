"""The text of one parsed element, read cheaply. A leaf module: `crawler.extract` and
`crawler.clean` both use it (a helper inside `crawler.extract` would import the whole package)."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from lxml.html import HtmlElement


def element_text(element: HtmlElement) -> str:
    """`element.text_content()`, without the XPath call for an element that holds only text (most
    links on a page): then it is the element's own text."""
    return element.text_content() if len(element) else (element.text or "")
