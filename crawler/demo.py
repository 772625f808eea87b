"""The offline demo: crawl the bundled sample site with the real spiders and write one JSONL feed.

`python -m crawler.demo` renders the sample site for a loopback server, crawls the SCMP mirror with
the `scmp` spider (news sitemap, sitemap index, RSS feed) and then the republisher blog with the
`article` spider (its RSS feed), appending both to `feeds/demo/<time>.jsonl`, and prints a summary.
"""

from __future__ import annotations

import argparse
import tempfile
from datetime import datetime
from pathlib import Path
from typing import Any

from scrapy.crawler import AsyncCrawlerProcess, Crawler
from scrapy.settings import Settings
from scrapy.utils.defer import deferred_from_coro

from crawler.extensions.summary import format_summary
from crawler.project import project_settings
from crawler.spiders.article import ArticleSpider
from crawler.spiders.scmp import ScmpSpider
from sample_site.build import Manifest, build_site
from sample_site.server import StaticServer

# Local, so no politeness delays; everything else is the production configuration.
DEMO_SETTINGS = {
    "DOWNLOAD_DELAY": 0,
    "AUTOTHROTTLE_ENABLED": False,
    "LOG_LEVEL": "WARNING",
}


def demo_settings(output: Path, state_dir: Path, extra_settings: dict[str, Any] | None = None) -> Settings:
    """The project's settings (from any folder: `news-crawl-demo` is a console script), made local:
    state in `state_dir`, every article appended to `output`."""
    settings = project_settings()
    state = {"STATE_PATH": str(state_dir / "crawl.sqlite"), "TEMPLATES_STATE_PATH": str(state_dir / "templates.json")}
    settings.setdict({**DEMO_SETTINGS, **state, **(extra_settings or {})}, priority="cmdline")
    settings.set("FEEDS", {str(output): {"format": "jsonlines", "encoding": "utf-8", "overwrite": False}},
                 priority="cmdline")
    return settings


def crawl_sample_site(
    output: Path, manifest: Manifest, state_dir: Path, extra_settings: dict[str, Any] | None = None
) -> list[Crawler]:
    """Run both demo crawls one after the other, appending to `output`; returns the finished crawlers.

    The crawl state lives in `state_dir` (a temporary folder), so every demo run shows the whole site.
    """
    process = AsyncCrawlerProcess(demo_settings(output, state_dir, extra_settings))
    crawlers = [process.create_crawler(ScmpSpider), process.create_crawler(ArticleSpider)]

    async def one_after_the_other() -> None:
        try:
            await process.crawl(crawlers[0], sitemaps=manifest.sitemap_index, feeds=manifest.rss_feed)
            await process.crawl(crawlers[1], feeds=manifest.blog_feed)
        finally:
            reactor.stop()  # type: ignore[misc]  # twisted's reactor module is typed as a module, not an object

    from twisted.internet import reactor  # installed by AsyncCrawlerProcess

    reactor.callWhenRunning(lambda: deferred_from_coro(one_after_the_other()))
    process.start(stop_after_crawl=False)
    return crawlers


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--output", type=Path, default=None, help="feed path (default feeds/demo/<time>.jsonl)")
    args = parser.parse_args(argv)
    output = args.output or Path("feeds/demo") / f"{datetime.now():%Y-%m-%dT%H-%M-%S}.jsonl"
    output.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="sample-site-") as tmp:
        server = StaticServer(tmp)
        manifest = build_site(Path(tmp), server.base_url("127.0.0.1"), server.base_url("localhost"))
        with server:
            crawlers = crawl_sample_site(output, manifest, Path(tmp) / "state")
    for crawler in crawlers:
        assert crawler.stats is not None and crawler.spider is not None
        print(f"== {crawler.spider.name}")
        print(format_summary(crawler.stats.get_stats(), [str(output)]))
    lines = sum(1 for line in output.open(encoding="utf-8") if line.strip()) if output.exists() else 0
    print(f"== feed: {output} ({lines} articles)")
    return 0 if lines else 1


if __name__ == "__main__":
    raise SystemExit(main())
