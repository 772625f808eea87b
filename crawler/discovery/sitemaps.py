"""Sitemap and sitemap-index parsing that keeps Google News fields.

Scrapy's own `Sitemap` keeps only the direct children of `<url>`, so `news:publication_date`
(inside `<news:news>`) never reaches `sitemap_filter`; this parser reads it, because it is a
publication date candidate and what lets an incremental run skip unchanged URLs.
"""

from __future__ import annotations

from dataclasses import dataclass

from scrapy.utils.gz import gunzip

from crawler.discovery.xml import child_text, local_name, parse_xml


@dataclass(frozen=True)
class SitemapEntry:
    """One `<url>` of a urlset."""

    loc: str
    lastmod: str | None = None
    news_publication_date: str | None = None
    news_title: str | None = None
    news_keywords: str | None = None


@dataclass(frozen=True)
class Sitemap:
    """A parsed sitemap: either an index of further sitemaps or a set of page entries."""

    kind: str  # "sitemapindex", "urlset" or "invalid"
    sitemaps: tuple[str, ...] = ()
    entries: tuple[SitemapEntry, ...] = ()


def _maybe_gunzip(body: bytes, max_size: int) -> bytes:
    if body[:3] == b"\x1f\x8b\x08":  # gzip magic number
        return gunzip(body, max_size=max_size)
    return body


def parse_sitemap(body: bytes, *, max_size: int = 50 * 1024 * 1024) -> Sitemap:
    """Parse a (possibly gzipped) sitemap body. Raises nothing: unreadable input gives kind 'invalid'."""
    try:
        body = _maybe_gunzip(body, max_size)
    except (OSError, ValueError):
        return Sitemap("invalid")
    root = parse_xml(body)
    if root is None:
        return Sitemap("invalid")
    kind = local_name(root)
    if kind == "sitemapindex":
        locs = tuple(loc for sm in root if local_name(sm) == "sitemap" and (loc := child_text(sm, "loc")))
        return Sitemap(kind, sitemaps=locs)
    if kind != "urlset":
        return Sitemap("invalid")
    entries = []
    for url in root:
        if local_name(url) != "url":
            continue
        loc = child_text(url, "loc")
        if not loc:
            continue
        news = next((child for child in url if local_name(child) == "news"), None)
        entries.append(
            SitemapEntry(
                loc=loc,
                lastmod=child_text(url, "lastmod"),
                news_publication_date=child_text(news, "publication_date") if news is not None else None,
                news_title=child_text(news, "title") if news is not None else None,
                news_keywords=child_text(news, "keywords") if news is not None else None,
            )
        )
    return Sitemap(kind, entries=tuple(entries))
