"""Find money mentions in one field of an article: ``find_amounts(text, field, country_hint=...)``.

A mention needs a currency marker (symbol, code or name) next to a number, so percentages, counts,
years, model names and phone numbers never qualify. Around each core match (see :mod:`.grammar`) the
finder reads the context: approximators ("about", "more than", "约", "逾" -> ``approximate``), a
written minus ("-US$5m", "minus", "负"; parentheses and "loss" are not signs), a per-unit phrase ("a
share", "per barrel", "/股" -> ``unit``), ranges and changes (:mod:`.ranges`), and exchange-rate
quotes ("7.3 yuan per dollar", "US$1 = HK$7.8"), which are dropped. Ambiguous symbols are resolved
by :func:`.currencies.resolve`. Scanning visits only numbers that a currency sign precedes or that a
scale or currency word may follow, so its cost is small on prose full of percentages and dates.

The returned dicts carry every key of the feed's amount entry; the conversion keys (``value_usd``,
``usd_rate``, ``usd_rate_source``, ``conversion_of``) are left null: :func:`.annotate_amounts` fills them.
"""

from __future__ import annotations

import heapq
import re
from decimal import Decimal

from . import context as C
from . import grammar as G
from .currencies import AMBIGUOUS, CN_SUFFIXES, CODES, DOLLAR, NAMES, PREFIXES, SUBUNITS, YEN_OR_YUAN, resolve
from .mention import Mention
from .numbers import (
    FULLWIDTH,
    MAX_CN_NUMERAL_CHARS,
    MAX_EXPONENT,
    WORD_NUMBERS,
    parse_cn_numeral,
    parse_digits,
    scale_exponent,
    scaled,
    too_long,
)
from .ranges import add_ellipses, merge_ranges

LOOKBACK = 48  # characters read before a bare year ("in 2024 yuan loans")
_SPACES = re.compile(r"\s+")
_NUMBER_WORD_ENDS = frozenset(key.rsplit(None, 1)[-1] for key in WORD_NUMBERS)


def find_amounts(text: str, field: str = "text", *, country_hint: str | None = None) -> list[dict]:
    """Money amounts in ``text``, in order of offset, as JSON-safe dicts (conversions left null)."""
    return [m.as_dict(text, field) for m in scan(text, country_hint)]


def scan(text: str | None, country_hint: str | None = None) -> list[Mention]:
    """The mentions of one field, ranges merged, in order of offset."""
    if not text:
        return []
    work = text.translate(FULLWIDTH) if G.FULLWIDTH_RE.search(text) else text
    hint = country_hint.upper() if country_hint else None
    found: list[Mention] = []
    covered = 0  # end of the last core match: candidates inside it are done
    candidates = heapq.merge((m.start() for m in G.PREFIX_SCAN_RE.finditer(work)),
                             (m.start() for m in G.SUFFIX_SCAN_RE.finditer(work) if m.start("ok") >= 0))
    for pos in candidates:
        if pos >= covered and (match := G.MASTER_RE.match(work, pos)) is not None:
            covered = match.end()
            found.extend(_from_core(work, match, hint))
    covered_by: bytearray | None = None  # characters of the mentions so far, built at the first word amount
    for word in ("illion", "ILLION", "housand"):
        at = work.find(word)
        while at >= 0:
            if _after_number_word(work, at):
                if covered_by is None:
                    covered_by = bytearray(len(work))
                    for mention in found:
                        _cover(covered_by, mention)
                for mention in _word_amount(work, at, covered_by, hint):
                    found.append(mention)
                    _cover(covered_by, mention)
            at = work.find(word, at + 1)
    found.sort(key=lambda m: m.start)
    return add_ellipses(work, merge_ranges(work, found))


def _currency_of_suffix(token: str) -> tuple[str, str | None, Decimal]:
    """(table code, canonical English name or None, sub-unit factor) of a matched suffix."""
    if token in CN_SUFFIXES:
        return CN_SUFFIXES[token], None, Decimal(1)
    if token in CODES:
        return CODES[token], None, Decimal(1)
    name = _SPACES.sub(" ", token.lower())
    for key in (name, name[:-1]):
        if key in NAMES:
            return NAMES[key], key, Decimal(1)
        if key in SUBUNITS:
            code, factor = SUBUNITS[key]
            return code, key, Decimal(factor)
    raise KeyError(token)


