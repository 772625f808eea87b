"""Articles and other pages: every invented page of tests/fixtures/page_kinds scored by `extract_article`.

`cases.json` names each page's URL and expected kind (`article`, `listing_page`, `not_article_page`).
Known misses are `xfail(strict=True)`: they fail the suite once fixed, so the floor only rises.
See docs/cleaning.md (Articles and other pages).
"""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path

import pytest

from crawler.extract import NotAnArticle, extract_article
from crawler.extract.verdict import service_name

CASES_DIR = Path(__file__).parents[2] / "fixtures" / "page_kinds"
CASES = json.loads((CASES_DIR / "cases.json").read_text(encoding="utf-8"))
NOW = datetime(2025, 6, 15, tzinfo=UTC)
# Listings whose cards the body step leaves out and whose text is dated or signed: no general
# signal separates them from real articles among dense navigation yet.
KNOWN_MISSES = {
    "archive-day-headlines": "a day's headline list under a dated URL, cards without snippets",
    "author-german-profile": "an author page with a bio (signed) and three headline cards",
    "topic-hub-intro": "a topic page whose dated introduction outweighs its cards",
}


def kind(name: str) -> str:
    html = (CASES_DIR / f"{name}.html").read_bytes()
    try:
        extract_article(html, CASES[name]["url"], now=NOW)
    except NotAnArticle as refused:
        return refused.reason
    return "article"


def _params() -> list[object]:
    params = []
    for name in sorted(CASES):
        marks = [pytest.mark.xfail(strict=True, reason=KNOWN_MISSES[name])] if name in KNOWN_MISSES else []
        params.append(pytest.param(name, id=name, marks=marks))
    return params


def test_fixture_counts() -> None:
    expected = [case["expect"] for case in CASES.values()]
    assert expected.count("article") >= 40
    assert len(expected) - expected.count("article") >= 60
    assert {path.stem for path in CASES_DIR.glob("*.html")} == set(CASES)


@pytest.mark.parametrize("name", _params())
def test_page_kind(name: str) -> None:
    expected = CASES[name]["expect"]
    got = kind(name)
    if expected == "article":
        assert got == "article"
    else:
        assert got in ("listing_page", "not_article_page")


@pytest.mark.parametrize(("text", "named"), [
    pytest.param("About us", True, id="about-us"),
    pytest.param("Terms of Use", True, id="terms"),
    pytest.param("Our editorial standards", True, id="standards"),
    pytest.param("关于我们", True, id="about-zh"),
    pytest.param("privacy-policy", True, id="slug"),
    pytest.param("Council fined over data breach", False, id="headline-with-a-service-word"),
    pytest.param("Search for new port chief ends", False, id="search-headline"),
    pytest.param("", False, id="empty"),
])
def test_service_name(text: str, named: bool) -> None:
    assert service_name(text) is named
