"""DateMentionsPipeline with a real crawler from scrapy.utils.test.get_crawler (stats checked)."""

from __future__ import annotations

import inspect
import json
import logging
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from scrapy.utils.misc import build_from_crawler
from scrapy.utils.test import get_crawler

import pipelines.dates as pipeline_module
from pipelines.dates import DateMentionsPipeline

SEED_TITLE = "China's Shenzhen lays down marker for tech investment with US$22 billion pledge"
SEED_TEXT = "\n\n".join(
    (
        "When delivering the city's work report on Tuesday, Shenzhen Mayor Qin Weizhong took a "
        "metaphorical turn.",
        "According to the work report, Shenzhen is setting an ambitious 5.5 per cent target for the "
        "growth of its gross domestic product in 2025, along with a 2 per cent increase in the consumer "
        "price index, a 3 per cent rise in general public budget revenue and the creation of 200,000 "
        "new jobs.",
        "These ambitions would be supported by the 160 billion yuan of projected investment - 20 billion "
        "yuan more than last year's allocation.",
        "Though it is the country's largest export hub, the province missed its GDP growth target for a "
        "third consecutive year in 2024, posting a 3.5 per cent year-on-year increase despite aiming for "
        "5 per cent.",
    )
)
SCHEMA_PATH = Path(__file__).resolve().parents[2] / "crawler" / "schema" / "article.schema.json"


def make_pipeline(settings: dict[str, Any] | None = None) -> DateMentionsPipeline:
    crawler = get_crawler(settings_dict=settings or {})
    return build_from_crawler(DateMentionsPipeline, crawler)


def stats(pipeline: DateMentionsPipeline) -> dict[str, Any]:
    return {k: v for k, v in pipeline.crawler.stats.get_stats().items() if k.startswith("dates/")}


def seed_item(**overrides: Any) -> dict[str, Any]:
    item = {
        "title": SEED_TITLE,
        "text": SEED_TEXT,
        "published_at": "2025-02-18T14:30:00+08:00",
        "language": "en",
        "fetched_at": "2025-02-19T01:00:00+00:00",
        "url": "https://example.org/a/1",
    }
    item.update(overrides)
    return item


def test_contract_no_spider_argument() -> None:
    assert list(inspect.signature(DateMentionsPipeline.process_item).parameters) == ["self", "item"]
    pipeline = make_pipeline()
    assert pipeline.crawler is not None


def test_seed_article() -> None:
    pipeline = make_pipeline()
    item = pipeline.process_item(seed_item())
    got = [(m["field"], m["text"], m["date"], m["granularity"], m["relative"]) for m in item["dates"]]
    assert got == [
        ("text", "Tuesday", "2025-02-18", "day", True),
        ("text", "2025", "2025-01-01", "year", False),
        ("text", "last year", "2024-01-01", "year", True),
        ("text", "2024", "2024-01-01", "year", False),
    ]
    assert not any(m["text"].startswith(("5.5", "200", "3")) for m in item["dates"])
    assert stats(pipeline) == {"dates/found": 4, "dates/relative": 2}


def test_title_mentions_come_first() -> None:
    pipeline = make_pipeline()
    item = pipeline.process_item(
        seed_item(title="Hong Kong stocks fall on Monday", text="Profits rose in 2024.")
    )
    assert [(m["field"], m["date"]) for m in item["dates"]] == [
        ("title", "2025-02-17"),
        ("text", "2024-01-01"),
    ]


def test_entries_match_the_schema() -> None:
    schema = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    mention_schema = {**schema["$defs"]["dateMention"], "$defs": schema["$defs"]}
    item = make_pipeline().process_item(seed_item())
    for mention in item["dates"]:
        jsonschema.validate(mention, mention_schema)
        assert json.loads(json.dumps(mention)) == mention


def test_fetched_at_is_the_fallback_reference() -> None:
    pipeline = make_pipeline()
    item = pipeline.process_item(seed_item(published_at=None, fetched_at="2025-02-21T02:00:00+00:00"))
    assert item["dates"][0]["date"] == "2025-02-18"  # the Tuesday before Friday 21 February
    assert stats(pipeline)["dates/reference_fetched_at"] == 1


def test_unparseable_published_at_falls_back_too() -> None:
    pipeline = make_pipeline()
    pipeline.process_item(seed_item(published_at="not a date"))
    assert stats(pipeline)["dates/reference_fetched_at"] == 1


def test_no_reference_keeps_absolute_mentions_only() -> None:
    pipeline = make_pipeline()
    item = pipeline.process_item(seed_item(published_at=None, fetched_at=None))
    assert [m["text"] for m in item["dates"]] == ["2025", "2024"]
    assert all(not m["relative"] for m in item["dates"])
    assert stats(pipeline) == {"dates/reference_missing": 1, "dates/found": 2}


def test_missing_fields_give_empty_dates() -> None:
    pipeline = make_pipeline()
    item = pipeline.process_item({"published_at": "2025-02-18T14:30:00+08:00"})
    assert item["dates"] == []


def test_timezone_setting_reads_the_reference_in_site_time() -> None:
    published = "2025-02-17T20:00:00-05:00"  # Monday in New York, Tuesday morning in Hong Kong
    plain = make_pipeline().process_item(seed_item(published_at=published, title=""))
    assert plain["dates"][0]["date"] == "2025-02-11"
    hk = make_pipeline({"DATES_TIMEZONE": "Asia/Hong_Kong"}).process_item(
        seed_item(published_at=published, title="")
    )
    assert hk["dates"][0]["date"] == "2025-02-18"


def test_unknown_timezone_setting_fails_at_start() -> None:
    with pytest.raises(ValueError, match="unknown time zone"):
        make_pipeline({"DATES_TIMEZONE": "Nowhere/Atlantis"})


def test_a_bug_inside_is_logged_counted_and_the_item_kept(
    monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    def broken(*args: Any, **kwargs: Any) -> list[dict[str, Any]]:
        raise IndexError("boom")

    monkeypatch.setattr(pipeline_module, "dates_and_stats", broken)
    pipeline = make_pipeline()
    item = seed_item()
    with caplog.at_level(logging.WARNING, logger="pipelines.dates"):
        assert pipeline.process_item(item) is item
    assert "dates" not in item
    assert stats(pipeline) == {"dates/error": 1}
    assert "date mentions failed for https://example.org/a/1" in caplog.text


@dataclass
class NoDatesField:
    title: str
    text: str
    published_at: str | None = None
    tags: list[str] = field(default_factory=list)


@dataclass
class WithDatesField:
    title: str
    text: str
    published_at: str | None = None
    dates: list[dict[str, Any]] = field(default_factory=list)


def test_dataclass_items() -> None:
    pipeline = make_pipeline()
    item = pipeline.process_item(WithDatesField("t", "Exports rose last month.", "2025-02-18T14:30:00+08:00"))
    assert [m["date"] for m in item.dates] == ["2025-01-01"]
    broken = pipeline.process_item(NoDatesField("t", "Exports rose last month.", "2025-02-18T14:30:00+08:00"))
    assert isinstance(broken, NoDatesField)
    assert stats(pipeline)["dates/error"] == 1
