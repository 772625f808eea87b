"""A misbehaving news site on 127.0.0.1: the fault-injection server of the hostile-site tests.

Sites the crawler runs against on a schedule answer 503 with `Retry-After`, stall, send gzip bombs,
redirect in circles or to other hosts, generate endless calendars and sitemap indexes, serve PDFs at
article URLs, lie about their charset and return "Just a moment..." pages with status 200. This
server has one endpoint per fault beside a few good SCMP-shaped articles (`fault_pages.py`), so one
real `scrapy crawl` shows the crawler keeps every good article and survives the rest. Every request
is recorded (path, status, arrival time) so tests can assert what was fetched, how often, when, and
what never was. Threaded, on an ephemeral port, stopped cleanly even with a client stuck on the
slow endpoint.
"""

from __future__ import annotations

import json
import threading
import time
from collections import Counter
from dataclasses import dataclass
from email.utils import formatdate
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from types import TracebackType
from typing import Any

from tests.support import fault_pages as pages

# --- The server ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class Hit:
    """One request as the server saw it."""

    path: str
    status: int
    at: float  # time.monotonic() on arrival


class _FaultHTTPServer(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self, address: tuple[str, int], owner: FaultServer) -> None:
        super().__init__(address, _Handler)
        self.owner = owner

    def handle_error(self, request: Any, client_address: Any) -> None:
        # A client that timed out closes its socket while the slow endpoint sleeps: expected here.
        pass


class _Handler(BaseHTTPRequestHandler):
    server: _FaultHTTPServer
    protocol_version = "HTTP/1.0"

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - stdlib signature
        pass

    def do_GET(self) -> None:  # noqa: N802 - stdlib name
        owner = self.server.owner
        arrived = time.monotonic()
        path = self.path
        nth = owner._arrive(path)
        try:
            status, headers, body = owner.respond(path, nth)
        except _Stall:
            owner._record(path, 200, arrived)
            owner.stopping.wait(pages.SLOW_SECONDS)
            status, headers, body = 200, {"Content-Type": "text/html; charset=utf-8"}, b"<html>late</html>"
        else:
            owner._record(path, status, arrived)
        try:
            self.send_response(status)
            for name, value in headers.items():
                self.send_header(name, value)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)
        except (BrokenPipeError, ConnectionResetError):
            pass  # the crawler gave up on this response (timeout): that is the point of the fault


class _Stall(Exception):  # noqa: N818 - control flow inside the handler
    """Raised by `respond` for the slow endpoints."""


_HTML = {"Content-Type": "text/html; charset=utf-8"}
_XML = {"Content-Type": "application/xml"}
# Good pages, served as they are (after their fault, for the retry/slow ones).
_SERVED_ARTICLES = {a.path: a for a in (*pages.GOOD_ARTICLES, pages.RETRY_AFTER_SECONDS, pages.RETRY_AFTER_DATE,
                                        pages.SLOW_ONCE, pages.REDIRECTED_SLUG, pages.CALENDAR_ARTICLE,
                                        pages.ROBOTS_FORBIDDEN_ARTICLE)}
# path -> (status, Location): a path, or a full URL for another host.
_REDIRECTS: dict[str, tuple[int, str]] = {
    pages.OFFSITE_REDIRECT_PATH: (302, pages.OFFSITE_TARGET),
    pages.MOVED_OFFSITE_LISTING: (302, f"http://{pages.OFFSITE_HOST}/economy"),
    pages.OLD_SLUG_PATH: (301, pages.REDIRECTED_SLUG.path),
    pages.LOOP_A_PATH: (302, pages.LOOP_B_PATH),
    pages.LOOP_B_PATH: (302, pages.LOOP_A_PATH),
    pages.REDIRECT_CYCLE_A: (302, pages.REDIRECT_CYCLE_B),
    pages.REDIRECT_CYCLE_B: (302, pages.REDIRECT_CYCLE_A),
}
# path -> the same (status, headers, body) every time.
_FIXED: dict[str, tuple[int, dict[str, str], bytes]] = {
    pages.RETRY_AFTER_TOO_LONG_PATH: (503, {**_HTML, "Retry-After": "3600"}, b"<html>maintenance</html>"),
    pages.ALWAYS_500_PATH: (500, _HTML, b"<html>internal error</html>"),
    pages.PDF_PATH: (200, {"Content-Type": "application/pdf"}, pages.PDF_BODY),
    pages.PNG_PATH: (200, {"Content-Type": "image/png"}, pages.PNG_BODY),
    pages.JSON_PATH: (200, {"Content-Type": "application/json"},
                      json.dumps({"headline": "Not a page", "values": [1, 2, 3]}).encode()),
    pages.BLOCK_PAGE_PATH: (200, _HTML, pages.BLOCK_PAGE_HTML.encode()),
}


