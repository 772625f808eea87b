"""What every source's sample site shares: the manifest it returns and small writers for pages and feeds.

Each `sample_site/sources/<site>.py` renders invented articles in that site's page shape; these helpers
only write bytes where a static server will find them and render the two discovery formats (RSS 2.0,
sitemaps) that all sources use, in the encoding a source declares.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from email.utils import format_datetime
from html import escape
from pathlib import Path

NEWS_NS = "http://www.google.com/schemas/sitemap-news/0.9"


@dataclass
class SourceManifest:
    """What a crawl of one source's sample site should find, and how to point the spider at it."""

    name: str
    """Spider and site profile name."""
    base_url: str
    article_ids: list[str] = field(default_factory=list)
    """Item ids (`<site>:<native id>`) of every article, each to be written exactly once."""
    paywalled_ids: list[str] = field(default_factory=list)
    non_article_urls: list[str] = field(default_factory=list)
    """URLs listed by the discovery documents that are not articles (skipped before fetching)."""
    offsite_urls: list[str] = field(default_factory=list)
    spider_args: dict[str, str] = field(default_factory=dict)
    """Spider arguments (`-a name=value`) that crawl the local mirror instead of the real site."""
    encoding: str = "utf-8"
    """Encoding the article pages are written in (declared only in the page)."""

    def cli_args(self) -> list[str]:
        """`spider_args` as `scrapy crawl` arguments."""
        return [part for name, value in self.spider_args.items() for part in ("-a", f"{name}={value}")]


def write(root: Path, path: str, text: str, *, encoding: str = "utf-8", index: str = "index.html") -> Path:
    """Write `text` at URL path `path` (query strings not allowed); extension-less paths get `index`."""
    target = Path(root) / path.lstrip("/")
    if not target.suffix or path.endswith("/"):
        target = target / index
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(text.encode(encoding))
    return target


def rfc822(value: datetime) -> str:
    """An RSS `pubDate`."""
    return format_datetime(value)


def rss(title: str, link: str, items: list[dict[str, str]], *, encoding: str = "utf-8") -> str:
    """An RSS 2.0 feed; items have title, link, pubDate and optionally description, creator."""
    body = "".join(
        f"<item><title>{escape(i['title'])}</title><link>{escape(i['link'])}</link>"
        f"<guid isPermaLink=\"true\">{escape(i['link'])}</guid>"
        f"<description>{escape(i.get('description', ''))}</description><pubDate>{i['pubDate']}</pubDate>"
        + (f"<dc:creator>{escape(i['creator'])}</dc:creator>" if i.get("creator") else "")
        + "</item>\n"
        for i in items
    )
    return (f'<?xml version="1.0" encoding="{encoding}"?>\n'
            '<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel>'
            f"<title>{escape(title)}</title><link>{escape(link)}</link>\n{body}</channel></rss>\n")


def urlset(entries: list[tuple[str, str | None]]) -> str:
    """A plain sitemap of (loc, lastmod) entries."""
    body = "".join(
        f"<url><loc>{escape(loc)}</loc>{f'<lastmod>{lastmod}</lastmod>' if lastmod else ''}</url>\n"
        for loc, lastmod in entries
    )
    return ('<?xml version="1.0" encoding="UTF-8"?>\n'
            f'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n{body}</urlset>\n')


def news_urlset(entries: list[tuple[str, str, str, str]], publication: str, language: str) -> str:
    """A Google News sitemap of (loc, publication date, title, keywords) entries."""
    body = "".join(
        f"<url><loc>{escape(loc)}</loc><news:news><news:publication><news:name>{escape(publication)}"
        f"</news:name><news:language>{language}</news:language></news:publication>"
        f"<news:publication_date>{published}</news:publication_date><news:title>{escape(title)}</news:title>"
        f"<news:keywords>{escape(keywords)}</news:keywords></news:news></url>\n"
        for loc, published, title, keywords in entries
    )
    return ('<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" '
            f'xmlns:news="{NEWS_NS}">\n{body}</urlset>\n')


def sitemap_index(locs: list[str]) -> str:
    """A sitemap index."""
    body = "".join(f"<sitemap><loc>{escape(loc)}</loc></sitemap>" for loc in locs)
    return ('<?xml version="1.0" encoding="UTF-8"?>\n'
            f'<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{body}</sitemapindex>\n')


def paragraphs_html(paragraphs: list[str] | tuple[str, ...]) -> str:
    """`<p>` elements for plain-text paragraphs."""
    return "\n".join(f"<p>{escape(p)}</p>" for p in paragraphs)
