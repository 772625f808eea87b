"""The fault-injection server itself: each fault is served as described, every request is recorded,
and the server stops promptly even with a client stuck on the slow endpoint.
"""

from __future__ import annotations

import gzip
import io
import socket
import time
import urllib.error
import urllib.request
from collections.abc import Iterator

import pytest

from tests.support import fault_pages as fs
from tests.support.faultserver import FaultServer


@pytest.fixture
def server() -> Iterator[FaultServer]:
    with FaultServer() as running:
        yield running


def _get(server: FaultServer, path: str, timeout: float = 5) -> tuple[int, dict[str, str], bytes]:
    request = urllib.request.Request(server.url(path))
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:  # noqa: S310 - loopback only
            return response.status, dict(response.headers), response.read()
    except urllib.error.HTTPError as error:
        with error:
            return error.code, dict(error.headers), error.read()


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args: object, **kwargs: object) -> None:
        return None


def test_first_hit_503_with_retry_after_then_the_article(server: FaultServer) -> None:
    status, headers, _ = _get(server, fs.RETRY_AFTER_SECONDS.path)
    assert (status, headers["Retry-After"]) == (503, str(fs.RETRY_AFTER_SECONDS_VALUE))
    status, _, body = _get(server, fs.RETRY_AFTER_SECONDS.path)
    assert status == 200 and fs.RETRY_AFTER_SECONDS.title.encode() in body
    assert server.count(fs.RETRY_AFTER_SECONDS.path) == 2
    assert [hit.status for hit in server.hits] == [503, 200]


def test_429_carries_an_http_date(server: FaultServer) -> None:
    status, headers, _ = _get(server, fs.RETRY_AFTER_DATE.path)
    assert status == 429 and headers["Retry-After"].endswith("GMT")


def test_gzip_bomb_is_small_and_inflates_past_the_cap(server: FaultServer) -> None:
    _, headers, body = _get(server, fs.GZIP_BOMB_PATH)
    assert headers["Content-Encoding"] == "gzip" and len(body) < 300_000
    with gzip.GzipFile(fileobj=io.BytesIO(body)) as inflating:
        assert len(inflating.read(11 * 1024 * 1024)) > 10 * 1024 * 1024


def test_redirects_point_where_they_should(server: FaultServer) -> None:
    opener = urllib.request.build_opener(_NoRedirect)
    for path, target in [(fs.OFFSITE_REDIRECT_PATH, fs.OFFSITE_TARGET),
                         (fs.REDIRECT_CHAIN_PREFIX + "4", server.url(fs.REDIRECT_CHAIN_PREFIX + "5")),
                         (fs.LOOP_A_PATH, server.url(fs.LOOP_B_PATH))]:
        with pytest.raises(urllib.error.HTTPError) as caught:
            opener.open(server.url(path), timeout=5)
        with caught.value as error:
            assert error.headers["Location"] == target


def test_chinese_pages_are_not_utf8(server: FaultServer) -> None:
    _, headers, body = _get(server, fs.BIG5_WRONG_HEADER_PATH)
    assert headers["Content-Type"] == "text/html; charset=utf-8"
    with pytest.raises(UnicodeDecodeError):
        body.decode("utf-8")
    assert fs.BIG5_TITLE in body.decode("big5hkscs")


def test_robots_txt_disallows_the_forbidden_article(server: FaultServer) -> None:
    _, _, body = _get(server, "/robots.txt")
    assert f"Disallow: {fs.ROBOTS_FORBIDDEN_PATH.rsplit('/', 1)[0]}/" in body.decode()


def test_trap_index_lists_itself_and_new_indexes(server: FaultServer) -> None:
    _, _, body = _get(server, fs.TRAP_PREFIX + "2.xml")
    for n in (2, 7, 8, 9):
        assert f"{fs.TRAP_PREFIX}{n}.xml".encode() in body


def test_unknown_path_is_404_and_recorded(server: FaultServer) -> None:
    assert _get(server, "/nope")[0] == 404
    assert server.paths() == {"/nope"}


def test_stops_promptly_with_a_client_stuck_on_the_slow_endpoint() -> None:
    server = FaultServer().start()
    with pytest.raises((TimeoutError, socket.timeout, urllib.error.URLError)):
        _get(server, fs.SLOW_FOREVER_PATH, timeout=0.3)
    started = time.monotonic()
    server.stop()
    assert time.monotonic() - started < 2
    assert server.count(fs.SLOW_FOREVER_PATH) == 1
