"""The grammar of money mentions: compiled regular expressions built once from the currency tables.

One master pattern finds the core of a mention, in three shapes:

* prefix form: a symbol or code, then the number(s): "US$22.07 billion", "HK$10-12", "Rs 5 crore",
  "RMB100m", "人民币5万亿元";
* suffix form: the number(s), then a currency word or code: "160 billion yuan", "3 to 5 trillion yen",
  "100 million RMB", "1600亿元", "220.7亿美元", "50 US cents";
* Chinese numerals with a Chinese currency word: "三千亿元".

The master pattern is tried only at candidates found by two scanning patterns that ``re`` can search
in C (see "Scanning" below). Everything around the core (approximators, a minus sign, "between ...
and", a per-unit phrase, guards against false friends such as "euro zone" or "won the") is read by
small anchored patterns and word lists below, only where a core was found (:mod:`.context`).
Alternations of many words are compiled as tries, which fail at the first letter that fits no word.
"""

from __future__ import annotations

import re

from .currencies import CN_SUFFIXES, CODES, NAMES, NO_PLURAL, PREFIXES, SUBUNITS
from .numbers import SCALE_EXPONENTS

SP = "[ \u00a0\u202f]"
NUM = r"(?:\d{1,3}(?:,\d{3})+(?!\d)|\d{1,2}(?:,\d{2})+,\d{3}(?!\d)|\d+)(?:\.\d+)?"
CN_NUM = "[零〇一二两兩三四五六七八九十百千万萬亿億兆]+"
CN_SCALE = "[十百千万萬亿億兆]+"
EN_SCALE = (r"(?i:thousand|million|billion|trillion|lakhs?|lacs?|crores?|juta|miliar|triliun"
            r"|mln|bln|trn|mil|bil|mn|bn|tn|tr|cr)")
SCALE = (rf"(?:(?:{SP}|-)?{EN_SCALE}(?:{SP}(?i:crores?|billion|million|trillion))?(?![A-Za-z])"
         rf"|[kKmMbB](?![A-Za-z])|{SP}?{CN_SCALE})")
# Dashes count as a range only when written tight ("3-5", "30亿—50亿"): a spaced dash is punctuation.
RANGE_SEP = rf"(?:[-–—](?=\d)|{SP}*[~〜～至到]{SP}*|{SP}+to{SP}+)"


def _alternation(words: list[str]) -> str:
    """A trie of ``words`` as a regex: shared beginnings are tried once, and the longest word wins
    ('HK$' over '$', '港元' over '元', 'hong kong dollars' over 'dollars'). A flat alternation of ~100
    words costs microseconds on every number that is not money; the trie fails at the first letter."""
    trie: dict = {}
    for word in words:
        node = trie
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}
    return _trie_pattern(trie)


def _trie_pattern(node: dict) -> str:
    branches = [(SP if ch == " " else re.escape(ch)) + _trie_pattern(child)
                for ch, child in sorted(node.items()) if ch]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    return f"(?:{body})?" if "" in node else body


def _name_forms(name: str) -> list[str]:
    return [name] if name in NO_PLURAL or name.endswith("s") else [name, name + "s"]


EN_NAME = "(?i:" + _alternation([f for n in [*NAMES, *SUBUNITS] for f in _name_forms(n)]) + ")"
CODE = _alternation(list(CODES))
CN_SUFFIX = _alternation(list(CN_SUFFIXES))
PREFIX = _alternation(list(PREFIXES))


def _body(tag: str) -> str:
    # n1 [多] [scale] [compound: "3亿5000万", "1兆2000億"] [range separator n2 [scale]]
    return (rf"(?P<{tag}n1>{NUM})(?P<{tag}x>[多余餘])?(?P<{tag}s1>{SCALE})?"
            rf"(?:(?<=[十百千万萬亿億兆])(?P<{tag}c>\d+)(?P<{tag}cs>{CN_SCALE}))?"
            rf"(?:(?P<{tag}sep>{RANGE_SEP})(?P<{tag}n2>{NUM})(?P<{tag}s2>{SCALE})?)?")


