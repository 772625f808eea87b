"""An article's amounts with the stats they add, computed once for the pipeline and the worker.

No Scrapy import here: the extraction workers (`crawler.workers.normalisers`) import this module.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from . import annotate_amounts


def amounts_and_stats(values: Mapping[str, Any]) -> tuple[list[dict[str, Any]], dict[str, int]]:
    """The article's amounts and the counters they add: the one place both the pipeline and the
    extraction worker (`crawler.workers.normalisers`) compute them."""
    amounts = annotate_amounts(values.get("title"), values.get("text"),
                               published_at=values.get("published_at"), language=values.get("language"))
    sources = [a["usd_rate_source"] for a in amounts]
    # Counted even when zero: the keys exist in every crawl's stats.
    return amounts, {
        "amounts/found": len(amounts),
        "amounts/converted_article": sources.count("article"),
        "amounts/converted_table": sources.count("table"),
        "amounts/unconverted": sources.count(None),
    }
