"""Crawl benchmark: this project's `scmp` spider against a fetch-only ceiling and a naive baseline.

    python -m benchmarks.crawl_bench                    # N = 300 and 3000, one run each (~4 min, 2 idle cores)
    python -m benchmarks.crawl_bench --runs 3           # medians of three runs (the docs/performance.md figures)
    python -m benchmarks.crawl_bench --sizes 300 --configs scmp,scmp-inline

It writes a local news site of N realistic article pages (60-150 KB each: JSON-LD, mega-menu,
related and trending lists, ads, promos, inline scripts, `__NEXT_DATA__`; generated prose that
differs per page; news sitemaps), serves it from a separate process on 127.0.0.1
(`benchmarks/crawl_server.py`), and runs each configuration as its own crawl process:

- `fetch`: Scrapy, a sitemap spider whose callback yields the URL (the ceiling);
- `naive`: Scrapy with `trafilatura.extract` in the callback (the baseline);
- `scmp`: `scrapy crawl scmp -a sitemaps=...` with this project's settings, every item pipeline and
  every normaliser, extraction in worker processes;
- `scmp-inline`: the same with `EXTRACTION_WORKERS=0`, everything on the reactor thread (only for
  the sizes in `--inline-sizes`, 300 by default: it is the slowest row).

All with DOWNLOAD_DELAY=0, AutoThrottle off, ROBOTSTXT_OBEY on, LOG_LEVEL=WARNING,
CONCURRENT_REQUESTS(_PER_DOMAIN)=32. Each crawl runs under `benchmarks/crawl_measure.py`, which
counts the CPU time of its whole process tree (workers and fork server included) and samples the
tree's summed RSS. Reported: articles/s (items / Scrapy's `elapsed_time_seconds`, which includes
the workers' start-up; their fork server is launched, and warms up, while Scrapy builds the crawl,
before that clock starts, as the naive crawl imports trafilatura before it), CPU seconds per
article (all processes, start-up included), peak RSS of the tree, wall time of the process (the
ratio of items to wall time is the same comparison with every start-up included). With
`--runs K`, the median of each figure over K runs.

On a shared machine a run is repeated (at most `--noisy-retries` times) when other processes used
more than `--max-background` of the cores meanwhile (the HTTP server's own CPU is not counted
there), and the quietest attempt is kept.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import Any

PROJECT = Path(__file__).resolve().parents[1]
if str(PROJECT) not in sys.path:  # `python benchmarks/crawl_bench.py` works too
    sys.path.insert(0, str(PROJECT))

from benchmarks.crawl_measure import family_cpu_seconds  # noqa: E402
from benchmarks.crawl_server import ServerProcess  # noqa: E402
from benchmarks.crawl_site import write_discovery, write_pages  # noqa: E402

COMMON = {
    "DOWNLOAD_DELAY": "0",
    "AUTOTHROTTLE_ENABLED": "False",
    "ROBOTSTXT_OBEY": "True",
    "LOG_LEVEL": "WARNING",
    "CONCURRENT_REQUESTS": "32",
    "CONCURRENT_REQUESTS_PER_DOMAIN": "32",
}
CONFIGS = ("fetch", "naive", "scmp", "scmp-inline")
LABELS = {
    "fetch": "(a) fetch only (ceiling)",
    "naive": "(b) naive: trafilatura.extract in the callback",
    "scmp": "(c) scmp, all pipelines, extraction workers",
    "scmp-inline": "(c0) scmp, all pipelines, EXTRACTION_WORKERS=0",
}
CORES = len(os.sched_getaffinity(0))


def build(root: Path, base_url: str, pages: int, sizes: list[int]) -> dict[str, float]:
    """Write the site, pages in one process per core, then the sitemaps and robots.txt."""
    started = time.monotonic()
    step = 250
    with ProcessPoolExecutor() as pool:
        futures = [pool.submit(write_pages, root, base_url, pages, i, min(pages, i + step))
                   for i in range(0, pages, step)]
        total = sum(f.result() for f in futures)
    write_discovery(root, base_url, pages, sizes)
    return {"seconds": time.monotonic() - started, "mean_kb": total / pages / 1024}


def project_pipelines() -> dict[str, int]:
    """The project's ITEM_PIPELINES."""
    from scrapy.utils.project import get_project_settings

    cwd = os.getcwd()
    try:
        os.chdir(PROJECT)
        return dict(get_project_settings().getdict("ITEM_PIPELINES"))
    finally:
        os.chdir(cwd)


