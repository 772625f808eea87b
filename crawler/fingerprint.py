"""Request fingerprints keyed by article identity.

Feeds add `?utm_source=...`, sections link the same story under several slugs; Scrapy's duplicate
filter (and JOBDIR, and a shared Redis filter) should see one request per article. A request that
carries `meta["article_key"]` (site + native id) is fingerprinted by that key alone.
"""

from __future__ import annotations

import hashlib
from typing import TYPE_CHECKING

from scrapy.utils.request import RequestFingerprinter

if TYPE_CHECKING:
    from scrapy import Request
    from scrapy.crawler import Crawler


class ArticleKeyRequestFingerprinter:
    """`meta["article_key"]` when present, Scrapy's default fingerprint otherwise."""

    def __init__(self, crawler: Crawler | None = None) -> None:
        self._default = RequestFingerprinter(crawler)

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> ArticleKeyRequestFingerprinter:
        return cls(crawler)

    def fingerprint(self, request: Request) -> bytes:
        key = request.meta.get("article_key")
        # A redirect keeps the meta of the request it came from: its target is a new URL to fetch.
        if key and not request.meta.get("redirect_urls"):
            return hashlib.sha1(f"article:{key}".encode()).digest()
        return self._default.fingerprint(request)
