"""SCMP's sample site (the original one, `sample_site.build`) behind the per-source interface.

The SCMP mirror and its republisher blog are built by `sample_site.build.build_site`; this adapter
serves both from one loopback server (127.0.0.1 for SCMP, localhost for the blog) and says how to
point the `scmp` spider at it, so `scrapy crawlall --sample` treats SCMP like any source.
"""

from __future__ import annotations

from pathlib import Path

from sample_site.build import build_site
from sample_site.sources.common import SourceManifest

NAME = "scmp"


def build(root: Path, base_url: str) -> SourceManifest:
    """Write the SCMP sample site under `root` for `base_url` (a 127.0.0.1 URL)."""
    site = build_site(root, base_url, base_url.replace("://127.0.0.1:", "://localhost:"))
    return SourceManifest(
        name=NAME,
        base_url=base_url,
        article_ids=list(site.article_ids),
        paywalled_ids=list(site.paywalled_ids),
        non_article_urls=list(site.non_article_urls),
        spider_args={"sitemaps": site.sitemap_index, "feeds": site.rss_feed},
    )
