"""Page furniture whose dates are not the article's: comments, sidebars, related lists, footers.

Candidates inside such a region are skipped, and the tree htmldate searches is pruned of them.
Always furniture: an element whose class or id names comments, sidebars, related, recommended,
trending or most-read lists (whole words, so `commentary` is not). Page furniture: `<aside>`,
`<footer>` and footer classes, unless inside the article (`<article>`, `<main>`, a microdata
article scope), where an article's own footer often carries its date. A region holding the page's
`<h1>` is a layout wrapper, never furniture. See docs/dates.md.
"""

from __future__ import annotations

import re

from lxml.html import HtmlElement

PAGE_FURNITURE_TAGS = frozenset({"aside", "footer"})
_ALWAYS_WORD = re.compile(
    r"^(?:comments?|comment(?:list|area|body|section|thread|wrap\w*)|disqus\w*|sidebar\w*|related\w*"
    r"|recommend\w*|trending\w*|popular\w*|most(?:read|popular|viewed|shared)\w*|outbrain\w*|taboola\w*)$"
)
"""One word (between "-" and "_") of a class or id naming furniture anywhere: `comment-list`,
`jp-relatedposts`, `relatedStories`, `sidebar1`; not `commentary`, `withSidebar`, nor `widget`
(Blogger's post body is `widget Blog`)."""
_ALWAYS_PHRASES = ("mostread", "mostpopular", "mostviewed", "mostshared", "morestories", "morenews",
                   "readnext", "youmaylike", "youmightlike", "sidebar")
"""Words joined by "-" or "_": `most-read`, `more_stories`, `side-bar`."""
_PAGE_WORD = re.compile(r"^(?:footer|site-?footer|global-?footer)$")
"""A class/id word of page furniture (outside the article only)."""
_NEGATING_WORDS = frozenset({"has", "no", "with", "without", "is", "show", "hide", "enable", "disable"})
_ARTICLE_SCOPE = re.compile(r"(?:Article|Posting|Report|WebPage)$")
_STOP_TAGS = frozenset({"body", "html"})

ALWAYS, PAGE = "always", "page"


_WORD_SEPARATOR = re.compile(r"[-_]")


def _words(token: str) -> list[str] | None:
    words = _WORD_SEPARATOR.split(token.lower())
    return None if words[0] in _NEGATING_WORDS else words


_QUICK = re.compile(r"comment|disqus|side|relat|recommend|trend|popular|outbrain|taboola|most|more|read|you|foot",
                    re.I)
"""Cheap pre-check: a class/id without any of these cannot name furniture."""


def furniture_kind(element: HtmlElement) -> str | None:
    """ALWAYS, PAGE (furniture unless inside the article) or None, from the element alone."""
    page = element.tag in PAGE_FURNITURE_TAGS
    names = " ".join(filter(None, (element.get("class"), element.get("id"))))
    if not names or not _QUICK.search(names):
        return PAGE if page else None
    for token in names.split():
        words = _words(token)
        if words is None:
            continue
        if any(_ALWAYS_WORD.match(w) for w in words) or (
            len(words) > 1 and any(p in "".join(words) for p in _ALWAYS_PHRASES)
        ):
            return ALWAYS
        page = page or any(_PAGE_WORD.match(w) for w in words)
    return PAGE if page else None


def is_article_container(element: HtmlElement) -> bool:
    """`<article>`, `<main>`, or a microdata scope of an article or web page."""
    if element.tag in ("article", "main"):
        return True
    return element.get("itemscope") is not None and bool(_ARTICLE_SCOPE.search(element.get("itemtype") or ""))


def in_furniture(element: HtmlElement) -> bool:
    """True when `element` or one of its ancestors below `<body>` is furniture."""
    chain: list[HtmlElement] = []
    node: HtmlElement | None = element
    while node is not None and node.tag not in _STOP_TAGS:
        chain.append(node)
        node = node.getparent()
    for i, node in enumerate(chain):
        kind = furniture_kind(node)
        if kind == ALWAYS or (kind == PAGE and not any(is_article_container(a) for a in chain[i + 1 :])):
            if not _holds_headline(node):
                return True
    return False


def _holds_headline(element: HtmlElement) -> bool:
    """A region holding the page's `<h1>` is a layout wrapper (`sidebar-right-wrapper`), not furniture."""
    return element.find(".//h1") is not None


def furniture_roots(tree: HtmlElement) -> list[HtmlElement]:
    """The outermost furniture elements under `<body>`, in document order."""
    body = tree.find("body")
    if body is None:
        return []
    roots: list[HtmlElement] = []
    stack: list[tuple[HtmlElement, bool]] = [(child, False) for child in reversed(body)]
    while stack:
        element, inside_article = stack.pop()
        if not isinstance(element.tag, str):
            continue
        kind = furniture_kind(element)
        if (kind == ALWAYS or (kind == PAGE and not inside_article)) and not _holds_headline(element):
            roots.append(element)
            continue
        inside = inside_article or is_article_container(element)
        stack.extend((child, inside) for child in reversed(element))
    return roots
