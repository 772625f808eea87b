"""The finders do work linear in the size of their input, whatever the input (no clock is read).

Before: the tense of each date mention was read by scanning its whole sentence again (40 KB of
"on Tuesday ..." without a full stop: a minute; 1 MB: about 12 hours), overlapping mentions were
checked against every mention kept so far, and money finding converted digit runs of any length
exactly (a 1 MB run before "yuan": quadratic, or an overflow). Wall-clock figures:
benchmarks/pathological_bench.py.
"""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from crawler.normalise.amounts.finder import find_amounts
from crawler.normalise.date_mentions import cues
from crawler.normalise.date_mentions.mentions import find_date_mentions
from tests.support.pathological import TEXTS, repeat
from tests.support.work import CountingPattern, python_steps

NOW = datetime(2026, 1, 1, tzinfo=UTC)
SMALL, LARGE = 4_000, 16_000
# Linear work grows 4x from SMALL to LARGE; quadratic 16x. The margin covers fixed costs.
MAX_GROWTH = 5.0


def _both(text: str) -> None:
    find_date_mentions(text, reference=NOW)
    find_amounts(text)


@pytest.mark.parametrize("name", sorted(TEXTS))
def test_python_work_grows_linearly(name: str) -> None:
    small = python_steps(_both, TEXTS[name](SMALL))
    large = python_steps(_both, TEXTS[name](LARGE))
    assert large <= MAX_GROWTH * small, (small, large)


@pytest.mark.parametrize("name", ["weekday_mentions", "date_list", "chinese_dates"])
def test_tense_cues_are_searched_once_per_sentence(name: str, monkeypatch: pytest.MonkeyPatch) -> None:
    future, past = CountingPattern(cues.FUTURE_CUE_RE), CountingPattern(cues.PAST_CUE_RE)
    monkeypatch.setattr(cues, "FUTURE_CUE_RE", future)
    monkeypatch.setattr(cues, "PAST_CUE_RE", past)
    text = TEXTS[name](LARGE)
    mentions = find_date_mentions(text, reference=NOW)
    assert len(mentions) > 100
    assert future.scanned <= len(text) and past.scanned <= len(text)


def test_word_amounts_do_not_rescan_the_amounts_found_before() -> None:
    small = python_steps(find_amounts, repeat("two billion dollars, ", SMALL))
    large = python_steps(find_amounts, repeat("two billion dollars, ", LARGE))
    assert len(find_amounts(repeat("two billion dollars, ", LARGE))) == LARGE // 21 + 1
    assert large <= MAX_GROWTH * small, (small, large)


@pytest.mark.parametrize("text", [
    "1234567890" * 3 + " yuan",  # 30 digits
    "US$" + "9" * 40,
    "三千亿" * 10 + "元",  # 30 numerals
    "5" + "亿" * 10 + "元",  # 10^80
    "between US$2 billion and " + "9" * 40 + " billion",
], ids=["digit-run-suffix", "digit-run-prefix", "chinese-numeral-run", "chinese-scale-run", "between-upper"])
def test_numbers_longer_than_any_amount_are_not_money(text: str) -> None:
    found = find_amounts(text)
    assert all(abs(amount["value"]) < 1e25 and (amount["value_max"] or 0) < 1e25 for amount in found), found


@pytest.mark.parametrize("text,value", [
    ("a fund of 100万亿元", 1e14),
    ("US$1,000,000,000,000,000,000 in derivatives", 1e18),
    ("一亿五千万元", 1.5e8),
])
def test_the_largest_real_amounts_are_still_found(text: str, value: float) -> None:
    assert [amount["value"] for amount in find_amounts(text)] == [value]
