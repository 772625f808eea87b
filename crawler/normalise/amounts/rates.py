"""The bundled table of monthly reference rates (``usd_rates.csv``): US dollars per unit, by month.

The table is approximate and for reference only (its header names the public series it follows);
it is used only when an article states no conversion of its own. It is read once, lazily.
"""

from __future__ import annotations

import csv
import datetime as dt
import re
from functools import lru_cache
from importlib.resources import files

RATES_FILE = "usd_rates.csv"
_MONTH_RE = re.compile(r"^\s*(\d{4})-?(\d{2})")


@lru_cache(maxsize=1)
def load_table() -> dict[str, dict[str, float]]:
    """{"2025-01": {"CNY": 0.137, ...}, ...}, months in ascending order."""
    table: dict[str, dict[str, float]] = {}
    text = files(__package__).joinpath(RATES_FILE).read_text(encoding="utf-8")
    rows = csv.DictReader(line for line in text.splitlines() if line and not line.startswith("#"))
    for row in rows:
        table.setdefault(row["month"], {})[row["currency"]] = float(row["usd_per_unit"])
    return dict(sorted(table.items()))


def months() -> list[str]:
    """The months the table covers, ascending ("2023-01" ...)."""
    return list(load_table())


def pick_month(published_at: str | dt.date | None) -> str:
    """The table month for a publication time; the latest month when unknown or out of range."""
    table = load_table()
    latest = next(reversed(table))
    if isinstance(published_at, dt.date):
        published_at = published_at.isoformat()
    match = _MONTH_RE.match(published_at) if isinstance(published_at, str) else None
    if match is None:
        return latest
    month = f"{match.group(1)}-{match.group(2)}"
    return month if month in table else latest


def usd_per_unit(currency: str | None, month: str) -> float | None:
    """US dollars per unit of ``currency`` in ``month`` (a table month); None when not tabled or unknown."""
    if currency is None:
        return None
    if currency == "USD":
        return 1.0
    return load_table().get(month, {}).get(currency)
