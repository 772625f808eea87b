"""Visible date lines: where on a page the text shows a date, outside comments and sidebars.

Three kinds of text, found in one pass over the body's text nodes:
- labelled lines: short lines naming a date ("Published: 11:59am, 11 Jul 2025", "发布时间：...",
  "Publié le 29/10/2012", "2025-02-18 06:40更新"), unless the label is link text (a link's
  "posted 2019/02/16" is another page's date);
- dated elements: the short text of an element whose class or id says date or time, around a
  text with a digit (`<span class="date">12.29.14</span>`, `<div class="pubdate">2019年4月4日</div>`);
- bare dates: a short text that is nothing but a date (`<p>2019.03.05</p>`); they count only
  when they all give one day (a lone date; several days are a list of other stories).
`sources.visible_date_candidates` reads the values. See docs/dates.md.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from lxml import etree
from lxml.html import HtmlElement

from crawler.dates.model import DateCandidate
from crawler.dates.parse import parse_value
from crawler.dates.regions import in_furniture
from crawler.dates.sources import visible_date_candidates
from crawler.dates.zones import Reading

_LINE_WORDS = re.compile(
    r"ublish|pdated|osted|odified|PUBLISH|UPDATED|POSTED|MODIFIED|ublié|UBLIÉ|is à jour|öffentlicht|ktualisiert"
    r"|ublicado|ctualizado|tualizado|ubblicato|ggiornato|epubliceerd|ijgewerkt"
    r"|发布|發佈|發布|发表|發表|更新|修改|来源|來源|公開|投稿|掲載|配信"
)
"""Words that make a short text worth reading as a labelled date line (a cheap test first; case
sensitive on purpose: the suffixes of "Published"/"published" and the capitals of "PUBLISHED")."""
_TEXTS = etree.XPath("//body//text()")
_BARE_HINT = re.compile(r"(?:19|20)\d\d|\d[./-]\d{1,2}[./-]\d\d")
"""A year or a numeric date: what every bare date text has (the parser decides the rest)."""
_DATED_NAME = re.compile(r"date|time|publish|posted", re.I)
"""A class or id saying its element holds a date ("date", "pubDate", "publish-time", "timestamp")."""
_DATED_DEPTH = 3
"""How far up from a text its dated element may be (`<span class="date"><a><b>12.29.14`)."""
_DIGIT = re.compile(r"\d")
_NOT_TEXT = frozenset({"script", "style", "noscript", "template"})
_MAX_TEXT = 200
_MAX_LINE = 120
_MAX_DATED_TEXT = 100
_MAX_BARE = 40


@dataclass
class VisibleText:
    """The date-bearing texts of one page, in document order, without duplicates."""

    labelled: list[str] = field(default_factory=list)
    dated: list[str] = field(default_factory=list)
    bare: list[str] = field(default_factory=list)
    seen: set[tuple[int, str]] = field(default_factory=set)
    """(list, text) pairs already added: a set, so that a page of 100,000 dates is not quadratic."""


def _add(found: VisibleText, lines: list[str], line: str) -> None:
    key = (id(lines), line)
    if key not in found.seen:
        found.seen.add(key)
        lines.append(line)


def _short_text(element: HtmlElement, limit: int, cache: dict[tuple[HtmlElement, int], str | None]) -> str | None:
    """The element's text with whitespace collapsed, or None when longer than `limit`.

    Read once per element, and only until `limit` visible characters are passed: `text_content()`
    for each of 20,000 "Published ..." lines of one paragraph read the whole paragraph each time
    (a 500 KB page: 50 s).
    """
    if (element, limit) in cache:
        return cache[element, limit]
    pieces: list[str] = []
    visible = 0
    line: str | None = None
    for piece in element.itertext():
        pieces.append(piece)
        visible += len(piece) - sum(1 for char in piece if char.isspace())
        if visible > limit:  # the collapsed text is at least as long as its visible characters
            break
    else:
        line = " ".join("".join(pieces).split())
        line = line if len(line) <= limit else None
    cache[element, limit] = line
    return line


def _dated_element(element: HtmlElement) -> HtmlElement | None:
    """`element` or a near ancestor whose class or id names a date, else None."""
    node: HtmlElement | None = element
    for _ in range(_DATED_DEPTH):
        if node is None or node.tag == "body":
            return None
        names = node.get("class"), node.get("id")
        if any(name and _DATED_NAME.search(name) for name in names):
            return node
        node = node.getparent()
    return None


def _in_link(element: HtmlElement) -> bool:
    """True inside a link's text: "Original (posted 2019/02/16)" names another page's date."""
    node: HtmlElement | None = element
    for _ in range(_DATED_DEPTH):
        if node is None:
            return False
        if node.tag == "a":
            return True
        node = node.getparent()
    return False


def scan(tree: HtmlElement) -> VisibleText:
    """Labelled lines, dated elements' texts and bare dates of the page's body, outside furniture.

    One pass over the body's text nodes; only short ones naming a date word or holding a digit are
    looked at further.
    """
    found = VisibleText()
    texts: dict[tuple[HtmlElement, int], str | None] = {}
    for text in _TEXTS(tree):
        if len(text) >= _MAX_TEXT:
            continue
        labelled = _LINE_WORDS.search(text) is not None
        if not labelled and _DIGIT.search(text) is None:
            continue
        parent = text.getparent()
        if parent is not None and text.is_tail:
            parent = parent.getparent()
        if parent is None or parent.tag in _NOT_TEXT or not isinstance(parent.tag, str):
            continue
        dated = None if labelled else _dated_element(parent)
        bare = not labelled and dated is None and len(text) <= _MAX_BARE + 20 and _BARE_HINT.search(text)
        if not (labelled or dated is not None or bare) or in_furniture(parent):
            continue
        if labelled:
            short = _short_text(parent, _MAX_LINE, texts)
            if short and not _in_link(parent):
                _add(found, found.labelled, short)
        elif dated is not None:
            short = _short_text(dated, _MAX_DATED_TEXT, texts)
            if short is not None and 6 <= len(short):
                _add(found, found.dated, short)
        elif len(line := " ".join(text.split())) <= _MAX_BARE:
            _add(found, found.bare, line)
    return found


def lone_date_candidates(bare: list[str], how: Reading | None) -> list[DateCandidate]:
    """The bare dates of a page, when they all give one day; else none."""
    days = set()
    values = []
    for text in bare:
        parsed = parse_value(text, "UTC", fallback=False, how=how)
        if parsed is not None:
            days.add(parsed.value.date())
            values.append(text)
    return [DateCandidate("visible", "published", values[0])] if len(days) == 1 else []


def visible_candidates(tree: HtmlElement, how: Reading | None = None) -> list[DateCandidate]:
    """Every visible-date candidate of the page: labelled lines, then dated elements, then a lone date."""
    text = scan(tree)
    return [
        *visible_date_candidates(text.labelled, how),
        *visible_date_candidates(text.dated, how, leading=True),
        *lone_date_candidates(text.bare, how),
    ]
