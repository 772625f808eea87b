"""Where one article's CPU time goes, stage by stage, on the benchmark's generated pages.

    python -m benchmarks.crawl_profile [--pages 40] [--top 20] [--kinds standard]

Each stage is timed alone in this process (no Scrapy, no I/O) over the same pages:
the naive baseline's whole work (`trafilatura.extract`), then this project's worker side
(`extract_article` and, inside it, the publication-date stage; each normaliser) and reactor side
(the item pipelines that run there, the feed line). Then a cProfile of `extract_article`, grouped
by function, to show what inside it costs more than trafilatura itself. The crawl benchmark's CPU
figures are these plus Scrapy's own per-page cost (the fetch-only row) plus start-up.
"""

from __future__ import annotations

import argparse
import cProfile
import functools
import io
import pstats
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import asdict
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

PROJECT = Path(__file__).resolve().parents[1]
if str(PROJECT) not in sys.path:
    sys.path.insert(0, str(PROJECT))

import trafilatura  # noqa: E402
from trafilatura.utils import load_html  # noqa: E402

from benchmarks.crawl_site import KINDS, BenchSite, kind_of  # noqa: E402
from crawler import settings as project_settings  # noqa: E402
from crawler.dates.page import publication_dates  # noqa: E402
from crawler.exporters import FastJsonLinesItemExporter  # noqa: E402
from crawler.extract import extract_article  # noqa: E402
from crawler.extract.decode import strip_stray_end_tags  # noqa: E402
from crawler.extract.prune_equivalents import trafilatura_as_released  # noqa: E402
from crawler.normalise import load_normalisers  # noqa: E402
from crawler.workers.jobs import JobOptions, PageJob, run_job  # noqa: E402

NOW = datetime(2026, 11, 29, tzinfo=UTC)
NORMALISERS = load_normalisers(tuple(project_settings.NORMALISERS))


def per_page_ms(work: Callable[[Any], Any], inputs: list[Any], repeat: int = 2) -> float:
    """Best of `repeat` passes, in CPU milliseconds per input."""
    for item in inputs[:3]:
        work(item)  # warm caches and lazy imports
    best = float("inf")
    for _ in range(repeat):
        started = time.process_time()
        for item in inputs:
            work(item)
        best = min(best, (time.process_time() - started) / len(inputs) * 1000)
    return best


def naive_ms(pages: list[tuple[bytes, str]]) -> float:
    """`trafilatura.extract` as released: importing our extraction put equivalents in its pruning."""
    with trafilatura_as_released():
        return per_page_ms(lambda p: trafilatura.extract(p[0], url=p[1]), pages)


def _normalise(normaliser: Any, item: dict[str, Any]) -> Any:
    return normaliser.apply(dict(item), {name: getattr(project_settings, name) for name in normaliser.settings})


def _process(pipeline: Any, result: Any) -> Any:
    from scrapy.exceptions import DropItem

    try:
        return pipeline.process_item(result.article())
    except DropItem:  # the warm-up pass already saw these ids
        return None


