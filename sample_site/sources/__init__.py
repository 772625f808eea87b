"""Offline sample sites of every source: one module per source, each with `build(root, base_url)`.

Each module holds a few invented articles in that site's real page shape, its feed or sitemap and a
non-article page or two, and returns a `SourceManifest` (what a crawl must find, and the `-a`
arguments pointing the source's spider at the local mirror). `SAMPLE_SITES` maps spider names to
builders; `scrapy crawlall --sample` and tests/sources serve each on its own
`sample_site.server.StaticServer`.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from sample_site.sources import chinadaily, peopledaily, scmp, straitstimes, thestandard
from sample_site.sources.common import SourceManifest

Builder = Callable[[Path, str], SourceManifest]

SAMPLE_SITES: dict[str, Builder] = {
    module.NAME: module.build for module in (scmp, chinadaily, thestandard, straitstimes, peopledaily)
}

__all__ = ["SAMPLE_SITES", "Builder", "SourceManifest"]
