"""Publication dates on real pages: ours beside htmldate (fast and extensive), per split.

    python -m benchmarks.pubdates_bench /path/to/manifest.jsonl [--split split.json] [--failures]

The manifest is one JSON object per page (`id`, `html` path, `url` or null, `published`
YYYY-MM-DD or null when the page shows no date, `published_basis`, `published_doubt`); the split
file names the "dev" and "heldout" page ids (default: `split.json` beside the manifest). Pages
whose basis is "undeterminable" are skipped; so are pages with a `published_doubt` unless
`--with-doubtful`. The pages are never stored in this repository: see docs/dates.md.

What is scored is the date stage alone (`crawler.dates.page.publication_dates`: candidates and
their resolution), on every page, also pages extraction would refuse as non-articles. Each page is
parsed once as `extract_article` parses it; htmldate gets that tree (and the page's URL or None),
`original_date=True`, `max_date` = the benchmark's fixed "now". A page without a URL gets
`https://example.invalid/<id>` for ours (a neutral URL: no date in it).

Columns: `returns` = share of pages given a date; `right` = share of all pages where the day is
right (a page that shows no date counts as right only when nothing is returned); `precision` =
right answers / answers. Then the CPU cost of our date stage per page (the fastest of `--repeat`
runs; mean, median, 95th percentile over the pages of the row) and of htmldate's calls.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
import warnings
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

PROJECT = Path(__file__).resolve().parents[1]
if str(PROJECT) not in sys.path:
    sys.path.insert(0, str(PROJECT))

from htmldate import find_date  # noqa: E402
from trafilatura.utils import load_html  # noqa: E402

from crawler.dates.page import publication_dates  # noqa: E402
from crawler.extract.decode import decode_html, strip_stray_end_tags  # noqa: E402

NOW = datetime(2026, 1, 1, tzinfo=UTC)
"""The fixed "now" of every run: the future check and htmldate's `max_date`."""
NEUTRAL_URL = "https://example.invalid/{id}"


@dataclass
class Page:
    id: str
    url: str | None
    gold: str | None
    tree: Any


@dataclass
class Method:
    name: str
    run: Callable[[Page], str | None]
    answers: dict[str, str | None] = field(default_factory=dict)
    cpu_ms: dict[str, float] = field(default_factory=dict)


def load_pages(manifest: Path, with_doubtful: bool) -> list[Page]:
    pages = []
    for line in manifest.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        row = json.loads(line)
        if (row.get("published_basis") or "").startswith("undeterminable"):
            continue
        if row.get("published_doubt") and not with_doubtful:
            continue
        html = decode_html(Path(row["html"]).read_bytes(), None)[0]
        tree = load_html(strip_stray_end_tags(html))
        pages.append(Page(row["id"], row.get("url"), row.get("published"), tree))
    return pages


OUR_DATES: dict[str, Any] = {}
"""Our full result per page id, for the failure list."""


def ours(page: Page) -> str | None:
    dates = publication_dates(page.tree, page.url or NEUTRAL_URL.format(id=page.id), tz="UTC", now=NOW)
    OUR_DATES[page.id] = dates
    return dates.published_at[:10] if dates.published_at else None


def ours_extensive(page: Page) -> str | None:
    """Ours with htmldate's extensive mode as the fallback (the mode `crawler.dates.fallback` rejects)."""
    from crawler.dates import fallback

    fallback.EXTENSIVE = True
    try:
        dates = publication_dates(page.tree, page.url or NEUTRAL_URL.format(id=page.id), tz="UTC", now=NOW)
    finally:
        fallback.EXTENSIVE = False
    return dates.published_at[:10] if dates.published_at else None


def htmldate(extensive: bool) -> Callable[[Page], str | None]:
    def run(page: Page) -> str | None:
        if page.tree is None:
            return None
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # the benchmark reports; it does not police the library
            return find_date(page.tree, extensive_search=extensive, original_date=True, url=page.url,
                             max_date=NOW.replace(tzinfo=None))

    return run


