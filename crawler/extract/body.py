"""Body paragraphs: the site's drop selectors, then trafilatura on the already-parsed tree.

trafilatura returns its result as an XML body (`p`, `head`, `list/item`, `quote`, `table`); we keep
it as a list of paragraphs, because every later cleaning step (promos, footers, templates) works on
whole paragraphs. trafilatura runs in precision mode; its default mode runs too only when the
precision text is short, and wins when precision lost most of the article (`main_paragraphs`;
measured in docs/cleaning.md).
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable
from copy import deepcopy
from functools import lru_cache

import trafilatura
from cssselect import GenericTranslator, SelectorError
from lxml import etree
from lxml.html import Element, HtmlElement
from trafilatura.settings import MANUALLY_CLEANED

from crawler.extract.page_names import PageNames
from crawler.extract.prune_equivalents import install as install_prune_equivalents

logger = logging.getLogger(__name__)

# trafilatura's regex pruning expressions, evaluated without a Python callback per attribute: the
# same elements pruned, a third of the time (crawler/extract/prune_equivalents.py).
install_prune_equivalents()


@lru_cache(maxsize=256)
def css_to_xpath(selector: str) -> str:
    """Translate one CSS selector once; site data stays readable CSS."""
    return GenericTranslator().css_to_xpath(selector)


_SIMPLE = re.compile(r"^(?:#(?P<id>[\w-]+)|\.(?P<cls>[\w-]+)|\[(?P<attr>[\w-]+)=\"(?P<val>[^\"]*)\"\])$")


# Up to this many simple selectors, elements are looked up by XPath rather than walked.
XPATH_MAX_SELECTORS = 6


class SelectorSet:
    """CSS selectors matched in one pass over the tree.

    Site data is mostly `#id`, `.class` and `[attr="value"]`: those are checked with set lookups
    while walking the elements once (libxml2 evaluates each class selector as a full-tree string
    scan, about 0.5 ms per selector on a 100 KB page). Anything else goes through one compiled XPath.
    """

    def __init__(self, selectors: tuple[str, ...], *, narrow: bool = True) -> None:
        self.narrow = narrow
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
        self.candidates = self._candidates()

    def for_page(self, tree: HtmlElement, names: PageNames | None = None) -> SelectorSet:
        """The simple selectors whose id, class or value occurs on the page (read as strings by
        libxml2, no element objects): usually a few, looked up by XPath instead of a walk.

        `names`: those of the page `tree` was copied from, if already read (a copy with elements
        removed holds no name its page does not: a selector kept in vain is still checked)."""
        if not self.narrow or not (self.ids or self.classes or self.attributes):
            return self
        names = names if names is not None else PageNames(tree)
        present = [f"#{value}" for value in sorted(self.ids & names.ids())] if self.ids else []
        if self.classes:
            present += [f".{value}" for value in sorted(self.classes & names.classes())]
        for name, values in sorted(self.attributes.items()):
            present += [f'[{name}="{value}"]' for value in sorted(values & names.values(name))]
        return _simple_set(tuple(present))

    def _candidates(self) -> etree.XPath | None:
        """For a few selectors (a paywall marker), an XPath for the elements that may match: ids and
        attribute values compared by libxml2, class names as substrings of `class` (a superset,
        checked in Python), so that only those elements become Python objects (1.5 -> 0.5 ms on a
        100 KB page). With many selectors the walk is faster (libxml2 tests each one per element:
        1.6 ms walking, 7.7 ms by XPath for 33 selectors). None: walk."""
        values = [*self.ids, *self.classes, *(v for vs in self.attributes.values() for v in vs)]
        if len(values) > XPATH_MAX_SELECTORS or any("'" in value for value in values):
            return None
        conditions = [f"@id='{value}'" for value in sorted(self.ids)]
        conditions += [f"contains(@class, '{value}')" for value in sorted(self.classes)]
        conditions += [f"@{name}='{value}'" for name, vs in sorted(self.attributes.items()) for value in sorted(vs)]
        return etree.XPath(f"descendant-or-self::*[{' or '.join(conditions)}]") if conditions else None

    def _hit(self, element: HtmlElement) -> bool:
        get = element.get
        if self.ids and get("id") in self.ids:
            return True
        if self.classes:
            classes = get("class")
            if classes and not self.classes.isdisjoint(classes.split()):
                return True
        return any(get(name) in values for name, values in self.attributes.items())

    def matches(self, tree: HtmlElement, names: PageNames | None = None) -> list[HtmlElement]:
        """Matching elements, outermost first (an element inside a matched one is not listed again).

        `names`: as for `for_page`."""
        found: list[HtmlElement] = []
        seen: set[HtmlElement] = set()  # a set: a page can have thousands of matches
        simple = self.for_page(tree, names)
        if simple.ids or simple.classes or simple.attributes:
            elements = simple.candidates(tree) if simple.candidates is not None else tree.iter(etree.Element)
            for element in elements:
                if simple._hit(element) and seen.isdisjoint(element.iterancestors()):
                    found.append(element)
                    seen.add(element)
        if self.xpath is not None:
            found.extend(e for e in self.xpath(tree) if e not in seen)
        return found


@lru_cache(maxsize=1024)
def _simple_set(selectors: tuple[str, ...]) -> SelectorSet:
    """The simple selectors a page has, built once per combination."""
    return SelectorSet(selectors, narrow=False)


@lru_cache(maxsize=64)
def selector_set(selectors: tuple[str, ...]) -> SelectorSet:
    """The `SelectorSet` of a profile's selectors, built once."""
    return SelectorSet(selectors)


