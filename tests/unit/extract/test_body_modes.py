"""Which of trafilatura's modes gives the body, and loose text kept through precision mode."""

from __future__ import annotations

from lxml import etree
from trafilatura.utils import load_html

from crawler.extract.body import (
    PRECISION_MIN_TEXT,
    body_paragraphs,
    drop_empty_markers,
    main_paragraphs,
    precision_lost_the_article,
    wrap_loose_text,
)

S1 = "Exports rose 5 per cent in March from a year earlier, the customs office said on Tuesday, led by machinery."
S2 = "Imports fell 2 per cent as weaker demand for coal and iron ore offset higher purchases of soybeans this spring."
S3 = "Economists said the trade surplus would support the currency in the second quarter, though risks remain."
URL = "https://news.example/a/1"


def test_loose_text_beside_blocks_is_wrapped_in_paragraphs() -> None:
    tree = load_html(f"<html><body><div class=story>{S1}<p>{S2}</p>{S3}<p>x</p></div></body></html>")
    assert wrap_loose_text(tree) == 2
    story = next(tree.iter("div"))
    assert [p.text for p in story.iter("p")] == [S1, S2, S3, "x"]


def test_text_of_an_unclosed_span_survives_precision_mode() -> None:
    # Precision mode alone drops the text an unclosed <div><span> leaves beside the paragraphs after it.
    html = f"<html><body><h1>Trade</h1><section><p>{S1}<div class='para'><span>{S2}<p>{S3}<p>{S1[::-1]}"
    paragraphs, _ = main_paragraphs(load_html(html), URL)
    assert S2 in paragraphs


def test_short_labels_are_not_wrapped() -> None:
    tree = load_html("<html><body><div>Menu<p>Home</p>Share</div></body></html>")
    assert wrap_loose_text(tree) == 0
    assert etree.tostring(tree).count(b"<p>") == 1


def test_precision_output_is_kept_unless_it_lost_the_article() -> None:
    article = [S1, S2, S3]
    assert not precision_lost_the_article(article, [*article, "Related: more stories", "Comentar"])
    assert precision_lost_the_article(["Share"], article)


def test_default_mode_runs_only_for_a_short_precision_output() -> None:
    long_page = "<html><body><h1>T</h1>" + "".join(f"<p>{s}</p>" for s in [S1, S2, S3] * 3) + "</body></html>"
    paragraphs, other = main_paragraphs(load_html(long_page), URL)
    assert sum(map(len, paragraphs)) >= PRECISION_MIN_TEXT and other == []
    assert paragraphs == body_paragraphs(load_html(long_page), URL, precision=True)


def test_sentence_after_an_empty_marker_survives_precision_mode() -> None:
    # WordPress's "read more" marker opens a paragraph: precision pruning took the sentence after it.
    paragraphs = "".join(f"<p>{s} {s}</p>" for s in (S1, S3, S1[::-1], S3[::-1]))
    html = (f"<html><body><h1>Trade</h1><div class='entry-content'>{paragraphs}"
            f"<p><span id='more-265087'></span>{S2}</p><p>{S3} {S1}</p></div></body></html>")
    body, _ = main_paragraphs(load_html(html), URL)
    assert any(S2 in paragraph for paragraph in body)


def test_empty_markers_are_dropped_and_their_text_kept() -> None:
    tree = load_html(f"<html><body><p><span id='more-1'></span>{S2}<a name='x'></a></p></body></html>")
    assert drop_empty_markers(tree) == 1  # the anchor at the end has no text after it
    assert next(tree.iter("p")).text == S2
