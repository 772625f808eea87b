"""Dropping template paragraphs after normalising gives what normalising the shorter text gives.

Nothing is fetched: the pages are built in memory and their www.scmp.com URLs only choose the site
profile (tests/support/no_web.py refuses any connection beyond 127.0.0.1 anyway).
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import pytest

from benchmarks.crawl_site import BenchSite
from crawler.normalise.paragraphs import drop_paragraphs
from crawler.settings import NORMALISERS
from crawler.workers.jobs import JobOptions, PageJob, run_job

NOW = datetime(2026, 1, 1, tzinfo=UTC)
BENCH = BenchSite("https://www.scmp.com", 20)
OPTIONS = JobOptions(normalisers=tuple(NORMALISERS))


def normalised(index: int) -> dict[str, Any]:
    item = run_job(PageJob(BENCH.page(index), BENCH.meta(index).url, "scmp", now=NOW, options=OPTIONS)).item
    assert item is not None
    return item


def renormalised(item: dict[str, Any]) -> dict[str, Any]:
    from crawler.normalise import load_normalisers

    again = dict(item)
    for normaliser in load_normalisers(tuple(NORMALISERS)):
        normaliser.apply(again, {})
    return again


@pytest.mark.parametrize("index", [0, 1, 2, 3])
@pytest.mark.parametrize("drop", ["first", "middle", "every_third"])
def test_same_annotations_as_normalising_again(index: int, drop: str) -> None:
    item = normalised(index)
    paragraphs = item["text"].split("\n\n")
    assert len(paragraphs) >= 4 and item["amounts"] and item["dates"]
    keep = [True] * len(paragraphs)
    if drop == "first":
        keep[0] = False
    elif drop == "middle":
        keep[len(keep) // 2] = False
    else:
        keep = [i % 3 != 1 for i in range(len(paragraphs))]
    drop_paragraphs(item, paragraphs, keep)
    expected = renormalised(item)
    assert item["text"] == "\n\n".join(p for p, k in zip(paragraphs, keep, strict=True) if k)
    assert item["amounts"] == expected["amounts"]
    assert item["dates"] == expected["dates"]
    assert item["signals"] == expected["signals"]
    matches = [m for result in item["signals"]["epu"] for ms in result["matches"].values() for m in ms]
    for entry in item["amounts"] + item["dates"] + item["signals"]["figures"] + matches:
        assert item[entry["field"]][entry["start"]:entry["end"]] == entry["text"]


def test_a_conversion_whose_partner_is_dropped_loses_its_link() -> None:
    item = {"title": "", "text": "A\n\nIt cost 100 yuan (US$14).\n\nB",
            "amounts": [
                {"field": "text", "start": 11, "end": 19, "text": "100 yuan", "conversion_of": None},
                {"field": "text", "start": 21, "end": 25, "text": "US$14", "conversion_of": 0},
            ]}
    drop_paragraphs(item, item["text"].split("\n\n"), [False, True, True])
    assert [(a["text"], a["start"], a["conversion_of"]) for a in item["amounts"]] == [
        ("100 yuan", 8, None), ("US$14", 18, 0)]
    assert item["text"][8:16] == "100 yuan"


def test_nested_annotations_move_and_derived_flags_follow() -> None:
    text = "The economy is uncertain.\n\nPolicy matters for China.\n\nCPI rose 0.5 per cent in July."
    item: dict[str, Any] = {"title": "", "text": text, "language": "en", "published_at": "2025-08-09T10:00:00+08:00"}
    item = renormalised(item)
    scmp = next(r for r in item["signals"]["epu"] if r["method"] == "bbd_scmp_china")
    assert scmp["epu"] is True and item["signals"]["figures"]
    drop_paragraphs(item, text.split("\n\n"), [False, True, True])
    scmp = next(r for r in item["signals"]["epu"] if r["method"] == "bbd_scmp_china")
    assert scmp["epu"] is False and scmp["matches"]["uncertainty"] == []
    figure = item["signals"]["figures"][0]
    assert item["text"][figure["start"]:figure["end"]] == "0.5 per cent"
    assert item["text"][figure["sentence_start"]:figure["sentence_end"]] == "CPI rose 0.5 per cent in July."
    assert item["signals"] == renormalised(item)["signals"]
