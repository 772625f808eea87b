"""`scrapy crawlall [--sample] [--only NAMES] [--output-dir DIR]`: every source in one scheduled job.

Every site spider with its own discovery endpoints runs concurrently in one process (each with its own
politeness settings and feed); the job prints one summary per source and a combined one, and exits with
the most severe exit code of its crawls, else 0 only when every source finished and wrote at least one
article. `--sample` crawls each source's bundled
sample site on 127.0.0.1 instead. See docs/operations.md.
"""

from __future__ import annotations

import argparse
import logging
import shutil
import tempfile
from collections.abc import Iterable, Mapping
from contextlib import ExitStack
from pathlib import Path
from typing import Any

from scrapy.commands import ScrapyCommand
from scrapy.crawler import Crawler
from scrapy.exceptions import UsageError

from crawler import exit_codes
from crawler.extensions.summary import CrawlSummary, format_summary
from crawler.spiders.base import NewsSpider

logger = logging.getLogger(__name__)

# Local servers: no politeness delays, fail fast. Crawl state goes to a temporary folder.
SAMPLE_SETTINGS: dict[str, Any] = {
    "DOWNLOAD_DELAY": 0,
    "AUTOTHROTTLE_ENABLED": False,
    "RETRY_TIMES": 0,
    "DOWNLOAD_TIMEOUT": 10,
    "LOG_LEVEL": "WARNING",
}
FEED_OPTIONS: dict[str, Any] = {"format": "jsonlines", "encoding": "utf-8", "store_empty": False}


def site_spiders(spider_loader: Any) -> dict[str, type[NewsSpider]]:
    """Every registered spider that crawls a site from its own endpoints, by name."""
    spiders: dict[str, type[NewsSpider]] = {}
    for name in spider_loader.list():
        spidercls = spider_loader.load(name)
        if issubclass(spidercls, NewsSpider) and spidercls.default_discovery:
            spiders[name] = spidercls
    return spiders


def written_feeds(crawler: Crawler) -> list[str]:
    """The feed URIs a finished crawler wrote (as recorded by the summary extension)."""
    summary = crawler.get_extension(CrawlSummary)
    return list(summary.feeds) if summary is not None else []


def combined_stats(all_stats: Iterable[Mapping[str, Any]]) -> dict[str, Any]:
    """Numeric stats summed over crawls; `finish_reason` is "finished" only when every crawl finished;
    the exit code is the most severe one, never a sum."""
    all_stats = list(all_stats)
    combined: dict[str, Any] = {}
    reasons: set[str] = set()
    for stats in all_stats:
        reasons.add(str(stats.get("finish_reason", "unknown")))
        for key, value in stats.items():
            if isinstance(value, int | float) and not isinstance(value, bool):
                combined[key] = combined.get(key, 0) + value
    combined["finish_reason"] = reasons.pop() if len(reasons) == 1 else "mixed (" + ", ".join(sorted(reasons)) + ")"
    code = exit_codes.most_severe([exit_codes.exit_code(dict(stats)) for stats in all_stats])
    combined.pop(exit_codes.CODE_STAT, None)
    if code:
        combined[exit_codes.CODE_STAT] = code
    return combined


def report(crawlers: list[Crawler]) -> str:
    """Per-source summaries, then the combined one."""
    sections = []
    feeds: list[str] = []
    all_stats = []
    for crawler in crawlers:
        assert crawler.stats is not None and crawler.spider is not None
        stats = crawler.stats.get_stats()
        own = written_feeds(crawler)
        feeds += own
        all_stats.append(stats)
        sections.append(f"== {crawler.spider.name}\n{format_summary(stats, own)}")
    sections.append(f"== all sources ({len(crawlers)})\n{format_summary(combined_stats(all_stats), feeds)}")
    return "\n".join(sections)


def succeeded(crawler: Crawler) -> bool:
    """True when the crawl finished and wrote at least one article."""
    assert crawler.stats is not None
    stats = crawler.stats.get_stats()
    return stats.get("finish_reason") == "finished" and int(stats.get("item_scraped_count", 0)) > 0


