"""Visible date lines found on a page: labelled lines, dated elements, a lone bare date (invented snippets)."""

from __future__ import annotations

import lxml.html
import pytest
from lxml.html import HtmlMixin
from trafilatura.utils import load_html

from crawler.dates.model import DateCandidate
from crawler.dates.sources import visible_date_candidates
from crawler.dates.visible import _short_text, scan, visible_candidates
from crawler.dates.zones import reading
from tests.support.pathological import PAGES

C = DateCandidate


def page(body: str) -> lxml.html.HtmlElement:
    return lxml.html.document_fromstring(f"<html><body><h1>Headline</h1>{body}</body></html>")


LINES = [
    # id, line, expected (kind, raw)
    ("french-labels", "Publié le 29/10/2012Mis à jour le 29/10/2012 à 14h03",
     [("published", "29/10/2012"), ("modified", "29/10/2012 à 14h03")]),
    ("german-labels", "Veröffentlicht am 19. Juli 2014 · Aktualisiert am 21.07.2014",
     [("published", "19. Juli 2014"), ("modified", "21.07.2014")]),
    ("spanish-label", "Publicado el 2 de abril de 2020", [("published", "2 de abril de 2020")]),
    ("chinese-value-before-update-label", "2025-02-18 06:40更新", [("modified", "2025-02-18 06:40")]),
    ("chinese-value-before-publish-label", "2025年2月18日 发布", [("published", "2025年2月18日")]),
    ("japanese-label", "公開日：2019年4月4日", [("published", "2019年4月4日")]),
]


@pytest.mark.parametrize(("line", "expected"), [pytest.param(*row[1:], id=row[0]) for row in LINES])
def test_labelled_lines(line: str, expected: list[tuple[str, str]]) -> None:
    assert [(c.kind, c.raw) for c in visible_date_candidates([line])] == expected


def test_leading_date_of_a_dated_element_line() -> None:
    assert visible_date_candidates(["2019.03.08 Back to the list"], leading=True) == [
        C("visible", "published", "2019.03.08")]
    assert visible_date_candidates(["By Jane Doe • 12.29.14"], leading=True) == [C("visible", "published", "12.29.14")]
    assert visible_date_candidates(["2019.03.08 Back to the list"]) == []  # not without a date class


def test_a_date_element_of_another_label_still_gives_its_leading_date() -> None:
    # "読了時間" (reading time) contains the label word "時間"; its value is no date, the line's head is.
    assert visible_date_candidates(["2019年2月27日 読了時間 3 分"], leading=True) == [
        C("visible", "published", "2019年2月27日")]


def test_ambiguous_numeric_date_follows_the_country() -> None:
    assert visible_date_candidates(["Posted: 3/09/2015"], reading("US")) == [C("visible", "published", "3/09/2015")]
    assert visible_date_candidates(["Posted: 3/09/2015"], reading(None)) == []


def test_scan_finds_the_three_kinds_outside_furniture() -> None:
    tree = page(
        '<p class="byline">By Staff | Published: 3 March 2025, 14:20</p>'
        '<span class="post-date">12.29.14</span>'
        "<p>2019.03.05</p>"
        '<div id="comments"><p>Posted on 5 March 2025 at 8:10 am</p><span class="comment-date">12.30.14</span></div>'
    )
    found = scan(tree)
    assert found.labelled == ["By Staff | Published: 3 March 2025, 14:20"]
    assert found.dated == ["12.29.14"]
    assert found.bare == ["2019.03.05"]


def test_a_label_inside_a_link_names_another_page() -> None:
    tree = page('<p><a href="/original"><em>Original (posted 2019/02/16)</em></a></p>')
    assert scan(tree).labelled == []


def test_a_lone_bare_date_counts_several_do_not() -> None:
    assert visible_candidates(page("<p>2019.03.05</p><div>Product news</div>")) == [
        C("visible", "published", "2019.03.05")]
    assert visible_candidates(page("<p>2019.03.05</p><p>2019.02.11</p>")) == []


def test_labelled_lines_come_before_dated_elements() -> None:
    tree = page('<span class="date">18.02.2025</span><p>Updated: 19 February 2025</p><p>Posted: 17 February 2025</p>')
    assert [c.raw for c in visible_candidates(tree)] == ["19 February 2025", "17 February 2025", "18.02.2025"]


def test_a_paragraph_of_labelled_lines_is_not_read_once_per_line(monkeypatch: pytest.MonkeyPatch) -> None:
    # Before: each "Published ..." line read its whole paragraph (text_content), 20,000 lines of one
    # paragraph (500 KB) took 50 s; the characters read grew with the square of the page.
    read = []
    original = HtmlMixin.text_content

    def counting(element: HtmlMixin) -> str:
        text = original(element)
        read.append(len(text))
        return text

    monkeypatch.setattr(HtmlMixin, "text_content", counting)
    html = PAGES["labelled_date_lines"](200_000)
    found = scan(load_html(html))
    assert found.labelled == []  # each line's text is its paragraph's: far too long for a date line
    assert sum(read) <= len(html), sum(read)


@pytest.mark.parametrize("text", ["Published 2020-01-05", "  Published\n 2020-01-05 <b>10:00</b> ", "x" * 120,
                                  "x" * 121, "Updated " + " " * 500 + "2020", "y " * 200])
def test_short_text_is_the_collapsed_text_when_short_enough(text: str) -> None:
    element = load_html(f"<html><body><p>{text}</p></body></html>").find(".//p")
    collapsed = " ".join(element.text_content().split())
    assert _short_text(element, 120, {}) == (collapsed if len(collapsed) <= 120 else None)
