"""Hostile page shapes are cut to bounded sizes before the quadratic steps we do not own.

Before: a tag with 166,000 attributes cost 90 s in libxml2's parser, and 100,000 paragraphs or
table cells 25-30 s in trafilatura. Wall-clock figures: benchmarks/pathological_bench.py.
"""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from lxml import etree
from lxml.html import HTMLParser, fromstring
from trafilatura.utils import load_html

from crawler.extract import extract_article
from crawler.extract.blocked import visible_text
from crawler.extract.limits import MAX_ATTRIBUTES, MAX_TREE_ELEMENTS, cap_attributes, truncate_tree
from tests.fixtures.pages_support import PAGES as FIXTURES
from tests.fixtures.pages_support import case_names
from tests.support.pathological import LEAD, PAGES

NOW = datetime(2026, 1, 1, tzinfo=UTC)
LEAD_TEXT = fromstring(LEAD.split("</p>")[0]).text_content()


def test_a_tag_keeps_its_first_attributes_only() -> None:
    attributes = " ".join(f'data-a{i}="{i}"' for i in range(1000))
    html = f'<html><body><div id="x" {attributes}>text</div><p class="keep" title=">">after</p></body></html>'
    capped, count = cap_attributes(html)
    assert count == 1
    tree = fromstring(capped)
    div = tree.get_element_by_id("x")
    assert len(div.attrib) == MAX_ATTRIBUTES and div.get("data-a0") == "0" and div.text == "text"
    assert tree.find(".//p").attrib == {"class": "keep", "title": ">"}


@pytest.mark.parametrize("case", case_names())
def test_ordinary_pages_are_left_untouched(case: str) -> None:
    html = (FIXTURES / case / "page.html").read_bytes().decode("utf-8", "replace")
    assert cap_attributes(html) == (html, 0)


def test_the_tree_is_cut_in_document_order() -> None:
    tree = fromstring("<div><p>a<b>b</b>c</p><p>d<i>e</i>f</p><ul><li>1</li></ul></div>")
    assert truncate_tree(tree, 4) == 3  # i, ul, li
    assert [e.tag for e in tree.iter()] == ["div", "p", "b", "p"]
    assert tree.text_content() == "abcd"
    assert truncate_tree(tree, 4) == 0


def test_comments_count_as_the_walk_counts_them() -> None:
    """The quick count (libxml2) counts what the walk does: elements, comments, processing instructions."""
    tree = fromstring("<div><!-- a --><p>a</p><?pi x?><p>b</p></div>", parser=HTMLParser(remove_comments=False))
    assert len(list(tree.iter())) == 5
    assert truncate_tree(tree, 5) == 0
    assert truncate_tree(tree, 4) == 1
    assert [e.tag for e in tree.iter(etree.Element)] == ["div", "p"]


@pytest.mark.parametrize("name,event", [("many_attributes", "limits/attributes"), ("many_paragraphs", "limits/elements"),
                                        ("wide_table", "limits/elements")])
def test_a_hostile_page_is_cut_counted_and_its_article_extracted(name: str, event: str) -> None:
    extraction = extract_article(PAGES[name](200_000), "https://news.example/article/1", now=NOW)
    assert event in extraction.events
    assert extraction.article.text.startswith(LEAD_TEXT)


def test_a_page_below_the_bounds_is_not_cut() -> None:
    extraction = extract_article(PAGES["many_paragraphs"](8 * (MAX_TREE_ELEMENTS - 100)), "https://news.example/a/1",
                                 now=NOW)
    assert not [event for event in extraction.events if event.startswith("limits/")]


_VISIBLE_XPATH = etree.XPath("//body//text()[not(ancestor::script or ancestor::style or ancestor::template)]",
                             smart_strings=False)


@pytest.mark.parametrize("html", [
    "<html><body>a<!-- c -->b<script>x</script>c<template><p>t</p><script>y</script>z</template>w"
    "<noscript>n</noscript><style>s</style>e<div>f<span>g</span>h</div>i</body></html>",
    *(PAGES[name](4000) for name in sorted(PAGES)),
], ids=["mixed", *sorted(PAGES)])
def test_visible_text_is_what_the_xpath_it_replaces_selected(html: str) -> None:
    tree = load_html(html)
    expected = "\n".join(" ".join(str(node).split()) for node in _VISIBLE_XPATH(tree) if str(node).strip())
    assert visible_text(tree, limit=10**9) == expected
