"""Retries that wait: `Retry-After` (seconds or HTTP date) honoured and capped, exponential backoff with
jitter otherwise, and the wait never blocks other downloads.

Unit tests drive `BackoffRetryMiddleware` directly, with a recording `sleep` (exact delays) or on a
real asyncio loop (the wait yields). The waits in a real crawl: tests/crawl/hostile/test_retry_crawl.py.
"""

from __future__ import annotations

import asyncio
import inspect
import random
import time
from email.utils import formatdate

import pytest
from scrapy import Request, Spider
from scrapy.http import HtmlResponse, Response
from twisted.internet.error import TimeoutError as TwistedTimeoutError

import crawler.middlewares as mw
from crawler.middlewares import BackoffRetryMiddleware, backoff_delay, parse_retry_after
from tests.support.settings import project_crawler

NOW = 1_800_000_000.0  # a fixed Unix time for the HTTP-date cases

# --- parse_retry_after ------------------------------------------------------------------------------

RETRY_AFTER_CASES = [
    ("seconds", "7", 7.0),
    ("seconds-bytes", b"120", 120.0),
    ("seconds-padded", " 3 ", 3.0),
    ("zero", "0", 0.0),
    ("http-date", formatdate(NOW + 90, usegmt=True), 90.0),
    ("http-date-past", formatdate(NOW - 30, usegmt=True), -30.0),
    ("absent", None, None),
    ("empty", "", None),
    ("negative", "-5", None),
    ("fraction", "1.5", None),
    ("garbage", "soon", None),
    ("date-without-zone", "Fri, 15 Jan 2027 08:00:30", None),
]


@pytest.mark.parametrize(("value", "expected"), [c[1:] for c in RETRY_AFTER_CASES],
                         ids=[c[0] for c in RETRY_AFTER_CASES])
def test_parse_retry_after(value: bytes | str | None, expected: float | None) -> None:
    assert parse_retry_after(value, NOW) == expected


# --- backoff_delay ----------------------------------------------------------------------------------

@pytest.mark.parametrize(("attempt", "low", "high"), [(1, 0.5, 1.0), (2, 1.0, 2.0), (3, 2.0, 4.0), (6, 5.0, 10.0),
                                                     (30, 5.0, 10.0)])
def test_backoff_is_exponential_jittered_and_capped(attempt: int, low: float, high: float) -> None:
    rng = random.Random(6)
    delays = [backoff_delay(attempt, 1.0, 10.0, rng) for _ in range(200)]
    assert all(low <= d <= high for d in delays)
    assert len(set(delays)) > 100  # jitter: requests that failed together do not come back together


# --- the middleware, driven directly ------------------------------------------------------------------

@pytest.fixture
def waits(monkeypatch: pytest.MonkeyPatch) -> list[float]:
    recorded: list[float] = []

    async def fake_sleep(seconds: float) -> None:
        recorded.append(seconds)

    monkeypatch.setattr(mw, "sleep", fake_sleep)
    return recorded


def _middleware(**settings: object) -> BackoffRetryMiddleware:
    crawler = project_crawler(Spider, **{"RETRY_TIMES": 2, "RETRY_BACKOFF_BASE": 1.0, "RETRY_BACKOFF_MAX": 30.0, **settings})
    crawler.spider = crawler._create_spider("hostile")
    middleware = BackoffRetryMiddleware.from_crawler(crawler)
    middleware.rng = random.Random(1)
    return middleware


def _respond(middleware: BackoffRetryMiddleware, status: int, headers: dict[str, str] | None = None,
             request: Request | None = None) -> Request | Response:
    request = request or Request("http://127.0.0.1/economy/article/1/x")
    response = HtmlResponse(request.url, status=status, headers=headers or {}, body=b"<html></html>", request=request)
    return asyncio.run(middleware.process_response(request, response))


def _stats(middleware: BackoffRetryMiddleware) -> dict[str, object]:
    assert middleware.crawler.stats is not None
    return middleware.crawler.stats.get_stats()


def test_methods_are_coroutines_scrapy_awaits() -> None:
    assert inspect.iscoroutinefunction(BackoffRetryMiddleware.process_response)
    assert inspect.iscoroutinefunction(BackoffRetryMiddleware.process_exception)


