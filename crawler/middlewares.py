"""Downloader and spider middlewares of our own (kept few: Scrapy's built-ins do the rest).

- `ContactUserAgentMiddleware`: an honest User-Agent with a contact URL.
- `BackoffRetryMiddleware`: Scrapy's `RetryMiddleware` retries a 429/503 at once, which is exactly
  what a rate-limited or overloaded site asked us not to do. This one waits first: `Retry-After`
  (seconds or HTTP date) when the server sends it, else exponential backoff with jitter, both capped
  by `RETRY_BACKOFF_MAX`. The wait is an `await`, so other downloads go on meanwhile.
- `NestedSitemapCapMiddleware`: a sitemap index may list generated indexes without end (a crawl
  trap); `DEPTH_LIMIT` bounds how deep that goes, this bounds how many nested sitemaps a crawl
  follows in all (`SITEMAP_MAX_NESTED`).
"""

from __future__ import annotations

import logging
import random
import time
from email.utils import parsedate_to_datetime
from typing import TYPE_CHECKING

from scrapy import signals
from scrapy.downloadermiddlewares.retry import RetryMiddleware
from scrapy.downloadermiddlewares.useragent import UserAgentMiddleware
from scrapy.exceptions import NotConfigured
from scrapy.spidermiddlewares.base import BaseSpiderMiddleware
from scrapy.utils.response import response_status_message

from crawler.extensions.shutdown import FastShutdown

try:  # Scrapy >= 2.18: asyncio.sleep or Twisted's deferLater, whichever reactor runs
    from scrapy.utils.asyncio import sleep
except ImportError:  # older Scrapy: our settings pin the asyncio reactor, where asyncio.sleep works
    from asyncio import sleep  # type: ignore[assignment]

if TYPE_CHECKING:
    from scrapy import Request
    from scrapy.crawler import Crawler
    from scrapy.http import Response
    from scrapy.settings import BaseSettings

logger = logging.getLogger(__name__)

# Callback names of sitemap requests: ours (NewsSpider) and Scrapy's SitemapSpider.
SITEMAP_CALLBACKS = frozenset({"parse_sitemap", "_parse_sitemap"})


class ContactUserAgentMiddleware(UserAgentMiddleware):
    """An honest User-Agent that carries the contact URL set in `CRAWLER_CONTACT_URL`.

    `-s CRAWLER_CONTACT_URL=https://example.org/bot` is enough to change it; a non-empty
    `USER_AGENT` replaces the whole string.
    """

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> ContactUserAgentMiddleware:
        settings = crawler.settings
        middleware = cls(
            settings.get("USER_AGENT")
            or f"{settings.get('CRAWLER_USER_AGENT')} (+{settings.get('CRAWLER_CONTACT_URL')})"
        )
        crawler.signals.connect(middleware.spider_opened, signal=signals.spider_opened)
        return middleware


# --- Retries with backoff ----------------------------------------------------------------------


def parse_retry_after(value: bytes | str | None, now: float) -> float | None:
    """Seconds to wait from a `Retry-After` header value (delta-seconds or HTTP date), or None.

    None when the header is absent or unreadable; a date in the past gives a negative number.
    `now` is a Unix timestamp (time.time()), injected so that tests are exact.
    """
    if value is None:
        return None
    text = value.decode("latin-1") if isinstance(value, bytes) else value
    text = text.strip()
    if not text:
        return None
    if text.isascii() and text.isdigit():
        return float(text)
    try:
        when = parsedate_to_datetime(text)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:  # RFC 9110 dates are GMT; obsolete forms may come without a zone
        return None
    return when.timestamp() - now


def backoff_delay(attempt: int, base: float, cap: float, rng: random.Random) -> float:
    """Exponential backoff with "equal jitter": half of min(cap, base * 2**(attempt-1)) plus a random half.

    Never below half the exponential step (so a retry always waits), never above `cap`; the jitter keeps
    many requests that failed together from coming back together.
    """
    step = min(cap, base * 2 ** max(0, attempt - 1))
    return step / 2 + rng.uniform(0, step / 2)


