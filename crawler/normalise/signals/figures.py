"""Economic indicator figures stated in an article: GDP growth, CPI, PMI, trade, policy rates...

`find_figures(article)` reads the article's title and text, and reuses its `amounts` and `dates`
(the normalisers before this one filled them). Per sentence: indicator names and look-alikes are
found (`lexicon`), then numbers with a unit (`values`); each number belongs to the nearest indicator
name before it (or the one it explicitly names after it, "a 3 per cent rise in retail sales"), unless
a look-alike ("core CPI", "stake", "M2") is nearer. Sign, kind, period and place follow from cue
words of the same sentence. The entry shape is the contract in docs/signals.md.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from typing import Any

from crawler.normalise.signals import lexicon
from crawler.normalise.signals.epu import language_family
from crawler.normalise.signals.periods import RATE_INDICATORS, is_previous_level, pick_period, special_mentions
from crawler.normalise.signals.prefilter import AnyOf, KeyIndex, Prefiltered, fold
from crawler.normalise.signals.sentences import sentence_spans
from crawler.normalise.signals.values import Value, find_values

AMOUNT_INDICATORS = {"exports", "imports", "trade_balance", "fdi", "fixed_asset_investment", "budget_revenue",
                     "budget_deficit", "retail_sales", "industrial_output"}
MAX_GAP = {"en": 170, "zh": 80}
_DIGIT = re.compile(r"\d|percentage")
_CENTRAL_BANK = re.compile(r"\b(?:Fed|Federal Reserve|central bank|BoJ|BOJ|Bank of Japan|Bank of England|ECB|Bank of Korea|Bank Negara|RBI|RBA|Reserve Bank|MAS)\b")


@dataclass
class Mention:
    start: int
    end: int
    indicator: str | None  # None: a look-alike that is not one of our indicators


@lru_cache(maxsize=2)
def _patterns(family: str) -> tuple[tuple[str | None, Prefiltered], ...]:
    flags = re.IGNORECASE if family == "en" else 0
    out: list[tuple[str | None, Prefiltered]] = []
    for indicator, en, zh in lexicon.INDICATORS:
        pattern = en if family == "en" else zh
        # Acronyms stay case-sensitive (OPR, FAI are not words); the rest ignore case.
        out.append((indicator, Prefiltered.compile(rf"(?<![\w]){pattern}(?![\w])" if family == "en" else pattern, flags)))
    out.append(("", Prefiltered.compile(lexicon.NEUTRAL_EN if family == "en" else lexicon.NEUTRAL_ZH, flags)))
    if family == "en":
        out.append(("interest_rate",
                    Prefiltered.compile(r"(?<!\w)(?:benchmark |key |official )?interest rates?(?!\w)", flags)))
    for blocker in (lexicon.BLOCKERS_EN if family == "en" else lexicon.BLOCKERS_ZH):
        out.append((None, Prefiltered.compile(rf"(?<![\w]){blocker}(?![\w])" if family == "en" else blocker, flags)))
    return tuple(out)


@lru_cache(maxsize=2)
def _places(family: str) -> tuple[tuple[Prefiltered, str], ...]:
    table = lexicon.PLACES_EN if family == "en" else lexicon.PLACES_ZH
    return tuple((Prefiltered.compile(rf"(?<![\w]){p}" if family == "en" else p), name) for p, name in table)


@lru_cache(maxsize=2)
def _any_indicator(family: str) -> AnyOf:
    """Whether a field can name an indicator: the key literals of every indicator name pattern, one scan."""
    return AnyOf([pattern for indicator, pattern in _patterns(family) if indicator])


@lru_cache(maxsize=2)
def _name_index(family: str) -> KeyIndex:
    """Which name and look-alike patterns can match a sentence: their key literals, in one scan."""
    return KeyIndex([pattern for _, pattern in _patterns(family)])


@lru_cache(maxsize=2)
def _place_index(family: str) -> KeyIndex:
    return KeyIndex([pattern for pattern, _ in _places(family)])


def find_mentions(text: str, lo: int, hi: int, family: str, folded: str | None = None,
                  candidates: Sequence[int] | None = None) -> list[Mention]:
    """Indicator names and look-alikes in `text[lo:hi]`, longest first, none overlapping.

    `folded`: `fold(text[lo:hi])`, and `candidates`: `_name_index(family).candidates(text[lo:hi], folded)`,
    if already computed. Only the candidate patterns are run (the others cannot match).
    """
    if folded is None:
        folded = fold(text[lo:hi])
    if candidates is None:
        candidates = _name_index(family).candidates(text[lo:hi], folded)
    patterns = _patterns(family)
    found = [(m.start(), m.end(), indicator) for indicator, pattern in (patterns[i] for i in candidates)
             for m in pattern.finditer(text, lo, hi, folded) if m.end() > m.start()]
    found.sort(key=lambda f: (-(f[1] - f[0]), f[2] is None, f[0]))
    kept: list[Mention] = []
    for start, end, indicator in found:
        if any(start < k.end and k.start < end for k in kept):
            continue
        kept.append(Mention(start, end, indicator))
    kept = sorted((k for k in kept if k.indicator != ""), key=lambda k: k.start)
    sentence = text[lo:hi]
    for mention in kept:
        if mention.indicator == "interest_rate":
            mention.indicator = "policy_rate" if _CENTRAL_BANK.search(sentence) else None
        elif mention.indicator is not None and _is_lookalike(text, mention, family):
            mention.indicator = None
    return kept


def _is_lookalike(text: str, mention: Mention, family: str) -> bool:
    before = text[max(0, mention.start - 24):mention.start]
    after = text[mention.end:mention.end + 20]
    if family == "zh":
        return bool(re.search(r"(?:拉动|带动|贡献|占)$", before)) or (
            mention.indicator in ("exports", "imports") and bool(re.match(r"(?:订单|管制|退税|企业|商品价格)", after)))
    possessive = re.search(r"((?:[A-Z][\w-]*\s)*[A-Z][\w-]*)(?:'s|’s)\s+(?:\w+\s+)?$", text[max(0, mention.start - 40):mention.start])
    if mention.indicator in ("exports", "imports") and possessive and not any(
            p.pattern.match(possessive.group(1)) for p, _ in _places("en")):
        return True
    if mention.indicator == "gdp_growth" and re.search(r"\b(?:of|to|nominal)\s+(?:the\s+)?$", before, re.I):
        return True  # "4 per cent of GDP", "contributed ... to GDP growth", nominal GDP
    if mention.indicator in ("exports", "imports") and re.match(r"\s*(?:controls?|orders|licen[cs]es?|bans?|curbs?)", after):
        return True
    return False


def _value_rejected(text: str, value: Value, indicator: str, family: str) -> bool:
    before = text[max(0, value.start - 30):value.start]
    after = text[value.end:value.end + 40]
    if family == "en":
        if re.match(r"\s*(?:stake|share|holding|interest in|discount|premium|commission|fee|tariff|tax|levy|duty|"
                    r"yield|coupon|margin|return|of (?:its|their|the company's) |of (?:all |the )?(?:firms|companies|"
                    r"respondents|households|voters|workers|residents|earners|population|people|the vote|revenue|sales|"
                    r"market)|to (?:(?:the |China's |its )?(?:GDP|economic|growth|gross))|-? ?owned|of gdp|of gross)",
                    after, re.I) and not (indicator == "budget_deficit" and re.match(r"\s*of (?:gdp|gross)", after, re.I)):
            return True
        if re.search(r"\b(?:top|bottom|richest|poorest|wealthiest)\s+$", before, re.I):
            return True
        if re.search(r"\d\s*(?:to|-|–|and)\s*$", before):
            return True  # a range: neither end is the stated figure
    else:
        if re.match(r"(?:左右)?的?(?:股份|股权|份额|关税|税率|收益率)", after) or re.search(r"(?:持有|持股|占比?|比重为?)$", before):
            return True
        if re.search(r"[\d.]+(?:%|％)?(?:至|到|-|—|~)$", before):
            return True  # the upper end of a range
    return False


_LINK_AFTER_EN = re.compile(r"^\s*(?:(?:year-on-year|annual|on-year|y/y|month-on-month|headline)\s+)?(?:(?:\w+-)?(?:target|goal|rise|increase|growth|gain|jump|drop|decline|fall|cut|reduction|hike|contraction|expansion|slide)s?\s+(?:for|in|of|to)\s+(?:the\s+)?(?:growth\s+of\s+)?(?:its\s+|the\s+|China's\s+|\w+'s\s+)?)$", re.I)


def _owner(text: str, value: Value, mentions: Sequence[Mention], family: str) -> Mention | None:
    before = [m for m in mentions if m.end <= value.start and value.start - m.end <= MAX_GAP[family]]
    after = [m for m in mentions if m.start >= value.end and m.start - value.end <= 50]
    if after and family == "en" and _LINK_AFTER_EN.match(text[value.end:after[0].start]):
        return after[0]
    if before:
        return before[-1]
    return None


def _sign(text: str, value: Value, owner: Mention, prev_end: int, family: str) -> int:
    if value.printed_negative or value.unit == "amount":
        return 1
    # The verb may come before the name ("cut the RRR by", "下调存款准备金率"): look a little further back.
    lo = max(owner.start - 30 if owner.end <= value.start else 0, prev_end)
    window = text[lo:value.start]
    after = text[value.end:value.end + 25]
    if family == "en":
        if re.search(r"\b(?:to|at|was|were|is|are|be|hit|hits|reach|reached|reaches|remained|stood|stands|stand)\s+"
                     r"(?:a |an |the |about |around |roughly |just |only |some |nearly |almost |over |under |below |above |"
                     r"more than |less than |an estimated |a record |a revised |record |new |fresh |low of |high of )*$",
                     window, re.I):
            return 1
        if re.match(r"\s*(?:year-on-year |on-year |annual |month-on-month )?(?:drop|decline|fall|contraction|cut|reduction|slide|decrease|slump)", after, re.I):
            return -1
        cues = [(m.start(), -1) for m in re.finditer(lexicon.DOWN_EN, window, re.I)]
        cues += [(m.start(), 1) for m in re.finditer(lexicon.UP_EN, window, re.I)]
    else:
        if re.search(r"(?:至|到|为|是|达|达到|在|报)$", window):
            return 1
        if re.match(r"(?:左右)?的?(?:降幅|跌幅)", after):
            return -1
        cues = [(m.start(), -1) for m in re.finditer(lexicon.DOWN_ZH, window)]
        cues += [(m.start(), 1) for m in re.finditer(lexicon.UP_ZH, window)]
    return max(cues)[1] if cues else 1


_BREAK_EN = re.compile(r";|,\s+(?:while|whereas|but|although|though|compared with|versus|beating|missing|exceeding|topping|above|below|after|against|outpacing|slower than|faster than)\b|\b(?:than|while|whereas|but)\b", re.I)
_BREAK_ZH = re.compile(r"；|，(?:而|但|高于|低于|略高于|略低于|超过|好于|不及|快于|慢于)|(?:高于|低于|快于|慢于)")
_NOT_CUES_EN = re.compile(r"(?:than|as|from|of) (?:expected|forecast|anticipated|predicted|estimated)|expectations|forecasts? of analysts", re.I)


# The cue patterns of `_kind`, compiled once and prefiltered: a context without a pattern's words is
# not scanned (the same matches: `crawler.normalise.signals.prefilter`).
_TARGET_AFTER_EN = re.compile(r"\s*(?:\w+\s+)?(?:target|goal|ceiling)", re.I)
_FORECAST_AFTER_EN = re.compile(r"\s*(?:\w+\s+)?(?:forecast|projection|estimate)\b", re.I)
_TARGET_CUES_EN = Prefiltered.compile(lexicon.TARGET_EN, re.I)
_FORECAST_CUES_EN = Prefiltered.compile(lexicon.FORECAST_EN)
_RATE_FORECAST_CUES_EN = Prefiltered.compile(
    r"\b(?:forecasts?|predict\w*|expect\w*|economists|analysts|likely|poll\w*|consensus|anticipat\w+|bets?|pricing in)\b",
    re.I)
_CAPITALISED_CUES_EN = Prefiltered.compile(r"\b(?:Forecasts?|Economists|Analysts|Expect\w*)\b")
_OUTLOOK_CUES_EN = Prefiltered.compile(
    r"\b(?:forecasts?|forecasters|predict\w*|expect\w*|projected|projection|outlook|polled|consensus|anticipat\w+)\b",
    re.I)
_TARGET_AFTER_ZH = re.compile(r"(?:左右)?的?(?:预期)?目标")
_TARGET_CUES_ZH = Prefiltered.compile(lexicon.TARGET_ZH)
_FORECAST_CUES_ZH = Prefiltered.compile(lexicon.FORECAST_ZH)
_RATE_FORECAST_CUES_ZH = Prefiltered.compile(r"预计|预测|预期(?!目标)|有望|分析师|经济学家|市场普遍")
_ESTIMATED_EN = re.compile(r"\b(?:is|are|was|were) estimated (?:at|to)\b")


def _cue_starts(pattern: Prefiltered, context: str, folded: str | None = None) -> list[int]:
    """Where the cue pattern matches in `context` (`folded`: `fold(context)`, if computed)."""
    return [m.start() for m in pattern.finditer(context, folded=folded)]


def _kind(text: str, lo: int, value: Value, indicator: str, family: str) -> str:
    breaks = list((_BREAK_EN if family == "en" else _BREAK_ZH).finditer(text, lo, value.start))
    start = breaks[-1].end() if breaks else lo
    context = text[start:value.start]
    after = text[value.end:value.end + 30]
    rate = indicator in RATE_INDICATORS
    if family == "en":
        context = _NOT_CUES_EN.sub(" ", context)
        if _TARGET_AFTER_EN.match(after):
            return "target"
        if _FORECAST_AFTER_EN.match(after):
            return "forecast"
        folded = fold(context)
        target_at = [] if rate else _cue_starts(_TARGET_CUES_EN, context, folded)
        forecast_at = _cue_starts(_RATE_FORECAST_CUES_EN if rate else _FORECAST_CUES_EN, context, folded)
        forecast_at += _cue_starts(_CAPITALISED_CUES_EN, context)
        if not rate:
            forecast_at += _cue_starts(_OUTLOOK_CUES_EN, context, folded)
    else:
        if _TARGET_AFTER_ZH.match(after) and not rate:
            return "target"
        target_at = [] if rate else _cue_starts(_TARGET_CUES_ZH, context)
        forecast_at = _cue_starts(_RATE_FORECAST_CUES_ZH if rate else _FORECAST_CUES_ZH, context)
        if not target_at and not forecast_at and value.text.endswith(("左右", "上下")) and not rate:
            return "target"
    if family == "en" and _ESTIMATED_EN.search(context):
        forecast_at.append(len(context))
    if forecast_at and (not target_at or max(forecast_at) > max(target_at)):
        return "forecast"
    if target_at:
        return "target"
    return "actual"


def _place_mentions(text: str, lo: int, hi: int, family: str, folded: str) -> list[tuple[int, int, str]]:
    """`(start, end, place)` of every place pattern's matches in the sentence (`folded`: its fold), in table order."""
    places = _places(family)
    return [(m.start(), m.end(), name) for pattern, name in (places[i] for i in
                                                             _place_index(family).candidates(text[lo:hi], folded))
            for m in pattern.finditer(text, lo, hi, folded)]