def matches_any(tree: HtmlElement, selectors: tuple[str, ...], names: PageNames | None = None) -> bool:
    """True when any element of `tree` matches one of `selectors` (`names`: as for `SelectorSet.for_page`)."""
    return bool(selectors) and bool(selector_set(selectors).matches(tree, names))


# What trafilatura deletes with its content before it reads a body (`MANUALLY_CLEANED`), less what it
# looks at first: forms, figures holding tables, formulas, and the head (JSON-LD for its baseline).
NOT_READ_BY_TRAFILATURA = tuple(sorted(set(MANUALLY_CLEANED) - {"form", "figure", "head", "math"}))


def reading_copy(tree: HtmlElement) -> HtmlElement:
    """A copy of the page for the body step, without what trafilatura deletes anyway (scripts, styles,
    navigation, asides, footers, frames, form controls) and with the JSON-LD scripts kept.

    trafilatura's first passes are XPaths over the whole raw tree whose regular-expression tests call
    back into Python for each element: on a page thick with menus and scripts, a fifth of the
    elements is left for them (docs/performance.md). The page's own tree stays as fetched."""
    copied = deepcopy(tree)
    for element in list(copied.iter(*NOT_READ_BY_TRAFILATURA)):
        if element.tag == "script" and "ld+json" in (element.get("type") or ""):
            continue
        if element.getparent() is not None:
            element.drop_tree()
    return copied


def drop_nodes(tree: HtmlElement, selectors: tuple[str, ...], names: PageNames | None = None) -> int:
    """Remove every element matching `selectors` (tail text kept); returns how many were removed.

    `names`: as for `SelectorSet.for_page` (those of the page `tree` is a copy of)."""
    removed = 0
    for element in selector_set(selectors).matches(tree, names) if selectors else ():
        if element.getparent() is not None:
            element.drop_tree()
            removed += 1
    return removed


# trafilatura's precision mode first; when it keeps less than this much text (characters, a CJK
# character counting three) its default mode runs too, ...
PRECISION_MIN_TEXT = 500
# ... and wins when the precision text is less than this share of it (precision lost the article).
PRECISION_MIN_SHARE = 0.2
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]")


def _size(paragraphs: list[str]) -> int:
    return sum(len(p) + 2 * len(_CJK.findall(p)) for p in paragraphs)


# Text of at least this many characters lying loose in a container beside block children.
LOOSE_TEXT_CHARS = 40
_BLOCK_TAGS = frozenset({"p", "div", "section", "article", "ul", "ol", "table", "blockquote", "figure", "pre",
                         "h1", "h2", "h3", "h4", "h5", "h6"})
_CONTAINERS = ("div", "span", "section", "article", "main", "td", "font", "center")


def wrap_loose_text(tree: HtmlElement) -> int:
    """Put text that lies loose beside block elements ("<div>Text...<p>More</p>", what unclosed tags
    leave) into paragraphs of its own, so that precision mode, which reads paragraphs, keeps it.
    Returns how many were wrapped."""
    wrapped = 0
    for element in list(tree.iter(*_CONTAINERS)):
        text = element.text
        if text and len(text) >= LOOSE_TEXT_CHARS and len(text.strip()) >= LOOSE_TEXT_CHARS \
                and any(child.tag in _BLOCK_TAGS for child in element):
            paragraph = Element("p")
            paragraph.text, element.text = text, None
            element.insert(0, paragraph)
            wrapped += 1
    for block in list(tree.iter(*_BLOCK_TAGS)):
        tail = block.tail
        if tail and len(tail) >= LOOSE_TEXT_CHARS and len(tail.strip()) >= LOOSE_TEXT_CHARS:
            parent = block.getparent()
            if parent is not None and parent.tag in _CONTAINERS:
                paragraph = Element("p")
                paragraph.text, block.tail = tail, None
                block.addnext(paragraph)
                wrapped += 1
    return wrapped


_MARKERS = frozenset({"span", "a", "i", "b", "em", "strong", "font", "small"})


