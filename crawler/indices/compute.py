"""EPU-style monthly indices, following Baker, Bloom and Davis (2016) step by step. Pure functions.

1. For each source and month: articles, and articles tagged EPU by the method.
2. Scaled frequency: EPU articles / articles, per source and month.
3. Each source's scaled series divided by its standard deviation over the base period (sample
   standard deviation, n - 1), so that every source has unit variance there.
4. The standardised series averaged over the sources that have the month.
5. The average multiplied so that its mean over the base period is 100.
A source with fewer than two base months, or no variation in them, cannot be standardised: it is
left out of the overall series and named in `IndexResult.skipped`. See docs/signals.md.
"""

from __future__ import annotations

import math
import statistics
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

Month = str  # "YYYY-MM"


@dataclass
class SourceMonth:
    source: str
    month: Month
    articles: int
    epu_articles: int
    scaled: float
    standardised: float | None = None
    index: float | None = None


@dataclass
class IndexResult:
    method: str
    base: tuple[Month, Month]
    sources: list[SourceMonth]
    overall: list[tuple[Month, float]]
    """(month, index): the normalised average of the standardised source series."""
    skipped: list[str] = field(default_factory=list)


def month_of(article: Mapping[str, Any]) -> Month | None:
    published = article.get("published_at")
    return published[:7] if isinstance(published, str) and len(published) >= 7 else None


def count_by_source(articles: Iterable[Mapping[str, Any]], method: str,
                    results: Any) -> dict[str, dict[Month, list[int]]]:
    """source -> month -> [articles, EPU articles], for sources where `method` applies.

    `results(article)` returns the article's EPU tags; an article counts in its source's total
    whether or not it has a result of `method`; sources with no result of `method` at all are left out.
    """
    counts: dict[str, dict[Month, list[int]]] = defaultdict(lambda: defaultdict(lambda: [0, 0]))
    applies: set[str] = set()
    for article in articles:
        month = month_of(article)
        if month is None:
            continue
        source = article.get("site") or "unknown"
        cell = counts[source][month]
        cell[0] += 1
        for result in results(article):
            if result.get("method") == method:
                applies.add(source)
                cell[1] += bool(result.get("epu"))
    return {source: dict(months) for source, months in counts.items() if source in applies}


def months_between(first: Month, last: Month) -> list[Month]:
    year, month = map(int, first.split("-"))
    out = []
    while f"{year:04d}-{month:02d}" <= last:
        out.append(f"{year:04d}-{month:02d}")
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return out


def epu_index(counts: Mapping[str, Mapping[Month, Sequence[int]]], method: str,
              base: tuple[Month, Month] | None = None) -> IndexResult:
    """The steps of the module docstring; `base` (first, last month, inclusive) defaults to all months."""
    all_months = sorted({m for months in counts.values() for m in months})
    if not all_months:
        return IndexResult(method, base or ("", ""), [], [])
    base = base or (all_months[0], all_months[-1])
    rows: list[SourceMonth] = []
    standardised: dict[Month, list[float]] = defaultdict(list)
    skipped = []
    for source in sorted(counts):
        series = [SourceMonth(source, m, n, e, e / n) for m, (n, e) in sorted(counts[source].items()) if n > 0]
        in_base = [r.scaled for r in series if base[0] <= r.month <= base[1]]
        sd = statistics.stdev(in_base) if len(in_base) >= 2 else 0.0
        if sd == 0.0 or math.isnan(sd):
            skipped.append(source)
            rows += series
            continue
        for r in series:
            r.standardised = r.scaled / sd
            standardised[r.month].append(r.standardised)
        mean_base = statistics.fmean(r.standardised for r in series if base[0] <= r.month <= base[1]
                                     and r.standardised is not None)
        for r in series:
            r.index = 100 * r.standardised / mean_base if mean_base and r.standardised is not None else None
        rows += series
    averaged = {m: statistics.fmean(v) for m, v in standardised.items()}
    base_values = [v for m, v in averaged.items() if base[0] <= m <= base[1]]
    scale = 100 / statistics.fmean(base_values) if base_values and statistics.fmean(base_values) else None
    overall = [(m, averaged[m] * scale) for m in sorted(averaged)] if scale else []
    return IndexResult(method, base, rows, overall, skipped)


@dataclass
class FigureMonth:
    month: Month
    indicator: str
    unit: str
    kind: str
    count: int
    mean: float


def figure_summary(articles: Iterable[Mapping[str, Any]], indicators: Sequence[str],
                   kind: str = "actual") -> list[FigureMonth]:
    """Per publication month, indicator and unit: how many `kind` figures articles stated, and their mean."""
    values: dict[tuple[Month, str, str], list[float]] = defaultdict(list)
    for article in articles:
        month = month_of(article)
        signals = article.get("signals")
        if month is None or not isinstance(signals, dict):
            continue
        for figure in signals.get("figures") or []:
            if figure.get("indicator") in indicators and figure.get("kind") == kind:
                values[(month, figure["indicator"], figure["unit"])].append(float(figure["value"]))
    return [FigureMonth(m, ind, unit, kind, len(v), statistics.fmean(v))
            for (m, ind, unit), v in sorted(values.items())]
