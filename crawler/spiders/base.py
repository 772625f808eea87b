"""`NewsSpider`: the one base every site spider shares.

It discovers article URLs from sitemaps (news fields kept), RSS/Atom feeds and listing pages,
schedules one request per article (keyed by the site's native id, so `utm_` variants and alternate
slugs collapse in Scrapy's duplicate filter), and hands each page to the pure extraction function.
A site spider sets `name` and `site`; nothing else is required.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import AsyncIterator, Iterator
from datetime import UTC, datetime
from typing import Any, ClassVar
from urllib.parse import urlsplit

import scrapy
from scrapy.http import Response, TextResponse
from scrapy.linkextractors import LinkExtractor
from scrapy.settings import BaseSettings
from scrapy.utils.sitemap import sitemap_urls_from_robots
from w3lib.encoding import http_content_type_encoding

from crawler.discovery.feeds import parse_feed
from crawler.discovery.sitemaps import parse_sitemap
from crawler.extract import NotAnArticle
from crawler.extract.hints import Hints
from crawler.extract.saved import is_saved
from crawler.feeds import new_run_id
from crawler.sites import SiteProfile
from crawler.sites.generic import GENERIC
from crawler.spiders.arguments import ArgumentError, check_names, url_list
from crawler.urls import host_of, strip_tracking
from crawler.workers.pool import ExtractionFailed, ExtractionPool

logger = logging.getLogger(__name__)

_HTML_TYPES = (b"text/html", b"application/xhtml+xml")
# Sitemap entries turned into requests between two turns of the reactor.
YIELD_EVERY = 500
_NEEDS_URLS = "spider {name!r} needs at least one of -a urls=..., -a sitemaps=..., -a feeds=..."
# Download slot of file:// requests (its delay and concurrency: `DOWNLOAD_SLOTS` in crawler/settings.py).
FILE_DOWNLOAD_SLOT = "file://"
# What a URL found in downloaded content (sitemap, feed, robots.txt, listing page) may use: a site
# must never make the crawler read a local file (file://) or talk another protocol.
_WEB_SCHEMES = frozenset({"http", "https"})


class NewsSpider(scrapy.Spider):
    """Discovery from sitemaps, feeds and URLs for the site described by `site`."""

    site: ClassVar[SiteProfile] = GENERIC
    #: Without arguments, crawl the profile's own sitemaps and feeds.
    default_discovery: ClassVar[bool] = True
    #: The spider arguments (`-a NAME=...`) it takes; any other is a usage error, not a silent attribute.
    arguments: ClassVar[tuple[str, ...]] = ("urls", "sitemaps", "feeds")
    #: Where pages are extracted (set by `from_crawler`; see `crawler.workers.pool`).
    extraction: ExtractionPool

    def __init__(
        self,
        *args: Any,
        urls: str | None = None,
        sitemaps: str | None = None,
        feeds: str | None = None,
        **kwargs: Any,
    ) -> None:
        check_names(kwargs, self.arguments, self.name)
        super().__init__(*args, **kwargs)
        self.given_urls = url_list(urls, "urls")
        self.sitemap_urls = url_list(sitemaps, "sitemaps")
        self.feed_urls = url_list(feeds, "feeds")
        given = self.given_urls + self.sitemap_urls + self.feed_urls
        if not given:
            if not self.default_discovery:
                raise ArgumentError(_NEEDS_URLS.format(name=self.name))
            self.sitemap_urls = list(self.site.sitemaps)
            self.feed_urls = list(self.site.feeds)
            self.given_urls = list(self.site.listings)
        # Monthly sitemaps depend on the crawl's "now": rendered in start(), default runs only.
        self.read_dated_sitemaps = not given
        given_hosts = {host_of(url) for url in given} - {""}
        self.allowed_domains = sorted(set(self.site.hosts) | given_hosts)
        self._listing_extractor = LinkExtractor(unique=True)
        self._sitemap_turn: asyncio.Lock | None = None
        self._given_responses: set[str] = set()
        self._scheme_warned = False
        #: Names this run in the default feed file (`%(run_id)s` in DEFAULT_FEED_URI) and in the stats.
        self.run_id = new_run_id()

    @classmethod
    def check_arguments(cls, arguments: dict[str, str]) -> None:
        """Raise `ArgumentError` for an argument the spider does not take or cannot use (before a crawl)."""
        check_names(arguments, cls.arguments, cls.name)
        for name in ("urls", "sitemaps", "feeds"):
            url_list(arguments.get(name), name)
        if not cls.default_discovery and not any(arguments.get(name) for name in ("urls", "sitemaps", "feeds")):
            raise ArgumentError(_NEEDS_URLS.format(name=cls.name))

    @classmethod
    def from_crawler(cls, crawler: Any, *args: Any, **kwargs: Any) -> NewsSpider:
        spider = super().from_crawler(crawler, *args, **kwargs)
        # Extraction runs in worker processes (`EXTRACTION_*` settings), shut down with the crawl.
        spider.extraction = ExtractionPool.from_crawler(crawler)
        return spider

    @classmethod
    def update_settings(cls, settings: BaseSettings) -> None:
        """Add the default feed only when no feed was configured (-o/-O or FEEDS)."""
        super().update_settings(settings)
        if not settings.getdict("FEEDS") and settings.get("DEFAULT_FEED_URI"):
            uri = settings.get("DEFAULT_FEED_URI")
            settings.set("FEEDS", {uri: dict(settings.getdict("DEFAULT_FEED_OPTIONS"))}, priority="spider")

    # --- discovery --------------------------------------------------------------------------

    async def start(self) -> AsyncIterator[scrapy.Request]:
        dated = self.site.dated_sitemap_urls(self.reference_now()) if self.read_dated_sitemaps else []
        for url in dated + self.sitemap_urls:
            yield self._request(url, self.parse_sitemap)
        for url in self.feed_urls:
            yield self._request(url, self.parse_feed)
        for url in self.given_urls:
            # A saved page (file://) is an article request on any spider, whatever its file name.
            as_article = is_saved(url) or self.site.is_article_url(url)
            request = self.article_request(url, Hints(), given=True) if as_article else None
            yield request if request is not None else self._request(url, self.parse_listing)

    def _request(self, url: str, callback: Any, **meta: Any) -> scrapy.Request:
        if url.startswith("file:"):
            meta["allow_offsite"] = True  # file:// has no host to check; only given URLs get here
            # Local files: their own download slot, without politeness delay (DOWNLOAD_SLOTS in settings).
            meta["download_slot"] = FILE_DOWNLOAD_SLOT
            meta["autothrottle_dont_adjust_delay"] = True
        return scrapy.Request(url, callback=callback, meta=meta)

    def _is_web_url(self, url: str, found_in: str) -> bool:
        """True for http(s) URLs; anything else found in downloaded content is counted and skipped."""
        if urlsplit(url).scheme.lower() in _WEB_SCHEMES:
            return True
        self._stat("discovery/skipped/scheme")
        if not self._scheme_warned:
            self._scheme_warned = True
            logger.warning("Skipping %s, listed in %s: not http(s), and only URLs given on the command line may "
                           "be local files (further ones are counted as discovery/skipped/scheme)", url, found_in)
        return False

    def _stat(self, key: str, count: int = 1) -> None:
        assert self.crawler.stats is not None
        self.crawler.stats.inc_value(key, count)

    def _is_allowed_host(self, url: str) -> bool:
        host = host_of(url)
        if not host:
            return url.startswith("file:")
        return any(host == d or host.endswith(f".{d}") for d in self.allowed_domains)

    def article_request(self, url: str, hints: Hints, *, found_in: str = "", given: bool = False
                        ) -> scrapy.Request | None:
        """The request for one candidate article URL, or None when it is skipped (and counted).

        `given`: the URL came from the command line (it may be a local file; always emitted, see
        `is_given_url`); else it was found in the content at `found_in` and must be http(s).
        """
        if not given and not self._is_web_url(url, found_in):
            return None
        if not self._is_allowed_host(url):
            self._stat("discovery/skipped/offsite")
            return None
        if not self.site.is_article_url(url) and not (given and is_saved(url)):
            self._stat("discovery/skipped/non_article_url")
            return None
        clean = strip_tracking(url, self.site.ignored_query_params) if not url.startswith("file:") else url
        native_id = self.site.article_id(clean)
        meta: dict[str, Any] = {"hints": hints.to_meta()}
        if native_id:
            meta["article_key"] = f"{self.site.name}:{native_id}"
        if given:
            meta["given"] = True
            self._stat("given/requested")
        request = self._request(clean, self.parse_article, **meta)
        return request.replace(errback=self._given_failed) if given else request

    def _given_failed(self, failure: Any) -> None:
        """A URL given on the command line that could not be fetched: said in the summary."""
        self._stat("given/not_written/fetch_failed")
        logger.error("Could not fetch %s: %s", failure.request.url, failure.value)

    def is_given_url(self, url: str) -> bool:
        """True when the page at `url` was asked for on the command line: its article is always
        written, even when the incremental state has it unchanged (the state still records it)."""
        return url in self._given_responses

    async def parse_sitemap(self, response: Response) -> AsyncIterator[scrapy.Request]:
        """Nested sitemaps are followed when the profile says so; page entries become article requests.

        A news sitemap can list 140,000 URLs: every `YIELD_EVERY` entries, the reactor gets to run, so
        that the other downloads (other sitemaps among them) do not stall and time out meanwhile; and
        one sitemap at a time is parsed and turned into requests, so that the parsed entries of all the
        sitemaps downloaded together are never in memory at once (docs/operations.md, "Memory").
        """
        if response.url.endswith("/robots.txt"):
            for url in sitemap_urls_from_robots(response.body, base_url=response.url):
                if self.site.should_follow_sitemap(url) and self._is_web_url(url, response.url):
                    yield self._request(url, self.parse_sitemap)
            return
        if self._sitemap_turn is None:
            self._sitemap_turn = asyncio.Lock()
        async with self._sitemap_turn:
            async for request in self._sitemap_requests(response):
                yield request

    async def _sitemap_requests(self, response: Response) -> AsyncIterator[scrapy.Request]:
        sitemap = parse_sitemap(response.body, max_size=self.settings.getint("DOWNLOAD_MAXSIZE"))
        if sitemap.kind == "invalid":
            logger.warning("Ignoring unreadable sitemap %s", response.url)
            self._stat("discovery/invalid_sitemap")
            return
        for url in sitemap.sitemaps:
            if self.site.should_follow_sitemap(url) and self._is_web_url(url, response.url) \
                    and self._is_allowed_host(url):
                yield self._request(url, self.parse_sitemap)
        self._stat("discovery/sitemap_entries", len(sitemap.entries))
        for number, entry in enumerate(sitemap.entries, 1):
            if number % YIELD_EVERY == 0:
                await asyncio.sleep(0)
            hints = Hints(
                sitemap_publication_date=entry.news_publication_date,
                sitemap_lastmod=entry.lastmod,
                sitemap_keywords=entry.news_keywords,
                feed_title=entry.news_title,
            )
            request = self.article_request(entry.loc, hints, found_in=response.url)
            if request is not None:
                yield request

    def parse_feed(self, response: Response) -> Iterator[scrapy.Request]:
        """Every feed item linking an article becomes an article request carrying the item's fields."""
        entries = parse_feed(response.body)
        if entries is None:
            logger.warning("Ignoring unreadable feed %s", response.url)
            self._stat("discovery/invalid_feed")
            return
        self._stat("discovery/feed_entries", len(entries))
        for entry in entries:
            hints = Hints(
                feed_published=entry.published,
                feed_title=entry.title,
                feed_authors=entry.authors,
                feed_summary=entry.summary,
            )
            request = self.article_request(response.urljoin(entry.link), hints, found_in=response.url)
            if request is not None:
                yield request

    def parse_listing(self, response: Response) -> Iterator[scrapy.Request]:
        """A section or index page given as a URL: its article-shaped links (one level deep)."""
        if not isinstance(response, TextResponse):
            return
        for link in self._listing_extractor.extract_links(response):
            if self.site.is_article_url(link.url) and self._is_web_url(link.url, response.url) \
                    and self._is_allowed_host(link.url):
                request = self.article_request(link.url, Hints(), found_in=response.url)
                if request is not None:
                    yield request

    # --- extraction -------------------------------------------------------------------------

    def reference_now(self) -> datetime:
        """The crawl's notion of "now" (`CRAWL_NOW` freezes it)."""
        frozen = self.settings.get("CRAWL_NOW")
        return datetime.fromisoformat(frozen) if frozen else datetime.now(UTC)

    def parse(self, response: Response, **kwargs: Any) -> AsyncIterator[Any]:
        """A page handed over directly (`scrapy parse --spider=NAME URL`) is read as an article."""
        return self.parse_article(response)

    async def parse_article(self, response: Response) -> AsyncIterator[Any]:
        """Extract one article in a worker process; pages that are not articles are counted, never emitted."""
        content_type = (response.headers.get(b"Content-Type") or b"text/html").lower()
        if not isinstance(response, TextResponse) or not any(t in content_type for t in _HTML_TYPES):
            self._stat("extract/not_article/not_html")
            logger.info("Skipping non-HTML response %s (%s)", response.url, content_type.decode("latin-1"))
            return
        now = self.reference_now()
        try:
            # The body's bytes and its declared charset: decoded in the worker, not on the reactor thread.
            header = response.headers.get(b"Content-Type")
            result = await self.extraction.extract(
                response.body,
                response.url,
                header_encoding=(http_content_type_encoding(header.decode("latin-1")) if header else None) or "",
                site=self.site.name,
                hints=response.meta.get("hints"),
                fetched_at=now.astimezone(UTC).isoformat(timespec="seconds"),
                now=now,
                served_at=(response.headers.get(b"Date") or b"").decode("latin-1") or None,
            )
        except NotAnArticle as exc:
            self._stat(f"extract/not_article/{exc.reason}")
            if response.meta.get("given"):
                self._stat(f"given/not_written/{exc.reason}")
            logger.info("Not an article: %s (%s)", response.url, exc)
            return
        except ExtractionFailed as exc:
            self._stat(f"extract/{exc.stat}")
            logger.error("Could not extract %s: %s", response.url, exc)
            return
        for key, count in result.stats.items():
            self._stat(key, count)
        self._stat("extract/articles")
        if response.meta.get("given"):
            self._given_responses.add(response.url)
        yield result.article()
