"""Body paragraphs: the site's drop selectors, then trafilatura on the already-parsed tree.

trafilatura returns its result as an XML body (`p`, `head`, `list/item`, `quote`, `table`); we keep
it as a list of paragraphs, because every later cleaning step (promos, footers, templates) works on
whole paragraphs.
"""

from __future__ import annotations

import logging
from functools import lru_cache

import trafilatura
from cssselect import GenericTranslator, SelectorError
from lxml.html import HtmlElement

logger = logging.getLogger(__name__)


@lru_cache(maxsize=256)
def css_to_xpath(selector: str) -> str:
    """Translate one CSS selector once; site data stays readable CSS."""
    return GenericTranslator().css_to_xpath(selector)


def drop_nodes(tree: HtmlElement, selectors: tuple[str, ...]) -> int:
    """Remove every element matching `selectors` (tail text kept); returns how many were removed."""
    removed = 0
    for selector in selectors:
        try:
            xpath = css_to_xpath(selector)
        except SelectorError:
            logger.warning("Invalid drop selector in site data: %r", selector)
            continue
        for element in tree.xpath(xpath):
            if element.getparent() is not None:
                element.drop_tree()
                removed += 1
    return removed


def _clean(text: str) -> str:
    return " ".join(text.split())


def _table_text(table) -> str:
    rows = []
    for row in table.iter("row"):
        cells = [_clean("".join(cell.itertext())) for cell in row.iter("cell")]
        if any(cells):
            rows.append(" | ".join(cells))
    return "\n".join(rows)


def body_paragraphs(tree: HtmlElement, url: str) -> list[str]:
    """Paragraph texts of the main content, in reading order; [] when trafilatura finds none."""
    document = trafilatura.bare_extraction(
        tree,
        url=url,
        include_comments=False,
        include_tables=True,
        include_links=False,
        with_metadata=False,
    )
    body = getattr(document, "body", None)
    if body is None:
        return []
    paragraphs: list[str] = []
    for block in body:
        if block.tag == "list":
            items = [_clean("".join(item.itertext())) for item in block.iter("item")]
            text = "\n".join(f"- {item}" for item in items if item)
        elif block.tag == "table":
            text = _table_text(block)
        else:
            text = _clean("".join(block.itertext()))
        if text:
            paragraphs.append(text)
    return paragraphs
