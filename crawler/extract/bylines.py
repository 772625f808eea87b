"""Who wrote the article: structured data first, then the byline the page shows.

Order: JSON-LD `author` (people only), the Next.js payload, author meta tags, then the visible byline
(`itemprop=author`, `rel=author`, byline/author class names, in page order, outside comments and
related-story boxes), then a "By ..." / "记者 ..." line of text. Names go through
`crawler.extract.names`. Read before the body step drops page furniture. See docs/cleaning.md.
"""

from __future__ import annotations

import re
from typing import Any

from lxml import etree
from lxml.html import HtmlElement

from crawler.extract import jsonld as ld
from crawler.extract import nextdata as nd
from crawler.extract.meta import PageMeta
from crawler.extract.names import names_from_byline

# Meta tags that carry an author name (URLs and handles are refused by the name checks).
AUTHOR_META = ("author", "article:author", "parsely-author", "sailthru.author", "dc.creator",
               "dcterms.creator", "citation_author", "byl", "og:article:author")
_LAST_FIRST_META = frozenset({"citation_author", "dc.creator", "dcterms.creator"})
# Class or id fragments of byline elements, and of regions whose names are not the article's author.
_BYLINE_CLASS = re.compile(r"by[-_]?line|author|autor|auteur|writer|reporter|journalist|contributor|firma"
                           r"|(?:^|\s)byl(?:\s|$)", re.IGNORECASE)
_CLASS_HINTS = ("byl", "by-l", "by_l", "aut", "writer", "reporter", "journalist", "contributor", "firma")
_EXCLUDED_REGION = re.compile(
    r"comment|related|recommend|popular|trending|recirc|more-?from|newsletter|(?:^|[\s_-])nav"
    r"|menu|breadcrumb|search|share|social|signup|promo|(?:^|[\s_-])ad(?:s|vert)?(?:[\s_-]|$)",
    re.IGNORECASE,
)
_SKIPPED_TAGS = frozenset({"script", "style", "noscript", "head", "meta", "link", "title", "nav",
                           "select", "option", "button", "form", "img", "svg"})
MAX_BYLINE_CHARS = 160
MAX_BLOCK_CHARS = 260
# A line that is a byline by its words alone.
_BY_LINE = re.compile(r"^\s*(?:by|written by|posted by|words by|story by|par|por|von|door)\s*[:：]?\s+\S",
                      re.IGNORECASE)
_BY_START = re.compile(r"(?:by|written by|posted by|words by|story by|par|por|von|door)(?:\s|[:：]|$)",
                       re.IGNORECASE)
_PREFIX_ONLY = re.compile(r"^\s*(?:by|written by|posted by|par|por|von|door|作者)\s*[:：]?\s*$", re.IGNORECASE)
_OTHER_CREDIT = re.compile(r"(?:illustrat\w*|photo\w*|pictures?|images?|video|graphics?|edited|translat\w*)"
                           r"\s+(?:by|:)\s*$", re.IGNORECASE)
_LINE_TAGS = ("p", "div", "span", "em", "strong", "b", "i", "h4", "h5", "h6", "small", "address", "cite")
_CN_BY_LINE = re.compile(r"^\s*[（(]?\s*(?:本报|新华社|中新社)?(?:特约)?(?:记者|作者\s*[:：]|文\s*[/／]|撰文\s*[:：]?)")
_CN_INLINE = re.compile(r"[（(]\s*(?:本报)?记者\s*([\u4e00-\u9fff]{2,4}(?:[\s、][\u4e00-\u9fff]{2,4})*)\s*[)）]")


