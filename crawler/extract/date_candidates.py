"""Collect every publication/modification date the page and its discovery offer, untouched.

Choosing among them (trust order, time zones, future dates) is `crawler.dates.publication`'s job;
this module only knows where on a page dates live.
"""

from __future__ import annotations

from typing import Any

from lxml import etree
from lxml.html import HtmlElement

from crawler.dates.publication import DateCandidate, url_date_candidate, visible_date_candidates
from crawler.extract.hints import Hints
from crawler.extract.meta import PageMeta

_META_PUBLISHED = ("article:published_time", "og:article:published_time", "datepublished", "pubdate",
                   "publishdate", "publish-date", "article.published", "dc.date.issued", "dc.date",
                   "dcterms.created", "sailthru.date", "parsely-pub-date", "date")
_META_MODIFIED = ("article:modified_time", "og:updated_time", "datemodified", "lastmod",
                  "dcterms.modified", "article.updated")
# Text nodes worth showing to the visible-line parser: short, and naming a date line.
_VISIBLE_XPATH = etree.XPath(
    "//body//text()[string-length(.) < 200][contains(., 'Published') or contains(., 'Updated')"
    " or contains(., 'published') or contains(., 'updated') or contains(., '发布') or contains(., '更新')"
    " or contains(., '發佈')"
    " or contains(., '更新時間') or contains(., 'Posted') or contains(., '来源') or contains(., '來源')]"
)
_MAX_VISIBLE_LEN = 120


def _raw(value: Any) -> str | None:
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, (int, float)):
        return str(int(value))
    if isinstance(value, str) and value.strip():
        return value.strip()
    return None


def _visible_lines(tree: HtmlElement) -> list[str]:
    lines: dict[str, None] = {}  # ordered and without repeats, checked in constant time
    for text in _VISIBLE_XPATH(tree):
        parent = text.getparent()
        line = parent.text_content() if parent is not None else str(text)
        line = " ".join(line.split())
        if 0 < len(line) <= _MAX_VISIBLE_LEN:
            lines.setdefault(line)
    return list(lines)


def collect_date_candidates(
    tree: HtmlElement,
    url: str,
    *,
    jsonld: dict[str, Any] | None,
    next_article: dict[str, Any] | None,
    meta: PageMeta,
    hints: Hints,
) -> list[DateCandidate]:
    """All candidates in no particular order; each names its source and kind."""
    found: list[DateCandidate] = []

    def add(source: str, kind: str, value: Any) -> None:
        raw = _raw(value)
        if raw:
            found.append(DateCandidate(source=source, kind=kind, raw=raw))

    if jsonld:
        add("jsonld", "published", jsonld.get("datePublished") or jsonld.get("dateCreated"))
        add("jsonld", "modified", jsonld.get("dateModified"))
    if next_article:
        add("next_data", "published", next_article.get("publishedDate"))
        add("next_data", "modified", next_article.get("updatedDate"))
    add("meta", "published", meta.first(*_META_PUBLISHED))
    add("meta", "modified", meta.first(*_META_MODIFIED))
    for value, hint in meta.times:
        kind = "modified" if ("updat" in hint or "modif" in hint) else "published"
        add("time", kind, value)
    found.extend(visible_date_candidates(_visible_lines(tree)))
    url_candidate = url_date_candidate(url)
    if url_candidate is not None:
        found.append(url_candidate)
    add("sitemap", "published", hints.sitemap_publication_date)
    add("feed", "published", hints.feed_published)
    return found
