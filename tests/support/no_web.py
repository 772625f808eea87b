"""Tests never reach the web: in the test process, a connection to anything but this machine fails.

Crawl-tier tests start their servers on 127.0.0.1; a test that would reach a live site (a URL typed
by mistake, a library phoning home) fails at once with this message instead of passing by luck.
"""

from __future__ import annotations

import ipaddress
import socket
from collections.abc import Iterator
from typing import Any

import pytest

REFUSED = "tests never reach the web"


def _local_name(host: Any) -> bool:
    """An IP literal of this machine, `localhost`, or no host at all (a wildcard bind)."""
    if host is None or host in ("", "localhost", b"localhost"):
        return True
    name = host.decode() if isinstance(host, bytes) else str(host)
    try:
        return ipaddress.ip_address(name.split("%")[0]).is_loopback or ipaddress.ip_address(name).is_unspecified
    except ValueError:  # a host name: resolving it is already the web
        return False


def _local(address: Any) -> bool:
    host = address[0] if isinstance(address, tuple) else None
    if host is None:  # a Unix socket path
        return True
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.split("%")[0]).is_loopback
    except ValueError:  # a host name: it would need DNS, which is the web
        return False


@pytest.fixture(autouse=True, scope="session")
def no_web() -> Iterator[None]:
    """Patch `connect`, `connect_ex` and `getaddrinfo` for the whole session to refuse non-local peers."""
    real_connect, real_connect_ex = socket.socket.connect, socket.socket.connect_ex
    real_getaddrinfo = socket.getaddrinfo

    def getaddrinfo(host: Any, *args: Any, **kwargs: Any) -> Any:
        if not _local_name(host):
            raise OSError(f"{REFUSED}: looking up {host!r} refused")
        return real_getaddrinfo(host, *args, **kwargs)

    def connect(self: socket.socket, address: Any) -> None:
        if self.family in (socket.AF_INET, socket.AF_INET6) and not _local(address):
            raise OSError(f"{REFUSED}: connection to {address!r} refused")
        real_connect(self, address)

    def connect_ex(self: socket.socket, address: Any) -> int:
        if self.family in (socket.AF_INET, socket.AF_INET6) and not _local(address):
            raise OSError(f"{REFUSED}: connection to {address!r} refused")
        return real_connect_ex(self, address)

    socket.socket.connect, socket.socket.connect_ex = connect, connect_ex  # type: ignore[method-assign]
    socket.getaddrinfo = getaddrinfo
    try:
        yield
    finally:
        socket.socket.connect, socket.socket.connect_ex = real_connect, real_connect_ex  # type: ignore[method-assign]
        socket.getaddrinfo = real_getaddrinfo
