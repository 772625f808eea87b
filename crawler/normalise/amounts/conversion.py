"""US-dollar values for an article's amounts: stated conversions first, then the reference table.

1. Linking. An amount immediately restated in another currency is a stated conversion: a parenthesis
   ("160 billion yuan (US$22.07 billion)", "（约合220.7亿美元）", a list "(HK$1.3bn; US$166m)") or an
   apposition (", or about US$22bn", " - roughly ...", ", equivalent to ...", "，折合..."). The restating
   amount gets ``conversion_of`` = index of the restated one. A link is refused when the two values
   disagree with the reference table by more than a factor of two (not a conversion, or a typo).
2. Article rates. A link between a currency and USD gives both amounts a value in USD stated by the
   article, and an implied rate (USD per unit) that converts the article's other amounts in that
   currency, title included ("20 billion yuan more" -> value * 22.07/160): source ``"article"``.
3. USD amounts are stated in US dollars by the article itself: value_usd = value, usd_rate 1.0,
   source ``"article"``.
4. Other amounts use the bundled monthly table (:mod:`.rates`): source ``"table"``; currencies it does
   not hold stay unconverted (all three fields null).
"""

from __future__ import annotations

import re

from . import rates

SP = "[ \u00a0\u202f]*"
_LINK_WORDS = (r"or|or about|or roughly|or around|or approximately|or some|or nearly|about|roughly|around"
               r"|approximately|approx\.|some|nearly|almost|equivalent to|equal to|the equivalent of|worth"
               r"|i\.e\.|c\.|~|≈"
               r"|(?:约合|約合|折合|合|约|約|相当于|相當於)(?:人民币|人民幣|美元|港元|港币|港幣)?(?:约|約|大约|大約)?")
PAREN_OPEN_RE = re.compile(rf"^{SP}[(（\[]{SP}(?:(?i:{_LINK_WORDS}){SP})?$")
PAREN_NEXT_RE = re.compile(rf"^{SP}(?:[;；,，/]|(?i:or)\b){SP}(?:(?i:{_LINK_WORDS}){SP})?$")
# Matched (anchored) at the end of the restating amount.
PAREN_CLOSE_RE = re.compile(rf"{SP}(?:(?i:at|based on|using|on)\b[^)）\]]{{0,60}})?[)）\]]")
PAREN_MORE_RE = re.compile(rf"{SP}(?:[;；,，/]|(?i:or)\b)")
APPOSITION_RE = re.compile(rf"^{SP}(?:[,，:]|--?|—|–)?{SP}(?i:{_LINK_WORDS}){SP}$")
PLAUSIBLE = 2.0


def _plausible(a: dict, b: dict, month: str) -> bool:
    rate_a, rate_b = rates.usd_per_unit(a["currency"], month), rates.usd_per_unit(b["currency"], month)
    if not a["value"] or not b["value"]:
        return False
    if rate_a is None or rate_b is None:
        return True
    ratio = (a["value"] * rate_a) / (b["value"] * rate_b)
    return 1 / PLAUSIBLE <= ratio <= PLAUSIBLE


def link_conversions(amounts: list[dict], texts: dict[str, str], month: str) -> None:
    """Set ``conversion_of`` on amounts that restate the amount just before them (in place)."""
    for i, a in enumerate(amounts):
        if a["conversion_of"] is not None:
            continue
        text = texts[a["field"]]
        j, previous, in_paren = i + 1, a, False
        while j < len(amounts) and amounts[j]["field"] == a["field"]:
            b = amounts[j]
            gap = text[previous["end"]:b["start"]]
            if previous is a:
                if PAREN_OPEN_RE.match(gap):
                    in_paren = True
                elif not APPOSITION_RE.match(gap):
                    break
            elif not (in_paren and PAREN_NEXT_RE.match(gap)):
                break
            if in_paren and not (PAREN_CLOSE_RE.match(text, b["end"]) or PAREN_MORE_RE.match(text, b["end"])):
                break
            if b["currency"] == a["currency"] or not _plausible(a, b, month):
                break
            b["conversion_of"] = i
            if not in_paren:
                break
            previous, j = b, j + 1


def _set(amount: dict, value_usd: float, rate: float, source: str) -> None:
    amount["value_usd"] = _round(value_usd)
    amount["usd_rate"] = _round(rate)
    amount["usd_rate_source"] = source


def _round(x: float) -> float:
    """Ten significant digits: hides float noise (2758750000.0000005) without losing precision."""
    return float(f"{x:.10g}")


def apply_rates(amounts: list[dict], month: str) -> None:
    """Fill ``value_usd``, ``usd_rate``, ``usd_rate_source`` (in place), links already set."""
    implied: dict[str, float] = {}
    for b in amounts:
        if b["conversion_of"] is None:
            continue
        a = amounts[b["conversion_of"]]
        for local, usd in ((a, b), (b, a)):
            if usd["currency"] == "USD" and local["currency"] != "USD" and local["value"]:
                rate = usd["value"] / local["value"]
                _set(local, usd["value"], rate, "article")
                implied.setdefault(local["currency"], rate)
    for amount in amounts:
        if amount["usd_rate_source"] is not None:
            continue
        currency, value = amount["currency"], amount["value"]
        if currency == "USD":
            _set(amount, value, 1.0, "article")
        elif currency in implied:
            _set(amount, value * implied[currency], implied[currency], "article")
        else:
            rate = rates.usd_per_unit(currency, month)
            if rate is not None:
                _set(amount, value * rate, rate, "table")
