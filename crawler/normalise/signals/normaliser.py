"""`NORMALISER`: fills an article's `signals` (EPU tags and indicator figures) in the extraction worker.

Runs after the amounts and date-mention normalisers (the `NORMALISERS` order) and reuses their
`amounts` and `dates`; without them figures carry no amounts and no periods (counted).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from crawler.normalise.base import Normaliser, Stats
from crawler.normalise.signals.epu import tag_epu
from crawler.normalise.signals.figures import find_figures


def signals_and_stats(article: Mapping[str, Any]) -> tuple[dict[str, Any], Stats]:
    """The article's `signals` value and the counters it adds."""
    epu = tag_epu(article)
    figures = find_figures(article)
    stats = {"signals/figures": len(figures)}
    for result in epu:
        if result["epu"]:
            stats[f"signals/epu/{result['method']}"] = 1
    if "amounts" not in article or "dates" not in article:
        stats["signals/without_amounts_or_dates"] = 1
    return {"epu": epu, "figures": figures}, {k: v for k, v in stats.items() if v}


def _apply(article: dict[str, Any], settings: Mapping[str, Any]) -> Stats:
    article["signals"], stats = signals_and_stats(article)
    return stats


NORMALISER = Normaliser("signals", _apply)