def command(config: str, index_url: str, feed_url: str, out: Path, stats: Path,
            pipelines: dict[str, int], extra: dict[str, str] | None = None) -> tuple[list[str], Path]:
    """The crawl command of one configuration, and the folder to run it in."""
    settings = {**COMMON, **(extra or {})}
    if config in ("fetch", "naive"):
        spider = "fetch" if config == "fetch" else "trafilatura"
        cmd = [sys.executable, "-m", "benchmarks.crawl_baselines", spider, index_url, str(out), str(stats),
               "--feed", feed_url]
        cwd = out.parent
    else:
        cmd = [sys.executable, "-m", "scrapy", "crawl", "scmp", "-a", f"sitemaps={index_url}", "-a",
               f"feeds={feed_url}", "-O", str(out)]
        # Fresh state files per run: nothing is skipped as already seen; the repository's state/ is untouched.
        settings.update({"CRAWL_STATS_FILE": str(stats), "ITEM_PIPELINES": json.dumps(pipelines),
                         "STATE_PATH": str(out.with_suffix(".state.sqlite")),
                         "TEMPLATES_STATE_PATH": str(out.with_suffix(".templates.json"))})
        if config == "scmp-inline":
            settings["EXTRACTION_WORKERS"] = "0"
        cwd = PROJECT
    for name, value in settings.items():
        cmd += ["-s", f"{name}={value}"]
    return cmd, cwd


def run_one(config: str, n: int, base_url: str, work: Path, pipelines: dict[str, int],
            server_pid: int, extra: dict[str, str] | None = None) -> dict[str, Any]:
    """One measured crawl."""
    tag = f"{config}-{n}-{time.monotonic_ns()}"
    out, stats_path, measure_path = work / f"{tag}.jsonl", work / f"{tag}-stats.json", work / f"{tag}-measure.json"
    cmd, cwd = command(config, f"{base_url}/n{n}/sitemap.xml", f"{base_url}/n{n}/feed.xml", out, stats_path,
                       pipelines, extra)
    env = {**os.environ, "PYTHONPATH": str(PROJECT)}
    server_before = family_cpu_seconds(server_pid)
    subprocess.run([sys.executable, "-m", "benchmarks.crawl_measure", "--out", str(measure_path), "--cwd", str(cwd),
                    "--", *cmd], cwd=PROJECT, env=env, check=False)
    server_cpu = family_cpu_seconds(server_pid) - server_before
    measured = json.loads(measure_path.read_text())
    stats = json.loads(stats_path.read_text())["stats"] if stats_path.exists() else {}
    items = sum(1 for line in out.open(encoding="utf-8") if line.strip()) if out.exists() else 0
    elapsed = float(stats.get("elapsed_time_seconds") or measured["wall_seconds"])
    for path in work.glob(f"{tag}*"):
        if path.is_dir():
            shutil.rmtree(path)
        else:
            path.unlink()
    return {
        "config": config, "n": n, "items": items, "returncode": measured["returncode"],
        "errors": int(stats.get("log_count/ERROR", 0)),
        "articles_per_s": items / elapsed if elapsed else 0.0,
        "cpu_per_article": measured["cpu_seconds"] / items if items else float("nan"),
        # The whole machine's busy time (server and everything else included): what an idle machine shows.
        "machine_cpu_per_article": measured["machine_cpu_seconds"] / items if items else float("nan"),
        "cores_busy": measured["cpu_seconds"] / measured["wall_seconds"],
        "peak_rss_mb": measured["peak_rss_bytes"] / 2**20,
        "wall_s": measured["wall_seconds"], "crawl_s": elapsed, "processes": measured["peak_processes"],
        "leftover_processes": measured["leftover_processes"],
        "worker_startup_s": stats.get("workers/startup_seconds"),
        "server_cpu_per_article": server_cpu / items if items else float("nan"),
        "background": max(0.0, measured["other_cpu_seconds"] - server_cpu) / (measured["wall_seconds"] * CORES),
    }