def reactor_pipelines(tmp: Path) -> list[tuple[str, Any]]:
    """This project's item pipelines, built as a crawl builds them (state files in `tmp`)."""
    from scrapy.utils.misc import build_from_crawler, load_object
    from scrapy.utils.project import get_project_settings
    from scrapy.utils.test import get_crawler

    settings = get_project_settings()
    settings.set("STATE_PATH", str(tmp / "state.sqlite"), priority="cmdline")
    settings.set("TEMPLATES_STATE_PATH", "", priority="cmdline")
    values = settings.copy_to_dict()
    from scrapy.utils.test import get_reactor_settings

    values.update(get_reactor_settings(), EXTENSIONS={})  # no reactor here; extensions are not timed
    crawler = get_crawler(settings_dict=values)
    assert crawler.stats is not None
    crawler.stats.open_spider()
    pipelines = []
    for path, _ in sorted(settings.getdict("ITEM_PIPELINES").items(), key=lambda x: x[1]):
        try:
            pipelines.append((path.rsplit(".", 1)[-1], build_from_crawler(load_object(path), crawler)))
        except Exception as exc:  # noqa: BLE001 - a pipeline that needs a running crawl is reported, not timed
            print(f"  ({path}: not timed here: {exc.__class__.__name__})")
    return pipelines


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=40)
    parser.add_argument("--top", type=int, default=20)
    parser.add_argument("--kinds", default=",".join(sorted(set(KINDS))),
                        help="page kinds to profile (default: the whole mix; `standard` for the pre-mix pages)")
    args = parser.parse_args(argv)
    kinds = set(args.kinds.split(","))
    site = BenchSite("https://www.scmp.com", max(args.pages, 10) * 20)
    indexes = [i for i in range(site.pages) if kind_of(i) in kinds][: args.pages]
    pages = [(site.page(i), site.meta(i).url) for i in indexes]
    extracted = [asdict(extract_article(html, url, site="scmp", now=NOW, fetched_at=NOW.isoformat()).article)
                 for html, url in pages]
    rows: list[tuple[str, str, float]] = [
        ("naive", "trafilatura.extract(html)", naive_ms(pages)),
        ("worker", "extract_article (parse, metadata, trafilatura, cleaning)",
         per_page_ms(lambda p: extract_article(p[0], p[1], site="scmp", now=NOW, fetched_at=NOW.isoformat()), pages)),
    ]
    trees = [(load_html(strip_stray_end_tags(html)), url) for html, url in pages]
    rows.append(("worker", "  of which publication dates (crawler.dates.page, on the parsed page)",
                 per_page_ms(lambda t: publication_dates(t[0], t[1], tz="Asia/Hong_Kong", now=NOW), trees)))
    for normaliser in NORMALISERS:
        rows.append(("worker", f"normaliser {normaliser.field}",
                     per_page_ms(functools.partial(_normalise, normaliser), extracted)))
    options = JobOptions(normalisers=tuple(project_settings.NORMALISERS),
                         settings=tuple((name, getattr(project_settings, name)) for n in NORMALISERS
                                        for name in n.settings))
    rows.append(("worker", "run_job total (what a worker does per page)",
                 per_page_ms(lambda p: run_job(PageJob(p[0], p[1], "scmp", None, NOW.isoformat(), NOW, options)),
                             pages)))
    results = [run_job(PageJob(html, url, "scmp", None, NOW.isoformat(), NOW, options)) for html, url in pages]
    with tempfile.TemporaryDirectory() as tmp:
        for name, pipeline in reactor_pipelines(Path(tmp)):
            rows.append(("reactor", f"pipeline {name} (worker-normalised item)",
                         per_page_ms(functools.partial(_process, pipeline), results, repeat=1)))
    exporter = FastJsonLinesItemExporter(io.BytesIO(), encoding="utf-8")  # what -o file.jsonl uses
    rows.append(("reactor", "feed line (the JSON Lines exporter)",
                 per_page_ms(lambda r: exporter.export_item(r.item), results)))
    print(f"{len(pages)} generated pages ({','.join(sorted(kinds))}), "
          f"{sum(len(h) for h, _ in pages) / len(pages) / 1024:.0f} KB on average; "
          "CPU ms per article, best of 2:")
    print("| side | stage | ms/article |\n| --- | --- | ---: |")
    for side, stage, ms in rows:
        print(f"| {side} | {stage} | {ms:.1f} |")

    profile = cProfile.Profile()
    profile.enable()
    for html, url in pages:
        extract_article(html, url, site="scmp", now=NOW, fetched_at=NOW.isoformat())
    profile.disable()
    print(f"\ncProfile of extract_article, top {args.top} by own time (ms per article, profiler overhead included):")
    stats = pstats.Stats(profile)
    entries = sorted(stats.stats.items(), key=lambda kv: kv[1][2], reverse=True)[: args.top]  # type: ignore[attr-defined]
    print("| function | own ms | cumulative ms | calls/article |\n| --- | ---: | ---: | ---: |")
    for (filename, line, function), (_, calls, own, cumulative, _) in entries:
        where = filename.split("site-packages/")[-1].replace(str(PROJECT) + "/", "")
        print(f"| {where}:{line} {function} | {own / len(pages) * 1000:.2f} | {cumulative / len(pages) * 1000:.2f} | "
              f"{calls / len(pages):.0f} |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
