"""Page furniture: what counts as comments, sidebars and related lists, and what does not."""

from __future__ import annotations

import lxml.html
import pytest

from crawler.dates.regions import furniture_roots, in_furniture


def element(html: str, xpath: str = "//*[@id='x']") -> lxml.html.HtmlElement:
    tree = lxml.html.document_fromstring(f"<html><body>{html}</body></html>")
    return tree.xpath(xpath)[0]


FURNITURE = [
    ("comments-area", '<div class="comments-area"><p id="x">2 Jan</p></div>'),
    ("comment-list", '<ol class="comment-list"><li id="x">2 Jan</li></ol>'),
    ("jetpack-related-posts", '<div id="jp-relatedposts"><span id="x">2 Jan</span></div>'),
    ("camel-case-related", '<div class="relatedStories"><span id="x">2 Jan</span></div>'),
    ("most-read", '<section class="most-read"><span id="x">2 Jan</span></section>'),
    ("sidebar-id", '<div id="sidebar1"><span id="x">2 Jan</span></div>'),
    ("outbrain", '<div class="OUTBRAIN"><span id="x">2 Jan</span></div>'),
    ("page-aside", '<aside><span id="x">2 Jan</span></aside>'),
    ("page-footer", '<footer><p id="x">© 2014</p></footer>'),
    ("footer-id", '<div id="footer"><p id="x">© 2014</p></div>'),
    ("comments-inside-article", '<article><div id="comments"><p id="x">2 Jan</p></div></article>'),
]

NOT_FURNITURE = [
    ("has-sidebar-wrapper", '<div class="site has-sidebar"><p id="x">2 Jan</p></div>'),
    ("with-sidebar-camel-case", '<div class="detailBodyContainer withSidebar"><p id="x">2 Jan</p></div>'),
    ("commentary-section", '<div class="commentary"><p id="x">2 Jan</p></div>'),
    ("blogger-post-widget", '<div class="widget Blog" id="Blog1"><p id="x">2 Jan</p></div>'),
    ("aside-inside-article", '<article><aside><time id="x">2013-09-29</time></aside></article>'),
    ("footer-inside-main", '<main><footer class="footer-author"><span id="x">16 Nov</span></footer></main>'),
    ("footer-inside-article-scope",
     '<div itemscope itemtype="https://schema.org/NewsArticle"><footer><span id="x">16 Nov</span></footer></div>'),
    ("layout-wrapper-holding-the-headline",
     '<div class="sidebar-right-wrapper"><h1>Headline</h1><p id="x">Posted July 11, 2019</p></div>'),
    ("nav-is-not-furniture", '<nav class="pst-by"><span id="x">Apr 7, 2020</span></nav>'),
]


@pytest.mark.parametrize("html", [pytest.param(h, id=i) for i, h in FURNITURE])
def test_furniture(html: str) -> None:
    assert in_furniture(element(html))


@pytest.mark.parametrize("html", [pytest.param(h, id=i) for i, h in NOT_FURNITURE])
def test_not_furniture(html: str) -> None:
    assert not in_furniture(element(html))


def test_body_classes_never_make_the_page_furniture() -> None:
    tree = lxml.html.document_fromstring('<html><body class="comments-open sidebar-left"><p id="x">1</p></body></html>')
    assert not in_furniture(tree.xpath("//*[@id='x']")[0])


def test_roots_are_the_outermost_regions_in_document_order() -> None:
    tree = lxml.html.document_fromstring(
        '<html><body><aside id="a"><div class="related" id="b"></div></aside><article><p>x</p>'
        '<div id="comments"><div class="comment-body" id="c"></div></div></article><footer id="d"></footer>'
        "</body></html>")
    assert [e.get("id") for e in furniture_roots(tree)] == ["a", "comments", "d"]
