"""Money amounts in economic news: find them in prose and give each a value in US dollars.

``find_amounts(text, field)`` finds the mentions of one field; ``annotate_amounts(title, text, ...)``
does a whole article: title amounts first, then text amounts, with stated conversions linked and
US-dollar values filled (see :mod:`.conversion`). Both are pure functions; `NORMALISER` fills an
article's ``amounts`` in the extraction worker. See docs/amounts.md.
"""

from __future__ import annotations

import datetime as dt

from . import conversion, rates
from .currencies import hint_from_language
from .finder import find_amounts, scan

__all__ = ["annotate_amounts", "find_amounts"]


def annotate_amounts(
    title: str | None,
    text: str | None,
    *,
    published_at: str | dt.date | None,
    language: str | None = None,
    country_hint: str | None = None,
) -> list[dict]:
    """The article's amounts list, as the feed's ``amounts`` field.

    ``published_at`` (ISO 8601) picks the month of the reference table (the latest month when it is
    None or out of range). ``country_hint`` (ISO 3166 alpha-2, the publication's home) settles
    ambiguous signs such as bare "$" or "元"; without it, one is derived from ``language`` ("en-SG" ->
    SG, "ja" -> JP). With neither, a bare "$" (or "dollars", "cents") has `currency` null. Amounts
    whose currency came from the hint or from context, not from the sign, have `currency_inferred`.
    """
    hint = country_hint or hint_from_language(language)
    texts = {"title": title or "", "text": text or ""}
    amounts = [m.as_dict(texts[field], field) for field in ("title", "text")
               for m in scan(texts[field], hint)]
    if hint is None:  # no country to say which dollar a bare "$" is: left open, not guessed
        for amount in amounts:
            if amount["currency_inferred"] and amount["currency"] == "USD":
                amount["currency"], amount["currency_inferred"] = None, False
    month = rates.pick_month(published_at)
    conversion.link_conversions(amounts, texts, month)
    conversion.apply_rates(amounts, month)
    return amounts

