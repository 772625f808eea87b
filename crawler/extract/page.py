"""`Page`: one parsed page and everything read from it once (JSON-LD, `__NEXT_DATA__`, meta tags).

The field functions (`crawler.extract.article_fields`) all take a `Page`; `extract_article` builds
one per response. See docs/cleaning.md and docs/dates.md for what the fields read.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from datetime import datetime
from functools import cached_property
from typing import Any

from crawler.extract import jsonld as ld
from crawler.extract import nextdata as nd
from crawler.extract.decode import decode_html, strip_stray_end_tags
from crawler.extract.errors import NotAnArticle
from crawler.extract.hints import Hints
from crawler.extract.limits import MAX_ATTRIBUTES, cap_attributes
from crawler.extract.meta import PageMeta, read_meta
from crawler.extract.page_names import PageNames
from crawler.extract.parse import parse_html
from crawler.extract.saved import is_saved, origin_profile, saved_from
from crawler.sites import SiteProfile

logger = logging.getLogger(__name__)


@dataclass
class Page:
    """The parsed tree of one page, its metadata sources, and what discovery said about it."""

    url: str
    profile: SiteProfile
    tree: Any
    jsonld: dict[str, Any] | None
    next_article: dict[str, Any] | None
    meta: PageMeta
    hints: Hints
    now: datetime
    served_at: str | None = None
    """The response's `Date` header: what relative dates on the page ("3 hours ago") count from."""
    fetched_at: str | None = None
    """When the page was fetched (ISO 8601); the anchor for relative dates when there is no `Date` header."""
    events: list[str] = field(default_factory=list)
    """What happened on the way, as stat suffixes (`extract/<event>`)."""
    saved_from: str | None = None
    """For a page read from disk: the address its browser recorded when saving it (if any)."""

    @cached_property
    def names(self) -> PageNames:
        """The page's id, class and attribute values, read once for all its selector checks."""
        return PageNames(self.tree)

    @classmethod
    def parse(cls, html: str | bytes, url: str, profile: SiteProfile, hints: Hints, now: datetime, *,
              served_at: str | None = None, fetched_at: str | None = None) -> Page:
        """Parse once; raise `NotAnArticle("unparseable")` when there is no tree to read."""
        if isinstance(html, bytes):
            # Saved pages: BOM, then the page's own declaration (gb2312 read as GB18030), then detection.
            html = decode_html(html, None)[0]
        browser = saved_from(html) if is_saved(url) else None
        # libxml2 compares each attribute with all the ones before it: a hostile tag is cut first.
        html, capped = cap_attributes(html)
        if capped:
            logger.warning("%s: %d tag(s) with more than %d attributes cut before parsing", url, capped,
                           MAX_ATTRIBUTES)
        tree = parse_html(strip_stray_end_tags(html))
        if tree is None:
            raise NotAnArticle("unparseable")
        jsonld = ld.find_article_jsonld(tree)
        meta = read_meta(tree)
        profile = origin_profile(url, meta, jsonld.article, browser) or profile  # a saved page: its own site
        page = cls(url, profile, tree, jsonld.article, nd.find_next_article(tree, profile.next_data_article_path),
                   meta, hints, now, served_at, fetched_at, saved_from=browser)
        if capped:
            page.events.append("limits/attributes")
        if jsonld.broken:
            page.events.append("broken_jsonld")
        if jsonld.too_deep:
            page.events.append("jsonld_too_deep")
        return page

    @property
    def ld(self) -> dict[str, Any]:
        """The article's JSON-LD node, or an empty dict."""
        return self.jsonld or {}

    @property
    def next(self) -> dict[str, Any]:
        """The article of the Next.js payload, or an empty dict."""
        return self.next_article or {}
