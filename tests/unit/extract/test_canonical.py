"""Which URL a page may claim as its canonical one (and so its id and its state record).

A page claims only URLs of its own site: a `file://`, `javascript:` or other non-web value is
ignored, and a canonical on another site (a republished copy pointing at its original) is the
`original`, never this page's `canonical_url` or id. A saved page (file://) may name its web URL.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime

import pytest

from crawler.extract import extract_article
from crawler.urls import same_site, url_key

NOW = datetime(2026, 1, 1, tzinfo=UTC)
BODY = "".join(
    f"<p>Paragraph {i}: exporters in the Pearl River Delta reported steadier orders from Europe this month, "
    f"and several said they had raised prices for the first time in two years.</p>"
    for i in range(6)
)


def page(canonical: str | None = None, og_url: str | None = None, ld_url: str | None = None) -> str:
    head = f'<link rel="canonical" href="{canonical}">' if canonical else ""
    head += f'<meta property="og:url" content="{og_url}">' if og_url else ""
    data = {"@type": "NewsArticle", "headline": "Delta exporters see steadier orders"}
    if ld_url:
        data["url"] = ld_url
    head += f'<script type="application/ld+json">{json.dumps(data)}</script>'
    return f"<html><head><title>Delta exporters</title>{head}</head><body>{BODY}</body></html>"


@pytest.mark.parametrize("where", ["canonical", "og_url", "ld_url"])
@pytest.mark.parametrize("value", ["file:///etc/passwd", "file:///tmp/page.html", "javascript:alert(1)", "ftp://news.example/a"])
def test_non_web_canonical_values_are_ignored(where: str, value: str) -> None:
    article = extract_article(page(**{where: value}), "https://news.example/a?utm_source=x", now=NOW).article
    assert article.canonical_url == "https://news.example/a"
    assert article.id == f"news.example:u{url_key('https://news.example/a')}"


def test_a_relative_canonical_on_a_saved_page_is_not_a_local_path() -> None:
    article = extract_article(page(canonical="/economy/a"), "file:///tmp/saved/page.html", now=NOW).article
    assert article.canonical_url == "file:///tmp/saved/page.html"


def test_a_saved_page_may_name_its_web_url() -> None:
    article = extract_article(page(canonical="https://news.example/economy/a"), "file:///tmp/saved/page.html",
                              now=NOW).article
    assert article.url == "file:///tmp/saved/page.html"
    assert article.canonical_url == "https://news.example/economy/a"


@pytest.mark.parametrize("where", ["canonical", "og_url", "ld_url"])
def test_a_canonical_on_another_site_is_the_original_not_this_pages_id(where: str) -> None:
    original = "https://news.example/economy/article/42/orders"
    article = extract_article(page(**{where: original}), "https://copies.example/2025/03/orders", now=NOW).article
    assert article.canonical_url == "https://copies.example/2025/03/orders"
    assert article.id == f"copies.example:u{url_key('https://copies.example/2025/03/orders')}"
    assert article.original == {"publisher": "news.example", "url": original}


def test_a_copy_cannot_take_a_profiled_sites_native_id() -> None:
    original = "https://www.scmp.com/economy/china-economy/article/3300100/orders"
    article = extract_article(page(canonical=original), "https://copies.example/orders", now=NOW).article
    assert article.id != "generic:3300100" and "3300100" not in article.id
    assert article.original is not None and article.original["url"] == original


def test_an_own_site_canonical_on_another_host_of_the_site_is_kept() -> None:
    canonical = "https://www.scmp.com/economy/article/3300100/orders"
    article = extract_article(page(canonical=canonical), "https://amp.scmp.com/economy/article/3300100/orders",
                              site="scmp", now=NOW).article
    assert article.canonical_url == canonical
    assert article.id == "scmp:3300100"
    assert article.original is None


def test_the_first_own_site_candidate_wins_over_an_offsite_one() -> None:
    html = page(canonical="https://news.example/economy/a", og_url="https://www.news.example/economy/a-amp")
    article = extract_article(html, "https://m.news.example/economy/a", now=NOW).article
    assert article.canonical_url == "https://news.example/economy/a"


@pytest.mark.parametrize(("a", "b", "hosts", "same"), [
    ("https://www.news.example/a", "https://news.example/b", (), True),
    ("https://m.news.example/a", "https://www.news.example/b", (), True),
    ("http://127.0.0.1:8000/a", "http://127.0.0.1:9000/b", (), True),
    ("https://news.example/a", "https://copies.example/a", (), False),
    ("https://alice.blogs.example/a", "https://bob.blogs.example/a", (), False),
    ("https://alice.blogs.example/a", "https://bob.blogs.example/a", ("blogs.example",), True),
    ("http://127.0.0.1/a", "http://localhost/a", (), False),
    ("file:///tmp/a", "https://news.example/a", (), False),
], ids=["www", "mobile-www", "ports", "other-site", "sibling-subdomains", "profile-hosts", "ip-vs-name", "file"])
def test_same_site(a: str, b: str, hosts: tuple[str, ...], same: bool) -> None:
    assert same_site(a, b, hosts) is same
