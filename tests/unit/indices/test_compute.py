"""The index on a synthetic feed whose monthly counts are known: every step computed by hand here."""

from __future__ import annotations

import csv
import json
import math
import statistics
from pathlib import Path
from typing import Any

import pytest

from crawler.indices.__main__ import main
from crawler.indices.compute import count_by_source, epu_index, figure_summary
from crawler.indices.feeds import epu_results, read_articles

METHOD = "bbd_scmp_china"
EPU_TEXT = "China's economic outlook is uncertain as Beijing weighs new policy."
PLAIN_TEXT = "The harbour ferry timetable changes next week."
# source -> month -> (articles, EPU articles)
PLAN = {
    "scmp": {"2025-01": (4, 1), "2025-02": (5, 2), "2025-03": (2, 1), "2025-04": (4, 3)},
    "thestandard": {"2025-01": (2, 1), "2025-02": (4, 1), "2025-03": (5, 0), "2025-04": (4, 2)},
}


def article(site: str, month: str, n: int, epu: bool, **extra: Any) -> dict[str, Any]:
    return {"id": f"{site}:{month}-{n}", "site": site, "title": "T", "text": EPU_TEXT if epu else PLAIN_TEXT,
            "language": "en", "published_at": f"{month}-10T08:00:00+08:00", "fingerprint": f"{site}{month}{n}",
            **extra}


def synthetic_feed(path: Path) -> Path:
    lines = []
    for site, months in PLAN.items():
        for month, (total, epu) in months.items():
            lines += [article(site, month, i, i < epu) for i in range(total)]
    # An earlier version of one scmp article (not EPU) that a later line updates to EPU text: counted once, as EPU.
    first = article("scmp", "2025-01", 0, False)
    # A republished copy on a blog: the same story, counted once (with the original).
    copy = article("blog", "2025-01", 0, True, duplicate_of="scmp:2025-01-0", fingerprint="scmp2025-010")
    path.write_text("\n".join(json.dumps(a) for a in [first, *lines, copy]) + "\n", encoding="utf-8")
    return path


def by_hand(base: tuple[str, str]) -> dict[str, float]:
    """The published steps, written out: scale, standardise per source over base, average, normalise."""
    standardised: dict[str, dict[str, float]] = {}
    for site, months in PLAN.items():
        scaled = {m: e / n for m, (n, e) in months.items()}
        sd = statistics.stdev([v for m, v in scaled.items() if base[0] <= m <= base[1]])
        standardised[site] = {m: v / sd for m, v in scaled.items()}
    months = sorted(PLAN["scmp"])
    average = {m: (standardised["scmp"][m] + standardised["thestandard"][m]) / 2 for m in months}
    base_mean = statistics.fmean(v for m, v in average.items() if base[0] <= m <= base[1])
    return {m: 100 * v / base_mean for m, v in average.items()}


def test_counts_keep_the_latest_version_and_one_copy(tmp_path: Path) -> None:
    articles = read_articles([synthetic_feed(tmp_path / "feed.jsonl")])
    counts = count_by_source(articles, METHOD, epu_results)
    assert counts == {site: {m: list(c) for m, c in months.items()} for site, months in PLAN.items()}


@pytest.mark.parametrize("base", [("2025-01", "2025-04"), ("2025-01", "2025-02")])
def test_index_equals_the_hand_computation(tmp_path: Path, base: tuple[str, str]) -> None:
    articles = read_articles([synthetic_feed(tmp_path / "feed.jsonl")])
    result = epu_index(count_by_source(articles, METHOD, epu_results), METHOD, base)
    expected = by_hand(base)
    assert [m for m, _ in result.overall] == sorted(expected)
    for month, value in result.overall:
        assert math.isclose(value, expected[month], rel_tol=1e-12)
    base_values = [v for m, v in result.overall if base[0] <= m <= base[1]]
    assert math.isclose(statistics.fmean(base_values), 100.0)


def test_hand_numbers_themselves() -> None:
    # scmp scaled 0.25, 0.4, 0.5, 0.75; thestandard 0.5, 0.25, 0, 0.5 (all months as base)
    index = by_hand(("2025-01", "2025-04"))
    sd_a, sd_b = statistics.stdev([0.25, 0.4, 0.5, 0.75]), statistics.stdev([0.5, 0.25, 0.0, 0.5])
    jan = (0.25 / sd_a + 0.5 / sd_b) / 2
    mean = statistics.fmean([(0.25 / sd_a + 0.5 / sd_b) / 2, (0.4 / sd_a + 0.25 / sd_b) / 2,
                             (0.5 / sd_a + 0.0 / sd_b) / 2, (0.75 / sd_a + 0.5 / sd_b) / 2])
    assert math.isclose(index["2025-01"], 100 * jan / mean)


def test_a_source_without_variation_is_left_out_and_named() -> None:
    counts = {"flat": {"2025-01": [2, 1], "2025-02": [4, 2]}, "live": {"2025-01": [2, 1], "2025-02": [4, 1]}}
    result = epu_index(counts, METHOD)
    assert result.skipped == ["flat"]
    assert [round(v, 6) for _, v in result.overall] == [round(100 * 0.5 / 0.375, 6), round(100 * 0.25 / 0.375, 6)]


def test_figure_summary_counts_and_means() -> None:
    def fig(value: float, kind: str = "actual") -> dict[str, Any]:
        return {"indicator": "cpi", "value": value, "unit": "percent", "kind": kind}

    articles = [{"published_at": "2025-03-01T00:00:00+00:00", "signals": {"epu": [], "figures": [fig(0.5), fig(0.7)]}},
                {"published_at": "2025-03-09T00:00:00+00:00", "signals": {"epu": [], "figures": [fig(2.0, "target")]}}]
    [row] = figure_summary(articles, ["cpi"])
    assert (row.month, row.count, row.mean) == ("2025-03", 2, pytest.approx(0.6))


def test_command_writes_csv_parquet_plots_and_report(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    feed = synthetic_feed(tmp_path / "feed.jsonl")
    assert main([str(feed), "--out", str(tmp_path / "out"), "--method", METHOD]) == 0
    out = tmp_path / "out"
    for name in ("epu_monthly.csv", "epu_monthly.parquet", "figures_monthly.csv", "report.html",
                 f"epu_{METHOD}.png", f"epu_{METHOD}.svg"):
        assert (out / name).stat().st_size > 0, name
    with (out / "epu_monthly.csv").open(encoding="utf-8") as handle:
        rows = [r for r in csv.DictReader(handle) if r["source"] == "all"]
    expected = by_hand(("2025-01", "2025-04"))
    assert {r["month"]: round(float(r["index"]), 9) for r in rows} == {m: round(v, 9) for m, v in expected.items()}
    assert "data:image/png;base64," in (out / "report.html").read_text(encoding="utf-8")


@pytest.mark.parametrize(("args", "message"), [
    (["--base", "2025-13:2025-14"], "--base"),
    (["--base", "2025-05:2025-01"], "--base"),
])
def test_bad_usage_is_one_line(tmp_path: Path, capsys: pytest.CaptureFixture[str], args: list[str], message: str) -> None:
    feed = synthetic_feed(tmp_path / "feed.jsonl")
    assert main([str(feed), *args]) == 2
    err = capsys.readouterr().err
    assert err.startswith(message) and err.count("\n") == 1


def test_missing_feed_is_one_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main([str(tmp_path / "nope.jsonl")]) == 2
    assert capsys.readouterr().err.startswith("feeds: no such file")
