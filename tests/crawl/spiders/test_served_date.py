"""`scrapy crawl article` counts "3 hours ago" from the response's Date header, carried to the worker.

A server on 127.0.0.1 started by the test serves one saved fixture page with a fixed Date header
(a day in 2025), so the expected time depends on that header only, never on the crawl's clock.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from tests.fixtures.pages_support import PAGES
from tests.support.crawl import run_crawl

SERVED = "Tue, 18 Feb 2025 12:00:00 GMT"
PAGE = (PAGES / "relative-updated" / "page.html").read_bytes()


class _Handler(BaseHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - stdlib signature
        pass

    def date_time_string(self, timestamp: float | None = None) -> str:
        return SERVED

    def do_GET(self) -> None:  # noqa: N802 - stdlib name
        found = self.path == "/freight-rates-slide"
        self.send_response(200 if found else 404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        body = PAGE if found else b"not found"
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


@pytest.fixture
def base_url() -> Iterator[str]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


def test_relative_date_counts_from_the_date_header(base_url: str, tmp_path: Path) -> None:
    result = run_crawl("article", tmp_path, "-a", f"urls={base_url}/freight-rates-slide",
                       "-s", "CRAWL_NOW=2026-06-01T00:00:00+00:00")
    assert result.returncode == 0, result.log[-2000:]
    [item] = result.items
    assert (item["published_at"], item["published_at_raw"]) == ("2025-02-18T09:00:00+00:00", "3 hours ago")
    assert item["modified_at"] == "2025-02-18T11:15:00+00:00"
