"""The session's guard: a connection off this machine fails at once, a loopback one works."""

from __future__ import annotations

import socket

import pytest

from tests.support.no_web import REFUSED


def test_a_connection_off_this_machine_is_refused() -> None:
    for address in (("192.0.2.1", 80), ("2001:db8::1", 443)):
        family = socket.AF_INET6 if ":" in address[0] else socket.AF_INET
        with socket.socket(family, socket.SOCK_STREAM) as sock, pytest.raises(OSError, match=REFUSED):
            sock.connect(address)


def test_a_host_name_is_refused_before_any_lookup() -> None:
    with pytest.raises(OSError, match=REFUSED):
        socket.create_connection(("www.example.com", 80), timeout=1)


def test_loopback_connections_work() -> None:
    with socket.socket() as server:
        server.bind(("127.0.0.1", 0))
        server.listen(1)
        with socket.create_connection(server.getsockname(), timeout=5):
            accepted, _ = server.accept()
            accepted.close()
