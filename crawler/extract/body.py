"""Body paragraphs: the site's drop selectors, then trafilatura on the already-parsed tree.

trafilatura returns its result as an XML body (`p`, `head`, `list/item`, `quote`, `table`); we keep
it as a list of paragraphs, because every later cleaning step (promos, footers, templates) works on
whole paragraphs. When its default output looks like page furniture (many very short or repeated
paragraphs), its precision mode is run too and preferred unless it lost most of the text
(`main_paragraphs`; measured in docs/cleaning.md).
"""

from __future__ import annotations

import logging
import re
from functools import lru_cache

import trafilatura
from cssselect import GenericTranslator, SelectorError
from lxml import etree
from lxml.html import HtmlElement

logger = logging.getLogger(__name__)


@lru_cache(maxsize=256)
def css_to_xpath(selector: str) -> str:
    """Translate one CSS selector once; site data stays readable CSS."""
    return GenericTranslator().css_to_xpath(selector)


_SIMPLE = re.compile(r"^(?:#(?P<id>[\w-]+)|\.(?P<cls>[\w-]+)|\[(?P<attr>[\w-]+)=\"(?P<val>[^\"]*)\"\])$")


class SelectorSet:
    """CSS selectors matched in one pass over the tree.

    Site data is mostly `#id`, `.class` and `[attr="value"]`: those are checked with set lookups
    while walking the elements once (libxml2 evaluates each class selector as a full-tree string
    scan, about 0.5 ms per selector on a 100 KB page). Anything else goes through one compiled XPath.
    """

    def __init__(self, selectors: tuple[str, ...]) -> None:
        self.ids: set[str] = set()
        self.classes: set[str] = set()
        self.attributes: dict[str, set[str]] = {}
        complex_parts: list[str] = []
        for selector in selectors:
            simple = _SIMPLE.match(selector.strip())
            if simple and simple["id"]:
                self.ids.add(simple["id"])
            elif simple and simple["cls"]:
                self.classes.add(simple["cls"])
            elif simple and simple["attr"]:
                self.attributes.setdefault(simple["attr"], set()).add(simple["val"])
            else:
                try:
                    complex_parts.append(css_to_xpath(selector))
                except SelectorError:
                    logger.warning("Invalid CSS selector in site data: %r", selector)
        self.xpath = etree.XPath(" | ".join(complex_parts)) if complex_parts else None

    def _hit(self, element: HtmlElement) -> bool:
        get = element.get
        if self.ids and get("id") in self.ids:
            return True
        if self.classes:
            classes = get("class")
            if classes and not self.classes.isdisjoint(classes.split()):
                return True
        return any(get(name) in values for name, values in self.attributes.items())

    def matches(self, tree: HtmlElement) -> list[HtmlElement]:
        """Matching elements, outermost first (an element inside a matched one is not listed again)."""
        found: list[HtmlElement] = []
        if self.ids or self.classes or self.attributes:
            for element in tree.iter(etree.Element):
                if self._hit(element) and not any(a in found for a in element.iterancestors()):
                    found.append(element)
        if self.xpath is not None:
            found.extend(e for e in self.xpath(tree) if e not in found)
        return found


@lru_cache(maxsize=64)
def selector_set(selectors: tuple[str, ...]) -> SelectorSet:
    """The `SelectorSet` of a profile's selectors, built once."""
    return SelectorSet(selectors)


def matches_any(tree: HtmlElement, selectors: tuple[str, ...]) -> bool:
    """True when any element of `tree` matches one of `selectors`."""
    return bool(selectors) and bool(selector_set(selectors).matches(tree))


def drop_nodes(tree: HtmlElement, selectors: tuple[str, ...]) -> int:
    """Remove every element matching `selectors` (tail text kept); returns how many were removed."""
    removed = 0
    for element in selector_set(selectors).matches(tree) if selectors else ():
        if element.getparent() is not None:
            element.drop_tree()
            removed += 1
    return removed