class BackoffRetryMiddleware(RetryMiddleware):
    """`RetryMiddleware` that waits before each retry instead of retrying at once.

    Settings: the `RETRY_*` ones of Scrapy, plus `RETRY_BACKOFF_BASE` (seconds before the first retry
    without a usable `Retry-After` (absent, unreadable, zero or past), doubled per retry, with jitter)
    and `RETRY_BACKOFF_MAX` (longest wait; a server asking for longer is not retried in this run).
    Replace Scrapy's middleware with this one at the same order (550). Stats: `fetch/retry_after_honoured`,
    `fetch/backoff`, `fetch/retry_after_invalid`, `fetch/retry_after_too_long`, `fetch/retry_wait_ms`
    (total waited).

    The wait holds one of the `CONCURRENT_REQUESTS` slots (not the site's download slot): other
    requests, to this site and others, keep going.
    """

    def __init__(self, settings: BaseSettings, *, rng: random.Random | None = None) -> None:
        super().__init__(settings)
        self.backoff_base = settings.getfloat("RETRY_BACKOFF_BASE")
        self.backoff_max = settings.getfloat("RETRY_BACKOFF_MAX")
        if self.backoff_base < 0 or self.backoff_max < 0:
            raise NotConfigured("RETRY_BACKOFF_BASE and RETRY_BACKOFF_MAX must not be negative")
        self.rng = rng or random.Random()

    def _stat(self, key: str, value: int = 1) -> None:
        if self.crawler.stats is not None:
            self.crawler.stats.inc_value(key, value)

    # Scrapy awaits coroutine middleware methods; the base class's methods are plain functions.
    async def process_response(  # type: ignore[override]
        self, request: Request, response: Response
    ) -> Request | Response:
        if request.meta.get("dont_retry", False) or response.status not in self.retry_http_codes:
            return response
        header = response.headers.get(b"Retry-After")
        retry_after = parse_retry_after(header, time.time())
        if header is not None and retry_after is None:
            self._stat("fetch/retry_after_invalid")
            logger.info("Unreadable Retry-After %r from %s; using backoff", header, response.url)
        if retry_after is not None and retry_after > self.backoff_max:
            self._stat("fetch/retry_after_too_long")
            logger.warning(
                "Not retrying %s in this run: the server asks to wait %.0f s, RETRY_BACKOFF_MAX is %.0f s",
                response.url, retry_after, self.backoff_max,
            )
            return response
        retry = self._retry(request, response_status_message(response.status))
        if retry is None:
            return response
        if retry_after is not None and retry_after > 0:
            self._stat("fetch/retry_after_honoured")
            delay = retry_after
        else:
            delay = self._backoff(retry)
        await self._wait(delay, retry)
        return retry

    async def process_exception(  # type: ignore[override]
        self, request: Request, exception: Exception
    ) -> Request | Response | None:
        if not isinstance(exception, self.exceptions_to_retry) or request.meta.get("dont_retry", False):
            return None
        retry = self._retry(request, exception)
        if retry is None:
            return None
        await self._wait(self._backoff(retry), retry)
        return retry

    def _backoff(self, retry: Request) -> float:
        self._stat("fetch/backoff")
        return backoff_delay(retry.meta.get("retry_times", 1), self.backoff_base, self.backoff_max, self.rng)

    async def _wait(self, delay: float, retry: Request) -> None:
        logger.debug("Retrying %s in %.2f s", retry.url, delay)
        self._stat("fetch/retry_wait_ms", round(delay * 1000))
        shutdown = self.crawler.get_extension(FastShutdown) if self.crawler.extensions is not None else None
        if shutdown is None:
            await sleep(delay)
        elif await shutdown.sleep(delay):  # the crawl stops: the retry goes back to the scheduler (JOBDIR)
            logger.debug("Not waiting to retry %s: the crawl is stopping", retry.url)


# --- Crawl-trap bound for sitemap indexes -------------------------------------------------------


class NestedSitemapCapMiddleware(BaseSpiderMiddleware):
    """Drops nested sitemap requests (from sitemap indexes and robots.txt) past `SITEMAP_MAX_NESTED`.

    Sitemaps given to the spider (start requests) are not counted. A dropped request is counted as
    `discovery/skipped/sitemap_cap`; the first one is logged. `SITEMAP_MAX_NESTED = 0` disables the cap.
    Place it after `DepthMiddleware` (order < 900) so that requests already too deep are not counted.
    """

    def __init__(self, crawler: Crawler) -> None:
        super().__init__(crawler)
        self.max_nested = crawler.settings.getint("SITEMAP_MAX_NESTED")
        if self.max_nested <= 0:
            raise NotConfigured("SITEMAP_MAX_NESTED is 0")
        self.followed = 0
        self._logged = False

    def get_processed_request(self, request: Request, response: Response | None) -> Request | None:
        if response is None or getattr(request.callback, "__name__", None) not in SITEMAP_CALLBACKS:
            return request
        if self.followed < self.max_nested:
            self.followed += 1
            return request
        if self.crawler.stats is not None:
            self.crawler.stats.inc_value("discovery/skipped/sitemap_cap")
        if not self._logged:
            self._logged = True
            logger.warning("Followed SITEMAP_MAX_NESTED=%s nested sitemaps; skipping the rest (first: %s)",
                           self.max_nested, request.url)
        return None

