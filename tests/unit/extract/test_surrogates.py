"""Half an emoji in JSON-LD or `__NEXT_DATA__` does not cost the article: lone surrogates are removed."""

from __future__ import annotations

import json
from dataclasses import asdict
from datetime import UTC, datetime

import pytest

from crawler.extract import extract_article
from crawler.extract.surrogates import scrub

NOW = datetime(2026, 1, 1, tzinfo=UTC)
BODY = "".join(f"<p>Paragraph {i}: exporters in the Pearl River Delta reported steadier orders from Europe this "
               "month, and several said they had raised prices for the first time in two years.</p>" for i in range(6))


@pytest.mark.parametrize(("value", "expected", "count"), [
    ("Rates up \ud83d", "Rates up", 1),
    ("para one \ud83d\n\npara two", "para one\n\npara two", 1),
    ("\udc00lone low", "lone low", 1),
    ("paired \U0001F680 rocket", "paired \U0001F680 rocket", 0),
    (["a\ud83d", "b"], ["a", "b"], 1),
    ({"publisher": "X\ud83d", "url": None}, {"publisher": "X", "url": None}, 1),
    ([{"raw": "\ud83d\ud83d"}], [{"raw": ""}], 2),
    (42, 42, 0),
    (None, None, 0),
], ids=["high", "in-text", "low", "pair-kept", "list", "dict", "nested", "int", "none"])
def test_scrub(value: object, expected: object, count: int) -> None:
    assert scrub(value) == (expected, count)


def test_truncated_emoji_in_json_ld_gives_an_encodable_article() -> None:
    # As a page carries it: the JSON text escapes the lone half (json.dumps(..., ensure_ascii=True)).
    ld = json.dumps({"@type": "NewsArticle", "headline": "Exports soar \ud83d", "description": "Up \udc80 again",
                     "author": [{"@type": "Person", "name": "Grace \ud83d"}], "keywords": ["trade\ud83d"]})
    html = (f"<html><head><title>Exports soar</title><script type='application/ld+json'>{ld}</script></head>"
            f"<body>{BODY}</body></html>")
    extraction = extract_article(html, "https://news.example/a", now=NOW)
    article = extraction.article
    assert article.title == "Exports soar"
    assert article.summary == "Up again"
    assert article.authors == ["Grace"] and article.keywords == ["trade"]
    json.dumps(asdict(article), ensure_ascii=False).encode("utf-8")  # what the feed exporter does
    assert extraction.events.count("lone_surrogates") == 4
