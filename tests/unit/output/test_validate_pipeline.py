"""The validation pipeline passes a valid Article and drops a broken one, naming the field."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

import pytest
from scrapy.exceptions import DropItem
from scrapy.utils.test import get_crawler

from crawler.items import Article
from pipelines.validate import SchemaValidationPipeline

FIXTURE = next(Path(__file__).resolve().parents[2].joinpath("fixtures", "pages").glob("*/expected.json"))


def _article() -> Article:
    data = json.loads(FIXTURE.read_text(encoding="utf-8"))
    names = {f.name for f in dataclasses.fields(Article)}
    return Article(**{k: v for k, v in data.items() if k in names})


def test_valid_article_passes_and_broken_one_is_dropped() -> None:
    crawler = get_crawler()
    assert crawler.stats is not None
    crawler.stats.open_spider()
    pipeline = SchemaValidationPipeline.from_crawler(crawler)
    article = _article()
    assert pipeline.process_item(article) is article
    broken = dataclasses.replace(article, amounts=[{"value": "ten"}])
    with pytest.raises(DropItem, match="amounts"):
        pipeline.process_item(broken)
    assert crawler.stats.get_value("validate/invalid/amounts") == 1
