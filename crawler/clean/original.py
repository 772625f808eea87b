"""Where a republished copy came from: links and markup that name the original.

Auto-blogging plugins end posts with `<a href="[original link]">Source link </a>`; other copies
say "Read the original article at ..."; some declare `<link rel="original-source">` or
`<meta name="syndication-source">`. The footer text ("This article originally appeared in X")
names the publisher; `crawler.clean.paragraphs` reads that part.
"""

from __future__ import annotations

import re

from lxml.html import HtmlElement

from crawler.tree_text import element_text
from crawler.urls import absolute, host_of

_LINK_TEXTS = ("source link", "source url", "original source", "read the original article", "read the full article",
               "view the original article", "read original article", "original article")
#: Longest footer link text considered (after runs of XML whitespace become one space).
MAX_LINK_CHARS = 60
# Every label says "source" or "article": a link saying neither (a page has hundreds of menu links)
# is passed over after one lower-casing, before any other test.
_QUICK = ("source", "article")
_XML_SPACE = re.compile(r"[ \t\r\n]+")
# Declared originals, in order of trust: (tag, attribute naming it, its value, attribute holding the URL).
_MARKUP = (
    ("link", "rel", "original-source", "href"),
    ("meta", "name", "syndication-source", "content"),
    ("meta", "name", "original-source", "content"),
)


def source_link(tree: HtmlElement, page_url: str) -> str | None:
    """The URL of the original named by a source link or syndication markup; None when there is none."""
    for declared in _declared(tree):
        url = absolute(declared, page_url)
        if url and host_of(url) != host_of(page_url):
            return url
    for anchor in reversed(_footer_candidates(tree)):  # footers are at the end
        text = " ".join(anchor.text_content().split()).casefold().rstrip(" .:»›→")
        if any(text == label or text.startswith(label + " at ") for label in _LINK_TEXTS):
            linked = absolute(anchor.get("href"), page_url)
            if linked and host_of(linked) != host_of(page_url):
                return linked
    return None


def _declared(tree: HtmlElement) -> list[str]:
    """The URLs `<link rel="original-source">` and the syndication `<meta>` tags give, most trusted first."""
    found: list[list[str]] = [[] for _ in _MARKUP]
    for element in tree.getroottree().getroot().iter("link", "meta"):
        for rank, (tag, key, value, holder) in enumerate(_MARKUP):
            if element.tag == tag and element.get(key) == value and (url := element.get(holder)) is not None:
                found[rank].append(url)
    return [url for urls in found for url in urls]


def _footer_candidates(tree: HtmlElement) -> list[HtmlElement]:
    """Links (with an href) whose short text says "source" or "article" in any case, in document order."""
    # A page has hundreds of menu links: the loop body is kept to a few C calls for each of them
    # (a link's own text read inline, the two words tested without a generator).
    candidates = []
    quick, other = _QUICK
    for anchor in tree.getroottree().getroot().iter("a"):
        text = element_text(anchor) if len(anchor) else anchor.text
        if not text:
            continue
        lowered = text.lower()
        if quick not in lowered and other not in lowered:
            continue
        if anchor.get("href") is not None and len(_XML_SPACE.sub(" ", text).strip(" \t\r\n")) <= MAX_LINK_CHARS:
            candidates.append(anchor)
    return candidates