def _forget_values() -> None:
    """Empty htmldate's caches of parsed values, so that a repeated run costs what the first did."""
    from htmldate import extractors, validators

    for cached in (extractors.try_date_expr, validators._parse_and_validate, validators.filter_ymd_candidate):
        cached.cache_clear()


def measure(method: Method, pages: list[Page], repeat: int) -> None:
    """Each page's answer, and its CPU time: the best of `repeat` runs (other processes inflate
    single runs), each run with htmldate's value caches emptied."""
    for page in pages[:3]:
        method.run(page)  # lazy imports and caches
    for page in pages:
        best = float("inf")
        for _ in range(repeat):
            _forget_values()
            started = time.process_time()
            method.answers[page.id] = method.run(page)
            best = min(best, time.process_time() - started)
        method.cpu_ms[page.id] = best * 1000


def score(method: Method, pages: list[Page]) -> tuple[float, float, float]:
    answered = [p for p in pages if method.answers[p.id] is not None]
    right_answers = [p for p in answered if method.answers[p.id] == p.gold]
    right_silences = [p for p in pages if p.gold is None and method.answers[p.id] is None]
    n = len(pages)
    return (len(answered) / n, (len(right_answers) + len(right_silences)) / n,
            len(right_answers) / len(answered) if answered else 0.0)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("manifest", type=Path)
    parser.add_argument("--split", type=Path, help="split file (default: split.json beside the manifest)")
    parser.add_argument("--with-doubtful", action="store_true", help="also score pages with a published_doubt")
    parser.add_argument("--failures", action="store_true", help="list our wrong answers on the dev pages")
    parser.add_argument("--no-htmldate", action="store_true", help="score ours only")
    parser.add_argument("--repeat", type=int, default=3, help="runs per page; the fastest is the CPU time")
    args = parser.parse_args(argv)
    split = json.loads((args.split or args.manifest.with_name("split.json")).read_text(encoding="utf-8"))
    pages = load_pages(args.manifest, args.with_doubtful)
    groups = {"dev": set(split["dev"]), "heldout": set(split["heldout"])}
    methods = [Method("ours", ours)]
    if not args.no_htmldate:
        methods += [Method("ours, extensive fallback", ours_extensive), Method("htmldate fast", htmldate(False)),
                    Method("htmldate extensive", htmldate(True))]
    for method in methods:
        measure(method, pages, args.repeat)

    print(f"{len(pages)} pages ({'with' if args.with_doubtful else 'without'} doubtful gold); "
          f"now = {NOW.date()}")
    print("| pages | n | method | returns | right | precision | CPU ms/page mean | median | p95 |")
    print("| --- | ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: |")
    for group in ("dev", "heldout", "all"):
        subset = [p for p in pages if group == "all" or p.id in groups[group]]
        for method in methods:
            returns, right, precision = score(method, subset)
            cost = sorted(method.cpu_ms[p.id] for p in subset)
            p95 = cost[min(len(cost) - 1, int(len(cost) * 0.95))]
            print(f"| {group} | {len(subset)} | {method.name} | {returns:.3f} | {right:.3f} | {precision:.3f} | "
                  f"{statistics.fmean(cost):.2f} | {statistics.median(cost):.2f} | {p95:.2f} |")
    if args.failures:
        print("\nOur wrong answers on dev pages (id: gold / ours (source, raw) / htmldate fast, extensive):")
        for page in pages:
            answer = methods[0].answers[page.id]
            if page.id in groups["dev"] and answer != page.gold:
                dates = OUR_DATES[page.id]
                others = ", ".join(str(m.answers[page.id]) for m in methods[1:]) or "-"
                print(f"  {page.id}: {page.gold} / {answer} ({dates.published_at_source}, {dates.published_at_raw!r}) "
                      f"/ {others}  {' '.join(dates.issues)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