def drop_empty_markers(tree: HtmlElement) -> int:
    """Remove empty inline elements that only mark a place in running text (WordPress's
    `<span id="more-123"></span>`, named anchors), keeping the text after them: trafilatura's
    precision pruning takes such a marker's id or class for furniture and the sentence after it goes
    with it. Returns how many were removed."""
    markers = [element for element in tree.iter(*_MARKERS)
               if len(element) == 0 and not (element.text or "").strip() and (element.tail or "").strip()
               and (element.get("id") or element.get("class") or element.get("name"))
               and element.getparent() is not None]
    for element in markers:
        element.drop_tree()
    return len(markers)


def main_paragraphs(tree: HtmlElement, url: str,
                    whole: Callable[[], HtmlElement] | None = None) -> tuple[list[str], list[str]]:
    """`(body, other)`: the body by trafilatura's precision mode, or by its default mode when precision
    kept only a sliver of what the default finds; `other` is the default-mode output when it was
    computed and not chosen (the page's extent of text, for telling an article from a page), else [].

    `tree` is what precision mode reads; `whole`, when given, builds the page as readability, justext
    and trafilatura's default mode must see it (they measure and score the whole page), only when one
    of them runs: `tree` can then be a `reading_copy`."""
    page = _Trees(tree, whole)
    precise = body_paragraphs(page.reading, url, precision=True, whole=page.whole)
    if _size(precise) >= PRECISION_MIN_TEXT:
        return precise, []
    default = body_paragraphs(page.whole(), url)
    return (default, []) if precision_lost_the_article(precise, default) else (precise, default)


class _Trees:
    """The reading tree and the whole page, each prepared for trafilatura once; the whole page is
    built when first asked for."""

    def __init__(self, reading: HtmlElement, build_whole: Callable[[], HtmlElement] | None) -> None:
        self.reading = _prepared(reading)
        self._build = build_whole
        self._whole = None if build_whole is not None else self.reading

    def whole(self) -> HtmlElement:
        if self._whole is None:
            assert self._build is not None
            self._whole = _prepared(self._build())
        return self._whole


def _prepared(tree: HtmlElement) -> HtmlElement:
    drop_empty_markers(tree)
    wrap_loose_text(tree)
    return tree


def precision_lost_the_article(precise: list[str], default: list[str]) -> bool:
    """True when the precision output holds less than `PRECISION_MIN_SHARE` of the default's text."""
    return _size(precise) < PRECISION_MIN_SHARE * _size(default)


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


def body_paragraphs(tree: HtmlElement, url: str, *, precision: bool = False,
                    whole: Callable[[], HtmlElement] | None = None) -> list[str]:
    """Paragraph texts of the main content, in reading order; [] when trafilatura finds none.

    `precision`: trafilatura's `favor_precision` (stricter pruning of link lists and comments)."""
    return [text for _, text in body_blocks(tree, url, precision=precision, whole=whole)]


# trafilatura's own extraction is kept without its comparison with readability and justext when it
# has at least this much text (characters) in paragraphs, no more tables than paragraphs and none
# of the elements that call for justext: then readability replaces it only if it finds more than
# twice the text, which on real pages it did not (docs/performance.md, measured with pages_bench).
FAST_MIN_TEXT = 1500
_UNCLEAN = ".//aside|.//audio|.//button|.//fencedframe|.//fieldset|.//figure|.//footer|.//iframe|.//input|" \
    ".//label|.//link|.//nav|.//noindex|.//noscript|.//object|.//option|.//select|.//source|.//svg|.//time"


def _extraction(tree: HtmlElement, url: str, precision: bool, fast: bool) -> object:
    return trafilatura.bare_extraction(
        tree,
        url=url,
        include_comments=False,
        include_tables=True,
        include_links=False,
        with_metadata=False,
        favor_precision=precision,
        fast=fast,
    )


def _needs_comparison(body: object) -> bool:
    """True when trafilatura's comparison with readability and justext could change `body`."""
    if body is None:
        return True
    paragraphs = body.findall(".//p")  # type: ignore[attr-defined]
    if sum(len(text) for p in paragraphs for text in p.itertext()) < FAST_MIN_TEXT:
        return True
    return len(body.findall(".//table")) > len(paragraphs) or bool(body.xpath(_UNCLEAN))  # type: ignore[attr-defined]


def body_blocks(tree: HtmlElement, url: str, *, precision: bool = False,
                whole: Callable[[], HtmlElement] | None = None) -> list[tuple[str, str]]:
    """`(tag, text)` of each block trafilatura keeps: `p`, `head`, `list`, `quote`, `table`...

    `whole`: the page the comparison with readability and justext reads, when `tree` is not all of it."""
    # Precision mode only: the default mode's short-text escalation also depends on the comparison.
    document = _extraction(tree, url, precision, fast=precision)
    if precision and _needs_comparison(getattr(document, "body", None)):
        document = _extraction(whole() if whole is not None else tree, url, precision, fast=False)
    return _blocks(document)


def _blocks(document: object) -> list[tuple[str, str]]:
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
