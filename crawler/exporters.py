"""Feed exporters registered in `FEED_EXPORTERS` (docs/schema.md).

CSV: Scrapy's CSV exporter writes a list of objects (`amounts`, `dates`, `original`) as a Python
repr and joins string lists with commas (an author "Smith, J." becomes two); here nested fields are
JSON in their cell. JSON Lines: the same lines as Scrapy's exporter, encoded by orjson (a tenth of
the time of the standard library's encoder on an article; docs/performance.md), compact.
"""

from __future__ import annotations

import codecs
import dataclasses
import json
from collections.abc import Mapping
from typing import Any

import orjson
from scrapy.exporters import CsvItemExporter, JsonLinesItemExporter
from scrapy.utils.python import to_bytes


def cell(value: Any) -> Any:
    """A list, tuple or dict as compact JSON (real characters, no `\\u` escapes); anything else as is."""
    if isinstance(value, (list, tuple, dict)):
        return json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    return value


class JsonCellCsvItemExporter(CsvItemExporter):
    """CSV rows whose nested fields are JSON strings (`json.loads` reads them back)."""

    def serialize_field(self, field: Mapping[str, Any], name: str, value: Any) -> Any:
        serializer = field.get("serializer")
        return serializer(value) if serializer is not None else cell(value)


class FastJsonLinesItemExporter(JsonLinesItemExporter):
    """Scrapy's JSON Lines exporter, each line encoded by orjson when the feed is UTF-8 text.

    Values are those of the standard encoder (compact separators); an item orjson refuses (an
    integer beyond 64 bits, a key that is not a string) is written by Scrapy's encoder, as are feeds
    with another encoding or `\\u` escapes asked for.
    """

    def __init__(self, file: Any, **kwargs: Any) -> None:
        super().__init__(file, **kwargs)
        self._fast = (not self._kwargs.get("ensure_ascii") and set(self._kwargs) <= {"ensure_ascii"}
                      and _is_utf8(self.encoding))

    def export_item(self, item: Any) -> None:
        if not self._fast:
            super().export_item(item)
            return
        # A dataclass item without field serializers, all fields exported: orjson reads its fields
        # itself, in their order (the same object as the exporter's field-by-field dict, built in C).
        whole = self.fields_to_export is None and _plain_dataclass(type(item))
        try:
            data = orjson.dumps(item if whole else dict(self.get_serialized_fields(item)),
                                default=self.encoder.default, option=orjson.OPT_APPEND_NEWLINE)
        except (orjson.JSONEncodeError, TypeError):
            itemdict = dict(self.get_serialized_fields(item))
            data = to_bytes(self.encoder.encode(itemdict) + "\n", self.encoding)
        self.file.write(data)


_PLAIN: dict[type, bool] = {}  # per item class (a crawl has one or two)


def _plain_dataclass(cls: type) -> bool:
    """A dataclass whose fields name no `serializer` (what Scrapy's exporters would call)."""
    plain = _PLAIN.get(cls)
    if plain is None:
        plain = _PLAIN[cls] = dataclasses.is_dataclass(cls) and not any(
            "serializer" in f.metadata for f in dataclasses.fields(cls))
    return plain


def _is_utf8(encoding: str | None) -> bool:
    """True for any name of UTF-8; an unknown name is left to Scrapy's exporter to report, as before."""
    try:
        return encoding is not None and codecs.lookup(encoding).name == "utf-8"
    except LookupError:
        return False
