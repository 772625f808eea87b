"""Sitemap parsing: news fields kept, indexes, gzip, broken and hostile documents."""

from __future__ import annotations

import gzip

from crawler.discovery.sitemaps import parse_sitemap

NEWS = b"""<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">
<url><loc>https://www.scmp.com/economy/china-economy/article/3300001/a</loc><lastmod>2025-02-18T10:00:00+08:00</lastmod>
<news:news><news:publication><news:name>South China Morning Post</news:name></news:publication>
<news:publication_date>2025-02-18T09:30:00+08:00</news:publication_date><news:title>Exports beat forecasts</news:title>
<news:keywords>exports, trade</news:keywords></news:news></url>
<url><loc>https://www.scmp.com/economy/article/3300002/b</loc></url>
<url><loc>   </loc></url>
</urlset>"""


def test_news_sitemap_keeps_google_news_fields() -> None:
    sitemap = parse_sitemap(NEWS)
    assert sitemap.kind == "urlset"
    first, second = sitemap.entries
    assert first.news_publication_date == "2025-02-18T09:30:00+08:00"
    assert first.news_title == "Exports beat forecasts"
    assert first.news_keywords == "exports, trade"
    assert first.lastmod == "2025-02-18T10:00:00+08:00"
    assert second.news_publication_date is None and second.loc.endswith("/b")


def test_sitemap_index_lists_nested_sitemaps() -> None:
    body = b"""<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
    <sitemap><loc>https://www.scmp.com/sitemap_news.xml</loc></sitemap>
    <sitemap><loc>https://www.scmp.com/sitemap/archives-0.xml</loc></sitemap></sitemapindex>"""
    sitemap = parse_sitemap(body)
    assert sitemap.kind == "sitemapindex"
    assert sitemap.sitemaps == ("https://www.scmp.com/sitemap_news.xml", "https://www.scmp.com/sitemap/archives-0.xml")


def test_gzipped_sitemap() -> None:
    assert len(parse_sitemap(gzip.compress(NEWS)).entries) == 2


def test_gzip_bomb_is_refused_not_expanded() -> None:
    bomb = gzip.compress(b"<urlset>" + b" " * (5 * 1024 * 1024) + b"</urlset>")
    assert parse_sitemap(bomb, max_size=1024 * 1024).kind == "invalid"


def test_truncated_sitemap_keeps_complete_entries() -> None:
    truncated = NEWS[: NEWS.index(b"<url><loc>https://www.scmp.com/economy/article/3300002") + 40]
    sitemap = parse_sitemap(truncated)
    assert sitemap.entries[0].loc.endswith("/3300001/a")


def test_external_entities_are_not_resolved(tmp_path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET")
    body = f"""<?xml version="1.0"?><!DOCTYPE urlset [<!ENTITY xxe SYSTEM "file://{secret}">]>
    <urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><url><loc>https://a.example/&xxe;</loc></url></urlset>"""
    sitemap = parse_sitemap(body.encode())
    assert all("TOP-SECRET" not in entry.loc for entry in sitemap.entries)


def test_html_error_page_is_not_a_sitemap() -> None:
    assert parse_sitemap(b"<html><body>Access denied</body></html>").kind == "invalid"
    assert parse_sitemap(b"").kind == "invalid"
