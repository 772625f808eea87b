"""Where a republished copy came from: links and markup that name the original.

Auto-blogging plugins end posts with `<a href="[original link]">Source link </a>`; other copies
say "Read the original article at ..."; some declare `<link rel="original-source">` or
`<meta name="syndication-source">`. The footer text ("This article originally appeared in X")
names the publisher; `crawler.clean.paragraphs` reads that part.
"""

from __future__ import annotations

from lxml import etree
from lxml.html import HtmlElement

from crawler.urls import absolute, host_of

_LINK_TEXTS = ("source link", "source url", "original source", "read the original article", "read the full article",
               "view the original article", "read original article", "original article")
# Only short links saying "source" or "article" (every label does) can be "Source link"-style footers:
# libxml2 tests that, so that Python sees only those (a page has hundreds of menu links).
_FOLD = "translate(normalize-space(.), 'SOURCEATIL', 'sourceatil')"
_LINK_XPATH = etree.XPath(f"//a[@href][string-length(normalize-space(.)) <= 60]"
                          f"[contains({_FOLD}, 'source') or contains({_FOLD}, 'article')]")
_MARKUP = (
    ("//link[@rel='original-source']/@href", "link"),
    ("//meta[@name='syndication-source']/@content", "meta"),
    ("//meta[@name='original-source']/@content", "meta"),
)


def source_link(tree: HtmlElement, page_url: str) -> str | None:
    """The URL of the original named by a source link or syndication markup; None when there is none."""
    for xpath, _kind in _MARKUP:
        for value in tree.xpath(xpath):
            url = absolute(str(value), page_url)
            if url and host_of(url) != host_of(page_url):
                return url
    for anchor in reversed(_LINK_XPATH(tree)):  # footers are at the end
        text = " ".join(anchor.text_content().split()).casefold().rstrip(" .:»›→")
        if any(text == label or text.startswith(label + " at ") for label in _LINK_TEXTS):
            url = absolute(anchor.get("href"), page_url)
            if url and host_of(url) != host_of(page_url):
                return url
    return None
