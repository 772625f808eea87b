"""Benchmark date-mention finding on the example table: ours beside dateparser's `search_dates`.

Run from the repository root:  python benchmarks/dates_bench.py [--repeat N]

A predicted mention matches a gold one when their spans overlap and the predicted date, truncated
to the gold granularity, equals the gold date (so a day inside the gold year counts for a year;
a year for a gold day does not). Matching is one-to-one. Every row counts, known failures
(xfail rows) included. dateparser gets languages ["en"] or ["zh"] and RELATIVE_BASE = the
reference (a fixed 2000-01-01 when a row has none, so that it never reads the clock).
"""

from __future__ import annotations

import argparse
import sys
import time
import warnings
from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from crawler.normalise.date_mentions.mentions import find_date_mentions  # noqa: E402
from crawler.normalise.date_mentions.periods import period_start  # noqa: E402
from tests.unit.normalise.date_mentions.mention_table import ROWS, Row  # noqa: E402

Span = tuple[int, int, date, str | None]  # start, end, date, granularity (None: a full datetime)
NO_REFERENCE_BASE = datetime(2000, 1, 1)


def _gold(r: Row) -> list[Span]:
    spans: list[Span] = []
    cursor = 0
    for text, day, granularity, _ in r.expected:
        start = r.text.find(text, cursor)
        if start < 0:
            start = r.text.find(text)
        spans.append((start, start + len(text), date.fromisoformat(day), granularity))
        cursor = start + len(text)
    return spans


def ours(r: Row) -> list[Span]:
    reference = datetime.fromisoformat(r.reference) if r.reference else None
    found = find_date_mentions(r.text, reference=reference, language=r.language)
    return [(m["start"], m["end"], date.fromisoformat(m["date"]), m["granularity"]) for m in found]


def dateparser_search(r: Row) -> list[Span]:
    from dateparser.search import search_dates

    base = datetime.fromisoformat(r.reference).replace(tzinfo=None) if r.reference else NO_REFERENCE_BASE
    languages = ["zh"] if (r.language or "").startswith("zh") else ["en"]
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # the benchmark reports; it does not police the library
        results = search_dates(r.text, languages=languages, settings={"RELATIVE_BASE": base}) or []
    spans: list[Span] = []
    cursor = 0
    for text, value in results:
        start = r.text.find(text, cursor)
        if start < 0:
            continue
        spans.append((start, start + len(text), value.date(), None))
        cursor = start + len(text)
    return spans


def _matches(gold: Span, predicted: Span) -> bool:
    g_start, g_end, g_date, g_granularity = gold
    p_start, p_end, p_date, _ = predicted
    overlap = p_start < g_end and g_start < p_end
    return (
        overlap
        and period_start(p_date, g_granularity or "day") == g_date
        and (predicted[3] is None or _coarseness_ok(predicted[3], g_granularity or "day"))
    )


def _coarseness_ok(predicted: str, gold: str) -> bool:
    order = ("day", "week", "month", "quarter", "year")
    return order.index(predicted) <= order.index(gold)


def score(system: Callable[[Row], list[Span]], rows: list[Row]) -> tuple[int, int, int]:
    tp = fp = fn = 0
    for r in rows:
        gold, predicted = _gold(r), system(r)
        used: set[int] = set()
        for g in gold:
            hit = next((i for i, p in enumerate(predicted) if i not in used and _matches(g, p)), None)
            if hit is None:
                fn += 1
            else:
                used.add(hit)
                tp += 1
        fp += len(predicted) - len(used)
    return tp, fp, fn


def prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    p = tp / (tp + fp) if tp + fp else 1.0
    r = tp / (tp + fn) if tp + fn else 1.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def throughput(system: Callable[[Row], list[Span]], rows: list[Row], repeat: int) -> tuple[float, float]:
    system(rows[0])  # warm up (dateparser loads its language data lazily)
    start = time.perf_counter()
    mentions = 0
    for _ in range(repeat):
        for r in rows:
            mentions += len(system(r))
    elapsed = time.perf_counter() - start
    return mentions / elapsed, len(rows) * repeat / elapsed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=20, help="passes over the table for our throughput")
    args = parser.parse_args()
    subsets = {
        "all": ROWS,
        "english": [r for r in ROWS if not (r.language or "").startswith("zh")],
        "chinese": [r for r in ROWS if (r.language or "").startswith("zh")],
    }
    gold_count = sum(len(r.expected) for r in ROWS)
    print(
        f"table: {len(ROWS)} rows, {gold_count} gold mentions, "
        f"{sum(1 for r in ROWS if not r.expected)} negative rows, "
        f"{sum(1 for r in ROWS if r.xfail)} known failures"
    )
    print(f"{'system':<24}{'subset':<9}{'P':>7}{'R':>7}{'F1':>7}{'TP':>6}{'FP':>6}{'FN':>6}")
    for name, system in (("ours", ours), ("dateparser.search_dates", dateparser_search)):
        for subset, rows in subsets.items():
            tp, fp, fn = score(system, rows)
            p, r, f = prf(tp, fp, fn)
            print(f"{name:<24}{subset:<9}{p:>7.3f}{r:>7.3f}{f:>7.3f}{tp:>6}{fp:>6}{fn:>6}")
    for name, system, repeat in (
        ("ours", ours, args.repeat),
        ("dateparser.search_dates", dateparser_search, 1),
    ):
        per_mention, per_row = throughput(system, ROWS, repeat)
        print(f"throughput {name}: {per_mention:,.0f} mentions/s, {per_row:,.0f} sentences/s")


if __name__ == "__main__":
    main()
