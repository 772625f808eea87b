"""The date-mentions normaliser on article dicts, as the extraction worker runs it (stats checked)."""

from __future__ import annotations

import json
from typing import Any

import jsonschema

from crawler.normalise.date_mentions.normaliser import NORMALISER
from tests.support.paths import SCHEMA_PATH

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


class Runner:
    """Applies the normaliser to one article dict after another, adding up its stats."""

    def __init__(self, settings: dict[str, Any] | None = None) -> None:
        self.settings = settings or {}
        self.stats: dict[str, int] = {}

    def process_item(self, item: dict[str, Any]) -> dict[str, Any]:
        for key, count in NORMALISER.apply(item, self.settings).items():
            self.stats[key] = self.stats.get(key, 0) + count
        return item


def make_pipeline(settings: dict[str, Any] | None = None) -> Runner:
    return Runner(settings)


def stats(pipeline: Runner) -> dict[str, Any]:
    return {k: v for k, v in pipeline.stats.items() if k.startswith("dates/")}


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


def _schema_check(mentions: list[dict[str, Any]]) -> None:
    schema = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    mention_schema = {**schema["$defs"]["dateMention"], "$defs": schema["$defs"]}
    for mention in mentions:
        jsonschema.validate(mention, mention_schema)


def test_the_crawl_time_is_never_the_reference() -> None:
    """A 2019 story's "Oct. 21", crawled in 2026, is not 2026-10-21: no publication date, no date."""
    pipeline = make_pipeline()
    item = pipeline.process_item(
        seed_item(title="", text="Exports fell on Oct. 21 and again last month.", published_at=None,
                  fetched_at="2026-11-29T21:17:50+00:00")
    )
    got = [(m["text"], m["date"], m["granularity"], m["relative"]) for m in item["dates"]]
    assert got == [("Oct. 21", None, "day", True), ("last month", None, "month", True)]
    _schema_check(item["dates"])
    assert stats(pipeline) == {"dates/reference_missing": 1, "dates/found": 2, "dates/relative": 2}


def test_unparseable_published_at_is_no_reference_either() -> None:
    pipeline = make_pipeline()
    item = pipeline.process_item(seed_item(published_at="not a date"))
    assert item["dates"][0]["text"] == "Tuesday" and item["dates"][0]["date"] is None
    assert stats(pipeline)["dates/reference_missing"] == 1


def test_no_reference_keeps_absolute_dates_and_nulls_the_relative_ones() -> None:
    pipeline = make_pipeline()
    item = pipeline.process_item(seed_item(published_at=None, fetched_at=None))
    got = [(m["text"], m["date"], m["relative"]) for m in item["dates"]]
    assert got == [("Tuesday", None, True), ("2025", "2025-01-01", False), ("last year", None, True),
                   ("2024", "2024-01-01", False)]
    _schema_check(item["dates"])
    assert stats(pipeline) == {"dates/reference_missing": 1, "dates/found": 4, "dates/relative": 2}


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