def structured_authors(jsonld: dict[str, Any] | None, next_article: dict[str, Any] | None,
                       meta: PageMeta) -> list[str]:
    """Author values of JSON-LD (people, not organisations), the Next.js payload, then meta tags."""
    found = ld.person_names((jsonld or {}).get("author"))
    if found:
        return found
    found = nd.names((next_article or {}).get("authors"))
    if found:
        return found
    for key in AUTHOR_META:
        values = meta.all(key)
        if key in _LAST_FIRST_META:  # scholarly "Last, First"
            values = [" ".join(reversed(v.split(",", 1))) if v.count(",") == 1 else v for v in values]
        if values:
            return values
    return []


def _classes(element: HtmlElement) -> str:
    return f"{element.get('class') or ''} {element.get('id') or ''}"


def _is_byline(element: HtmlElement) -> tuple[bool, bool]:
    """(candidate, strong): strong for itemprop/rel author and <author>/<byline> elements."""
    if element.tag in ("author", "byline"):
        return True, True
    if "author" in (element.get("itemprop") or "").lower() or "author" in (element.get("rel") or "").lower():
        return True, True
    classes = _classes(element).lower()
    # Substring tests first (most elements have none of these): the regex only confirms a hit.
    return any(word in classes for word in _CLASS_HINTS) and bool(_BYLINE_CLASS.search(classes)), False


def _anchor(tree: HtmlElement, headline: str | None) -> HtmlElement | None:
    """The headline's <h1> (the first <h1>, else the first <article>, when none matches it)."""
    first = None
    wanted = " ".join((headline or "").split()).casefold()
    for h1 in tree.iter("h1"):
        first = first if first is not None else h1
        if wanted and _text(h1).casefold() == wanted:
            return h1
    return first if first is not None else next(tree.iter("article"), None)


def _excluded(element: HtmlElement, protected: set[HtmlElement]) -> bool:
    """Inside a comment list, related-story box, menu or page footer (not a wrapper of the article;
    an <article>'s own footer holds its byline)."""
    ancestors = list(element.iterancestors())
    for index, ancestor in enumerate(ancestors):
        if ancestor in protected:
            return False
        classes = _classes(ancestor)
        if ancestor.tag == "footer" or "footer" in classes.lower():
            if not any(a.tag == "article" for a in ancestors[index + 1:]):
                return True
        elif ancestor.tag in _SKIPPED_TAGS or _EXCLUDED_REGION.search(classes):
            return True
    return False


# Elements that may be bylines: any with the attributes `_is_byline` reads (found in C, tested in Python);
# `//*[@class or @id or @itemprop or @rel]` written from the attributes, which libxml2 finds faster.
_CANDIDATES = etree.XPath("//@class/.. | //@id/.. | //@itemprop/.. | //@rel/.. | //author | //byline")


def _after(tree: HtmlElement, anchor: HtmlElement | None, elements: set[HtmlElement]) -> set[HtmlElement]:
    """Those of `elements` that come after `anchor` in page order (all of them without an anchor)."""
    if anchor is None or not elements:
        return set(elements)
    following: set[HtmlElement] = set()
    seen = False
    for element in tree.iter():
        if element is anchor:
            seen = True
        elif seen and element in elements:
            following.add(element)
    return following


class _Bylines:
    """The byline elements of one page, nearest to the headline first."""

    def __init__(self, tree: HtmlElement, headline: str | None) -> None:
        anchor = _anchor(tree, headline)
        self.protected = set(anchor.iterancestors()) if anchor is not None else set()
        after: list[tuple[HtmlElement, bool]] = []
        before: list[tuple[HtmlElement, bool]] = []
        found = []
        for element in _CANDIDATES(tree):  # page order
            if element.tag in _SKIPPED_TAGS:
                continue
            candidate, strong = _is_byline(element)
            if candidate and not _excluded(element, self.protected):
                found.append((element, strong))
        following = _after(tree, anchor, {element for element, _ in found})
        for element, strong in found:
            (after if element in following else before).append((element, strong))
        # After the headline in page order, then before it, nearest first.
        self.candidates = after + before[::-1]
        elements = {element for element, _ in self.candidates}
        self.outer = {a for element, _ in self.candidates for a in element.iterancestors() if a in elements}
        self.leaves = [(e, s) for e, s in before + after if e not in self.outer]  # page order

    def leaf_names(self, scope: HtmlElement) -> list[str]:
        """Names of the innermost byline elements within `scope`, in page order."""
        return [n for e, s in self.leaves if e is scope or scope in e.iterancestors() for n in _names_in(e, s)]