def job_exit_code(crawlers: list[Crawler]) -> int:
    """The most severe code a crawl recorded (crawler.exit_codes), else 1 if a source wrote nothing."""
    code = exit_codes.most_severe([exit_codes.exit_code(crawler.stats.get_stats()) for crawler in crawlers
                                   if crawler.stats is not None])
    return code or (0 if all(succeeded(crawler) for crawler in crawlers) else 1)


class Command(ScrapyCommand):
    requires_project = True

    def __init__(self) -> None:
        super().__init__()
        self.sample_dir: Path | None = None

    def syntax(self) -> str:
        return "[options]"

    def short_desc(self) -> str:
        return "Run every source's spider at once, one feed per source, one summary"

    def long_desc(self) -> str:
        return (f"{self.short_desc()}. Every site spider with its own discovery endpoints (not the generic "
                "`article` spider) runs concurrently with its own politeness settings. Exits 0 only when every "
                "source finished and wrote at least one article.")

    def add_options(self, parser: argparse.ArgumentParser) -> None:
        super().add_options(parser)
        parser.add_argument("--sample", action="store_true", help="crawl the bundled sample sites on 127.0.0.1")
        parser.add_argument("--only", default="", metavar="NAMES",
                            help="comma-separated spider names (default: every source)")
        parser.add_argument("--output-dir", type=Path, default=None, metavar="DIR",
                            help="write feeds to DIR/<spider>/<time>-<run id>.jsonl (default: FEEDS, feeds/)")

    def process_options(self, args: list[str], opts: argparse.Namespace) -> None:
        super().process_options(args, opts)
        assert self.settings is not None
        if args:
            raise UsageError(f"unexpected argument(s): {' '.join(args)}", print_help=False)
        if opts.sample:
            self.settings.setdict(SAMPLE_SETTINGS, priority="cmdline")
            # A sample run starts from empty state and leaves the real state (state/) untouched.
            self.sample_dir = Path(tempfile.mkdtemp(prefix="sample-sources-"))
            state = self.sample_dir / "state"
            self.settings.setdict({"STATE_PATH": str(state / "crawl.sqlite"),
                                   "TEMPLATES_STATE_PATH": str(state / "templates.json")}, priority="cmdline")
        if opts.output_dir is not None:
            uri = str(opts.output_dir / "%(name)s" / "%(time)s-%(run_id)s.jsonl")
            self.settings.set("FEEDS", {uri: dict(FEED_OPTIONS)}, priority="cmdline")

    def run(self, args: list[str], opts: argparse.Namespace) -> None:
        assert self.crawler_process is not None
        try:
            with ExitStack() as stack:
                jobs = self._jobs(opts, stack)
                crawlers = []
                for spidercls, spider_args in jobs:
                    crawler = self.crawler_process.create_crawler(spidercls)
                    self.crawler_process.crawl(crawler, **spider_args)
                    crawlers.append(crawler)
                self.crawler_process.start()
        finally:
            if self.sample_dir is not None:
                shutil.rmtree(self.sample_dir, ignore_errors=True)
        print(report(crawlers))
        self.exitcode = job_exit_code(crawlers)

    def _jobs(self, opts: argparse.Namespace, stack: ExitStack) -> list[tuple[type[NewsSpider], dict[str, str]]]:
        assert self.crawler_process is not None
        spiders = site_spiders(self.crawler_process.spider_loader)
        wanted = [name for name in opts.only.split(",") if name] or sorted(spiders)
        unknown = sorted(set(wanted) - set(spiders))
        if unknown:
            raise UsageError(f"unknown source(s): {', '.join(unknown)}; known: {', '.join(sorted(spiders))}",
                             print_help=False)
        if self.sample_dir is None:
            return [(spiders[name], {}) for name in wanted]
        from sample_site.server import StaticServer
        from sample_site.sources import SAMPLE_SITES

        missing = [name for name in wanted if name not in SAMPLE_SITES]
        if missing:
            raise UsageError(f"no sample site for: {', '.join(missing)}", print_help=False)
        jobs = []
        for name in wanted:
            root = self.sample_dir / name
            root.mkdir()
            server = StaticServer(root)
            manifest = SAMPLE_SITES[name](root, server.base_url("127.0.0.1"))
            stack.enter_context(server)
            logger.info("Sample site of %s served at %s", name, manifest.base_url)
            jobs.append((spiders[name], dict(manifest.spider_args)))
        return jobs
