"""The Scrapy stage: items get `amounts`, stats are counted, a bug never drops an article."""

from __future__ import annotations

import logging
import warnings
from dataclasses import dataclass, field
from typing import Any

import pytest
import scrapy
from scrapy.pipelines import ItemPipelineManager
from scrapy.utils.misc import build_from_crawler
from scrapy.utils.test import get_crawler

from pipelines.amounts import pipeline as pipeline_module
from pipelines.amounts.pipeline import AmountsPipeline

TEXT = ("Shenzhen will spend 160 billion yuan (US$22.07 billion), plus 20 billion yuan and S$5 million "
        "and CHF 1 million.")


@dataclass
class ArticleItem:
    title: str | None
    text: str | None
    published_at: str | None = None
    language: str | None = None
    amounts: list[dict[str, Any]] = field(default_factory=list)


class ScrapyArticle(scrapy.Item):
    title = scrapy.Field()
    text = scrapy.Field()
    published_at = scrapy.Field()
    amounts = scrapy.Field()


@pytest.fixture
def crawler():
    return get_crawler()


@pytest.fixture
def pipe(crawler) -> AmountsPipeline:
    return build_from_crawler(AmountsPipeline, crawler)


def test_dict_item_gets_amounts_and_stats(pipe: AmountsPipeline, crawler) -> None:
    item = {"title": "US$22 billion pledge", "text": TEXT, "published_at": "2025-01-15T10:00:00+08:00"}
    result = pipe.process_item(item)
    assert result is item
    assert [a["currency"] for a in item["amounts"]] == ["USD", "CNY", "USD", "CNY", "SGD", "CHF"]
    stats = crawler.stats.get_stats()
    assert stats["amounts/found"] == 6
    assert stats["amounts/converted_article"] == 4
    assert stats["amounts/converted_table"] == 1
    assert stats["amounts/unconverted"] == 1
    assert "amounts/error" not in stats


def test_stats_accumulate_over_items(pipe: AmountsPipeline, crawler) -> None:
    pipe.process_item({"title": None, "text": "It cost HK$5 billion."})
    pipe.process_item({"title": "No money here", "text": "Growth was 5 per cent."})
    pipe.process_item({"title": None, "text": "It cost HK$6 billion and US$1 billion."})
    assert crawler.stats.get_value("amounts/found") == 3
    assert crawler.stats.get_value("amounts/converted_table") == 2


def test_dataclass_and_scrapy_items(pipe: AmountsPipeline) -> None:
    article = pipe.process_item(ArticleItem(title=None, text="The bank lent RMB100 million.", language="zh"))
    assert article.amounts[0]["value"] == 100_000_000
    scrapy_item = pipe.process_item(ScrapyArticle(title="¥5 trillion by the BOJ", text="", published_at=None))
    assert scrapy_item["amounts"][0]["currency"] == "JPY"


def test_bug_is_logged_counted_and_item_kept(pipe: AmountsPipeline, crawler, monkeypatch, caplog) -> None:
    def broken(*args: Any, **kwargs: Any) -> list[dict]:
        raise ValueError("boom")

    monkeypatch.setattr(pipeline_module, "amounts_and_stats", broken)
    item = {"url": "https://example.test/a/1", "title": "t", "text": "HK$5 billion", "amounts": ["kept"]}
    with caplog.at_level(logging.WARNING, logger="pipelines.amounts.pipeline"):
        result = pipe.process_item(item)
    assert result is item and item["amounts"] == ["kept"]
    assert crawler.stats.get_value("amounts/error") == 1
    assert "https://example.test/a/1" in caplog.text and "boom" in caplog.text


def test_item_class_without_amounts_field_is_an_error_not_a_crash(pipe: AmountsPipeline, crawler) -> None:
    class NoAmounts(scrapy.Item):
        title = scrapy.Field()
        text = scrapy.Field()

    item = NoAmounts(title="x", text="HK$5 billion")
    assert pipe.process_item(item) is item
    assert crawler.stats.get_value("amounts/error") == 1


def test_current_pipeline_contract_raises_no_deprecation() -> None:
    crawler = get_crawler(settings_dict={"ITEM_PIPELINES": {AmountsPipeline: 300}})
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        manager = ItemPipelineManager.from_crawler(crawler)
    assert any(isinstance(m, AmountsPipeline) for m in manager.middlewares)
