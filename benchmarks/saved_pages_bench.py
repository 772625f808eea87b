"""Saved pages: N local files extracted by `scrapy crawl article -a urls=@LIST` (target: 1,000 in < 30 s).

    python -m benchmarks.saved_pages_bench [--pages 1000] [--runs 1]

Writes N pages of the crawl benchmark's mix (`benchmarks/crawl_site.py`: briefs, features, GBK
Chinese pages, tables; canonical URLs on www.scmp.com, so the scmp profile reads them) as files,
lists them as file:// URLs and runs the `article` spider on the list with the project's settings,
every pipeline and fresh state files, under `benchmarks/crawl_measure.py` (CPU of the whole process
tree, workers included; the machine's busy time; peak RSS). No politeness delay applies to files.
Reported: wall seconds of the whole command (start-up included), items, CPU per article, cores busy.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import Any

PROJECT = Path(__file__).resolve().parents[1]
if str(PROJECT) not in sys.path:
    sys.path.insert(0, str(PROJECT))

from benchmarks.crawl_site import BenchSite  # noqa: E402

BASE_URL = "https://www.scmp.com"
TARGET_SECONDS = 30.0


def write_files(folder: Path, pages: int, start: int, stop: int) -> list[str]:
    site = BenchSite(BASE_URL, pages)
    uris = []
    for index in range(start, stop):
        path = folder / f"page-{index:05d}.html"
        path.write_bytes(site.page_bytes(index))
        uris.append(path.resolve().as_uri())
    return uris


def run(folder: Path, listing: Path, work: Path) -> dict[str, Any]:
    tag = f"saved-{time.monotonic_ns()}"
    out, stats_path, measure = work / f"{tag}.jsonl", work / f"{tag}-stats.json", work / f"{tag}-measure.json"
    settings = {"LOG_LEVEL": "WARNING", "CRAWL_STATS_FILE": str(stats_path),
                "STATE_PATH": str(work / f"{tag}.state.sqlite"), "TEMPLATES_STATE_PATH": str(work / f"{tag}.t.json")}
    cmd = [sys.executable, "-m", "scrapy", "crawl", "article", "-a", f"urls=@{listing}", "-O", str(out)]
    for name, value in settings.items():
        cmd += ["-s", f"{name}={value}"]
    env = {**os.environ, "PYTHONPATH": str(PROJECT)}
    subprocess.run([sys.executable, "-m", "benchmarks.crawl_measure", "--out", str(measure), "--cwd", str(PROJECT),
                    "--", *cmd], cwd=PROJECT, env=env, check=False)
    measured = json.loads(measure.read_text())
    items = sum(1 for line in out.open(encoding="utf-8") if line.strip()) if out.exists() else 0
    stats = json.loads(stats_path.read_text())["stats"] if stats_path.exists() else {}
    return {
        "items": items, "returncode": measured["returncode"], "wall_s": measured["wall_seconds"],
        "crawl_s": float(stats.get("elapsed_time_seconds") or 0.0),
        "cpu_ms_per_article": measured["cpu_seconds"] / items * 1000 if items else float("nan"),
        "machine_ms_per_article": measured["machine_cpu_seconds"] / items * 1000 if items else float("nan"),
        "cores_busy": measured["cpu_seconds"] / measured["wall_seconds"],
        "peak_rss_mb": measured["peak_rss_bytes"] / 2**20,
        "errors": int(stats.get("log_count/ERROR", 0)),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=1000)
    parser.add_argument("--runs", type=int, default=1)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="saved-bench-") as tmp:
        folder, work = Path(tmp) / "pages", Path(tmp) / "work"
        folder.mkdir()
        work.mkdir()
        step = 250
        with ProcessPoolExecutor() as pool:
            chunks = [pool.submit(write_files, folder, args.pages, i, min(args.pages, i + step))
                      for i in range(0, args.pages, step)]
            uris = [uri for chunk in chunks for uri in chunk.result()]
        listing = Path(tmp) / "urls.txt"
        listing.write_text("\n".join(uris) + "\n", encoding="utf-8")
        results = []
        for k in range(args.runs):
            result = run(folder, listing, work)
            results.append(result)
            print(f"run {k + 1}/{args.runs}: {result['items']}/{args.pages} items in {result['wall_s']:.1f} s "
                  f"(crawl {result['crawl_s']:.1f} s), {result['cpu_ms_per_article']:.1f} ms CPU/article "
                  f"(machine {result['machine_ms_per_article']:.1f}), {result['cores_busy']:.2f} cores busy, "
                  f"peak RSS {result['peak_rss_mb']:.0f} MB, rc={result['returncode']}, errors={result['errors']}",
                  flush=True)
    wall = statistics.median(r["wall_s"] for r in results)
    verdict = "met" if wall < TARGET_SECONDS and args.pages >= 1000 else "NOT met" if wall >= TARGET_SECONDS else "n/a"
    print(f"median wall {wall:.1f} s for {args.pages} saved pages "
          f"(target 1,000 in < {TARGET_SECONDS:.0f} s on 2 cores: "
          f"{verdict})")
    return 0 if all(r["returncode"] == 0 and r["items"] >= args.pages * 0.99 for r in results) else 1


if __name__ == "__main__":
    raise SystemExit(main())
