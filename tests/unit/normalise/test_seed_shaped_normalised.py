"""The seed-shaped pages through extraction and the normalisers, as a worker runs them: amounts and dates.

Pages in the seed's shape (text of our own, same figures).
"""

from __future__ import annotations

from typing import Any

import pytest

from crawler.settings import NORMALISERS
from crawler.workers.jobs import JobOptions, PageJob, run_job
from tests.fixtures.pages_support import FIXTURE_NOW, PAGES, load_input


def normalised(case: str) -> dict[str, Any]:
    spec = load_input(case)
    job = PageJob((PAGES / case / "page.html").read_bytes(), spec["url"], spec["site"], now=FIXTURE_NOW,
                  options=JobOptions(normalisers=tuple(NORMALISERS)))
    article = run_job(job).item
    assert article is not None
    return {key: article[key] for key in ("title", "text", "amounts", "dates", "published_at")}


@pytest.fixture(scope="module", params=["seed-shaped-scmp", "seed-shaped-copy"])
def item(request: pytest.FixtureRequest) -> dict[str, Any]:
    return normalised(request.param)


def find(amounts: list[dict], currency: str, value: float, field: str = "text") -> dict:
    matches = [a for a in amounts if a["currency"] == currency and abs(a["value"] - value) <= value * 0.005
               and a["field"] == field]
    assert matches, f"no {currency} {value} in {field}: {[(a['text'], a['currency'], a['value']) for a in amounts]}"
    return matches[0]


def test_offsets_point_at_the_text(item: dict[str, Any]) -> None:
    for entry in item["amounts"] + item["dates"]:
        assert item[entry["field"]][entry["start"]:entry["end"]] == entry["text"]


def test_yuan_amount_with_the_usd_value_the_article_states(item: dict[str, Any]) -> None:
    yuan = find(item["amounts"], "CNY", 160e9)
    assert yuan["value_usd"] == pytest.approx(22.07e9)
    assert yuan["usd_rate_source"] == "article"


def test_usd_restatement_links_to_the_yuan_amount(item: dict[str, Any]) -> None:
    usd = find(item["amounts"], "USD", 22.07e9)
    assert item["amounts"][usd["conversion_of"]]["currency"] == "CNY"


def test_other_yuan_amount_uses_the_article_rate(item: dict[str, Any]) -> None:
    twenty = find(item["amounts"], "CNY", 20e9)
    assert twenty["usd_rate_source"] == "article"
    assert twenty["value_usd"] == pytest.approx(20e9 * 22.07 / 160, rel=1e-3)


def test_title_amount(item: dict[str, Any]) -> None:
    assert find(item["amounts"], "USD", 22e9, field="title")["text"].startswith("US$22")


def test_no_amount_from_percentages_or_jobs(item: dict[str, Any]) -> None:
    texts = " | ".join(a["text"] for a in item["amounts"])
    assert "per cent" not in texts and "200,000" not in texts


def test_published_with_hong_kong_offset_or_utc(item: dict[str, Any]) -> None:
    assert item["published_at"][-6:] in ("+08:00", "+00:00")


def dated(item: dict[str, Any], text: str) -> dict:
    matches = [d for d in item["dates"] if d["text"] == text]
    assert matches, f"no mention {text!r} in {[d['text'] for d in item['dates']]}"
    return matches[0]


def test_tuesday_resolves_to_the_tuesday_on_or_before_publication(item: dict[str, Any]) -> None:
    tuesday = dated(item, "Tuesday")
    assert tuesday["relative"] is True and tuesday["granularity"] == "day"
    # SCMP page: published Tuesday 18 Feb 2025 (that day); the copy: posted Wednesday 19 Feb (the day before)
    assert tuesday["date"] == "2025-02-18"


def test_years_and_last_year(item: dict[str, Any]) -> None:
    assert (dated(item, "2025")["granularity"], dated(item, "2025")["date"]) == ("year", "2025-01-01")
    assert dated(item, "2024")["date"] == "2024-01-01"
    last_year = [d for d in item["dates"] if d["text"].startswith("last year")]
    assert last_year and last_year[0]["date"] == "2024-01-01" and last_year[0]["granularity"] == "year"


def test_no_date_from_percentages(item: dict[str, Any]) -> None:
    assert not [d for d in item["dates"] if "per cent" in d["text"] or d["text"] in ("5.5", "3", "2")]
