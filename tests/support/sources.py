"""The regional sources with their own sample sites (SCMP's is `sample_site.build`), served for a session."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from sample_site.server import StaticServer
from sample_site.sources import SAMPLE_SITES, SourceManifest

#: Every source whose sample site lives in `sample_site.sources`, except SCMP (tests/crawl/spiders).
REGIONAL_SOURCES = tuple(name for name in SAMPLE_SITES if name != "scmp")


@pytest.fixture(scope="session")
def source_sites(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, SourceManifest]]:
    """name -> manifest of its sample site, served on 127.0.0.1 until the session ends."""
    servers: list[StaticServer] = []
    manifests: dict[str, SourceManifest] = {}
    try:
        for name in REGIONAL_SOURCES:
            root: Path = tmp_path_factory.mktemp(f"site-{name}")
            server = StaticServer(root)
            manifests[name] = SAMPLE_SITES[name](root, server.base_url("127.0.0.1"))
            servers.append(server.start())
        yield manifests
    finally:
        for server in servers:
            server.stop()
