"""The figure finder on every row of the development table (known failures are strict xfails)."""

from __future__ import annotations

from typing import Any

import pytest

from benchmarks.figures_bench import evaluate, figures_of
from tests.unit.normalise.signals.figure_table import ROWS

KEYS = ("indicator", "value", "unit", "currency", "kind", "period", "place", "text")


def _params() -> list[Any]:
    return [pytest.param(row, id=row["id"], marks=[pytest.mark.xfail(strict=True, reason=row["known_failure"])]
                         if row.get("known_failure") else []) for row in ROWS]


def _normal(figure: dict[str, Any]) -> tuple:
    return tuple(round(float(figure[k]), 6) if k == "value" else figure.get(k) for k in KEYS)


@pytest.mark.parametrize("row", _params())
def test_row(row: dict[str, Any]) -> None:
    found = figures_of(row)
    assert sorted(map(_normal, found), key=repr) == sorted(map(_normal, row["figures"]), key=repr)


def test_offsets_point_at_the_value_text() -> None:
    for row in ROWS:
        for figure in figures_of(row):
            assert row["text"][figure["start"]:figure["end"]] == figure["text"]
            assert figure["sentence_start"] <= figure["start"] < figure["end"] <= figure["sentence_end"]


def test_table_is_big_enough_and_mixed() -> None:
    assert len(ROWS) >= 200
    assert sum(1 for r in ROWS if r["language"] == "zh") >= 80
    assert sum(1 for r in ROWS if not r["figures"]) >= 50  # look-alikes


def test_precision_and_recall_floor() -> None:
    result = evaluate(ROWS)
    tp, found, expected = (sum(result[k].values()) for k in ("tp", "found", "expected"))
    assert tp / found >= 0.9 and tp / expected >= 0.85


def test_figure_periods_never_come_from_the_crawl_time() -> None:
    """Without published_at, 'the first three quarters' / '上半年' have no period, even with a crawl time."""
    from crawler.normalise.amounts.normaliser import amounts_and_stats
    from crawler.normalise.date_mentions.normaliser import dates_and_stats
    from crawler.normalise.signals.figures import find_figures

    def figures(text: str, language: str, **times: str) -> list[dict[str, Any]]:
        article: dict[str, Any] = {"title": "", "text": text, "language": language, **times}
        article["amounts"], _ = amounts_and_stats(article)
        article["dates"], _ = dates_and_stats(article, None)
        return find_figures(article)

    for text, language in (("Industrial output rose 5.6 per cent in the first three quarters.", "en"),
                           ("上半年，国内生产总值同比增长5.0%。", "zh")):
        crawled = figures(text, language, fetched_at="2026-12-06T10:00:00+00:00")
        assert crawled and all(f["period"] is None for f in crawled), crawled
        published = figures(text, language, fetched_at="2026-12-06T10:00:00+00:00",
                            published_at="2025-10-20T10:00:00+08:00")
        assert [f["period"]["date"] for f in published] == ["2025-01-01"], published
