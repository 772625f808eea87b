"""The amounts normaliser on article dicts, as the extraction worker runs it: `amounts` and its stats."""

from __future__ import annotations

from typing import Any

import pytest

from crawler.normalise.amounts.normaliser import NORMALISER

TEXT = ("Shenzhen will spend 160 billion yuan (US$22.07 billion), plus 20 billion yuan and S$5 million "
        "and CHF 1 million.")


class Runner:
    """Applies the normaliser to one article dict after another, adding up its stats."""

    def __init__(self) -> None:
        self.stats: dict[str, int] = {}

    def process_item(self, item: dict[str, Any]) -> dict[str, Any]:
        for key, count in NORMALISER.apply(item, {}).items():
            self.stats[key] = self.stats.get(key, 0) + count
        return item


@pytest.fixture
def pipe() -> Runner:
    return Runner()


def test_dict_item_gets_amounts_and_stats(pipe: Runner) -> None:
    item = {"title": "US$22 billion pledge", "text": TEXT, "published_at": "2025-01-15T10:00:00+08:00"}
    result = pipe.process_item(item)
    assert result is item
    assert [a["currency"] for a in item["amounts"]] == ["USD", "CNY", "USD", "CNY", "SGD", "CHF"]
    stats = pipe.stats
    assert stats["amounts/found"] == 6
    assert stats["amounts/converted_article"] == 4
    assert stats["amounts/converted_table"] == 1
    assert stats["amounts/unconverted"] == 1
    assert "amounts/error" not in stats


def test_stats_accumulate_over_items(pipe: Runner) -> None:
    pipe.process_item({"title": None, "text": "It cost HK$5 billion."})
    pipe.process_item({"title": "No money here", "text": "Growth was 5 per cent."})
    pipe.process_item({"title": None, "text": "It cost HK$6 billion and US$1 billion."})
    assert pipe.stats["amounts/found"] == 3
    assert pipe.stats["amounts/converted_table"] == 2
