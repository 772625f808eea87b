"""Extraction behaviours that matter beyond one fixture: titles, paywalls, ids, bad input."""

from __future__ import annotations

import json
from datetime import UTC, datetime

import pytest

from crawler.extract import NotAnArticle, extract_article

NOW = datetime(2026, 1, 1, tzinfo=UTC)
BODY = "".join(
    f"<p>Paragraph {i}: exporters in the Pearl River Delta reported steadier orders from Europe this month, "
    f"and several said they had raised prices for the first time in two years.</p>"
    for i in range(6)
)


def page(head: str = "", body: str = BODY, title: str = "Delta exporters see steadier orders") -> str:
    return f"<html><head><title>{title}</title>{head}</head><body><h1>{title}</h1>{body}</body></html>"


def ld(data: dict) -> str:
    return f'<script type="application/ld+json">{json.dumps(data)}</script>'


def test_headline_is_not_repeated_as_first_paragraph() -> None:
    article = extract_article(page(), "https://news.example/a", now=NOW).article
    assert not article.text.startswith("Delta exporters")
    assert article.text.startswith("Paragraph 0")


def test_paragraphs_are_separated_by_one_blank_line() -> None:
    article = extract_article(page(), "https://news.example/a", now=NOW).article
    assert len(article.text.split("\n\n")) == 6


@pytest.mark.parametrize("html", ["", "   ", "<html></html>", "\x00\x01garbage"], ids=["empty", "blank", "no-body", "binary"])
def test_unusable_input_raises_not_an_article(html: str) -> None:
    with pytest.raises(NotAnArticle):
        extract_article(html, "https://news.example/a", now=NOW)


def test_bytes_input_with_encoding_declaration() -> None:
    html = page(title="Hang Seng rises 2%").encode("utf-8")
    html = b'<?xml version="1.0" encoding="utf-8"?>' + html
    assert extract_article(html, "https://news.example/a", now=NOW).article.title == "Hang Seng rises 2%"


def test_locked_story_with_short_text_is_a_paywalled_teaser() -> None:
    head = ld({"@type": "NewsArticle", "headline": "Teaser", "isAccessibleForFree": False})
    body = "<p>Only the first paragraph of a subscriber story is shown to visitors here.</p>"
    article = extract_article(page(head, body, "Teaser"), "https://news.example/a", now=NOW).article
    assert article.paywalled is True


def test_locked_story_with_full_text_is_not_marked_teaser() -> None:
    head = ld({"@type": "NewsArticle", "headline": "Full", "isAccessibleForFree": "False"})
    body = BODY * 4
    article = extract_article(page(head, body, "Full"), "https://news.example/a", now=NOW).article
    assert article.paywalled is False


def test_scmp_ids_come_from_the_url_and_ignore_tracking_parameters() -> None:
    url = "https://www.scmp.com/economy/china-economy/article/3300123/slug?utm_source=rss_feed"
    article = extract_article(page(), url, site="scmp", now=NOW).article
    assert article.id == "scmp:3300123"
    assert article.canonical_url == "https://www.scmp.com/economy/china-economy/article/3300123/slug"


def test_generic_ids_are_stable_hashes_of_the_canonical_url() -> None:
    a = extract_article(page(), "https://news.example/a?utm_medium=x", now=NOW).article
    b = extract_article(page(), "https://news.example/a", now=NOW).article
    assert a.id == b.id and a.id.startswith("news.example:u")


def test_future_publication_date_is_rejected_and_counted() -> None:
    head = ld({"@type": "NewsArticle", "headline": "X", "datePublished": "2030-01-01T00:00:00+00:00"})
    extraction = extract_article(page(head), "https://news.example/a", now=NOW)
    assert extraction.article.published_at is None
    assert any(event.startswith("dates/future") for event in extraction.events)


def test_missing_everything_but_title_and_text_gives_nulls() -> None:
    article = extract_article(page(body=BODY * 2), "https://news.example/a", now=NOW).article
    assert (article.summary, article.section, article.published_at, article.language) == (None, None, None, None)
    assert article.authors == [] and article.keywords == []