def _from_core(work: str, m: re.Match[str], hint: str | None) -> list[Mention]:
    """The mention(s) of one master-pattern match: values, scale, range or change; [] if refused."""
    g = m.group
    name: str | None = None
    factor = Decimal(1)
    negative = False
    if g("pcur") is not None:
        tag, code = "p", PREFIXES[g("pcur")]
        if g("psuf") and code != CN_SUFFIXES[g("psuf")] and code in (YEN_OR_YUAN, DOLLAR):
            code = CN_SUFFIXES[g("psuf")]  # "¥5亿日元": the word is more specific than the sign
        negative = g("psign") is not None
    elif g("sbody") is not None:
        tag = "s"
        code, name, factor = _currency_of_suffix(g("scur"))
        guard = G.NAME_GUARDS.get(name or "")
        scaled_won = name == "won" and (g("ss1") or g("ss2"))  # "24 trillion won on EVs" is money
        if guard is not None and not scaled_won and guard.match(work, m.end()):
            return []
    else:
        if len(g("cn")) > MAX_CN_NUMERAL_CHARS:
            return []  # a run of numerals, not a number
        value = parse_cn_numeral(g("cn"))
        if value is None or (value < 10 and g("ccur") == "元"):  # "一元化", "多元": not money
            return []
        code = CN_SUFFIXES[g("ccur")]
        mention = Mention(m.start(), m.end(), value, None, code, approximate=g("cx") is not None)
        return _finish(work, mention, code, hint)

    n1, s1, n2, s2 = g(tag + "n1"), g(tag + "s1"), g(tag + "n2"), g(tag + "s2")
    if too_long(n1, n2, g(tag + "c")):
        return []  # a digit run, not a number
    e1, e2 = scale_exponent(s1), scale_exponent(s2)
    if max(e1, e2, scale_exponent(g(tag + "cs"))) > MAX_EXPONENT:
        return []  # "5亿亿亿亿...元"
    if tag == "s" and g("sjoin") == "-" and name == "pound" and not (s1 or s2):
        return []  # "a 5-pound bag" is a weight; "a 5,000-yuan subsidy" is money
    if n2 is None and not s1 and G.YEAR_RE.match(n1) and _year_like(work, m, tag):
        return []  # "in 2024 yuan loans rose", "CNY 2025" (Chinese New Year)
    value = parse_digits(n1).scaleb(e1)
    if g(tag + "c") and scale_exponent(g(tag + "cs")) < e1:  # "3亿5000万元", "1兆2000億円"
        value += parse_digits(g(tag + "c")).scaleb(scale_exponent(g(tag + "cs")))
    value *= factor
    mention = Mention(m.start(), m.end(), value, None, code, approximate=g(tag + "x") is not None,
                      exp=e1 or e2, negative=negative)
    if name == "won" and not e1 and value < 100:
        return []  # "the 3 won their seats"
    if n2 is not None:
        high = parse_digits(n2).scaleb(e2) * factor
        change = C.Before(work, m.start()).change()
        if not s1 and s2 and (change or scaled(parse_digits(n1), e2) * factor <= high):
            mention.value = value = scaled(parse_digits(n1), e2) * factor
        if change or high > value * G.RANGE_MAX_RATIO:  # "from 2 to 3 billion yuan": two amounts
            first = Mention(m.start(), m.start(tag + "sep"), value, None, code, mention.approximate, exp=e2)
            second = Mention(m.start(tag + "n2"), m.end(), high, None, code, exp=e2)
            return _finish(work, first, code, hint) + _finish(work, second, code, hint)
        if high > value:
            mention.value_max = high
    return _finish(work, mention, code, hint)


def _after_number_word(work: str, at: int) -> bool:
    """Cheap gate: is the word before the scale word at ``at`` ("b|illion") a number word?"""
    before = work[max(0, at - 20):at].rstrip("mbtrMBTRh").rstrip()
    return before.rsplit(None, 1)[-1].lower() in _NUMBER_WORD_ENDS if before else False


