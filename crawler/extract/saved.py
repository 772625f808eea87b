"""A page saved to disk belongs to the site it came from.

A `file://` page has no host to tell its site; its canonical link, `og:url` or `og:site_name` (JSON-LD
publisher) do. The item then gets that site's profile: its rules, native id, name and home country,
exactly as the live page would. Web pages are never re-attributed by what they claim (a page on one
host naming another as canonical is a copy, not that site). See docs/sources.md (Saved pages).
"""

from __future__ import annotations

import re
from typing import Any

from crawler.extract import jsonld as ld
from crawler.extract.meta import PageMeta
from crawler.sites import SiteProfile, site_for_publisher, site_for_url
from crawler.urls import absolute, host_of

# Written by browsers at the top of a saved page: <!-- saved from url=(0077)https://... -->
_SAVED_FROM = re.compile(r"<!--\s*saved from url=\(\d+\)\s*(\S+?)\s*-->", re.IGNORECASE)
SAVED_FROM_SCAN_CHARS = 4096


def saved_from(html: str) -> str | None:
    """The address a browser recorded when saving the page (its "saved from url" comment), or None."""
    match = _SAVED_FROM.search(html, 0, SAVED_FROM_SCAN_CHARS)
    return match.group(1) if match else None


def is_saved(url: str) -> bool:
    """True for a page read from disk (`file://`)."""
    return url.lower().startswith("file:")


def origin_urls(url: str, meta: PageMeta, jsonld: dict[str, Any] | None, browser: str | None = None) -> list[str]:
    """The web addresses a saved page names for itself (canonical, og:url, JSON-LD url, the browser's
    "saved from" address), in that order."""
    found = []
    for candidate in (meta.canonical, meta.first("og:url"), ld.first_text((jsonld or {}).get("url")), browser):
        resolved = absolute(candidate, url)
        if resolved and host_of(resolved):
            found.append(resolved)
    return found


def origin_profile(url: str, meta: PageMeta, jsonld: dict[str, Any] | None,
                   browser: str | None = None) -> SiteProfile | None:
    """The profile of the site a saved page came from, or None (a web page, or an unknown site)."""
    if not is_saved(url):
        return None
    for candidate in origin_urls(url, meta, jsonld, browser):
        profile = site_for_url(candidate)
        if profile is not None:
            return profile
    name = meta.first("og:site_name") or next(iter(ld.names((jsonld or {}).get("publisher"))), None)
    return site_for_publisher(name) if name else None


def origin_host(url: str, meta: PageMeta, jsonld: dict[str, Any] | None, browser: str | None = None) -> str | None:
    """The host a saved page came from ("www.example.com"), or None."""
    if not is_saved(url):
        return None
    return next((host_of(u) for u in origin_urls(url, meta, jsonld, browser)), None)
