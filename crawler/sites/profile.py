"""What the crawler knows about one site, as plain data.

A spider for a new site is a few lines that point at one `SiteProfile`; extraction looks the
profile up by name (so that it can run in another process), never by `if site == ...`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import datetime
from functools import cached_property
from urllib.parse import urlsplit


@dataclass(frozen=True)
class SiteProfile:
    """Discovery endpoints, URL rules and page quirks of one source."""

    name: str
    """Short name, used in item ids and as the spider name."""
    publisher: str | None = None
    """Publisher name for items of this site (JSON-LD/OpenGraph values win when present)."""
    hosts: tuple[str, ...] = ()
    """Registered domains the spider may follow (subdomains included); empty: only the given URLs' hosts."""
    timezone: str = "UTC"
    """IANA zone for naive dates on this site's pages."""
    language: str | None = None
    """Default language when the page does not declare one."""
    country: str | None = None
    """ISO 3166-1 alpha-2 code of the publication's home: the items' `country`, and the hint that tells
    the amounts normaliser which dollar a bare "$" is (SG: S$, HK: HK$; CN: US$)."""
    currency: str | None = None
    """ISO 4217 code of the home currency (documentation and checks; amounts follow `country`)."""
    online_since: str | None = None
    """First day the site published anything (ISO date): page dates before it are rejected."""
    sitemaps: tuple[str, ...] = ()
    """Default sitemap URLs (news sitemaps, sitemap indexes)."""
    feeds: tuple[str, ...] = ()
    """Default RSS/Atom feed URLs."""
    listings: tuple[str, ...] = ()
    """Default section/listing pages, read one level deep for article links (sites without sitemaps)."""
    dated_sitemaps: tuple[str, ...] = ()
    """Sitemap URL templates with `{year}` / `{month}` fields (monthly sitemaps): rendered for the crawl's
    current month and the `dated_sitemap_months - 1` months before it."""
    dated_sitemap_months: int = 2
    """How many months of `dated_sitemaps` a default run reads."""
    ignored_query_params: tuple[str, ...] = ()
    """Query parameters that never change the page on this site (dropped like `utm_*` before requests)."""
    article_url_patterns: tuple[str, ...] = ()
    """Regexes on the URL path (+query): a match marks an article URL. Empty: every URL is a candidate."""
    non_article_url_patterns: tuple[str, ...] = ()
    """Regexes on the URL path that are never articles (checked first)."""
    sitemap_follow_patterns: tuple[str, ...] = ()
    """Regexes on nested sitemap URLs (from sitemap indexes) worth following. Empty: follow all."""
    article_id_pattern: str | None = None
    """Regex with one group capturing the site's native article id from the URL path."""
    drop_selectors: tuple[str, ...] = ()
    """CSS selectors removed from the page before body extraction (ads, promos, widgets)."""
    boilerplate_patterns: tuple[tuple[str, str], ...] = ()
    """(rule name, regex) pairs for whole paragraphs that are the site's promos, widgets or footers.

    A regex must match the entire paragraph (whitespace folded, case-insensitive), so an article
    sentence that merely quotes a promo phrase is kept."""
    paywall_selectors: tuple[str, ...] = ()
    """CSS selectors whose presence shows the page holds only a teaser of a locked story."""
    paywall_url_patterns: tuple[str, ...] = ()
    """Regexes on the URL path of subscriber-only stories (a teaser unless the page shows more)."""
    next_data_article_path: tuple[str, ...] = ()
    """Path of the article payload inside `script#__NEXT_DATA__`, for Next.js sites."""
    extra: dict[str, object] = field(default_factory=dict)
    """Anything else a later stage reads by key (kept as data, documented where read)."""

    @cached_property
    def _article_res(self) -> tuple[re.Pattern[str], ...]:
        return tuple(re.compile(p) for p in self.article_url_patterns)

    @cached_property
    def _non_article_res(self) -> tuple[re.Pattern[str], ...]:
        return tuple(re.compile(p) for p in self.non_article_url_patterns)

    @cached_property
    def _follow_res(self) -> tuple[re.Pattern[str], ...]:
        return tuple(re.compile(p) for p in self.sitemap_follow_patterns)

    @cached_property
    def _id_re(self) -> re.Pattern[str] | None:
        return re.compile(self.article_id_pattern) if self.article_id_pattern else None

    @staticmethod
    def _path(url: str) -> str:
        parts = urlsplit(url)
        return parts.path + (f"?{parts.query}" if parts.query else "")

    def dated_sitemap_urls(self, now: datetime) -> list[str]:
        """`dated_sitemaps` rendered for the months ending with `now`'s, newest first."""
        urls: list[str] = []
        year, month = now.year, now.month
        for _ in range(self.dated_sitemap_months if self.dated_sitemaps else 0):
            urls.extend(template.format(year=year, month=month) for template in self.dated_sitemaps)
            year, month = (year, month - 1) if month > 1 else (year - 1, 12)
        return urls

    def is_paywall_url(self, url: str) -> bool:
        """True when the URL is of a subscriber-only story."""
        path = self._path(url)
        return any(re.search(p, path) for p in self.paywall_url_patterns)

    def is_article_url(self, url: str) -> bool:
        """True when the URL has the shape of an article page on this site."""
        path = self._path(url)
        if any(r.search(path) for r in self._non_article_res):
            return False
        if not self._article_res:
            return True
        return any(r.search(path) for r in self._article_res)

    def should_follow_sitemap(self, url: str) -> bool:
        """True when a nested sitemap (from an index) is worth fetching."""
        return not self._follow_res or any(r.search(url) for r in self._follow_res)

    def article_id(self, url: str) -> str | None:
        """The site's native article id from the URL, or None."""
        if self._id_re is None:
            return None
        match = self._id_re.search(urlsplit(url).path)
        return match.group(1) if match else None