def _cover(covered: bytearray, mention: Mention) -> None:
    covered[mention.start:mention.end] = b"\x01" * (mention.end - mention.start)


def _word_amount(work: str, at: int, covered: bytearray, hint: str | None) -> list[Mention]:
    """ "a billion dollars", "two trillion yen" around the scale word found at ``at``, unless it overlaps
    a mention found before (``covered`` marks their characters: a check costs the match's length)."""
    m = G.WORD_AMOUNT_RE.search(work, max(0, at - 24), at + 48)
    if m is None or not m.start("s") <= at < m.end("s"):
        return []
    if covered.find(1, m.start(), m.end()) >= 0:
        return []
    code, _, factor = _currency_of_suffix(m.group("cur"))
    number = WORD_NUMBERS[_SPACES.sub(" ", m.group("w").lower())]
    exp = scale_exponent(m.group("s"))
    return _finish(work, Mention(m.start(), m.end(), number.scaleb(exp) * factor, None, code, exp=exp),
                   code, hint)


def _year_like(work: str, m: re.Match[str], tag: str) -> bool:
    """A bare year before a currency word after a preposition, or after/before a spaced code."""
    if tag == "p":
        return m.group("pcur") in CODES and not work[m.end("pcur")].isdigit()
    token = m.group("scur")
    if token in CN_SUFFIXES:
        return False
    return token in CODES or bool(G.YEAR_CONTEXT_RE.search(work, max(0, m.start() - LOOKBACK), m.start()))


def _finish(work: str, mention: Mention, code: str, hint: str | None) -> list[Mention]:
    """Read the context around a core mention; [] when it is an exchange-rate quote."""
    before = C.Before(work, mention.start)
    if G.FX_AFTER_RE.match(work, mention.end) or before.fx_quote():
        return []
    if mention.value_max is None:
        if (between := before.between_bare()) is not None:  # "between 2 and 3 billion yuan"
            low = parse_digits(between.group("n"))
            exp = scale_exponent(between.group("s")) or mention.exp
            if low.scaleb(exp) < mention.value:
                mention.value, mention.value_max = low.scaleb(exp), mention.value
                mention.start = between.start()
        elif (opening := before.between()) is not None:  # "between US$2 billion and 3 billion"
            upper = G.AND_BARE_AFTER_RE.match(work, mention.end)
            if upper is not None and not too_long(upper.group("n")) \
                    and scale_exponent(upper.group("s")) <= MAX_EXPONENT:
                high = parse_digits(upper.group("n")).scaleb(scale_exponent(upper.group("s")) or mention.exp)
                if high > mention.value:
                    mention.value_max, mention.end, mention.start = high, upper.end(), opening.start()
        if mention.start != before.start:
            before = C.Before(work, mention.start)
    if (minus := before.minus()) is not None:
        mention.negative = True
        mention.start = minus.start()
        before = C.Before(work, mention.start)
    if before.approximate() or G.APPROX_AFTER_RE.match(work, mention.end):
        mention.approximate = True
    unit = G.UNIT_AFTER_RE.match(work, mention.end) or G.CN_UNIT_AFTER_RE.match(work, mention.end)
    if unit is not None:
        mention.end = unit.end()
        mention.unit = _unit_name(unit)
    elif (cn_unit := before.cn_unit()) is not None:
        mention.unit = G.CN_UNITS[cn_unit.group("unit")] if cn_unit.group("unit") else "person"
    mention.currency = resolve(code, work, mention.start, mention.end, hint)
    mention.inferred = code in AMBIGUOUS  # the sign left the currency open: context or country decided
    return [mention]


def _unit_name(unit: re.Match[str]) -> str:
    groups = unit.groupdict()
    if groups.get("generic"):
        return groups["generic"].lower()
    if groups.get("time"):
        return G.TIME_UNITS[groups["time"].lower()]
    word = groups["unit"]
    if word in G.CN_UNITS:
        return G.CN_UNITS[word]
    return G.UNIT_WORDS[_SPACES.sub(" ", word.lower())]
