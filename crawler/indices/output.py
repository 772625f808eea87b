"""Write index results: CSV always, Parquet when pyarrow is installed, PNG/SVG plots with matplotlib,
and one self-contained HTML report (plots embedded as data URIs) a user opens in a browser."""

from __future__ import annotations

import base64
import csv
import html
import io
import logging
from collections.abc import Sequence
from dataclasses import asdict
from pathlib import Path
from typing import Any

from crawler.indices.compute import FigureMonth, IndexResult

logger = logging.getLogger(__name__)

EPU_COLUMNS = ("method", "source", "month", "articles", "epu_articles", "scaled", "standardised", "index")
FIGURE_COLUMNS = ("month", "indicator", "unit", "kind", "count", "mean")


def epu_rows(results: Sequence[IndexResult]) -> list[dict[str, Any]]:
    """One row per method, source and month; the overall series as source `all`."""
    rows = []
    for result in results:
        for r in result.sources:
            rows.append({"method": result.method, **{k: v for k, v in asdict(r).items()}})
        totals: dict[str, list[int]] = {}
        for r in result.sources:
            cell = totals.setdefault(r.month, [0, 0])
            cell[0] += r.articles
            cell[1] += r.epu_articles
        for month, index in result.overall:
            n, e = totals.get(month, [0, 0])
            rows.append({"method": result.method, "source": "all", "month": month, "articles": n,
                         "epu_articles": e, "scaled": e / n if n else None, "standardised": None, "index": index})
    return [{k: row.get(k) for k in EPU_COLUMNS} for row in rows]


def write_csv(path: Path, rows: Sequence[dict[str, Any]], columns: Sequence[str]) -> Path:
    with path.open("w", encoding="utf-8", newline="") as out:
        writer = csv.DictWriter(out, fieldnames=list(columns))
        writer.writeheader()
        writer.writerows(rows)
    return path


def write_parquet(path: Path, rows: Sequence[dict[str, Any]], columns: Sequence[str]) -> Path | None:
    """The rows as Parquet; None (and a log line) when pyarrow is not installed."""
    try:
        import pyarrow as pa
        import pyarrow.parquet as pq
    except ImportError:
        logger.warning("pyarrow is not installed: no Parquet written (pip install pyarrow)")
        return None
    table = pa.table({c: [row.get(c) for row in rows] for c in columns})
    pq.write_table(table, path)
    return path


def _figure(result: IndexResult) -> Any:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    fig, (top, bottom) = plt.subplots(2, 1, figsize=(9, 6.5), sharex=True, gridspec_kw={"height_ratios": [3, 2]})
    months = [m for m, _ in result.overall]
    top.plot(months, [v for _, v in result.overall], color="#1f4e79", linewidth=2.2, marker="o", label="all sources")
    for source in sorted({r.source for r in result.sources}):
        series = [(r.month, r.index) for r in result.sources if r.source == source and r.index is not None]
        if series and len({r.source for r in result.sources}) > 1:
            top.plot([m for m, _ in series], [v for _, v in series], linewidth=1, alpha=0.7, label=source)
    top.axhline(100, color="grey", linewidth=0.8, linestyle="--")
    top.set_ylabel("index (base mean = 100)")
    top.set_title(f"{result.method}: EPU-style index, base {result.base[0]} to {result.base[1]}")
    top.legend(loc="upper left", fontsize=8)
    totals: dict[str, list[int]] = {}
    for r in result.sources:
        cell = totals.setdefault(r.month, [0, 0])
        cell[0] += r.articles
        cell[1] += r.epu_articles
    all_months = sorted(totals)
    bottom.bar(all_months, [totals[m][0] for m in all_months], color="#c9d6e8", label="articles")
    bottom.bar(all_months, [totals[m][1] for m in all_months], color="#c0504d", label="EPU articles")
    bottom.set_ylabel("articles")
    bottom.legend(loc="upper left", fontsize=8)
    bottom.tick_params(axis="x", rotation=60, labelsize=8)
    fig.tight_layout()
    return fig


def _figures_plot(summary: Sequence[FigureMonth]) -> Any:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    fig, ax = plt.subplots(figsize=(9, 3.8))
    for key in sorted({(f.indicator, f.unit) for f in summary}):
        points = [(f.month, f.mean) for f in summary if (f.indicator, f.unit) == key]
        ax.plot([m for m, _ in points], [v for _, v in points], marker="o", label=f"{key[0]} ({key[1]})")
    ax.set_title("Indicator figures as reported: monthly mean of the values stated (by publication month)")
    ax.legend(fontsize=8)
    ax.tick_params(axis="x", rotation=60, labelsize=8)
    fig.tight_layout()
    return fig


def save_plot(fig: Any, stem: Path) -> tuple[Path, Path, str]:
    """PNG and SVG files, and the PNG as a data URI for the HTML report."""
    import matplotlib.pyplot as plt

    png, svg = stem.with_suffix(".png"), stem.with_suffix(".svg")
    fig.savefig(png, dpi=110)
    fig.savefig(svg)
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", dpi=110)
    plt.close(fig)
    return png, svg, "data:image/png;base64," + base64.b64encode(buffer.getvalue()).decode("ascii")


def write_report(out: Path, results: Sequence[IndexResult], summary: Sequence[FigureMonth],
                 notes: Sequence[str]) -> list[Path]:
    """Plots for every method (and figures), then `report.html` embedding them; returns the files."""
    written: list[Path] = []
    sections = []
    for result in results:
        if not result.overall and not result.sources:
            continue
        png, svg, uri = save_plot(_figure(result), out / f"epu_{result.method}")
        written += [png, svg]
        table = "".join(f"<tr><td>{m}</td><td>{v:.1f}</td></tr>" for m, v in result.overall)
        skipped = f"<p>Left out (no variation in the base period): {html.escape(', '.join(result.skipped))}</p>" \
            if result.skipped else ""
        name = html.escape(result.method)
        sections.append(f'<section><h2>{name}</h2><img alt="EPU index {name}" src="{uri}">{skipped}'
                        f'<table><tr><th>month</th><th>index</th></tr>{table}</table></section>')
    if summary:
        png, svg, uri = save_plot(_figures_plot(summary), out / "figures")
        written += [png, svg]
        rows = "".join(f"<tr><td>{f.month}</td><td>{f.indicator}</td><td>{f.unit}</td><td>{f.count}</td>"
                       f"<td>{f.mean:.2f}</td></tr>" for f in summary)
        sections.append(f'<section><h2>Indicator figures</h2><img alt="figures" src="{uri}"><table><tr><th>month</th>'
                        f"<th>indicator</th><th>unit</th><th>count</th><th>mean</th></tr>{rows}</table></section>")
    note_items = "".join(f"<li>{html.escape(n)}</li>" for n in notes)
    page = f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>Economic signals report</title>
<style>body{{font-family:sans-serif;max-width:60rem;margin:2rem auto;color:#222}}img{{max-width:100%}}
table{{border-collapse:collapse;margin:1rem 0}}td,th{{border:1px solid #ccc;padding:2px 8px;text-align:right}}</style>
</head><body><h1>Economic signals from the feeds</h1>
<p>EPU-style indices following Baker, Bloom and Davis (2016): monthly EPU article counts scaled by all
articles per source, standardised to unit standard deviation over the base period, averaged over sources
and normalised to a mean of 100 over the base period. Method details and differences: docs/signals.md.</p>
<ul>{note_items}</ul>{''.join(sections)}</body></html>
"""
    report = out / "report.html"
    report.write_text(page, encoding="utf-8")
    return [*written, report]