def _text(element: HtmlElement) -> str:
    parts = []
    for node in element.iter():
        if not isinstance(node.tag, str) or node.tag in _SKIPPED_TAGS:
            if node is not element and node.tail:
                parts.append(node.tail)
            continue
        if node.text:
            parts.append(node.text)
        if node is not element and node.tail:
            parts.append(node.tail)
    return " ".join(" ".join(parts).split())


def _names_in(element: HtmlElement, strong: bool) -> list[str]:
    named = [e for e in element.iter() if isinstance(e.tag, str) and (e.get("itemprop") or "").lower() == "name"]
    texts = [_text(e) for e in named] or [_text(element)]
    if _PREFIX_ONLY.match(texts[0]) and element.getparent() is not None:  # "<span class=by>By</span> <a>X</a>"
        texts = [_text(element.getparent())]
    out: list[str] = []
    for text in texts:
        if len(text) > MAX_BYLINE_CHARS:
            continue
        out += [n for n in names_from_byline(text, strict=not strong and not _BY_LINE.match(text)) if n not in out]
    return out


def _block(element: HtmlElement) -> HtmlElement:
    """The byline's container: the highest of three ancestors that is still short."""
    block = element
    for ancestor in list(element.iterancestors())[:3]:
        if len(_text(ancestor)) > MAX_BLOCK_CHARS:
            break
        block = ancestor
    return block


def _credited(block: HtmlElement, names: list[str]) -> list[str]:
    """Names of the block that are not credited for something else ("Illustration by X")."""
    text = _text(block)
    out = []
    for name in names:
        at = text.find(name)
        if at < 0 or not _OTHER_CREDIT.search(text[max(0, at - 40):at]):
            out.append(name)
    return out


def visible_authors(tree: HtmlElement, headline: str | None = None) -> list[str]:
    """Names in the byline element nearest the headline that holds any, with the co-authors of its
    block. A byline element holding other byline elements ("By <span class=author>A</span> and ...")
    is read through them; its own text only when they hold no name."""
    bylines = _Bylines(tree, headline)
    for element, strong in bylines.candidates:
        names = bylines.leaf_names(element) or (_names_in(element, strong) if element in bylines.outer else [])
        if names:
            block = _block(element)
            return _dedupe(names + _credited(block, bylines.leaf_names(block)))
    return []


def _dedupe(names: list[str]) -> list[str]:
    out: list[str] = []
    for name in names:
        if name not in out:
            out.append(name)
    return out


def text_authors(tree: HtmlElement, headline: str | None = None) -> list[str]:
    """A short "By X" / "本报记者 X" line outside excluded regions, or "（记者X）" in a paragraph."""
    anchor = _anchor(tree, headline)
    protected = set(anchor.iterancestors()) if anchor is not None else set()
    for element in tree.iter(*_LINE_TAGS):
        start = (element.text or "").lstrip()
        if not start or not (_BY_START.match(start) or _CN_BY_LINE.match(start)):
            continue
        text = _text(element)
        if len(text) <= MAX_BYLINE_CHARS and not _excluded(element, protected):
            names = names_from_byline(text)
            if names:
                return names
    for element in tree.iter("p"):
        match = _CN_INLINE.search(element.text or "")
        if match:
            return names_from_byline(match.group(1))
    return []


def page_authors(tree: HtmlElement, headline: str | None = None) -> list[str]:
    """The visible byline, else a byline line of text."""
    return visible_authors(tree, headline) or text_authors(tree, headline)