def test_retry_after_seconds_is_waited_then_retried(waits: list[float]) -> None:
    middleware = _middleware()
    retry = _respond(middleware, 503, {"Retry-After": "7"})
    assert isinstance(retry, Request) and retry.meta["retry_times"] == 1 and retry.dont_filter
    assert waits == [7.0]
    assert _stats(middleware)["fetch/retry_after_honoured"] == 1


def test_retry_after_http_date_is_waited(waits: list[float], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(mw.time, "time", lambda: NOW)
    retry = _respond(_middleware(), 429, {"Retry-After": formatdate(NOW + 12, usegmt=True)})
    assert isinstance(retry, Request)
    assert waits == [12.0]


def test_retry_after_beyond_the_cap_is_not_retried_in_this_run(waits: list[float]) -> None:
    middleware = _middleware(RETRY_BACKOFF_MAX=30.0)
    response = _respond(middleware, 503, {"Retry-After": "3600"})
    assert isinstance(response, HtmlResponse) and response.status == 503
    assert waits == []
    assert _stats(middleware)["fetch/retry_after_too_long"] == 1


def test_without_retry_after_the_wait_grows_exponentially(waits: list[float]) -> None:
    middleware = _middleware(RETRY_TIMES=3)
    request: Request | Response = Request("http://127.0.0.1/economy/article/2/y")
    for _ in range(3):
        assert isinstance(request, Request)
        request = _respond(middleware, 500, request=request)
    assert 0.5 <= waits[0] <= 1 and 1 <= waits[1] <= 2 and 2 <= waits[2] <= 4
    assert _stats(middleware)["fetch/backoff"] == 3


def test_unreadable_retry_after_falls_back_to_backoff(waits: list[float]) -> None:
    middleware = _middleware()
    assert isinstance(_respond(middleware, 503, {"Retry-After": "in a while"}), Request)
    assert 0.5 <= waits[0] <= 1.0
    assert _stats(middleware)["fetch/retry_after_invalid"] == 1


def test_no_wait_when_retries_are_exhausted(waits: list[float]) -> None:
    request = Request("http://127.0.0.1/economy/article/3/z", meta={"retry_times": 2})
    response = _respond(_middleware(), 503, {"Retry-After": "1"}, request=request)
    assert isinstance(response, HtmlResponse)
    assert waits == []


@pytest.mark.parametrize("status", [200, 404])
def test_other_statuses_pass_through(waits: list[float], status: int) -> None:
    response = _respond(_middleware(), status, {"Retry-After": "5"})
    assert isinstance(response, HtmlResponse) and response.status == status
    assert waits == []


def test_dont_retry_is_respected(waits: list[float]) -> None:
    request = Request("http://127.0.0.1/economy/article/4/w", meta={"dont_retry": True})
    assert isinstance(_respond(_middleware(), 503, {"Retry-After": "5"}, request=request), HtmlResponse)
    assert waits == []


def test_download_exceptions_are_retried_after_a_backoff(waits: list[float]) -> None:
    middleware = _middleware()
    request = Request("http://127.0.0.1/economy/article/5/v")
    retry = asyncio.run(middleware.process_exception(request, TwistedTimeoutError()))
    assert isinstance(retry, Request) and retry.meta["retry_times"] == 1
    assert len(waits) == 1 and 0.5 <= waits[0] <= 1.0
    assert asyncio.run(middleware.process_exception(request, ValueError("not a network error"))) is None


def test_the_wait_yields_to_the_event_loop() -> None:
    # Scrapy's downloads run on this same asyncio loop (the asyncio reactor): a wait that lets this
    # ticker run lets them run. A blocking time.sleep() here fails the test.
    middleware = _middleware(RETRY_BACKOFF_BASE=0.4)  # first retry waits 0.2-0.4 s
    ticks: list[float] = []

    async def ticker() -> None:
        while True:
            await asyncio.sleep(0.01)
            ticks.append(time.monotonic())

    async def main() -> tuple[float, float, Request | Response]:
        task = asyncio.create_task(ticker())
        request = Request("http://127.0.0.1/economy/article/6/u")
        response = HtmlResponse(request.url, status=500, body=b"", request=request)
        started = time.monotonic()
        result = await middleware.process_response(request, response)
        ended = time.monotonic()
        task.cancel()
        return started, ended, result

    started, ended, result = asyncio.run(main())
    assert isinstance(result, Request)
    assert ended - started >= 0.2
    assert len([t for t in ticks if started < t < ended]) >= 5
