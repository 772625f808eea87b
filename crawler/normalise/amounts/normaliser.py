"""`NORMALISER`: fills an article's `amounts` and counts what it found (run in the extraction worker)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from crawler.normalise.amounts import annotate_amounts
from crawler.normalise.base import Normaliser, Stats


def amounts_and_stats(values: Mapping[str, Any]) -> tuple[list[dict[str, Any]], Stats]:
    """The article's amounts and the counters they add (counted even when zero)."""
    amounts = annotate_amounts(values.get("title"), values.get("text"), published_at=values.get("published_at"),
                               language=values.get("language"), country_hint=values.get("country"))
    sources = [a["usd_rate_source"] for a in amounts]
    return amounts, {
        "amounts/found": len(amounts),
        "amounts/converted_article": sources.count("article"),
        "amounts/converted_table": sources.count("table"),
        "amounts/unconverted": sources.count(None),
        "amounts/currency_inferred": sum(bool(a["currency_inferred"]) for a in amounts),
        "amounts/currency_unknown": sum(a["currency"] is None for a in amounts),
    }


def _apply(article: dict[str, Any], settings: Mapping[str, Any]) -> Stats:
    article["amounts"], stats = amounts_and_stats(article)
    return stats


NORMALISER = Normaliser("amounts", _apply)
