"""`python -m crawler.indices FEED [FEED ...] --out DIR`: monthly EPU-style indices and figure summaries."""

from __future__ import annotations

import argparse
import re
import sys
from collections import Counter
from pathlib import Path

from crawler.indices.compute import count_by_source, epu_index, figure_summary
from crawler.indices.feeds import epu_results, read_articles
from crawler.indices.output import EPU_COLUMNS, FIGURE_COLUMNS, epu_rows, write_csv, write_parquet, write_report
from crawler.normalise.signals.epu import load_term_sets

_MONTH = re.compile(r"^\d{4}-(0[1-9]|1[0-2])$")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m crawler.indices", description=__doc__.splitlines()[0])
    add_arguments(parser)
    return parser


def add_arguments(parser: argparse.ArgumentParser) -> None:
    methods = [t.method for t in load_term_sets()]
    parser.add_argument("feeds", nargs="+", type=Path, help="JSON Lines feed files (any number, any order)")
    parser.add_argument("--out", type=Path, default=Path("indices"), help="output folder (default: indices)")
    parser.add_argument("--method", action="append", choices=methods,
                        help="EPU method(s) (default: every method some article has)")
    parser.add_argument("--base", default="", help="base period FIRST:LAST as YYYY-MM:YYYY-MM (default: all months)")
    parser.add_argument("--figures", default="cpi,pmi,gdp_growth",
                        help="indicators to summarise, comma-separated (default: cpi,pmi,gdp_growth)")
    parser.add_argument("--no-plots", action="store_true", help="CSV and Parquet only")


def run(args: argparse.Namespace) -> int:
    """Read, compute, write; prints what was written. Returns an exit code."""
    base = None
    if args.base:
        parts = args.base.split(":")
        if len(parts) != 2 or not all(_MONTH.match(p) for p in parts) or parts[0] > parts[1]:
            print(f"--base: expected FIRST:LAST as YYYY-MM:YYYY-MM, got {args.base!r}", file=sys.stderr)
            return 2
        base = (parts[0], parts[1])
    missing = [str(p) for p in args.feeds if not p.is_file()]
    if missing:
        print(f"feeds: no such file: {', '.join(missing)}", file=sys.stderr)
        return 2
    counts: Counter[str] = Counter()
    articles = read_articles(args.feeds, counts)
    methods = args.method or sorted({r["method"] for a in articles for r in epu_results(a)})
    results = [epu_index(count_by_source(articles, m, epu_results), m, base) for m in methods]
    results = [r for r in results if r.sources]
    indicators = [i.strip() for i in args.figures.split(",") if i.strip()]
    summary = figure_summary(articles, indicators)
    args.out.mkdir(parents=True, exist_ok=True)
    rows = epu_rows(results)
    figure_rows = [{"month": f.month, "indicator": f.indicator, "unit": f.unit, "kind": f.kind, "count": f.count,
                    "mean": f.mean} for f in summary]
    written = [write_csv(args.out / "epu_monthly.csv", rows, EPU_COLUMNS),
               write_csv(args.out / "figures_monthly.csv", figure_rows, FIGURE_COLUMNS)]
    notes = [f"{len(articles)} articles read from {len(args.feeds)} feed file(s)"]
    notes += [f"{key.split('/')[1]}: {n}" for key, n in sorted(counts.items())]
    for path in (write_parquet(args.out / "epu_monthly.parquet", rows, EPU_COLUMNS),
                 write_parquet(args.out / "figures_monthly.parquet", figure_rows, FIGURE_COLUMNS)):
        if path is None:
            notes.append("Parquet not written: pyarrow is not installed (pip install pyarrow)")
            break
        written.append(path)
    if not args.no_plots:
        try:
            written += write_report(args.out, results, summary, notes)
        except ImportError:
            print("plots: matplotlib is not installed (pip install 'regional-news-crawler[indices]')", file=sys.stderr)
            return 2
    print("\n".join(notes))
    for result in results:
        print(f"== {result.method} (base {result.base[0]}..{result.base[1]})")
        for month, index in result.overall:
            print(f"{month}  {index:7.1f}")
        if result.skipped:
            print(f"left out, no variation in the base period: {', '.join(result.skipped)}")
    print("written: " + ", ".join(str(p) for p in written))
    return 0


def main(argv: list[str] | None = None) -> int:
    return run(build_parser().parse_args(argv))


if __name__ == "__main__":
    raise SystemExit(main())
