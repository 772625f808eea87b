"""What a page declares itself, and how much text each kind of declaration needs (`crawler.extract.kind`)."""

from __future__ import annotations

import pytest
from trafilatura.utils import load_html

from crawler.extract.kind import Markup, read_markup, text_size
from crawler.extract.meta import read_meta

URL = "https://news.example/economy/2025/05/06/story"


def markup(html: str, *, jsonld: bool = False) -> Markup:
    tree = load_html(html)
    return read_markup(tree, URL, read_meta(tree), jsonld=jsonld, next_data=False)


@pytest.mark.parametrize(("html", "strong", "weak"), [
    pytest.param('<html><head><meta property="article:published_time" content="2025-05-06"></head><body><p>x</p>'
                 "</body></html>", "published_time", None, id="published-time"),
    pytest.param('<html><body><div itemscope itemtype="https://schema.org/NewsArticle"><p>x</p></div></body></html>',
                 "microdata", None, id="microdata"),
    pytest.param('<html><body><div itemprop="articleBody"><p>x</p></div></body></html>', "article_body", None,
                 id="article-body"),
    pytest.param('<html><head><meta property="og:type" content="article"></head><body><p>x</p></body></html>',
                 "og_type", "og_type", id="og-type"),
    pytest.param('<html><head><meta property="og:type" content="article"></head><body class="page page-id-2">'
                 "<p>x</p></body></html>", None, "og_type", id="og-type-on-a-cms-page"),
    pytest.param('<html><head><meta property="og:type" content="article"></head><body class="page">'
                 "<p>x</p></body></html>", "og_type", "og_type", id="og-type-body-class-page-alone"),
    pytest.param('<html><body><article><h1><a href="/economy/2025/05/06/story/">Story</a></h1><p>x</p></article>'
                 "</body></html>", None, "article_element", id="headline-linking-to-itself"),
    pytest.param("<html><body><article><h1>Story</h1><p>x</p></article></body></html>", None, "article_element",
                 id="one-article-element"),
    pytest.param('<html><body><article><h2><a href="/other">Other story</a></h2><p>x</p></article></body></html>',
                 None, None, id="a-teaser-card-is-no-declaration"),
    pytest.param("<html><body><p>x</p></body></html>", None, None, id="nothing"),
])
def test_declarations(html: str, strong: str | None, weak: str | None) -> None:
    found = markup(html)
    assert (found.strong, found.weak) == (strong, weak)


def test_several_article_items_make_a_listing() -> None:
    cards = "".join(f'<article><h3><a href="/s/{i}">Story {i}</a></h3><p>Teaser.</p></article>' for i in range(4))
    items = "".join(f'<div itemscope itemtype="http://schema.org/Article"><p>{i}</p></div>' for i in range(3))
    assert markup(f"<html><body>{cards}</body></html>").listing_items == 4
    assert markup(f"<html><body>{items}</body></html>").listing_items == 3
    assert markup(f"<html><body>{items}</body></html>").strong is None


BRIEF = 260  # two short paragraphs
REASONS = [
    # (markup, size, paragraphs, dated, signed, refusal reason or None)
    pytest.param(Markup("published_time", None, 0), BRIEF, 2, True, False, None, id="declared-brief"),
    pytest.param(Markup("jsonld", None, 0), 40, 1, True, True, "not_article_page", id="declared-one-line"),
    pytest.param(Markup("jsonld", None, 5, 5), BRIEF, 2, True, False, None, id="jsonld-beats-related-cards"),
    pytest.param(Markup("og_type", "og_type", 4, 4), BRIEF, 4, True, True, "listing_page", id="og-type-listing"),
    pytest.param(Markup(None, "article_element", 0), BRIEF, 2, True, False, None, id="article-element-dated"),
    pytest.param(Markup(None, "article_element", 0), BRIEF, 2, False, False, "not_article_page",
                 id="article-element-undated-unsigned"),
    pytest.param(Markup(None, "article_element", 0), BRIEF, 1, True, True, "not_article_page", id="one-paragraph"),
    pytest.param(Markup(None, None, 0), BRIEF, 3, False, True, None, id="signed-brief"),
    pytest.param(Markup(None, None, 1, 1), BRIEF, 3, True, True, "not_article_page", id="signed-teaser-card"),
    pytest.param(Markup(None, None, 0), 420, 1, False, False, None, id="long-undeclared"),
    pytest.param(Markup(None, None, 0), BRIEF, 2, True, False, None, id="dated-brief"),
    pytest.param(Markup(None, None, 0), BRIEF, 1, True, False, "not_article_page", id="dated-one-paragraph"),
    pytest.param(Markup(None, None, 1, 1), BRIEF, 2, True, False, "not_article_page", id="dated-teaser-card"),
]


@pytest.mark.parametrize(("found", "size", "paragraphs", "dated", "signed", "reason"), REASONS)
def test_refusals(found: Markup, size: int, paragraphs: int, dated: bool, signed: bool, reason: str | None) -> None:
    refusal = found.refusal(size, paragraphs, dated=dated, signed=signed)
    assert (refusal[0] if refusal else None) == reason


def test_a_cjk_character_weighs_three() -> None:
    assert text_size("abc") == 3
    assert text_size("县域消费") == 12


def test_microdata_is_found_wherever_its_attributes_are() -> None:
    from lxml import etree

    from crawler.extract.kind import _ITEMPROPS, _ITEMSCOPES

    tree = load_html('<html itemscope itemtype="https://schema.org/WebPage"><body>'
                     '<div itemscope><span itemtype="x">no scope</span></div>'
                     '<article itemscope itemtype="https://schema.org/NewsArticle" itemprop="mainEntity">'
                     '<h1 itemprop="headline">H</h1><div itemprop="articleBody"><p itemprop="">x</p>'
                     '<div itemscope itemtype="https://schema.org/Person"><b itemprop="name">A</b></div></div>'
                     "</article></body></html>")
    assert _ITEMSCOPES(tree) == etree.XPath("//*[@itemscope and @itemtype]")(tree)
    assert [e.tag for e in _ITEMSCOPES(tree)] == ["html", "article", "div"]
    assert _ITEMPROPS(tree) == etree.XPath("//*[@itemprop]")(tree)
    assert [e.tag for e in _ITEMPROPS(tree)] == ["article", "h1", "div", "p", "b"]


def test_jsonld_outranks_microdata_and_items_still_count() -> None:
    items = "".join(f'<div itemscope itemtype="https://schema.org/NewsArticle"><p>{n}</p></div>' for n in range(3))
    found = markup(f'<html><body><div itemprop="articleBody">{items}</div></body></html>', jsonld=True)
    assert (found.strong, found.listing_items) == ("jsonld", 3)
    assert markup(f'<html><body><div itemprop="articleBody">{items}</div></body></html>').strong == "microdata"
