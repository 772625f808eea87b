"""A static HTTP/1.1 server for the benchmark site, in its own process, on 127.0.0.1.

    python -m benchmarks.crawl_server ROOT      # prints the port on the first line of stdout

`ServerProcess` runs nginx instead when it is installed (`--server python` forces this one).

Python's `ThreadingHTTPServer` with keep-alive (HTTP/1.1, Content-Length), one thread per
connection; `/a/b` serves `/a/b/index.html`. It runs in a process of its own so that it never
competes with the crawler for the GIL; the benchmark's fetch-only row shows how far it is from
being the bottleneck.
"""

from __future__ import annotations

import argparse
import functools
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
import time
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path


class Handler(SimpleHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    extensions_map = {**SimpleHTTPRequestHandler.extensions_map, ".xml": "application/xml",
                      ".html": "text/html", ".txt": "text/plain"}  # each page's <meta charset> (UTF-8 or GBK)

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


NGINX_CONF = """daemon off;
{user}worker_processes 1;
pid {work}/nginx.pid;
error_log {work}/error.log crit;
events {{ worker_connections 1024; }}
http {{
    access_log off;
    client_body_temp_path {work}/body; proxy_temp_path {work}/proxy; fastcgi_temp_path {work}/fastcgi;
    uwsgi_temp_path {work}/uwsgi; scgi_temp_path {work}/scgi;
    types {{ text/html html; application/xml xml; text/plain txt; }}
    default_type application/octet-stream;
    sendfile on; tcp_nopush on; keepalive_requests 100000; keepalive_timeout 65;
    server {{
        listen 127.0.0.1:{port};
        root {root};
        location / {{ index index.html; try_files $uri $uri/index.html =404; }}
    }}
}}
"""


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


class ServerProcess:
    """`with ServerProcess(root) as server: server.base_url`: the server in a child process.

    nginx (one worker process) when `nginx` is installed and `use_nginx` is not False, else Python's
    threading server; `server.kind` says which. Both send `text/html` without a charset.
    """

    def __init__(self, root: Path, cwd: Path, use_nginx: bool | None = None) -> None:
        self.root = root
        self.cwd = cwd
        self.process: subprocess.Popen[str] | None = None
        self.port = 0
        self.nginx = shutil.which("nginx") or ("/usr/sbin/nginx" if Path("/usr/sbin/nginx").exists() else None)
        self.kind = "nginx" if self.nginx and use_nginx is not False else "python"
        self.work: Path | None = None

    def __enter__(self) -> ServerProcess:
        if self.kind == "nginx":
            assert self.nginx is not None
            work = self.work = Path(tempfile.mkdtemp(prefix="bench-nginx-"))
            self.port = free_port()
            conf = work / "nginx.conf"
            # Started as root, nginx's worker would run as `nobody` and not read a private temporary folder.
            user = "user root root;\n" if os.geteuid() == 0 else ""
            conf.write_text(NGINX_CONF.format(user=user, work=work, port=self.port, root=self.root.resolve()),
                            encoding="utf-8")
            self.process = subprocess.Popen([self.nginx, "-c", str(conf), "-p", str(work)], cwd=self.cwd, text=True)
            deadline = time.monotonic() + 10
            while time.monotonic() < deadline:
                with socket.socket() as probe:
                    if probe.connect_ex(("127.0.0.1", self.port)) == 0:
                        return self
                time.sleep(0.05)
            raise RuntimeError("nginx did not start")
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
        if self.work is not None:
            shutil.rmtree(self.work, ignore_errors=True)


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("root", type=Path)
    parser.add_argument("--port", type=int, default=0)
    args = parser.parse_args()
    serve(args.root, args.port)