# The default extraction took in page furniture when at least this many paragraphs of at most
# `SHORT_WORDS` words (a CJK paragraph: characters / 2) without closing punctuation - labels such as
# "Comentar", "Hace 2 horas", "＞ ログイン", not headings nor dialogue - ...
FURNITURE_MIN_SHORT = 3
SHORT_WORDS = 4
# ... make up this share of its paragraphs, or when this share of them are repeats (at least two).
FURNITURE_SHORT_SHARE = 0.2
FURNITURE_REPEATED_SHARE = 0.1
# The precision output is taken unless it keeps less than this share of the default's characters.
PRECISION_MIN_SHARE = 0.2
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]")
_CLOSED = re.compile(r"[.!?。！？…:;\"”’)\]]$")


def _words(text: str) -> int:
    return len(text.split()) + len(_CJK.findall(text)) // 2


def looks_like_furniture(blocks: list[tuple[str, str]]) -> bool:
    """Many short unpunctuated paragraphs (page labels, buttons, timestamps) or many repeated ones."""
    if not blocks:
        return False
    labels = sum(tag == "p" and _words(text) <= SHORT_WORDS and not _CLOSED.search(text) for tag, text in blocks)
    texts = [text for _, text in blocks]
    repeated = len(texts) - len(set(texts))
    return (labels >= FURNITURE_MIN_SHORT and labels >= FURNITURE_SHORT_SHARE * len(blocks)) \
        or (repeated >= 2 and repeated >= FURNITURE_REPEATED_SHARE * len(blocks))


def main_paragraphs(tree: HtmlElement, url: str) -> tuple[list[str], bool]:
    """trafilatura's default output, or its precision output when the default looks like furniture;
    the second value says whether precision mode was used."""
    blocks = body_blocks(tree, url)
    paragraphs = [text for _, text in blocks]
    if not looks_like_furniture(blocks):
        return paragraphs, False
    precise = body_paragraphs(tree, url, precision=True)
    if sum(map(len, precise)) >= PRECISION_MIN_SHARE * sum(map(len, paragraphs)):
        return precise, True
    return paragraphs, False


def _clean(text: str) -> str:
    return " ".join(text.split())


# trafilatura's output elements that end a line or a block: their text never runs into the next word.
_BREAKING = frozenset({"lb", "p", "head", "item", "list", "quote", "row", "cell", "code", "table"})


def _text(element) -> str:
    """The text of one output element, a space where a line break or a block inside it ends
    ("<item><head>WebIDE</head><p>Develop...</p></item>" is "WebIDE Develop...", not "WebIDEDevelop")."""
    parts: list[str] = []

    def walk(node) -> None:
        if node.text:
            parts.append(node.text)
        for child in node:
            walk(child)
            if child.tag in _BREAKING:
                parts.append(" ")
            if child.tail:
                parts.append(child.tail)

    walk(element)
    return _clean("".join(parts))


def _table_text(table) -> str:
    rows = []
    for row in table.iter("row"):
        cells = [_text(cell) for cell in row.iter("cell")]
        if any(cells):
            rows.append(" | ".join(cells))
    return "\n".join(rows)


def body_paragraphs(tree: HtmlElement, url: str, *, precision: bool = False) -> list[str]:
    """Paragraph texts of the main content, in reading order; [] when trafilatura finds none.

    `precision`: trafilatura's `favor_precision` (stricter pruning of link lists and comments)."""
    return [text for _, text in body_blocks(tree, url, precision=precision)]


def body_blocks(tree: HtmlElement, url: str, *, precision: bool = False) -> list[tuple[str, str]]:
    """`(tag, text)` of each block trafilatura keeps: `p`, `head`, `list`, `quote`, `table`..."""
    document = trafilatura.bare_extraction(
        tree,
        url=url,
        include_comments=False,
        include_tables=True,
        include_links=False,
        with_metadata=False,
        favor_precision=precision,
    )
    body = getattr(document, "body", None)
    if body is None:
        return []
    blocks: list[tuple[str, str]] = []
    for block in body:
        if block.tag == "list":
            items = [_text(item) for item in block.iter("item")]
            text = "\n".join(f"- {item}" for item in items if item)
        elif block.tag == "table":
            text = _table_text(block)
        else:
            text = _text(block)
        if text:
            blocks.append((block.tag, text))
    return blocks
