"""Precision and recall of the figure finder on a table of sentences with the figures they state.

    python -m benchmarks.figures_bench                  # our development table (tests/unit/normalise/signals)
    python -m benchmarks.figures_bench --table rows.jsonl [--show-errors]

A row: {"id", "text", "published": "YYYY-MM-DD", "language", "figures": [{indicator, value, unit,
currency, kind, period, place, text}]}. Each sentence goes through the amounts and date-mention
normalisers and then the figure finder, as in the extraction worker. A found figure matches an
expected one with the same indicator, unit and kind and a value within 1e-6 relative; period and place
agreement are reported separately, over matched pairs.
"""

from __future__ import annotations

import argparse
import json
import math
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

from crawler.normalise.amounts.normaliser import amounts_and_stats
from crawler.normalise.date_mentions.normaliser import dates_and_stats
from crawler.normalise.signals.figures import find_figures


def figures_of(row: Mapping[str, Any]) -> list[dict[str, Any]]:
    """What the finder states for one table row (its sentence as an article's text)."""
    article: dict[str, Any] = {"title": "", "text": row["text"], "language": row.get("language"),
                               "published_at": f"{row['published']}T12:00:00+08:00"}
    article["amounts"], _ = amounts_and_stats(article)
    article["dates"], _ = dates_and_stats(article, None)
    return find_figures(article)


def same(found: Mapping[str, Any], expected: Mapping[str, Any]) -> bool:
    """The match rule: indicator, unit, kind equal; value within 1e-6 relative."""
    return (found["indicator"] == expected["indicator"] and found["unit"] == expected["unit"]
            and found["kind"] == expected["kind"]
            and math.isclose(float(found["value"]), float(expected["value"]), rel_tol=1e-6, abs_tol=1e-9))


def pair(found: Sequence[Mapping[str, Any]], expected: Sequence[Mapping[str, Any]]) -> list[tuple[int, int]]:
    """Matched (found index, expected index) pairs, each used once, in order."""
    used: set[int] = set()
    pairs = []
    for i, f in enumerate(found):
        for j, e in enumerate(expected):
            if j not in used and same(f, e):
                used.add(j)
                pairs.append((i, j))
                break
    return pairs


def evaluate(rows: Iterable[Mapping[str, Any]]) -> dict[str, Any]:
    """Counts per indicator (true positives, found, expected), period/place agreement, and the errors."""
    tp: Counter[str] = Counter()
    found_n: Counter[str] = Counter()
    expected_n: Counter[str] = Counter()
    period_ok = place_ok = matched = 0
    errors = []
    for row in rows:
        found = figures_of(row)
        expected = row["figures"]
        pairs = pair(found, expected)
        for f in found:
            found_n[f["indicator"]] += 1
        for e in expected:
            expected_n[e["indicator"]] += 1
        for i, j in pairs:
            tp[found[i]["indicator"]] += 1
            matched += 1
            period_ok += found[i]["period"] == expected[j].get("period")
            place_ok += found[i]["place"] == expected[j].get("place")
        bad_found = [found[i] for i in range(len(found)) if i not in {p[0] for p in pairs}]
        missed = [expected[j] for j in range(len(expected)) if j not in {p[1] for p in pairs}]
        wrong_detail = [(found[i], expected[j]) for i, j in pairs
                        if found[i]["period"] != expected[j].get("period")
                        or found[i]["place"] != expected[j].get("place")]
        if bad_found or missed or wrong_detail:
            errors.append({"id": row["id"], "text": row["text"], "extra": bad_found, "missed": missed,
                           "detail": wrong_detail})
    return {"tp": tp, "found": found_n, "expected": expected_n, "matched": matched,
            "period_ok": period_ok, "place_ok": place_ok, "errors": errors}


def _ratio(a: int, b: int) -> float:
    return a / b if b else 1.0


def report(result: Mapping[str, Any]) -> str:
    lines = [f"{'indicator':<24}{'P':>7}{'R':>7}{'F1':>7}{'tp':>6}{'found':>7}{'expected':>9}"]
    indicators = sorted(set(result["found"]) | set(result["expected"]))
    for name in [*indicators, "overall"]:
        if name == "overall":
            tp, fo, ex = (sum(result[k].values()) for k in ("tp", "found", "expected"))
        else:
            tp, fo, ex = result["tp"][name], result["found"][name], result["expected"][name]
        p, r = _ratio(tp, fo), _ratio(tp, ex)
        f1 = 2 * p * r / (p + r) if p + r else 0.0
        lines.append(f"{name:<24}{p:>7.3f}{r:>7.3f}{f1:>7.3f}{tp:>6}{fo:>7}{ex:>9}")
    m = result["matched"]
    period_ok = result["period_ok"]
    lines.append(f"period agreement on matched figures: {_ratio(period_ok, m):.3f} ({period_ok}/{m})")
    lines.append(f"place agreement on matched figures:  {_ratio(result['place_ok'], m):.3f} ({result['place_ok']}/{m})")
    return "\n".join(lines)


def load_rows(path: Path | None) -> list[dict[str, Any]]:
    if path is None:
        from tests.unit.normalise.signals.figure_table import rows

        return rows()
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--table", type=Path, default=None, help="JSONL table (default: our development table)")
    parser.add_argument("--show-errors", action="store_true", help="print every row with a missed or extra figure")
    args = parser.parse_args(argv)
    rows = load_rows(args.table)
    result = evaluate(rows)
    print(f"{len(rows)} sentences, {sum(result['expected'].values())} expected figures")
    print(report(result))
    if args.show_errors:
        for error in result["errors"]:
            print(f"\n[{error['id']}] {error['text']}")
            for f in error["extra"]:
                print("  extra:  ", {k: f[k] for k in ("indicator", "value", "unit", "kind", "text")})
            for e in error["missed"]:
                print("  missed: ", {k: e.get(k) for k in ("indicator", "value", "unit", "kind", "text")})
            for f, e in error["detail"]:
                print("  detail: ", f["text"], "period", f["period"], "vs", e.get("period"),
                      "| place", f["place"], "vs", e.get("place"))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
