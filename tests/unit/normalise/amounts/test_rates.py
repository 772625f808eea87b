"""The bundled reference-rate table: coverage, source note, plausibility, month picking."""

from __future__ import annotations

import datetime as dt
from importlib.resources import files

import pytest

from crawler.normalise.amounts import rates

CURRENCIES = ["CNY", "HKD", "JPY", "EUR", "GBP", "SGD", "TWD", "KRW", "INR", "AUD", "CAD", "THB", "MYR",
              "IDR", "PHP", "VND", "MOP"]
# Units per US dollar that no monthly average in 2023-2026 left (a loose sanity band, not data).
BANDS = {"CNY": (6.5, 7.6), "HKD": (7.7, 7.9), "JPY": (125, 165), "EUR": (0.8, 1.0), "GBP": (0.7, 0.85),
         "SGD": (1.25, 1.4), "TWD": (28, 34), "KRW": (1200, 1500), "INR": (80, 90), "AUD": (1.4, 1.65),
         "CAD": (1.3, 1.45), "THB": (31, 38), "MYR": (4.1, 4.8), "IDR": (14500, 17000), "PHP": (54, 60),
         "VND": (23000, 27000), "MOP": (7.9, 8.1)}


def _all_months() -> list[str]:
    return [f"{y}-{m:02d}" for y in range(2023, 2027) for m in range(1, 13) if (y, m) <= (2026, 10)]


def test_covers_every_currency_and_month() -> None:
    table = rates.load_table()
    for month in _all_months():
        assert set(CURRENCIES) <= set(table[month]), month


@pytest.mark.parametrize("currency", CURRENCIES)
def test_rates_are_plausible(currency: str) -> None:
    low, high = BANDS[currency]
    for month in _all_months():
        per_usd = 1 / rates.usd_per_unit(currency, month)
        assert low <= per_usd <= high, (currency, month, per_usd)


def test_header_names_its_source_and_says_approximate() -> None:
    table = files("crawler.normalise.amounts").joinpath("usd_rates.csv").read_text(encoding="utf-8")
    header = table.split("month,")[0]
    assert "H.10" in header and "IMF" in header
    assert "approximate" in header.lower() and "reference only" in header.lower()


@pytest.mark.parametrize(("value", "month"), [
    ("2024-02-29T12:00:00+08:00", "2024-02"),
    ("2023-12", "2023-12"),
    (dt.date(2025, 3, 9), "2025-03"),
    (dt.datetime(2024, 7, 1, 8, tzinfo=dt.UTC), "2024-07"),
])
def test_pick_month(value: object, month: str) -> None:
    assert rates.pick_month(value) == month


def test_pick_month_falls_back_to_latest() -> None:
    latest = rates.months()[-1]
    assert latest >= "2026-10"
    assert rates.pick_month(None) == latest
    assert rates.pick_month("2022-12-31") == latest
    assert rates.pick_month("yesterday") == latest


def test_usd_is_one_and_unknown_is_none() -> None:
    assert rates.usd_per_unit("USD", "2024-01") == 1.0
    assert rates.usd_per_unit("CHF", "2024-01") is None
    assert rates.usd_per_unit("CNY", "1999-01") is None
