"""Every new source's sample site, each on its own loopback server for the whole session."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from sample_site.server import StaticServer
from sample_site.sources import SAMPLE_SITES, SourceManifest

# The sources added by issue 9 (SCMP has its own tests in tests/spiders).
NEW_SOURCES = ("chinadaily", "thestandard", "straitstimes", "peopledaily")


@pytest.fixture(scope="session")
def source_sites(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, SourceManifest]]:
    """name -> manifest of its sample site, served on 127.0.0.1 until the session ends."""
    servers: list[StaticServer] = []
    manifests: dict[str, SourceManifest] = {}
    try:
        for name in NEW_SOURCES:
            root: Path = tmp_path_factory.mktemp(f"site-{name}")
            server = StaticServer(root)
            manifests[name] = SAMPLE_SITES[name](root, server.base_url("127.0.0.1"))
            servers.append(server.start())
        yield manifests
    finally:
        for server in servers:
            server.stop()
