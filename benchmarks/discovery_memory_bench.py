"""Peak memory of a crawl that discovers many article URLs at once (big sitemaps), by setting.

Run from the repository root:  python benchmarks/discovery_memory_bench.py [--sitemaps 7] [--urls 140000]

A server on 127.0.0.1 (a separate process) serves a sitemap index of `--sitemaps` news sitemaps of
`--urls` article URLs each (with lastmod and news fields, as real news sitemaps have), and answers
article URLs slowly with a 404, so that discovery runs ahead of fetching. The crawl (`scrapy crawl
article -a sitemaps=...`, inline extraction) stops itself once every sitemap entry has been
scheduled or filtered; the benchmark prints the crawl process's peak RSS (`ru_maxrss`) and the
scheduler's counters. Figures are in docs/operations.md ("Memory").
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

NEWS = "http://www.google.com/schemas/sitemap-news/0.9"


def _sitemap(base: str, index: int, urls: int) -> bytes:
    head = (f'<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" '
            f'xmlns:news="{NEWS}">\n')
    first = 1_000_000 + index * urls
    body = "".join(
        f"<url><loc>{base}/news/article/{n}/story-{n}</loc><lastmod>2026-11-28T10:00:00+08:00</lastmod>"
        f"<news:news><news:publication_date>2026-11-28T10:00:00+08:00</news:publication_date>"
        f"<news:title>Story {n}</news:title></news:news></url>\n"
        for n in range(first, first + urls))
    return (head + body + "</urlset>\n").encode()


def serve(port_file: str, sitemaps: int, urls: int) -> None:
    """The site (run in its own process): index, sitemaps built on request, slow 404 articles."""
    ThreadingHTTPServer.request_queue_size = 1024  # 16 concurrent requests must never wait for a SYN retry
    server = ThreadingHTTPServer(("127.0.0.1", 0), BaseHTTPRequestHandler)
    server.daemon_threads = True
    base = f"http://127.0.0.1:{server.server_address[1]}"

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # noqa: N802 - http.server's name
            if self.path == "/sitemap.xml":
                locs = "".join(f"<sitemap><loc>{base}/sitemap-{i}.xml</loc></sitemap>" for i in range(sitemaps))
                body = ('<?xml version="1.0"?><sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
                        f"{locs}</sitemapindex>").encode()
            elif self.path.startswith("/sitemap-"):
                body = _sitemap(base, int(self.path.split("-")[1].split(".")[0]), urls)
            else:
                time.sleep(1.0)
                self.send_error(404)
                return
            self.send_response(200)
            self.send_header("Content-Type", "application/xml")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - stdlib signature
            pass

    server.RequestHandlerClass = Handler
    Path(port_file).write_text(base)
    server.serve_forever()


class Probe:
    """Benchmark-only extension: stops the crawl once discovery is done, reports peak RSS."""

    def __init__(self, crawler: object, expected: int) -> None:
        self.crawler = crawler
        self.expected = expected

    @classmethod
    def from_crawler(cls, crawler: object) -> Probe:
        from scrapy import signals

        probe = cls(crawler, int(crawler.settings.get("BENCH_EXPECTED_ENTRIES")))  # type: ignore[attr-defined]
        crawler.signals.connect(probe.started, signal=signals.engine_started)  # type: ignore[attr-defined]
        crawler.signals.connect(probe.closed, signal=signals.spider_closed)  # type: ignore[attr-defined]
        return probe

    def started(self) -> None:
        from scrapy.utils.asyncio import create_looping_call

        self.loop = create_looping_call(self.check)
        self.loop.start(0.5)

    def check(self) -> None:
        stats = self.crawler.stats  # type: ignore[attr-defined]
        self.ticks = getattr(self, "ticks", 0) + 1
        if self.ticks % 20 == 0:  # every 10 s: progress
            import resource

            print(f"PROGRESS enqueued {stats.get_value('scheduler/enqueued') or 0:,} "
                  f"spilled {stats.get_value('scheduler/spilled') or 0:,} "
                  f"entries {stats.get_value('discovery/sitemap_entries') or 0:,} "
                  f"peak {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024} MB", file=sys.stderr, flush=True)
        enqueued = stats.get_value("scheduler/enqueued") or 0
        self.quiet = getattr(self, "quiet", 0) + 1 if enqueued == getattr(self, "last", -1) else 0
        self.last = enqueued
        # every entry scheduled, or nothing new for 30 s (a sitemap failed: the report says which)
        if enqueued >= self.expected or (enqueued and self.quiet >= 60):
            import asyncio

            self.loop.stop()
            engine = self.crawler.engine  # type: ignore[attr-defined]
            self.closing = asyncio.ensure_future(engine.close_spider_async(reason="discovered"))

    def closed(self) -> None:
        import resource

        stats = self.crawler.stats.get_stats()  # type: ignore[attr-defined]
        report = {key: value for key, value in stats.items()
                  if key.startswith(("scheduler/", "discovery/", "downloader/exception_type_count"))}
        report["peak_rss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024
        print("BENCH " + json.dumps(report, sort_keys=True), file=sys.stderr, flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sitemaps", type=int, default=7)
    parser.add_argument("--urls", type=int, default=140_000, help="article URLs per sitemap")
    parser.add_argument("--verbose", action="store_true", help="print the crawl's progress every 10 s")
    parser.add_argument("-s", dest="settings", action="append", default=[], help="extra -s NAME=VALUE for the crawl")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        port_file = Path(tmp, "base")
        server = subprocess.Popen([sys.executable, "-c", f"import sys; sys.path.insert(0, {str(ROOT)!r}); "
                                   "from benchmarks.discovery_memory_bench import serve; "
                                   f"serve({str(port_file)!r}, {args.sitemaps}, {args.urls})"])
        try:
            while not port_file.exists() or not port_file.read_text():
                time.sleep(0.05)
            base = port_file.read_text()
            settings = ["DOWNLOAD_DELAY=0", "AUTOTHROTTLE_ENABLED=0", "ROBOTSTXT_OBEY=0", "RETRY_ENABLED=0",
                        "EXTRACTION_WORKERS=0", "LOG_LEVEL=WARNING", "DOWNLOAD_MAXSIZE=134217728",
                        "DOWNLOAD_WARNSIZE=0", "SPIDERMON_ENABLED=0", f"STATE_PATH={tmp}/state.sqlite",
                        "TEMPLATES_STATE_PATH=", f"BENCH_EXPECTED_ENTRIES={args.sitemaps * args.urls}",
                        'EXTENSIONS={"benchmarks.discovery_memory_bench.Probe": 0}', *args.settings]
            command = [sys.executable, "-m", "scrapy", "crawl", "article", "-a", f"sitemaps={base}/sitemap.xml",
                       "-O", f"{tmp}/out.jsonl"] + [part for s in settings for part in ("-s", s)]
            started = time.monotonic()
            done = subprocess.run(command, cwd=ROOT, capture_output=True, text=True,
                                  env={**os.environ, "PYTHONPATH": str(ROOT)})
            elapsed = time.monotonic() - started
        finally:
            server.kill()
            server.wait()
    for line in done.stderr.splitlines():
        if line.startswith("PROGRESS ") and args.verbose:
            print(line)
    reports = [line[6:] for line in done.stderr.splitlines() if line.startswith("BENCH ")]
    if not reports:
        sys.exit(f"no report (exit {done.returncode}):\n{done.stderr[-3000:]}")
    report = json.loads(reports[-1])
    print(f"{args.sitemaps} sitemaps x {args.urls:,} URLs, {' '.join(args.settings) or 'project settings'}: "
          f"peak RSS {report.pop('peak_rss_mb'):,} MB, {elapsed:.0f} s")
    for key, value in sorted(report.items()):
        print(f"  {key}: {value:,}")


if __name__ == "__main__":
    threading.excepthook = lambda hook_args: None  # the server's handler threads end with the process
    main()
