"""Render the sample site into a folder for given base URLs.

The SCMP mirror lives at `scmp_base` (article pages, news and economy sitemaps, a sitemap index,
an RSS feed with `utm_` links, section/topic/video/live pages, robots.txt); the republisher blog at
`blog_base` (posts copying three SCMP stories, its RSS feed, a category page). Two host names for
one loopback server (127.0.0.1 and localhost) keep the two sites apart for offsite rules.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from email.utils import format_datetime
from html import escape
from importlib.resources import files
from pathlib import Path
from typing import Any

from sample_site.templates import blog_post_page, listing_page, scmp_article_page

BLOG_COPIES = 3
NEWS_NS = "http://www.google.com/schemas/sitemap-news/0.9"


@dataclass
class Manifest:
    """What a crawl of the built site should find (used by tests and the demo summary)."""

    scmp_base: str
    blog_base: str
    article_ids: list[str] = field(default_factory=list)
    paywalled_ids: list[str] = field(default_factory=list)
    blog_urls: list[str] = field(default_factory=list)
    non_article_urls: list[str] = field(default_factory=list)

    @property
    def sitemap_index(self) -> str:
        return f"{self.scmp_base}/sitemap.xml"

    @property
    def news_sitemap(self) -> str:
        return f"{self.scmp_base}/sitemap_news.xml"

    @property
    def economy_sitemap(self) -> str:
        return f"{self.scmp_base}/sitemap_economy.xml"

    @property
    def rss_feed(self) -> str:
        return f"{self.scmp_base}/rss/318421/feed"

    @property
    def blog_feed(self) -> str:
        return f"{self.blog_base}/blog/feed/"


def load_articles() -> list[dict[str, Any]]:
    """The invented articles, with parsed dates."""
    articles = json.loads(files("sample_site").joinpath("content/articles.json").read_text(encoding="utf-8"))
    for article in articles:
        article["_published"] = datetime.fromisoformat(article["published"])
        article["_updated"] = datetime.fromisoformat(article["updated"]) if article.get("updated") else None
    return articles


def article_path(article: dict[str, Any]) -> str:
    prefix = "/plus" if article["paywalled"] else ""
    return f"{prefix}/{article['section']}/article/{article['id']}/{article['slug']}"


def _write(root: Path, path: str, text: str, index: str = "index.html") -> None:
    """Write `text` at URL path `path`; extension-less paths become `<path>/<index>`."""
    target = root / path.lstrip("/")
    if not target.suffix or path.endswith("/"):
        target = target / index
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(text, encoding="utf-8")


def _news_sitemap(entries: list[tuple[str, dict[str, Any]]]) -> str:
    urls = "".join(
        f"<url><loc>{escape(url)}</loc><news:news><news:publication><news:name>South China Morning Post"
        f"</news:name><news:language>en</news:language></news:publication>"
        f"<news:publication_date>{a['_published'].isoformat()}</news:publication_date>"
        f"<news:title>{escape(a['title'])}</news:title>"
        f"<news:keywords>{escape(', '.join(a['keywords']))}</news:keywords></news:news></url>\n"
        for url, a in entries
    )
    return (f'<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" '
            f'xmlns:news="{NEWS_NS}">\n{urls}</urlset>\n')


def _plain_sitemap(urls: list[tuple[str, str | None]]) -> str:
    body = "".join(
        f"<url><loc>{escape(url)}</loc>{f'<lastmod>{lastmod}</lastmod>' if lastmod else ''}</url>\n"
        for url, lastmod in urls
    )
    return f'<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n{body}</urlset>\n'


def _rss(title: str, link: str, items: list[dict[str, str]]) -> str:
    body = "".join(
        f"<item><title>{escape(i['title'])}</title><link>{escape(i['link'])}</link>"
        f"<guid isPermaLink=\"true\">{escape(i['link'])}</guid><description>{escape(i.get('description', ''))}"
        f"</description><pubDate>{i['pubDate']}</pubDate><dc:creator>{escape(i.get('creator', ''))}</dc:creator>"
        f"</item>\n"
        for i in items
    )
    return (f'<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/">'
            f"<channel><title>{escape(title)}</title><link>{escape(link)}</link>\n{body}</channel></rss>\n")


def build_site(root: Path, scmp_base: str, blog_base: str) -> Manifest:
    """Write the whole site under `root`; returns what a crawl should find."""
    root = Path(root)
    articles = load_articles()
    manifest = Manifest(scmp_base=scmp_base, blog_base=blog_base)
    urls = {a["id"]: f"{scmp_base}{article_path(a)}" for a in articles}
    for index, article in enumerate(articles):
        related = [(urls[o["id"]], o["title"]) for o in articles[index + 1 : index + 4]]
        _write(root, article_path(article), scmp_article_page(article, urls[article["id"]], scmp_base, related))
        manifest.article_ids.append(f"scmp:{article['id']}")
        if article["paywalled"]:
            manifest.paywalled_ids.append(f"scmp:{article['id']}")

    # Discovery documents. The news sitemap lists every article once, one of them twice under another
    # slug (same id), plus an offsite URL; the economy sitemap mixes articles with non-article pages.
    news_entries = [(urls[a["id"]], a) for a in articles]
    first = articles[0]
    news_entries.append((f"{scmp_base}/{first['section']}/article/{first['id']}/older-slug-of-the-story", first))
    news_entries.append(("https://offsite.invalid/economy/article/3999999/not-ours", first))
    _write(root, "/sitemap_news.xml", _news_sitemap(news_entries))
    non_articles = [
        f"{scmp_base}/economy/china-economy", f"{scmp_base}/topics/china-economy",
        f"{scmp_base}/video/economy/3300999/port-cranes-at-dawn", f"{scmp_base}/live/markets-live",
    ]
    manifest.non_article_urls = non_articles
    economy = [(urls[a["id"]], a["published"][:10]) for a in articles if a["section"].startswith("economy")]
    _write(root, "/sitemap_economy.xml", _plain_sitemap(economy + [(u, None) for u in non_articles]))
    _write(root, "/sitemap.xml",
           '<?xml version="1.0" encoding="UTF-8"?>\n<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
           f"<sitemap><loc>{scmp_base}/sitemap_news.xml</loc></sitemap>"
           f"<sitemap><loc>{scmp_base}/sitemap_economy.xml</loc></sitemap></sitemapindex>\n")
    feed_items = [
        {"title": a["title"], "link": f"{urls[a['id']]}?utm_source=rss_feed", "description": a["summary"],
         "pubDate": format_datetime(a["_published"]), "creator": ",".join(a["authors"])}
        for a in articles[:15]
    ]
    _write(root, "/rss/318421/feed", _rss("China Economy - SCMP", scmp_base, feed_items), index="index.xml")
    _write(root, "/robots.txt",
           "User-agent: *\nCrawl-delay: 10\nDisallow: /print/\nDisallow: /ajax\nDisallow: /login\n"
           f"Sitemap: {scmp_base}/sitemap_news.xml\nSitemap: {scmp_base}/sitemap_economy.xml\n")
    section_links = [(urls[a["id"]], a["title"]) for a in articles if a["section"] == "economy/china-economy"]
    _write(root, "/economy/china-economy", listing_page("China Economy", section_links, scmp_base))
    _write(root, "/topics/china-economy", listing_page("Topic: China economy", section_links[:5], scmp_base))
    _write(root, "/video/economy/3300999/port-cranes-at-dawn",
           listing_page("Video: Port cranes at dawn", [], scmp_base))
    _write(root, "/live/markets-live", listing_page("Markets live", [], scmp_base))

    # The republisher blog: copies of the first free articles, a day after the original.
    copies = [a for a in articles if not a["paywalled"]][:BLOG_COPIES]
    blog_items = []
    for article in copies:
        posted = article["_published"] + timedelta(days=1)
        path = f"/blog/{posted:%Y/%m/%d}/{article['slug']}-2/"
        url = f"{blog_base}{path}"
        _write(root, path, blog_post_page(article, url, urls[article["id"]], blog_base, posted))
        manifest.blog_urls.append(url)
        blog_items.append({"title": article["title"], "link": url, "pubDate": format_datetime(posted),
                           "creator": "admin", "description": article["summary"]})
    _write(root, "/blog/feed/", _rss("Asian Currency Watch", f"{blog_base}/blog/", blog_items), index="index.xml")
    _write(root, "/blog/category/asian-currency/",
           listing_page("Asian Currency", [(u, "post") for u in manifest.blog_urls], blog_base))
    return manifest