def describe(result: dict[str, Any]) -> str:
    flags = "".join((f"  rc={result['returncode']}" if result["returncode"] else "",
                     f"  ERRORS={result['errors']}" if result["errors"] else "",
                     f"  LEFTOVER={result['leftover_processes']}" if result["leftover_processes"] else ""))
    return (f"{result['config']:<11} N={result['n']:<5} {result['items']:>5} items {result['articles_per_s']:7.1f}/s "
            f"{result['cpu_per_article'] * 1000:6.1f} ms CPU/article "
            f"(machine {result['machine_cpu_per_article'] * 1000:.1f}) "
            f"{result['cores_busy']:.2f} cores {result['peak_rss_mb']:5.0f} MB "
            f"wall {result['wall_s']:5.1f} s  server {result['server_cpu_per_article'] * 1000:.1f} ms/article  "
            f"background {result['background']:.0%}{flags}")


def median_rows(results: list[dict[str, Any]]) -> list[dict[str, Any]]:
    rows = []
    for n, _, config in sorted({(r["n"], CONFIGS.index(r["config"]), r["config"]) for r in results}):
        runs = [r for r in results if r["n"] == n and r["config"] == config]
        row: dict[str, Any] = {"config": config, "n": n, "runs": len(runs)}
        for key in ("items", "articles_per_s", "cpu_per_article", "machine_cpu_per_article", "cores_busy",
                    "peak_rss_mb", "wall_s", "crawl_s", "background", "server_cpu_per_article"):
            row[key] = statistics.median(r[key] for r in runs)
        row["processes"] = max(r["processes"] for r in runs)
        rows.append(row)
    return rows


def table(rows: list[dict[str, Any]]) -> str:
    lines = ["| configuration | N | articles | articles/s | CPU ms/article (tree) | CPU ms/article (machine) | "
             "cores busy | peak RSS (tree) | processes | wall s |",
             "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"]
    for r in rows:
        lines.append(f"| {LABELS[r['config']]} | {r['n']} | {r['items']:.0f} | {r['articles_per_s']:.1f} | "
                     f"{r['cpu_per_article'] * 1000:.1f} | {r['machine_cpu_per_article'] * 1000:.1f} | "
                     f"{r['cores_busy']:.2f} | {r['peak_rss_mb']:.0f} MB | {r['processes']} | {r['wall_s']:.1f} |")
    return "\n".join(lines)


def verdict(met: bool) -> str:
    return "met" if met else "NOT met"


