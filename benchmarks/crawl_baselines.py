"""The benchmark's two reference crawls, each a plain Scrapy crawl with Scrapy's own settings.

    python -m benchmarks.crawl_baselines fetch SITEMAP_INDEX OUT.jsonl STATS.json [--feed RSS_URL]
    python -m benchmarks.crawl_baselines trafilatura SITEMAP_INDEX OUT.jsonl STATS.json [--feed RSS_URL]

- `fetch`: a `SitemapSpider` whose callback yields the URL only: the ceiling of fetching and
  scheduling on this machine (and a check that the HTTP server is not the bottleneck).
- `trafilatura`: the naive baseline, what a plain Scrapy project does: `trafilatura.extract` in the
  callback, on the reactor thread.

Run outside this project's settings (no pipelines, no extensions): Scrapy's defaults plus the
benchmark's common settings, given as `-s NAME=VALUE` arguments after the positional ones.
"""

from __future__ import annotations

import argparse
import json
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import trafilatura
from scrapy import Request
from scrapy.crawler import AsyncCrawlerProcess
from scrapy.settings import Settings
from scrapy.spiders import SitemapSpider


class FetchOnlySpider(SitemapSpider):
    name = "fetch_only"

    def __init__(self, *args: Any, sitemap: str, feed: str | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.sitemap_urls = [sitemap]
        self.feed = feed

    async def start(self) -> AsyncIterator[Any]:
        async for request in super().start():
            yield request
        if self.feed:
            yield Request(self.feed, callback=self.parse_feed)

    def parse_feed(self, response: Any) -> Any:
        """An RSS feed's item links (the duplicate filter drops those the sitemaps gave too)."""
        for link in response.xpath("//item/link/text()").getall():
            yield Request(link.strip(), callback=self.parse)

    def parse(self, response: Any) -> Any:
        yield {"url": response.url}


class NaiveTrafilaturaSpider(FetchOnlySpider):
    name = "naive_trafilatura"

    def parse(self, response: Any) -> Any:
        yield {"url": response.url, "text": trafilatura.extract(response.text, url=response.url)}


SPIDERS = {"fetch": FetchOnlySpider, "trafilatura": NaiveTrafilaturaSpider}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("spider", choices=sorted(SPIDERS))
    parser.add_argument("sitemap")
    parser.add_argument("output", type=Path)
    parser.add_argument("stats", type=Path)
    parser.add_argument("--feed", default=None, help="an RSS feed read besides the sitemap")
    parser.add_argument("-s", dest="settings", action="append", default=[], metavar="NAME=VALUE")
    args = parser.parse_args(argv)
    settings = Settings()
    settings.setdict(dict(pair.split("=", 1) for pair in args.settings), priority="cmdline")
    settings.set("FEEDS", {str(args.output): {"format": "jsonlines", "encoding": "utf-8", "overwrite": True}},
                 priority="cmdline")
    process = AsyncCrawlerProcess(settings)
    crawler = process.create_crawler(SPIDERS[args.spider])
    process.crawl(crawler, sitemap=args.sitemap, feed=args.feed)
    process.start()
    assert crawler.stats is not None
    args.stats.write_text(json.dumps({"stats": crawler.stats.get_stats()}, default=str), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
