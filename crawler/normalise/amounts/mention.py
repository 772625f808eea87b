"""The working record of one money mention, and its conversion to the feed's JSON-safe entry."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from .numbers import plain


@dataclass(slots=True)
class Mention:
    """One amount while it is being built; ``exp`` is the power of ten its scale word gave."""

    start: int
    end: int
    value: Decimal
    value_max: Decimal | None
    currency: str
    approximate: bool = False
    unit: str | None = None
    exp: int = 0
    negative: bool = False
    inferred: bool = False

    def as_dict(self, text: str, field: str) -> dict:
        """The entry of `annotate_amounts`, conversion keys still null."""
        sign = -1 if self.negative else 1
        return {
            "text": text[self.start:self.end], "field": field, "start": self.start, "end": self.end,
            "value": plain(sign * self.value),
            "value_max": None if self.value_max is None else plain(sign * self.value_max),
            "currency": self.currency, "currency_inferred": self.inferred, "approximate": self.approximate,
            "unit": self.unit,
            "value_usd": None, "usd_rate": None, "usd_rate_source": None, "conversion_of": None,
        }