def _place(places: Sequence[tuple[int, int, str]], owner: Mention) -> str | None:
    best: tuple[int, str] | None = None
    for start, end, name in places:
        distance = owner.start - end if end <= owner.start else (start - owner.end) * 2 + 5
        if start <= owner.start < end or owner.start <= start < owner.end:
            distance = 0
        if best is None or max(distance, 0) < best[0]:
            best = (max(distance, 0), name)
    return best[1] if best else None


def _published(article: Mapping[str, Any]) -> date | None:
    raw = article.get("published_at")  # never the crawl time: no anchor, no period
    if isinstance(raw, str) and re.match(r"\d{4}-\d{2}-\d{2}", raw):
        return date.fromisoformat(raw[:10])
    return None


def find_figures(article: Mapping[str, Any]) -> list[dict[str, Any]]:
    """The indicator figures of the article's title and text (see docs/signals.md for each key)."""
    title, body = article.get("title") or "", article.get("text") or ""
    family = language_family(article.get("language"), title + body)
    published = _published(article)
    figures: list[dict[str, Any]] = []
    for field, text in (("title", title), ("text", body)):
        if not text:
            continue
        amounts = [a for a in article.get("amounts") or [] if a.get("field") == field]
        dates = [d for d in article.get("dates") or [] if d.get("field") == field]
        if not _any_indicator(family).possible(text, fold(text)):
            continue  # no indicator name anywhere in the field: no figure in it
        for lo, hi in sentence_spans(text):
            figures += _sentence_figures(text, field, lo, hi, family, amounts, dates, published)
    return figures


