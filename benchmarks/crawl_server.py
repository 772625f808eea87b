"""A static HTTP/1.1 server for the benchmark site, in its own process, on 127.0.0.1.

    python -m benchmarks.crawl_server ROOT      # prints the port on the first line of stdout

Python's `ThreadingHTTPServer` with keep-alive (HTTP/1.1, Content-Length), one thread per
connection; `/a/b` serves `/a/b/index.html`. It runs in a process of its own so that it never
competes with the crawler for the GIL; the benchmark's fetch-only row shows how far it is from
being the bottleneck.
"""

from __future__ import annotations

import argparse
import functools
import os
import subprocess
import sys
import threading
import time
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path


class Handler(SimpleHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    extensions_map = {**SimpleHTTPRequestHandler.extensions_map, ".xml": "application/xml",
                      ".html": "text/html; charset=utf-8", ".txt": "text/plain"}

    def translate_path(self, path: str) -> str:
        translated = super().translate_path(path)
        index = Path(translated) / "index.html"
        return str(index) if index.is_file() else translated

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - stdlib signature
        pass


def serve(root: Path, port: int = 0) -> None:
    server = ThreadingHTTPServer(("127.0.0.1", port), functools.partial(Handler, directory=str(root)))
    server.daemon_threads = True
    server.request_queue_size = 128
    threading.Thread(target=_exit_with_parent, args=(os.getppid(),), daemon=True).start()
    print(server.server_address[1], flush=True)
    server.serve_forever()


def _exit_with_parent(parent: int) -> None:
    """A benchmark killed without cleanup must not leave its server running."""
    while os.getppid() == parent:
        time.sleep(1.0)
    os._exit(0)


class ServerProcess:
    """`with ServerProcess(root) as server: server.base_url`: the server in a child process."""

    def __init__(self, root: Path, cwd: Path) -> None:
        self.root = root
        self.cwd = cwd
        self.process: subprocess.Popen[str] | None = None
        self.port = 0

    def __enter__(self) -> ServerProcess:
        self.process = subprocess.Popen([sys.executable, "-m", "benchmarks.crawl_server", str(self.root)],
                                        cwd=self.cwd, stdout=subprocess.PIPE, text=True)
        assert self.process.stdout is not None
        self.port = int(self.process.stdout.readline())
        return self

    @property
    def pid(self) -> int:
        assert self.process is not None
        return self.process.pid

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def __exit__(self, *exc: object) -> None:
        if self.process is not None:
            self.process.terminate()
            self.process.wait(timeout=10)


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("root", type=Path)
    parser.add_argument("--port", type=int, default=0)
    args = parser.parse_args()
    serve(args.root, args.port)