MASTER_RE = re.compile(
    # prefix form; a Chinese currency word may close it ("人民币100亿元", "HK$3.8億港元")
    rf"(?<![A-Za-z0-9$])(?P<pcur>{PREFIX}){SP}?(?P<psign>[-−])?{_body('p')}"
    rf"(?P<psuf>{CN_SUFFIX})?(?![A-Za-z0-9])"
    # suffix form
    rf"|(?<![A-Za-z0-9_.,$])(?P<sbody>{_body('s')})(?P<sjoin>{SP}|-)?"
    rf"(?P<scur>{CN_SUFFIX}|{EN_NAME}(?![A-Za-z])|{CODE}(?![A-Za-z]))"
    # Chinese numerals, Chinese currency word only
    rf"|(?P<cn>{CN_NUM})(?P<cx>[多余餘])?(?P<ccur>{CN_SUFFIX})"
)

# Scanning: every mention holds a number. Two patterns that start with a literal or a character class
# (which ``re`` searches in C) find the candidates: a currency sign or code followed by a digit, and a
# number followed by something that can continue a suffix-form mention (a scale word, the first word of
# a currency name, a code, "to", a dash, or any non-ASCII character: "亿元", "円"). The master pattern is
# then tried at each candidate only; numbers followed by "per cent", "jobs" or "G" are never visited.
_CN_DIGIT = "零〇一二两兩三四五六七八九十"
_NAME_FIRST_WORDS = {form.split()[0] for name in [*NAMES, *SUBUNITS] for form in (name, name + "s")}
SUFFIX_FIRST_WORDS = sorted({*SCALE_EXPONENTS, "to"} | _NAME_FIRST_WORDS)
# lower, Capitalised and UPPER forms: a case-sensitive trie is searched faster than (?i:...)
_FIRST_WORD_FORMS = sorted({form for w in SUFFIX_FIRST_WORDS for form in (w, w.capitalize(), w.upper())})
PREFIX_SCAN_RE = re.compile(rf"(?:{PREFIX}){SP}?[-−]?(?=\d)")
# Every number run matches (so a failed run is not retried from its middle digits); group "ok" is set
# when it may continue.
SUFFIX_SCAN_RE = re.compile(
    rf"[0-9{_CN_DIGIT}][0-9,.{_CN_DIGIT}百千万萬亿億兆]*+(?:(?={SP}?(?:[^\x00-\x7f]|[-–—~]"
    rf"|{_alternation(_FIRST_WORD_FORMS)}(?![A-Za-z])|{CODE}(?![A-Za-z])))(?P<ok>))?")
FULLWIDTH_RE = re.compile("[０-９．＄￥％－]")

WORD_NUMBER = (r"(?i:half\s+a|a\s+hundred|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven"
               r"|twelve|fifteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)")
# "a billion dollars", "two trillion yen": only with a scale word and a currency name or code.
WORD_AMOUNT_RE = re.compile(
    rf"(?<![A-Za-z-])(?P<w>{WORD_NUMBER}){SP}+(?P<s>(?i:thousand|million|billion|trillion))"
    rf"{SP}+(?P<cur>{EN_NAME}|{CODE})(?![A-Za-z])")

# --- context, matched against the text just before a core (anchored at its end with "$") ----------
# Approximators written before an amount (whole words, lower-cased; up to three words) ...
APPROX_PHRASES = frozenset([
    "about", "around", "roughly", "approximately", "approx", "approx.", "nearly", "near", "almost", "some",
    "estimated", "circa", "c.", "over", "above", "under", "below", "close to", "an estimated", "estimated at",
    "put at", "more than", "upwards of", "in excess of", "north of", "just over", "well over",
    "a little over", "slightly more than", "less than", "just under", "fewer than", "up to", "at least",
    "at most", "as much as", "as high as", "as little as", "as low as", "no more than", "no less than",
    "not more than", "not less than",
])
# ... and in Chinese, written right before the number; signs.
APPROX_CN = tuple(
    "约合 約合 大约 大約 约 約 将近 將近 接近 近 超过 超過 超 逾 多达 多達 高达 高達 至少 不少于 不少於"
    " 不到 不足 不超过 不超過 最多 上看".split())
