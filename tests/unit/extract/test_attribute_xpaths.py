"""XPaths written from attributes (`//@itemprop/..`) select what the plain predicates select.

libxml2 finds the elements holding an attribute faster than it tests every element for one, so a
few page-wide queries are written that way; each must give the same elements, in page order.
"""

from __future__ import annotations

import pytest
from lxml import etree
from trafilatura.utils import load_html

from crawler.dates.markup import _TIME_OR_ITEMPROP
from crawler.extract.bylines import _CANDIDATES
from crawler.extract.kind import _ITEMPROPS, _ITEMSCOPES

PAGE = load_html(
    '<html itemscope itemtype="https://schema.org/WebPage" class="no-js"><head>'
    '<meta itemprop="datePublished" content="2025-05-06"><link rel="canonical" href="/a"></head>'
    '<body id="top"><header class="site"><a rel="home" href="/">Home</a></header>'
    '<article itemscope itemtype="https://schema.org/NewsArticle" id="story">'
    '<h1 itemprop="headline" class="title">Exports rise</h1><author>Grace Lam</author>'
    '<p class="byline" itemprop="author">By <span itemprop="name">Grace Lam</span></p>'
    '<time datetime="2025-05-06T08:00:00+08:00">May 6</time><time>undated</time>'
    '<div itemprop="articleBody"><p>Text <b class="">bold</b> <i id="">it</i></p><byline>Agency</byline></div>'
    "</article><footer><span itemscope>no type</span><span itemtype='x'>no scope</span></footer></body></html>"
)

DEFINITIONS = [
    (_ITEMSCOPES, "//*[@itemscope and @itemtype]"),
    (_ITEMPROPS, "//*[@itemprop]"),
    (_TIME_OR_ITEMPROP, "//time | //*[@itemprop]"),
    (_CANDIDATES, "//*[@class or @id or @itemprop or @rel] | //author | //byline"),
]


@pytest.mark.parametrize(("fast", "plain"), DEFINITIONS, ids=[plain for _, plain in DEFINITIONS])
def test_same_elements_in_page_order(fast: etree.XPath, plain: str) -> None:
    expected = etree.XPath(plain)(PAGE)
    assert expected  # the page has some of each
    assert fast(PAGE) == expected
    inner = PAGE.find(".//article")
    assert fast(inner) == etree.XPath(plain)(inner)  # from an element: still the whole document
