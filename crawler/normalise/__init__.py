"""Pure article normalisers: each fills one field of an article from its title and text.

They run in the extraction worker right after extraction, in the order of the `NORMALISERS`
setting (`crawler.workers.jobs`). No Scrapy import, no I/O, no clock. See docs/normalisers.md.
"""

from __future__ import annotations

from crawler.normalise.base import Normaliser, Stats, load_normalisers

__all__ = ["Normaliser", "Stats", "load_normalisers"]
