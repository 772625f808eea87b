"""A republished copy on another site cannot make the state skip its original.

The copy (on `localhost`) declares rel=canonical to the original (on `127.0.0.1`: another host of
the same local server) and its feed dates it in the future. It is crawled first; the original,
crawled the next day with the same state, must still be fetched and delivered.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from sample_site.server import StaticServer
from tests.support.crawl import run_crawl

BODY = "".join(
    f"<p>Paragraph {i}: exporters in the Pearl River Delta reported steadier orders from Europe this month, "
    "and several said they had raised prices for the first time in two years.</p>" for i in range(6))


def _page(title: str, canonical: str) -> str:
    ld = {"@type": "NewsArticle", "headline": title, "datePublished": "2025-03-02T09:00:00+08:00"}
    return (f'<html lang="en"><head><title>{title}</title><link rel="canonical" href="{canonical}">'
            f'<script type="application/ld+json">{json.dumps(ld)}</script></head>'
            f"<body><article><h1>{title}</h1>{BODY}</article></body></html>")


def _feed(link: str, date: str) -> str:
    return (f'<?xml version="1.0"?><rss version="2.0"><channel><title>f</title><item><title>Orders</title>'
            f"<link>{link}</link><pubDate>{date}</pubDate></item></channel></rss>")


@pytest.fixture()
def sites(tmp_path: Path) -> Iterator[tuple[str, str]]:
    root = tmp_path / "site"
    server = StaticServer(root)
    news, blog = server.base_url("127.0.0.1"), server.base_url("localhost")
    original = f"{news}/economy/orders"
    for path, html in ((root / "economy" / "orders" / "index.html", _page("Delta exporters see steadier orders", original)),
                       (root / "blog" / "orders-copy" / "index.html", _page("Delta exporters see steadier orders", original))):
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(html, encoding="utf-8")
    (root / "robots.txt").write_text("User-agent: *\nAllow: /\n", encoding="utf-8")
    (root / "blog-feed.xml").write_text(_feed(f"{blog}/blog/orders-copy", "Mon, 01 Jan 2035 09:00:00 +0000"), encoding="utf-8")
    (root / "news-feed.xml").write_text(_feed(original, "Sun, 02 Mar 2025 01:00:00 +0000"), encoding="utf-8")
    with server:
        yield news, blog


def test_a_future_dated_copy_does_not_block_its_original(sites: tuple[str, str], tmp_path: Path) -> None:
    news, blog = sites
    state = ["-s", f"STATE_PATH={tmp_path / 'state.sqlite'}"]
    (tmp_path / "day1").mkdir()
    copy = run_crawl("article", tmp_path / "day1", "-a", f"feeds={blog}/blog-feed.xml", *state)
    assert copy.returncode == 0, copy.log[-3000:]
    [item] = copy.items
    assert item["url"] == f"{blog}/blog/orders-copy"
    assert item["canonical_url"] == f"{blog}/blog/orders-copy"
    assert item["original"] == {"publisher": "127.0.0.1", "url": f"{news}/economy/orders"}

    (tmp_path / "day2").mkdir()
    original = run_crawl("article", tmp_path / "day2", "-a", f"feeds={news}/news-feed.xml", *state)
    assert original.returncode == 0, original.log[-3000:]
    assert original.stats.get("state/skipped/unchanged", 0) == 0
    assert [item["url"] for item in original.items] == [f"{news}/economy/orders"]
    assert original.items[0]["original"] is None


def test_a_future_discovery_date_does_not_freeze_an_article(tmp_path: Path) -> None:
    # A sitemap dating an article years ahead (a time zone or CMS bug) must not make every later
    # run skip it: the state never records a discovery date later than the crawl's "now".
    from tests.support.changing_site import ChangingSite

    root = tmp_path / "site"
    root.mkdir()
    server = StaticServer(root)
    site = ChangingSite(root, server.base_url())
    story = site.add(3300100, day=1)
    story.lastmod = "2035-01-01T00:00:00+08:00"
    site.write()
    state = ["-s", f"STATE_PATH={tmp_path / 'state.sqlite'}"]
    with server:
        (tmp_path / "run1").mkdir()
        first = run_crawl("scmp", tmp_path / "run1", "-a", f"sitemaps={site.sitemap}", *state,
                          "-s", "CRAWL_NOW=2025-03-10T00:00:00+00:00")
        assert [item["id"] for item in first.items] == ["scmp:3300100"], first.log[-3000:]
        site.change(3300100, "2025-03-20T10:00:00+08:00")
        site.write()
        (tmp_path / "run2").mkdir()
        second = run_crawl("scmp", tmp_path / "run2", "-a", f"sitemaps={site.sitemap}", *state,
                           "-s", "CRAWL_NOW=2025-03-21T00:00:00+00:00")
    assert second.stats.get("state/skipped/unchanged", 0) == 0, second.log[-3000:]
    assert [(item["id"], item["update"]) for item in second.items] == [("scmp:3300100", True)]
