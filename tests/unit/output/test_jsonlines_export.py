"""The JSON Lines exporter (orjson) writes the values Scrapy's own exporter writes, line for line."""

from __future__ import annotations

import io
import json
from typing import Any

import pytest
from scrapy.exporters import JsonLinesItemExporter

from crawler.exporters import FastJsonLinesItemExporter

ITEMS: list[dict[str, Any]] = [
    {"url": "https://news.example/a", "title": "出口增长 5.2% — “record”", "authors": ["Ann Lee", "Bo Chen"],
     "amounts": [{"value": 3.5e9, "currency": "HKD", "usd": 4.5e8, "start": 10, "end": 22, "unit": None}],
     "signals": {"epu": [{"method": "bbd", "epu": False, "matches": {"economy": []}}], "figures": []},
     "published_at": "2026-01-02T03:04:05+08:00", "count": 0, "share": -0.125, "flag": True, "none": None},
    {"url": "https://news.example/b", "text": "line one\nline two\t\u2028 \x00 end", "tiny": 1e-7, "big": 1e22},
    {"url": "https://news.example/c", "huge": 2**70},  # beyond 64 bits: orjson refuses, the standard encoder writes it
]


def _export(exporter_class: type, items: list[dict[str, Any]], **kwargs: Any) -> bytes:
    out = io.BytesIO()
    exporter = exporter_class(out, **kwargs)
    exporter.start_exporting()
    for item in items:
        exporter.export_item(item)
    exporter.finish_exporting()
    return out.getvalue()


def test_same_values_as_scrapys_exporter_one_item_per_line() -> None:
    ours = _export(FastJsonLinesItemExporter, ITEMS, encoding="utf-8")
    theirs = _export(JsonLinesItemExporter, ITEMS, encoding="utf-8")
    assert [json.loads(line) for line in ours.splitlines()] == [json.loads(line) for line in theirs.splitlines()]
    assert ours.count(b"\n") == len(ITEMS)
    assert "出口增长".encode() in ours  # real characters, as with FEED_EXPORT_ENCODING = "utf-8"
    assert ours != theirs  # compact: orjson wrote the lines it could


@pytest.mark.parametrize("kwargs", [{}, {"encoding": None}, {"encoding": "latin-1"}, {"encoding": "utf-8", "sort_keys": True}])
def test_other_encodings_and_options_are_scrapys_output_exactly(kwargs: dict[str, Any]) -> None:
    items = ITEMS[2:] if kwargs.get("encoding") == "latin-1" else ITEMS  # latin-1 cannot hold the others' text
    assert _export(FastJsonLinesItemExporter, items, **kwargs) == _export(JsonLinesItemExporter, items, **kwargs)


def test_the_project_writes_jsonl_feeds_with_it() -> None:
    from crawler import settings

    for name in ("jsonlines", "jsonl", "jl"):
        assert settings.FEED_EXPORTERS[name] == "crawler.exporters.FastJsonLinesItemExporter"


def test_an_unknown_encoding_fails_as_with_scrapys_exporter() -> None:
    for exporter_class in (JsonLinesItemExporter, FastJsonLinesItemExporter):
        with pytest.raises(LookupError):
            _export(exporter_class, ITEMS[2:], encoding="no-such-codec")


def _article(**changes: Any) -> Any:
    from crawler.items import Article

    fields = {"id": "news:1", "url": "https://news.example/a", "canonical_url": "https://news.example/a",
              "site": "news", "publisher": "News", "fetched_at": "2026-01-02T03:04:05+00:00",
              "title": "Exports rise", "text": "Exports rose 5.2 per cent.",
              "amounts": [{"value": 3.5e9, "currency": "HKD"}], "signals": {"epu": [], "figures": []}}
    fields.update(changes)
    return Article(**{k: v for k, v in fields.items() if k in Article.__dataclass_fields__})


def test_a_dataclass_item_gives_scrapys_fields_in_their_order() -> None:
    items = [_article(), _article(title="出口增长 “record”", text=None)]
    ours = _export(FastJsonLinesItemExporter, items, encoding="utf-8")
    theirs = _export(JsonLinesItemExporter, items, encoding="utf-8")
    assert [list(json.loads(line).items()) for line in ours.splitlines()] == \
        [list(json.loads(line).items()) for line in theirs.splitlines()]


def test_fields_to_export_and_field_serializers_are_honoured_for_dataclass_items() -> None:
    from dataclasses import dataclass, field

    @dataclass
    class Priced:
        name: str
        price: float = field(metadata={"serializer": lambda value: f"{value:.2f}"})
        big: int = 0

    items = [Priced("tea", 3.5), Priced("gold", 1.0, big=2**70)]  # the second: orjson refuses, Scrapy writes it
    for kwargs in ({}, {"fields_to_export": ["price", "name"]}):
        ours = _export(FastJsonLinesItemExporter, items, encoding="utf-8", **kwargs)
        theirs = _export(JsonLinesItemExporter, items, encoding="utf-8", **kwargs)
        assert [list(json.loads(line).items()) for line in ours.splitlines()] == \
            [list(json.loads(line).items()) for line in theirs.splitlines()]
    assert json.loads(_export(FastJsonLinesItemExporter, items[:1], encoding="utf-8"))["price"] == "3.50"
    assert list(json.loads(_export(FastJsonLinesItemExporter, items[:1], encoding="utf-8",
                                   fields_to_export=["price", "name"]))) == ["price", "name"]
