"""The development table (dev_table.jsonl) is a valid table for the benchmark, and its score holds.

Written with the rules, it is development data, not an estimate (docs/dates.md#date-mentions).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from benchmarks.dates_bench import DEV_TABLE, Counts, example_table, gold_spans, load_jsonl, ours, score_row

F1_FLOOR = 0.98


def test_every_row_is_well_formed() -> None:
    rows = load_jsonl(DEV_TABLE)
    assert len(rows) >= 300
    assert sum(1 for r in rows if r.published is None) >= 20  # no-anchor rows: dates must be null
    for row in rows:
        gold_spans(row)  # every gold text is in the sentence, in order


def test_a_bad_row_names_its_line(tmp_path: Path) -> None:
    table = tmp_path / "t.jsonl"
    table.write_text(json.dumps({"id": "a", "text": "x", "published": None, "mentions": [{"text": "x"}]}) + "\n")
    with pytest.raises(SystemExit, match=r"t\.jsonl:1: not a table row"):
        load_jsonl(table)


@pytest.mark.parametrize("table", ["dev", "example"])
def test_f1_floor(table: str) -> None:
    rows = load_jsonl(DEV_TABLE) if table == "dev" else example_table()
    total = Counts()
    for row in rows:
        total.add(score_row(gold_spans(row), ours(row))[0])
    assert total.prf()[2] >= F1_FLOOR
