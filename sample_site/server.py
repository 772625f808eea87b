"""A static HTTP server on 127.0.0.1 in a background thread (for the demo, tests and benchmarks)."""

from __future__ import annotations

import functools
import sys
import threading
import time
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from types import TracebackType


class _QuietHandler(SimpleHTTPRequestHandler):
    delay: float = 0.0  # seconds to wait before answering a page (not XML), to test slow sites

    extensions_map = {
        **SimpleHTTPRequestHandler.extensions_map,
        ".xml": "application/xml",
        ".html": "text/html",
        "": "text/html",
    }

    def translate_path(self, path: str) -> str:
        # Pretty URLs without the trailing-slash redirect: /a/b serves /a/b/index.html.
        translated = super().translate_path(path)
        for name in ("index.html", "index.xml"):
            index = Path(translated) / name
            if index.is_file():
                return str(index)
        return translated

    def send_head(self):  # type: ignore[no-untyped-def]
        if self.delay and not self.path.endswith((".xml", ".txt", "/feed")):
            time.sleep(self.delay)
        return super().send_head()

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - stdlib signature
        pass


class _Server(ThreadingHTTPServer):
    def handle_error(self, request: object, client_address: object) -> None:
        # A client that hangs up (a crawl killed mid-download) is not the server's problem.
        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)  # type: ignore[arg-type]


class StaticServer:
    """Serves `root` on 127.0.0.1 at an ephemeral port; `base_url` is known before `start()`.

    Directory paths serve their `index.html`, so pretty URLs (`/economy/article/1/slug`) work.
    """

    def __init__(self, root: Path | str, host: str = "127.0.0.1", *, delay: float = 0.0) -> None:
        handler = functools.partial(type("Handler", (_QuietHandler,), {"delay": delay}), directory=str(root))
        self.httpd = _Server((host, 0), handler)
        self.httpd.daemon_threads = True
        self.port = self.httpd.server_address[1]
        self._thread: threading.Thread | None = None

    def base_url(self, host: str = "127.0.0.1") -> str:
        return f"http://{host}:{self.port}"

    def start(self) -> StaticServer:
        self._thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)
        self._thread.start()
        return self

    def stop(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()
        if self._thread is not None:
            self._thread.join(timeout=5)

    def __enter__(self) -> StaticServer:
        return self.start()

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        self.stop()
