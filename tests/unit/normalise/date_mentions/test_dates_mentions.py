"""find_date_mentions against the example table, plus entry-shape and behaviour checks."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from crawler.normalise.date_mentions.mentions import find_date_mentions

from .mention_table import ROWS, TUE, Row


def _params() -> list[object]:
    params = []
    for r in ROWS:
        marks = [pytest.mark.xfail(strict=True, reason=r.xfail)] if r.xfail else []
        params.append(pytest.param(r, id=r.id, marks=marks))
    return params


def _reference(r: Row) -> datetime | None:
    return datetime.fromisoformat(r.reference) if r.reference else None


@pytest.mark.parametrize("r", _params())
def test_mention_table(r: Row) -> None:
    found = find_date_mentions(r.text, "text", reference=_reference(r), language=r.language)
    assert [(m["text"], m["date"], m["granularity"], m["relative"]) for m in found] == list(r.expected)


def test_table_is_big_and_varied() -> None:
    assert len(ROWS) >= 200
    assert sum(1 for r in ROWS if not r.expected) >= 30
    assert sum(1 for r in ROWS if r.language and r.language.startswith("zh")) >= 40


def test_entry_shape_and_offsets() -> None:
    text = "When delivering the city's work report on Tuesday, the mayor set a target for 2025."
    found = find_date_mentions(text, "title", reference=datetime.fromisoformat(TUE))
    assert found == [
        {
            "text": "Tuesday",
            "field": "title",
            "start": 42,
            "end": 49,
            "date": "2025-02-18",
            "granularity": "day",
            "relative": True,
        },
        {
            "text": "2025",
            "field": "title",
            "start": 78,
            "end": 82,
            "date": "2025-01-01",
            "granularity": "year",
            "relative": False,
        },
    ]
    for m in found:
        assert text[m["start"] : m["end"]] == m["text"]


def test_reference_may_be_a_date() -> None:
    found = find_date_mentions("Stocks fell on Monday.", reference=date(2025, 2, 18))
    assert [m["date"] for m in found] == ["2025-02-17"]


def test_reference_local_day_is_used() -> None:
    # 2025-02-17T20:00-05:00 is already the 18th in Hong Kong, but the article's own day is the 17th.
    found = find_date_mentions(
        "Stocks fell on Monday.", reference=datetime.fromisoformat("2025-02-17T20:00:00-05:00")
    )
    assert [m["date"] for m in found] == ["2025-02-17"]


@pytest.mark.parametrize("text", ["", None, 42])
def test_empty_or_not_text(text: object) -> None:
    assert find_date_mentions(text, reference=None) == []  # type: ignore[arg-type]


def test_years_beyond_reference_plus_30_are_not_years() -> None:
    ref = datetime(2025, 2, 18)
    assert [m["text"] for m in find_date_mentions("by 2055 and by 2056", reference=ref)] == ["2055"]
    assert find_date_mentions("in 1899", reference=ref) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("Payments are due on February 29.", "2028-02-29", id="next-leap-day-from-2027"),
        pytest.param("Payments were made on February 29.", "2024-02-29", id="last-leap-day-from-2027"),
    ],
)
def test_leap_day_without_year_skips_common_years(text: str, expected: str) -> None:
    found = find_date_mentions(text, reference=datetime(2027, 6, 1))
    assert [m["date"] for m in found] == [expected]


def test_long_text_is_linear_enough() -> None:
    import time

    text = " ".join(r.text for r in ROWS if r.language is None) * 3
    start = time.perf_counter()
    found = find_date_mentions(text, reference=datetime.fromisoformat(TUE))
    assert found and time.perf_counter() - start < 2.0
