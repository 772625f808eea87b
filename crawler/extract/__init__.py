"""Page extraction: one response body + URL in, one article dict out; no I/O, no Scrapy."""

from __future__ import annotations

from crawler.extract.article import extract_article
from crawler.extract.errors import NotAnArticle

__all__ = ["NotAnArticle", "extract_article"]