APPROX_SIGNS = ("~", "≈")
APPROX_AFTER_RE = re.compile(
    rf"(?:-plus\b|\+|{SP}or{SP}(?i:so|more|above|less|below)\b|{SP}?(?:左右|上下|以上|以下))")
MINUS_BEFORE_RE = re.compile(rf"(?:(?<![A-Za-z])(?i:minus|negative){SP}+|(?<![A-Za-z0-9)\].,%])[-−]|负|負)$")
BETWEEN_BARE_RE = re.compile(
    rf"(?<![A-Za-z])(?i:between){SP}+(?P<n>{NUM})(?P<s>{SCALE})?{SP}+and{SP}+$")
BETWEEN_BEFORE_RE = re.compile(rf"(?<![A-Za-z])(?i:between){SP}+$")
# "from X to Y" is a change, not a range, unless something "ranges" from X to Y.
CHANGE_VERBS = (
    "rose|rise|rises|fell|fall|falls|slipped|slips|slid|slides|dropped|drops|gained|gains|lost|loses"
    "|climbed|climbs|jumped|jumps|surged|surges|soared|soars|plunged|plunges|tumbled|tumbles"
    "|declined|declines|increased|increases|decreased|decreases|added|adds|shed|sheds|grew|grows"
    "|widened|widens|narrowed|narrows|advanced|advances|retreated|retreats|eased|eases|up|down"
    "|raised|raises|lifted|lifts|cut|cuts|trimmed|trims|lowered|lowers|higher|lower")
# "from X to Y", "by X to Y" and "rose X to Y" are changes, not ranges, unless something "ranges" from
# X to Y.
FROM_BEFORE_RE = re.compile(
    rf"(?:(?<![A-Za-z])(?i:(?P<ranging>rang(?:e|es|ed|ing)|anywhere|var(?:y|ies|ied|ying)){SP}+)?"
    rf"(?i:from|by){SP}+|(?<![A-Za-z])(?i:{CHANGE_VERBS}){SP}+|[从從由]{SP}?)$")
RANGE_MAX_RATIO = 20  # "US$10 to US$2,640" is no range
# "between US$2 billion and 3 billion": the bare upper bound after "and".
AND_BARE_AFTER_RE = re.compile(rf"{SP}+and{SP}+(?P<n>{NUM})(?P<s>{SCALE})?(?![A-Za-z0-9])")
# "5 billion and 6 billion yuan", "30亿和50亿元": a bare scaled number shares the next currency.
ELLIPSIS_BEFORE_RE = re.compile(
    rf"(?<![A-Za-z0-9_.,$])(?P<n>{NUM})(?P<s>{SCALE})(?:,?{SP}+(?i:and|or){SP}+|{SP}*[和及或、]{SP}*)$")
MERGE_GAP_RE = re.compile(rf"^(?:[-–—~〜～]|{SP}*(?:to|至|到|~|〜|～){SP}*)$")
AND_GAP_RE = re.compile(rf"^{SP}+and{SP}+$")
# A year written where a currency word starts the next phrase: "in 2024 yuan loans rose".
YEAR_RE = re.compile(r"^(?:19|20)\d\d$")
YEAR_CONTEXT_RE = re.compile(
    rf"(?<![A-Za-z])(?i:in|since|by|from|of|until|till|through|during|before|after|for|year|fiscal|fy"
    rf"|and|to|the|between|early|late|mid|end|beginning){SP}+$")

