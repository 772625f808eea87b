"""trafilatura's precision mode reads a copy without what it deletes anyway; its comparisons read the page."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import pytest
import trafilatura
from lxml import html
from lxml.html import HtmlElement

from crawler.extract import body as body_module
from crawler.extract.article_fields import body
from crawler.extract.body import main_paragraphs, reading_copy
from crawler.extract.hints import Hints
from crawler.extract.page import Page
from crawler.sites.generic import GENERIC

URL = "https://news.example.com/economy/article/1/exports"
SENTENCE = "Exports from the northern district rose {n}.{k} per cent in the third quarter, the bureau said. "
FURNITURE = """<script>window.state = {"menu": [1, 2, 3]};</script><style>.x { color: red }</style>
<nav><ul><li><a href="/a">Economy</a></li><li><a href="/b">Markets</a></li></ul></nav>
<aside><p>Most read: a story about something else entirely, with many words in it.</p></aside>
<svg><path d="M0 0"/></svg><noscript><p>Turn on scripts.</p></noscript>"""


def _page(paragraphs: int, extra: str = "") -> str:
    text = "".join("<p>" + "".join(SENTENCE.format(n=n, k=k) for k in range(3)) + "</p>" for n in range(paragraphs))
    return (f"<html><head><title>Exports rise</title>"
            f'<script type="application/ld+json">{{"@type": "NewsArticle", "headline": "Exports rise"}}</script>'
            f"</head><body>{FURNITURE}<article><h1>Exports rise</h1>{text}{extra}</article>"
            f"<footer><p>Copyright the publisher, all rights reserved, every year.</p></footer></body></html>")


def _tags(tree: HtmlElement) -> set[str]:
    return {element.tag for element in tree.iter() if isinstance(element.tag, str)}


def test_copy_leaves_out_what_trafilatura_deletes_and_keeps_the_rest() -> None:
    page = html.fromstring(_page(3, "<form><p>Sign up</p><input name='e'></form><figure><table><tr><td>1</td>"
                                    "</tr></table></figure><math><mi>x</mi></math>"))
    before = html.tostring(page)
    copied = reading_copy(page)
    assert html.tostring(page) == before  # the page itself is untouched
    assert not _tags(copied) & {"nav", "aside", "style", "svg", "noscript", "footer", "input"}
    assert {"head", "title", "form", "figure", "table", "math", "article"} <= _tags(copied)
    scripts = copied.findall(".//script")
    assert [script.get("type") for script in scripts] == ["application/ld+json"]  # trafilatura's baseline reads it


def test_copy_keeps_the_text_after_a_removed_element() -> None:
    page = html.fromstring("<html><body><div><p>First part of the story here.</p><script>x()</script>"
                           "And the tail that follows the script stays.</div></body></html>")
    assert "And the tail that follows the script stays." in reading_copy(page).text_content()


@pytest.fixture
def trees_read(monkeypatch: pytest.MonkeyPatch) -> list[tuple[bool, set[str]]]:
    """(fast, tags of the tree) for each call of trafilatura."""
    seen: list[tuple[bool, set[str]]] = []
    real = trafilatura.bare_extraction

    def spy(tree: Any, *args: Any, **kwargs: Any) -> Any:
        seen.append((kwargs.get("fast", False), _tags(tree)))
        return real(tree, *args, **kwargs)

    monkeypatch.setattr(body_module.trafilatura, "bare_extraction", spy)
    return seen


def test_long_article_reads_only_the_copy(trees_read: list[tuple[bool, set[str]]]) -> None:
    page = html.fromstring(_page(12))
    built: list[bool] = []
    paragraphs, _ = main_paragraphs(reading_copy(page), URL, whole=lambda: built.append(True) or page)
    assert len(paragraphs) == 13  # the headline and twelve paragraphs
    assert built == []  # the whole page was never needed
    assert [fast for fast, _ in trees_read] == [True]
    assert "nav" not in trees_read[0][1]


def test_comparison_and_default_mode_read_the_whole_page(trees_read: list[tuple[bool, set[str]]]) -> None:
    page = html.fromstring(_page(1))
    main_paragraphs(reading_copy(page), URL, whole=lambda: page)
    assert [fast for fast, _ in trees_read] == [True, False, False]  # precision fast, its comparison, default
    assert "nav" not in trees_read[0][1]
    assert all("nav" in tags for _, tags in trees_read[1:])


@pytest.mark.parametrize("paragraphs", [1, 3, 12])
def test_same_body_as_reading_the_whole_page(paragraphs: int) -> None:
    page = _page(paragraphs)
    assert main_paragraphs(reading_copy(html.fromstring(page)), URL, whole=lambda: html.fromstring(page)) \
        == main_paragraphs(html.fromstring(page), URL)


def test_body_step_leaves_the_page_tree_as_fetched() -> None:
    """Fields read after the body (the layout of a short text, the title, the static-page mark) see the
    page as fetched: the site's drop selectors remove furniture from the body step's copies only."""
    page = Page.parse(_page(12, '<div class="related-posts"><p>Related: another story.</p></div>'), URL, GENERIC,
                      Hints(), datetime(2026, 12, 1, tzinfo=UTC))
    before = html.tostring(page.tree)
    cleaned, _, _ = body(page, "Exports rise", None)
    assert len(cleaned.paragraphs) == 12
    assert not any("Related" in paragraph for paragraph in cleaned.paragraphs)  # dropped from the body...
    assert html.tostring(page.tree) == before  # ... not from the page