def _amount_values(amounts: Sequence[Mapping[str, Any]], lo: int, hi: int) -> list[Value]:
    return [Value(float(a["value"]), "amount", a["start"], a["end"], a["text"], currency=a.get("currency"))
            for a in amounts if lo <= a["start"] and a["end"] <= hi and not a.get("unit")
            and a.get("conversion_of") is None]


def _sentence_figures(text: str, field: str, lo: int, hi: int, family: str, amounts: Sequence[Mapping[str, Any]],
                      dates: Sequence[Mapping[str, Any]], published: date | None) -> list[dict[str, Any]]:
    if not _DIGIT.search(text, lo, hi):  # no number, no figure: skip the name scan (most of the cost)
        return []
    folded = fold(text[lo:hi])
    candidates = _name_index(family).candidates(text[lo:hi], folded)
    patterns = _patterns(family)
    if not any(patterns[i][0] for i in candidates):
        return []  # no indicator name can be in the sentence: skip the scan of every pattern
    mentions = find_mentions(text, lo, hi, family, folded, candidates)
    if not any(m.indicator for m in mentions):
        return []
    values = find_values(text, lo, hi, family)
    money = _amount_values(amounts, lo, hi)
    values = [v for v in values if not any(v.start < a.end and a.start < v.end for a in money)] + money
    mentions = [m for m in mentions if m.indicator or not any(m.start < a.end and a.start < m.end for a in money)]
    values = [v for v in values if not any(v.start < m.end and m.start < v.end for m in mentions)]
    dates = [d for d in dates if d["start"] <= hi and d["end"] >= lo]  # those of this sentence (same order)
    values = [v for v in values if not any(d["start"] <= v.start < d["end"] for d in dates if d.get("field") == field)]
    values.sort(key=lambda v: v.start)
    out: list[dict[str, Any]] = []
    prev_end = lo
    places: list[tuple[int, int, str]] | None = None
    specials_by_place: dict[str | None, list[Any]] = {}
    for value in values:
        owner = _owner(text, value, mentions, family)
        if owner is None or owner.indicator is None:
            continue
        indicator, unit = owner.indicator, value.unit
        if indicator == "pmi" and unit == "percent":
            unit = "index_points"
        if (unit == "index_points") != (indicator == "pmi") or (unit == "amount" and indicator not in AMOUNT_INDICATORS):
            continue
        if unit == "basis_points" and indicator in ("gdp_growth", "pmi"):
            continue
        if _value_rejected(text, value, indicator, family):
            continue
        number = value.value * _sign(text, value, owner, prev_end, family)
        if unit == "amount" and indicator == "trade_balance" and re.search(r"deficit|逆差", text[owner.start:owner.end], re.I):
            number = -abs(number)
        if places is None:
            places = _place_mentions(text, lo, hi, family, folded)
        place = _place(places, owner)
        kind = _kind(text, lo, value, indicator, family)
        if place not in specials_by_place:
            specials_by_place[place] = special_mentions(text, lo, hi, published, place)
        specials = specials_by_place[place]
        period = None if is_previous_level(text, value.start, value.end) else \
            pick_period(text, (lo, hi), (value.start, value.end), indicator, dates, specials, family,
                        first_indicator=min(m.start for m in mentions if m.indicator), kind=kind)
        out.append({
            "indicator": indicator, "value": number, "unit": unit,
            "currency": value.currency if unit == "amount" else None,
            "kind": kind, "period": period, "place": place,
            "text": value.text, "field": field, "start": value.start, "end": value.end,
            "sentence_start": lo, "sentence_end": hi,
        })
        prev_end = value.end
    return out
