"""How a page is laid out: teaser cards, headline links in headings, captions, tables, players.

Measured on the whole parsed tree before the body step drops anything; `Layout.teaser_share` then
says how much of the extracted body text came out of teaser cards. Read by `crawler.extract.verdict`;
see docs/cleaning.md (Articles and other pages).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from urllib.parse import urljoin, urlsplit

from lxml import etree
from lxml.html import HtmlElement

from crawler.tree_text import element_text

HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]")
# A link reads as a headline when its text has this many words (CJK: characters) ...
HEADLINE_WORDS = 4
HEADLINE_CJK = 6
# ... or sits in (or wraps) a heading, or a class says so, with at least this many words.
HEADING_LINK_WORDS = 3
# A link in a paragraph with this many characters of other text is a reference, not a headline.
PARAGRAPH_WORDS_CHARS = 6
_TITLE_CLASS = re.compile(r"title|headline|heading|hed\b", re.IGNORECASE)
# Text pieces of a card shorter than this are not looked for in the body text (dates, labels).
CARD_CHUNK_CHARS = 12
# A card starts with its headline: no more text than this before it (a kicker, a date, a label).
# A container where a headline link comes after more text is an article or a box, not its card.
CARD_LEAD_CHARS = 120
# A lone card holding the body text counts as a teaser up to this size (a lead story's block).
TEASER_MAX_CHARS = 1200
_PLAYER = re.compile(r"youtube|vimeo|player|embed|dailymotion|brightcove|jwplatform|soundcloud|spotify|podcast",
                     re.IGNORECASE)
_HIDDEN = ("script", "style", "noscript", "template")
# Elements with a caption class, found from their `class` attributes: libxml2 tests every element of
# `.//*[self::p or ...][contains(@class, 'caption')]` in four times the time.
_CAPTIONS = etree.XPath(".//figcaption"
                        " | .//@class[contains(., 'caption')]/parent::*[self::p or self::div or self::span]")
_TABLES = etree.XPath(".//table[not(ancestor::table)]")


def _words(text: str) -> int:
    return len(text.split()) + len(_CJK.findall(text))


def _squash(text: str | None) -> str:
    return " ".join((text or "").split())


@dataclass
class Layout:
    """Measurements of one page (see the module docstring)."""

    text_chars: int = 0
    """Visible text of the body."""
    heading_links: int = 0
    """Links to other pages of the site that read as headlines, in (or around) a heading element."""
    cards: list[list[str]] = field(default_factory=list)
    """Per teaser card (a headline link's largest container holding no other): its text pieces."""
    card_sizes: list[int] = field(default_factory=list)
    """Per teaser card: its text length."""
    captions: int = 0
    """<figcaption> and caption-classed elements."""
    table_chars: int = 0
    numeric_table_chars: int = 0
    """Text inside tables, and of which digits."""
    players: int = 0
    """<video>, <audio> and player iframes."""

    def teaser_share(self, text: str) -> tuple[float, int, float]:
        """`(share, cards, top)`: the share of `text` (the extracted body) found in teaser cards, how
        many cards it draws from, and the share of the card it draws most from."""
        if not text or not self.cards:
            return 0.0, 0, 0.0
        per_card = []
        covered: set[str] = set()  # a body sentence that several cards repeat counts once
        for chunks, card_size in zip(self.cards, self.card_sizes, strict=True):
            found = [chunk for chunk in chunks if chunk in text]
            if found:
                per_card.append((sum(map(len, found)), card_size))
                covered.update(found)
        if len(per_card) == 1 and per_card[0][1] > TEASER_MAX_CHARS:
            return 0.0, 0, 0.0  # one large block around a headline link: an article or a box, not a teaser
        size = len(text)
        top = max((found for found, _ in per_card), default=0)
        return min(1.0, sum(map(len, covered)) / size), len(per_card), min(1.0, top / size)



def _own_paths(url: str, own: tuple[str | None, ...]) -> set[str]:
    paths = {urlsplit(url).path.rstrip("/")}
    paths.update(urlsplit(urljoin(url, o)).path.rstrip("/") for o in own if o)
    return paths


def _other_page(href: str, url: str, host: str, own_paths: set[str]) -> bool:
    """A link to another page of the same site (not an anchor, not this page, not elsewhere)."""
    if not href or href.startswith(("#", "javascript:", "mailto:", "tel:")):
        return False
    target = urlsplit(href if href.startswith(("http://", "https://")) else urljoin(url, href))
    if target.scheme not in ("http", "https", "file", ""):
        return False
    if host and target.netloc and target.netloc.removeprefix("www.") != host:
        return False
    return target.path.rstrip("/") not in own_paths


_INLINE = frozenset({"a", "span", "em", "strong", "b", "i", "u", "font", "small", "abbr", "cite", "code", "mark",
                     "q", "sub", "sup", "time", "br", "img", "label"})


def _line_size(block: HtmlElement) -> int:
    """Characters of `block`'s own lines: its text, its inline children's and their tails."""
    size = len((block.text or "").strip())
    for child in block:
        if isinstance(child.tag, str) and child.tag in _INLINE:
            size += sum(len(t.strip()) for t in child.itertext())
        size += len((child.tail or "").strip())
    return size


def _inline_link(link: HtmlElement, text: str, sizes: dict[HtmlElement, int]) -> bool:
    """A link inside running text: a reference in an article, not a headline. Its paragraph holds
    other words beside it, or its block says much more than the link on the same lines; a teaser's
    headline stands in a block of its own. (`sizes`: line sizes of the blocks seen, each measured once.)"""
    block = link.getparent()
    while block is not None and block.tag in _INLINE:
        block = block.getparent()
    if block is None:
        return False
    size = sizes.get(block)
    if size is None:
        size = sizes[block] = _line_size(block)
    if block.tag == "p":
        return size - len(text) >= PARAGRAPH_WORDS_CHARS
    return size > 2 * len(text) + 20


def _headline(link: HtmlElement, text: str) -> tuple[bool, bool]:
    """`(headline, in_heading)` for one link's text."""
    parent = link.getparent()
    in_heading = (parent is not None and parent.tag in HEADINGS) \
        or any(e.tag in HEADINGS for e in link.iterdescendants())
    words = _words(text)
    classes = (link.get("class") or "") + " " + ((parent.get("class") or "") if parent is not None else "")
    titled = bool(_TITLE_CLASS.search(classes))
    if (in_heading or titled) and words >= HEADING_LINK_WORDS:
        return True, in_heading
    cjk = len(_CJK.findall(text))
    return (words >= HEADLINE_WORDS or cjk >= HEADLINE_CJK) and len(text) >= 12, in_heading


def _chunks(element: HtmlElement) -> list[str]:
    pieces = [_squash(t) for t in element.itertext()]
    return [p for p in pieces if len(p) >= CARD_CHUNK_CHARS or len(_CJK.findall(p)) >= 4]


def read_layout(tree: HtmlElement, url: str, own: tuple[str | None, ...] = ()) -> Layout:
    """Measure `tree` (the page as fetched; `own`: its canonical URLs, never teaser targets)."""
    layout = Layout()
    body = next(tree.iter("body"), None)
    if body is None:
        return layout
    host = (urlsplit(url).netloc or "").removeprefix("www.")
    own_paths = _own_paths(url, own)
    layout.text_chars = visible_chars(body)

    links: list[HtmlElement] = []
    sizes: dict[HtmlElement, int] = {}
    for element in body.iter("a"):
        text = _squash(element_text(element))
        if not text:
            continue
        headline, in_heading = _headline(element, text)  # cheapest test first: most links are labels
        if headline and not _inline_link(element, text, sizes) \
                and _other_page((element.get("href") or "").strip(), url, host, own_paths):
            links.append(element)
            layout.heading_links += in_heading
    layout.captions = len(_CAPTIONS(body))
    for element in _TABLES(body):
        text = _squash(element.text_content())
        layout.table_chars += len(text)
        layout.numeric_table_chars += sum(c.isdigit() for c in text)
    layout.players = sum(e.tag != "iframe" or bool(_PLAYER.search(e.get("src") or ""))
                         for e in body.iter("video", "audio", "iframe"))
    _read_cards(layout, links, body)
    return layout


def visible_chars(body: HtmlElement) -> int:
    """Characters of the text nodes under `body` outside scripts, styles, noscripts and templates, each
    node stripped: all of them, less those of each outermost hidden element (no test of every text
    node's ancestors, which libxml2 makes for `.//text()[not(ancestor::script or ...)]`)."""
    total = sum(len(text.strip()) for text in body.itertext())
    for hidden in body.iter(*_HIDDEN):
        if not any(ancestor.tag in _HIDDEN for ancestor in hidden.iterancestors()):
            total -= sum(len(text.strip()) for text in hidden.itertext())
    return total


def _text_before(child: HtmlElement, parent: HtmlElement, limit: int) -> int:
    """Characters of `parent`'s text before `child` (counted up to just over `limit`)."""
    size = len((parent.text or "").strip())
    for sibling in parent:
        if sibling is child or size > limit:
            break
        if isinstance(sibling.tag, str):
            size += sum(len(t.strip()) for t in sibling.itertext())
        size += len((sibling.tail or "").strip())
    return size


def _read_cards(layout: Layout, links: list[HtmlElement], body: HtmlElement) -> None:
    """Each headline link's card: its largest ancestor holding no other headline link and no <h1> the
    link is not part of (an article's own body is never a card of a link beside it)."""
    counts: dict[HtmlElement, int] = {}
    for link in links:
        for ancestor in link.iterancestors():
            counts[ancestor] = counts.get(ancestor, 0) + 1
    h1_holders = {a for h in body.iter("h1") for a in h.iterancestors()} | set(body.iter("h1"))
    for link in links:
        card = link
        in_h1 = any(a.tag == "h1" for a in link.iterancestors())
        before = 0
        for ancestor in link.iterancestors():
            if ancestor is body or counts.get(ancestor, 0) > 1 or (ancestor in h1_holders and not in_h1):
                break
            before += _text_before(card, ancestor, CARD_LEAD_CHARS - before)
            if before > CARD_LEAD_CHARS:
                break
            card = ancestor
        text = _squash(card.text_content())
        layout.cards.append(_chunks(card))
        layout.card_sizes.append(len(text))
