"""CSV export that keeps nested fields readable: lists and objects are JSON in their cell.

Scrapy's CSV exporter writes a list of objects (`amounts`, `dates`, `original`) as a Python repr
and joins string lists with commas (an author "Smith, J." becomes two). Registered for `csv` in
`FEED_EXPORTERS`, so `-o out.csv` uses it. See docs/schema.md.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

from scrapy.exporters import CsvItemExporter


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
