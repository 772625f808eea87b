"""One scheduled job for every source: `python -m crawler.crawl_all [--sample] [--only NAMES] [-s NAME=VALUE]`.

Why one job: readers follow the sources side by side, so a cron line or a scheduler task should run
them all, in one process, with one summary to read afterwards. Every registered site spider (a
`NewsSpider` that has its own discovery endpoints; the generic `article` spider needs URLs and is left
out) runs concurrently in one `AsyncCrawlerProcess`. Each keeps its own politeness: robots.txt is
obeyed (project setting), and each spider's `custom_settings` carry its DOWNLOAD_DELAY (the site's
Crawl-delay where robots.txt asks for one) and CONCURRENT_REQUESTS_PER_DOMAIN. Each source writes its
own feed, `feeds/<spider>/<time>-<run id>.jsonl` (or under `--output-dir`).

`--sample` runs the same job offline: every source's bundled sample site (`sample_site.sources`) is
rendered into a temporary folder and served by its own `StaticServer` on 127.0.0.1, and each spider is
given `-a sitemaps=/feeds=/urls=` pointing at that local mirror.

The exit status is the most severe exit code of the crawls (`crawler.exit_codes`, docs/operations.md);
else 0 when every source finished and wrote at least one article, 1 otherwise.
"""

from __future__ import annotations

import argparse
import logging
import tempfile
from collections.abc import Iterable, Mapping
from contextlib import ExitStack
from pathlib import Path
from typing import Any

from scrapy.crawler import AsyncCrawlerProcess, Crawler
from scrapy.settings import Settings

from crawler import exit_codes
from crawler.extensions.summary import CrawlSummary, format_summary
from crawler.project import project_settings
from crawler.spiders.base import NewsSpider

logger = logging.getLogger(__name__)

# Local servers: no politeness delays, fail fast. Crawl state goes to a temporary folder (see main).
SAMPLE_SETTINGS: dict[str, Any] = {
    "DOWNLOAD_DELAY": 0,
    "AUTOTHROTTLE_ENABLED": False,
    "RETRY_TIMES": 0,
    "DOWNLOAD_TIMEOUT": 10,
    "LOG_LEVEL": "WARNING",
}
FEED_OPTIONS: dict[str, Any] = {"format": "jsonlines", "encoding": "utf-8", "store_empty": False}


def site_spiders(process: AsyncCrawlerProcess) -> dict[str, type[NewsSpider]]:
    """Every registered spider that crawls a site from its own endpoints, by name."""
    spiders: dict[str, type[NewsSpider]] = {}
    for name in process.spider_loader.list():
        spidercls = process.spider_loader.load(name)
        if issubclass(spidercls, NewsSpider) and spidercls.default_discovery:
            spiders[name] = spidercls
    return spiders


def written_feeds(crawler: Crawler) -> list[str]:
    """The feed URIs a finished crawler wrote (as recorded by the summary extension)."""
    assert crawler.extensions is not None
    for extension in crawler.extensions.middlewares:
        if isinstance(extension, CrawlSummary):
            return list(extension.feeds)
    return []


def combined_stats(all_stats: Iterable[Mapping[str, Any]]) -> dict[str, Any]:
    """Numeric stats summed over crawls; `finish_reason` is "finished" only when every crawl finished."""
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
    combined.pop(exit_codes.CODE_STAT, None)  # a code, not a count: the most severe one, never a sum
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


def _settings(args: argparse.Namespace, state_dir: Path | None) -> Settings:
    settings = project_settings()  # a scheduler may start the job from any folder
    if args.sample:
        settings.setdict(SAMPLE_SETTINGS, priority="cmdline")
    if state_dir is not None:
        # A sample run starts from empty state and leaves the real state (state/) untouched.
        settings.setdict({"STATE_PATH": str(state_dir / "crawl.sqlite"),
                          "TEMPLATES_STATE_PATH": str(state_dir / "templates.json")}, priority="cmdline")
    if args.output_dir is not None:
        uri = str(args.output_dir / "%(name)s" / "%(time)s-%(run_id)s.jsonl")
        settings.set("FEEDS", {uri: dict(FEED_OPTIONS)}, priority="cmdline")
    for pair in args.set:
        name, sep, value = pair.partition("=")
        if not sep or not name:
            raise SystemExit(f"-s {pair!r}: expected NAME=VALUE")
        settings.set(name, value, priority="cmdline")
    return settings


def run(jobs: list[tuple[type[NewsSpider], dict[str, str]]], process: AsyncCrawlerProcess) -> list[Crawler]:
    """Start every (spider class, spider arguments) job concurrently; returns when all have finished."""
    crawlers = []
    for spidercls, spider_args in jobs:
        crawler = process.create_crawler(spidercls)
        process.crawl(crawler, **spider_args)
        crawlers.append(crawler)
    process.start()
    return crawlers


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sample", action="store_true", help="crawl the bundled sample sites on 127.0.0.1")
    parser.add_argument("--only", default="", help="comma-separated spider names (default: every source)")
    parser.add_argument("--output-dir", type=Path, default=None,
                        help="write feeds to DIR/<spider>/<time>-<run id>.jsonl (default: the FEEDS setting, feeds/)")
    parser.add_argument("-s", "--set", action="append", default=[], metavar="NAME=VALUE",
                        help="a Scrapy setting for every crawl (repeatable)")
    args = parser.parse_args(argv)

    with ExitStack() as stack:
        tmp = Path(stack.enter_context(tempfile.TemporaryDirectory(prefix="sample-sources-"))) if args.sample else None
        process = AsyncCrawlerProcess(_settings(args, tmp / "state" if tmp else None))
        spiders = site_spiders(process)
        wanted = [name for name in args.only.split(",") if name] or sorted(spiders)
        unknown = sorted(set(wanted) - set(spiders))
        if unknown:
            parser.error(f"unknown source(s): {', '.join(unknown)}; known: {', '.join(sorted(spiders))}")
        jobs: list[tuple[type[NewsSpider], dict[str, str]]] = []
        if tmp is not None:
            from sample_site.server import StaticServer
            from sample_site.sources import SAMPLE_SITES

            missing = [name for name in wanted if name not in SAMPLE_SITES]
            if missing:
                parser.error(f"no sample site for: {', '.join(missing)}")
            for name in wanted:
                root = tmp / name
                root.mkdir()
                server = StaticServer(root)
                manifest = SAMPLE_SITES[name](root, server.base_url("127.0.0.1"))
                stack.enter_context(server)
                logger.info("Sample site of %s served at %s", name, manifest.base_url)
                jobs.append((spiders[name], dict(manifest.spider_args)))
        else:
            jobs = [(spiders[name], {}) for name in wanted]
        crawlers = run(jobs, process)

    print(report(crawlers))
    code = exit_codes.most_severe([exit_codes.exit_code(crawler.stats.get_stats()) for crawler in crawlers
                                   if crawler.stats is not None])
    return code or (0 if all(succeeded(crawler) for crawler in crawlers) else 1)


if __name__ == "__main__":
    raise SystemExit(main())
