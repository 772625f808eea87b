"""Everything under tests/crawl starts processes or servers (scrapy crawl, Redis, loopback sites):
the `crawl` tier. The fast tier is `pytest -m "not crawl"`."""

from __future__ import annotations

from pathlib import Path

import pytest

HERE = Path(__file__).parent


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if HERE in Path(item.fspath).parents:
            item.add_marker(pytest.mark.crawl)
