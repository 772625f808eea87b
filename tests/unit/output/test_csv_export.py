"""`-o out.csv`: nested fields are JSON in their cell (never a Python repr), scalars as Scrapy writes them.

Nothing is fetched: the item is built in memory and its www.scmp.com URLs are plain data (tests/support/no_web.py refuses any connection beyond 127.0.0.1 anyway).
"""

from __future__ import annotations

import csv
import io
import json

from scrapy.utils.misc import load_object

import crawler.settings as shipped
from crawler.items import Article

AMOUNT = {"text": "2.1 billion yuan", "field": "title", "start": 37, "end": 53, "value": 2100000000,
          "currency": "CNY", "approximate": False, "value_usd": 292000000.0}


def exported(item: Article) -> dict[str, str]:
    exporter_cls = load_object(shipped.FEED_EXPORTERS["csv"])  # the exporter -o out.csv uses, as shipped
    buffer = io.BytesIO()
    exporter = exporter_cls(buffer, encoding="utf-8")
    exporter.start_exporting()
    exporter.export_item(item)
    exporter.finish_exporting()
    return next(csv.DictReader(io.StringIO(buffer.getvalue().decode("utf-8"))))


def test_nested_fields_are_json_cells() -> None:
    item = Article(id="scmp:1", url="https://www.scmp.com/a/1", canonical_url="https://www.scmp.com/a/1", site="scmp",
                   publisher="South China Morning Post", title="Zhenyu Auto swings to 2.1 billion yuan loss",
                   text="Body.", fetched_at="2026-01-01T00:00:00+00:00", authors=["Smith, J.", "李明"],
                   amounts=[AMOUNT], original={"publisher": "Xinhua", "url": "https://x.example/1"}, paywalled=False)
    row = exported(item)
    assert json.loads(row["amounts"]) == [AMOUNT]
    assert json.loads(row["authors"]) == ["Smith, J.", "李明"]  # a comma in a name stays one author
    assert json.loads(row["original"]) == {"publisher": "Xinhua", "url": "https://x.example/1"}
    assert row["title"] == "Zhenyu Auto swings to 2.1 billion yuan loss"
    assert row["paywalled"] == "False"
    assert not any(cell.startswith("[{'") or cell.startswith("{'") for cell in row.values())