# --- context after a core -------------------------------------------------------------------------
UNIT_WORDS = {
    "share": "share", "shares": "share", "ads": "ADS", "adr": "ADR", "barrel": "barrel",
    "tonne": "tonne", "metric ton": "tonne", "ton": "ton", "troy ounce": "ounce", "ounce": "ounce",
    "oz": "ounce", "kilogram": "kg", "kilo": "kg", "kg": "kg", "gram": "gram", "pound": "pound",
    "lb": "pound", "bbl": "barrel", "mt": "tonne", "litre": "litre", "liter": "litre", "gallon": "gallon",
    "bushel": "bushel",
    "mmbtu": "MMBtu", "megawatt-hour": "MWh", "mwh": "MWh", "kilowatt-hour": "kWh", "kwh": "kWh",
    "square foot": "sq ft", "square feet": "sq ft", "sq ft": "sq ft", "square metre": "sq m",
    "square meter": "sq m", "sq m": "sq m", "sqm": "sq m", "unit": "unit", "person": "person",
    "head": "person", "capita": "person", "household": "household",
    "vehicle": "vehicle", "car": "vehicle", "seat": "seat", "ticket": "ticket", "dose": "dose",
    "trip": "trip", "passenger": "passenger", "carat": "carat", "piece": "piece",
}
_UNIT_ALT = "|".join(re.escape(u).replace(r"\ ", SP) for u in sorted(UNIT_WORDS, key=len, reverse=True))
TIME_UNITS = {"month": "month", "year": "year", "annum": "year", "week": "week", "day": "day",
              "night": "night", "hour": "hour"}
_TIME_ALT = "|".join(sorted(TIME_UNITS, key=len, reverse=True))
UNIT_AFTER_RE = re.compile(
    rf"(?:{SP}+(?i:a|an|per|each){SP}+|{SP}*/{SP}*)"
    rf"(?:(?P<unit>(?i:{_UNIT_ALT}))(?![A-Za-z])"
    # "US$5 billion a year earlier" is a comparison, not a rate
    rf"|(?P<time>(?i:{_TIME_ALT}))(?![A-Za-z])(?!{SP}*-?(?i:earlier|ago|before|later|after|previously"
    rf"|prior|back|from|ahead)\b))"
    rf"|{SP}+(?i:per){SP}+(?P<generic>(?!(?i:cent|centum)\b)[A-Za-z][A-Za-z-]*)")
CN_UNITS = {"股": "share", "桶": "barrel", "吨": "tonne", "噸": "tonne", "盎司": "ounce", "平方米": "sq m",
            "平米": "sq m", "公斤": "kg", "千克": "kg", "克": "gram", "月": "month", "年": "year",
            "天": "day", "日": "day", "人": "person", "晚": "night", "辆": "vehicle", "輛": "vehicle",
            "户": "household", "戶": "household",
            "度": "kWh"}
_CN_UNIT_ALT = _alternation(list(CN_UNITS))
CN_UNIT_AFTER_RE = re.compile(rf"[/每](?P<unit>{_CN_UNIT_ALT})")
# "每股380港元", "每股派发现金红利0.5元", "人均可支配收入41314元": per unit when "每<unit>" or "人均"
# opens the same clause.
CN_UNIT_BEFORE_RE = re.compile(
    rf"(?:每(?P<unit>{_CN_UNIT_ALT})|(?P<capita>人均))[^0-9A-Za-z%％，。；：、,.;:!?！？()（）]{{0,8}}$")
# Exchange-rate quotes are prices of a currency, not amounts: "7.3 yuan per dollar", "1美元兑7.1元".
FX_AFTER_RE = re.compile(
    rf"{SP}+(?i:per|to{SP}+the|against{SP}+the|for{SP}+(?:one|each|every)|versus|vs\.?)"
    rf"{SP}+(?i:US{SP}+|U\.S\.{SP}+)?(?i:dollar|greenback|euro|yen|yuan|renminbi)(?![A-Za-z])"
    rf"|[ ]?[兑兌]|{SP}*=")
FX_BEFORE_RE = re.compile(rf"[兑兌](?![付现現换換])[^，。；,;0-9]{{0,12}}$|={SP}*$")
# Words after a currency name that make it something else ("euro zone", "won the", "pounds of").
NAME_GUARDS = {
    "euro": re.compile(rf"(?:{SP}|-)?(?i:zone|area)\b"),
    "won": re.compile(
        rf"{SP}+(?i:the|a|an|his|her|its|their|our|by|over|against|out|back|praise|approval"
        rf"|support|seats?|votes?|gold|silver|bronze|medals?|awards?|prizes?|titles?|contracts?|bids?"
        r"|orders?|races?|games?|matches)\b"),
    "pound": re.compile(rf"{SP}+of\b"),
}