class FaultServer:
    """The hostile news site on 127.0.0.1 at an ephemeral port (a context manager)."""

    def __init__(self, host: str = "127.0.0.1") -> None:
        self.httpd = _FaultHTTPServer((host, 0), self)
        self.port = self.httpd.server_address[1]
        self.base = f"http://{host}:{self.port}"
        self.stopping = threading.Event()
        self._lock = threading.Lock()
        self._arrivals: Counter[str] = Counter()
        self.hits: list[Hit] = []
        self._thread: threading.Thread | None = None

    # --- bookkeeping ---------------------------------------------------------------------------

    def _arrive(self, path: str) -> int:
        with self._lock:
            self._arrivals[path] += 1
            return self._arrivals[path]

    def _record(self, path: str, status: int, at: float) -> None:
        with self._lock:
            self.hits.append(Hit(path, status, at))

    def count(self, path: str) -> int:
        """How many requests arrived for exactly this path (query included)."""
        with self._lock:
            return self._arrivals[path]

    def count_prefix(self, prefix: str) -> int:
        with self._lock:
            return sum(n for p, n in self._arrivals.items() if p.startswith(prefix))

    def paths(self) -> set[str]:
        with self._lock:
            return set(self._arrivals)

    def times(self, path: str) -> list[float]:
        with self._lock:
            return [h.at for h in self.hits if h.path == path]

    def reset(self) -> None:
        with self._lock:
            self._arrivals.clear()
            self.hits.clear()

    # --- URLs ----------------------------------------------------------------------------------

    def url(self, path: str) -> str:
        return self.base + path

    @property
    def sitemap_index(self) -> str:
        return self.url("/sitemap_index.xml")

    # --- responses -----------------------------------------------------------------------------

    def respond(self, path: str, nth: int) -> tuple[int, dict[str, str], bytes]:
        """(status, headers, body) for the `nth` request of `path`."""
        base = self.base
        if path == "/robots.txt":
            return 200, {"Content-Type": "text/plain"}, pages.ROBOTS_TXT.encode()
        if path == "/sitemap_index.xml":
            nested = ["/sitemap_news.xml", pages.TRAP_PREFIX + "0.xml", pages.SITEMAP_BOMB_PATH]
            return 200, _XML, pages.sitemap_index_xml([base + loc for loc in nested])
        if path == "/sitemap_news.xml":
            return 200, _XML, pages.urlset_xml([base + loc for loc in pages.SITEMAP_PATHS])
        if path.startswith(pages.TRAP_PREFIX) and path.endswith(".xml"):
            # A generated index listing itself and TRAP_FANOUT never-seen-before indexes.
            n = int(path[len(pages.TRAP_PREFIX):-4])
            fanout = pages.TRAP_FANOUT
            children = [f"{base}{pages.TRAP_PREFIX}{n * fanout + k}.xml" for k in range(1, fanout + 1)]
            return 200, _XML, pages.sitemap_index_xml([base + path, *children])
        if path == pages.SITEMAP_BOMB_PATH:
            return 200, {"Content-Type": "application/x-gzip"}, pages.sitemap_bomb()
        if path == pages.RETRY_AFTER_SECONDS.path and nth == 1:
            return 503, {**_HTML, "Retry-After": str(pages.RETRY_AFTER_SECONDS_VALUE)}, b"<html>busy</html>"
        if path == pages.RETRY_AFTER_DATE.path and nth == 1:
            when = formatdate(time.time() + pages.RETRY_AFTER_DATE_AHEAD, usegmt=True)
            return 429, {**_HTML, "Retry-After": when}, b"<html>slow down</html>"
        if path == pages.SLOW_FOREVER_PATH or (path == pages.SLOW_ONCE.path and nth == 1):
            raise _Stall
        if path in _SERVED_ARTICLES:
            return 200, _HTML, pages.article_html(_SERVED_ARTICLES[path], base).encode()
        if path in _REDIRECTS:
            status, target = _REDIRECTS[path]
            return status, {"Location": target if "://" in target else base + target}, b""
        if path in _FIXED:
            return _FIXED[path]
        if path == pages.GZIP_BOMB_PATH:
            return 200, {**_HTML, "Content-Encoding": "gzip"}, pages.gzip_bomb()
        if path == pages.BLOCK_IN_TEMPLATE_PATH:
            return 200, _HTML, pages.block_in_template_html(base).encode()
        if path in pages.CHINESE_ENCODINGS:
            return 200, {"Content-Type": pages.CHINESE_ENCODINGS[path][1]}, pages.chinese_page_bytes(path, base)
        if path == pages.TRUNCATED_PATH:
            return 200, _HTML, pages.truncated_html(base)
        if path.startswith(pages.CALENDAR_PREFIX):
            return 200, _HTML, pages.calendar_page(base, path).encode()
        if path.startswith(pages.REDIRECT_CHAIN_PREFIX):
            n = int(path[len(pages.REDIRECT_CHAIN_PREFIX):])
            return 302, {"Location": f"{base}{pages.REDIRECT_CHAIN_PREFIX}{n + 1}"}, b""
        return 404, _HTML, b"<html>not found</html>"

    # --- lifecycle -----------------------------------------------------------------------------

    def start(self) -> FaultServer:
        pages.gzip_bomb()  # build the bomb before the clock matters
        self._thread = threading.Thread(target=self.httpd.serve_forever, kwargs={"poll_interval": 0.05},
                                        daemon=True)
        self._thread.start()
        return self

    def stop(self) -> None:
        self.stopping.set()  # wakes the slow endpoint's sleepers
        self.httpd.shutdown()
        self.httpd.server_close()
        if self._thread is not None:
            self._thread.join(timeout=5)

    def __enter__(self) -> FaultServer:
        return self.start()

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        self.stop()
