"""A static HTTP server on 127.0.0.1 in a background thread (for the demo, tests and benchmarks)."""

from __future__ import annotations

import functools
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from types import TracebackType


class _QuietHandler(SimpleHTTPRequestHandler):
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

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - stdlib signature
        pass


class StaticServer:
    """Serves `root` on 127.0.0.1 at an ephemeral port; `base_url` is known before `start()`.

    Directory paths serve their `index.html`, so pretty URLs (`/economy/article/1/slug`) work.
    """

    def __init__(self, root: Path | str, host: str = "127.0.0.1") -> None:
        handler = functools.partial(_QuietHandler, directory=str(root))
        self.httpd = ThreadingHTTPServer((host, 0), handler)
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