def ratios(rows: list[dict[str, Any]]) -> list[str]:
    get = {(r["config"], r["n"]): r for r in rows}
    lines = []
    sizes = sorted({r["n"] for r in rows})
    for n in sizes:
        a, b, c, c0 = (get.get((config, n)) for config in CONFIGS)
        if b and c and b["articles_per_s"] and b["cpu_per_article"] == b["cpu_per_article"]:  # not NaN
            speed = c["articles_per_s"] / b["articles_per_s"]
            cpu = c["cpu_per_article"] / b["cpu_per_article"]
            machine = c["machine_cpu_per_article"] / b["machine_cpu_per_article"]
            lines.append(f"N={n}: (c)/(b) articles/s = {speed:.2f}x (target >= 1.6x: {verdict(speed >= 1.6)}); "
                         f"CPU/article = {cpu:.2f}x tree, {machine:.2f}x machine (target <= 1.3x: "
                         f"{verdict(cpu <= 1.3)})")
        if c and c0:
            lines.append(f"N={n}: (c)/(c0), the same crawl with and without workers: "
                         f"{c['articles_per_s'] / c0['articles_per_s']:.2f}x articles/s, "
                         f"{c['cpu_per_article'] / c0['cpu_per_article']:.2f}x CPU s/article")
        if a and c:
            lines.append(f"N={n}: fetch-only runs at {a['articles_per_s'] / c['articles_per_s']:.1f}x (c)'s rate"
                         + (": the server is not the bottleneck" if a["articles_per_s"] > 2 * c["articles_per_s"]
                            else ": WARNING, close to (c): the server may be the bottleneck"))
    small, large = get.get(("scmp", sizes[0])), get.get(("scmp", sizes[-1]))
    if small and large and len(sizes) > 1:
        growth = large["peak_rss_mb"] / small["peak_rss_mb"]
        lines.append(f"(c) peak RSS N={sizes[-1]} / N={sizes[0]} = {growth:.2f}x "
                     f"(target <= 1.2x: {verdict(growth <= 1.2)})")
    return lines


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="300,3000", help="comma-separated page counts (default 300,3000)")
    parser.add_argument("--runs", type=int, default=1, help="repeat every crawl K times and report medians")
    parser.add_argument("--configs", default=",".join(CONFIGS), help=f"subset of {','.join(CONFIGS)}")
    parser.add_argument("--inline-sizes", default="300", help="sizes at which scmp-inline runs (default 300)")
    parser.add_argument("--json", type=Path, help="also write every run's figures here")
    parser.add_argument("--max-background", type=float, default=0.10,
                        help="re-run a crawl during which other processes used more than this share of the cores")
    parser.add_argument("--noisy-retries", type=int, default=2, help="at most this many re-runs per crawl")
    parser.add_argument("--server", choices=("auto", "nginx", "python"), default="auto",
                        help="auto: nginx when installed, else Python's threading server")
    parser.add_argument("--set", dest="extra", action="append", default=[], metavar="NAME=VALUE",
                        help="a Scrapy setting for every crawl of this invocation (e.g. CONCURRENT_ITEMS=1, to "
                             "give the baselines a setting the project uses)")
    args = parser.parse_args(argv)
    extra: dict[str, str] = {}
    for pair in args.extra:
        name, sep, value = pair.partition("=")
        if not sep or not name:
            parser.error(f"--set takes NAME=VALUE, not {pair!r}")
        extra[name] = value
    sizes = sorted(int(s) for s in args.sizes.split(","))
    inline_sizes = {int(s) for s in args.inline_sizes.split(",") if s}
    configs = [c for c in args.configs.split(",") if c]
    if set(configs) - set(CONFIGS):
        parser.error(f"unknown configs: {', '.join(sorted(set(configs) - set(CONFIGS)))}")
    pipelines = project_pipelines()
    import scrapy
    import trafilatura

    print(f"machine: {os.cpu_count()} cores ({CORES} usable), {platform.machine()}, Python "
          f"{platform.python_version()}, Scrapy {scrapy.__version__}, trafilatura {trafilatura.__version__}")
    order = sorted(pipelines.items(), key=lambda x: x[1])
    print("(c) ITEM_PIPELINES: " + ", ".join(f"{path.rsplit('.', 1)[-1]}:{o}" for path, o in order))
    results: list[dict[str, Any]] = []
    with tempfile.TemporaryDirectory(prefix="crawl-bench-") as tmp:
        root, work = Path(tmp) / "site", Path(tmp) / "work"
        root.mkdir()
        work.mkdir()
        use_nginx = {"auto": None, "nginx": True, "python": False}[args.server]
        with ServerProcess(root, PROJECT, use_nginx) as server:
            if args.server == "nginx" and server.kind != "nginx":
                parser.error("--server nginx: nginx is not installed")
            built = build(root, server.base_url, max(sizes), sizes)
            print(f"site: {max(sizes)} pages, mean {built['mean_kb']:.0f} KB, written in {built['seconds']:.0f} s; "
                  f"served by {server.kind} at {server.base_url} (pid {server.pid})")
            for run in range(args.runs):
                for n in sizes:
                    for config in configs:
                        if config == "scmp-inline" and n not in inline_sizes:
                            continue
                        attempts: list[dict[str, Any]] = []
                        while len(attempts) <= args.noisy_retries:
                            attempts.append(run_one(config, n, server.base_url, work, pipelines, server.pid, extra))
                            if attempts[-1]["background"] <= args.max_background:
                                break
                            print(f"  (other processes used {attempts[-1]['background']:.0%} of the cores)", flush=True)
                        result = min(attempts, key=lambda r: r["background"])  # the quietest attempt
                        results.append(result)
                        print(f"run {run + 1}/{args.runs} {describe(result)}", flush=True)
    rows = median_rows(results)
    print(f"\nMedians of {args.runs} run(s) on {CORES} cores:")
    print(table(rows))
    print(f"(other processes used at most {max(r['background'] for r in results):.0%} of the cores during a kept "
          f"run; the HTTP server at most {max(r['server_cpu_per_article'] for r in results) * 1000:.1f} ms CPU "
          "per article)\n")
    print("\n".join(ratios(rows)))
    if args.json:
        args.json.write_text(json.dumps({"runs": results, "medians": rows}, indent=1), encoding="utf-8")
    failed = [r for r in results if r["returncode"] or r["items"] < r["n"] * 0.99]
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
