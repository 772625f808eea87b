"""Currency tables: symbols, codes and names as data, and the rules for ambiguous markers.

Everything the finder recognises as "this is money, in this currency" is listed here, so that adding
a currency is a data change. Ambiguous markers map to a sentinel (``DOLLAR``, ``YEN_OR_YUAN``,
``YUAN``, ``RUPEE``, ``PESO``) that :func:`resolve` turns into an ISO 4217 code from context:

* ``$`` / "dollars" / "cents": US dollar, unless the caller's ``country_hint`` is a place whose own
  press writes bare ``$`` for its local dollar (SG, HK, TW, AU, NZ, CA, BN). "HK$" elsewhere in the
  same story does not change a bare ``$``: wire style writes ``$`` for USD and qualifies every other
  dollar, so the symbols seen in the story are no evidence.
* ``¥``: yen or yuan. A currency word written right after the amount decides first ("¥12bn
  yuan-denominated", "¥500（日元）"); then ``country_hint`` (JP -> JPY; CN/HK/MO -> CNY); then the
  cue nearest to the amount in its sentence, a currency word or a place ("yen", "円", "Japan",
  "Tokyo", "Bank of Japan", "BOJ", "Toyota" ... against "yuan", "RMB", "人民币", "China", "Beijing",
  "PBOC" ...); then the balance of such cues within 300 characters, then in the whole text; and at
  last the script: CNY in Chinese-language text (Han characters, no kana), JPY otherwise, as ``¥``
  is the usual sign for yen in English-language news.
* bare ``元``: renminbi, except with ``country_hint`` TW (TWD), HK (HKD) or MO (MOP).
* "Rs"/"rupees": INR unless the hint is PK or LK; "pesos": PHP unless the hint is MX.

``CNH`` (offshore yuan) is reported as ``CNY``: it is the same currency and has no ISO 4217 code.
"""

from __future__ import annotations

import re

DOLLAR, YEN_OR_YUAN, YUAN, RUPEE, PESO = "DOLLAR", "YEN_OR_YUAN", "YUAN", "RUPEE", "PESO"
AMBIGUOUS = frozenset({DOLLAR, YEN_OR_YUAN, YUAN, RUPEE, PESO})

# Written immediately before the number ("US$1.2bn", "RMB 100 million", "Rs 5 crore", "人民币5万亿元").
PREFIXES: dict[str, str] = {
    "US$": "USD", "U.S.$": "USD", "US $": "USD", "USD": "USD", "$": DOLLAR,
    "HK$": "HKD", "HK $": "HKD", "HKD": "HKD", "S$": "SGD", "SG$": "SGD", "SGD": "SGD",
    "NT$": "TWD", "NTD": "TWD", "TWD": "TWD", "A$": "AUD", "AU$": "AUD", "AUD": "AUD",
    "C$": "CAD", "CA$": "CAD", "CAD": "CAD", "NZ$": "NZD", "NZD": "NZD", "B$": "BND", "BND": "BND",
    "MOP$": "MOP", "MOP": "MOP", "R$": "BRL", "BRL": "BRL",
    "RMB": "CNY", "Rmb": "CNY", "CNY": "CNY", "CNH": "CNY", "CN¥": "CNY", "¥": YEN_OR_YUAN,
    "JP¥": "JPY", "JPY": "JPY", "€": "EUR", "EUR": "EUR", "£": "GBP", "GBP": "GBP",
    "₩": "KRW", "KRW": "KRW", "₹": "INR", "Rs.": RUPEE, "Rs": RUPEE, "INR": "INR",
    "RM": "MYR", "MYR": "MYR", "Rp": "IDR", "IDR": "IDR", "฿": "THB", "Bt": "THB", "THB": "THB",
    "₱": "PHP", "PHP": "PHP", "Php": "PHP", "₫": "VND", "VND": "VND", "CHF": "CHF",
    "₽": "RUB", "RUB": "RUB", "MXN": "MXN", "AED": "AED", "SAR": "SAR", "PKR": "PKR", "BDT": "BDT",
    "LKR": "LKR", "ZAR": "ZAR", "KZT": "KZT",
    "人民币": "CNY", "人民幣": "CNY", "港币": "HKD", "港幣": "HKD", "新台币": "TWD", "新臺幣": "TWD",
    "新台幣": "TWD", "台币": "TWD", "台幣": "TWD", "澳门币": "MOP", "澳門幣": "MOP",
}

# Codes may also follow the number ("100 million RMB", "5 billion USD"): the all-letter prefixes.
CODES: dict[str, str] = {k: v for k, v in PREFIXES.items() if k.isascii() and k.isalpha() and len(k) >= 3}

# English names after the number, lower-case singular form -> code (plural "s" is optional).
# Multi-word names are listed before the bare noun they end with; the regex tries them in order.
NAMES: dict[str, str] = {
    "us dollar": "USD", "u.s. dollar": "USD", "american dollar": "USD",
    "hong kong dollar": "HKD", "hk dollar": "HKD", "singapore dollar": "SGD", "sing dollar": "SGD",
    "new taiwan dollar": "TWD", "taiwan dollar": "TWD", "taiwanese dollar": "TWD", "nt dollar": "TWD",
    "australian dollar": "AUD", "aussie dollar": "AUD", "canadian dollar": "CAD",
    "new zealand dollar": "NZD", "brunei dollar": "BND", "macau pataca": "MOP", "macao pataca": "MOP",
    "pataca": "MOP", "dollar": DOLLAR,
    "chinese yuan": "CNY", "offshore yuan": "CNY", "onshore yuan": "CNY", "yuan": "CNY",
    "renminbi": "CNY", "japanese yen": "JPY", "yen": "JPY", "euro": "EUR",
    "pound sterling": "GBP", "british pound": "GBP", "sterling": "GBP", "pound": "GBP",
    "south korean won": "KRW", "korean won": "KRW", "won": "KRW",
    "indonesian rupiah": "IDR", "rupiah": "IDR", "pakistani rupee": "PKR", "sri lankan rupee": "LKR",
    "indian rupee": "INR", "rupee": RUPEE, "thai baht": "THB", "baht": "THB",
    "malaysian ringgit": "MYR", "ringgit": "MYR", "mexican peso": "MXN", "philippine peso": "PHP",
    "peso": PESO, "vietnamese dong": "VND", "dong": "VND", "đồng": "VND", "kyat": "MMK", "riel": "KHR",
    "taka": "BDT", "kip": "LAK",
    "swiss franc": "CHF", "russian rouble": "RUB", "russian ruble": "RUB", "rouble": "RUB",
    "ruble": "RUB", "uae dirham": "AED", "dirham": "AED", "saudi riyal": "SAR", "riyal": "SAR",
    "turkish lira": "TRY", "reais": "BRL", "tenge": "KZT",
}
# Names that take no plural "s" in the pattern (the word itself ends the match).
NO_PLURAL = frozenset({"yuan", "renminbi", "yen", "won", "baht", "ringgit", "rupiah", "dong", "đồng", "kip",
                       "taka", "reais", "tenge", "sterling", "pound sterling"})

# Sub-units after the number: value is multiplied by the factor ("50 US cents a share").
SUBUNITS: dict[str, tuple[str, str]] = {
    "us cent": ("USD", "0.01"), "hk cent": ("HKD", "0.01"), "hong kong cent": ("HKD", "0.01"),
    "singapore cent": ("SGD", "0.01"), "cent": (DOLLAR, "0.01"), "pence": ("GBP", "0.01"),
}

# Chinese (and Japanese) currency words after the number, simplified and traditional.
CN_SUFFIXES: dict[str, str] = {
    "元人民币": "CNY", "元人民幣": "CNY", "人民币": "CNY", "人民幣": "CNY",
    "美元": "USD", "美金": "USD", "港元": "HKD", "港币": "HKD", "港幣": "HKD",
    "日元": "JPY", "日圆": "JPY", "日圓": "JPY", "円": "JPY", "欧元": "EUR", "歐元": "EUR",
    "英镑": "GBP", "英鎊": "GBP", "韩元": "KRW", "韓元": "KRW", "韩圆": "KRW",
    "新加坡元": "SGD", "新加坡币": "SGD", "新加坡幣": "SGD", "新元": "SGD", "新币": "SGD", "新幣": "SGD",
    "新台币": "TWD", "新臺幣": "TWD", "新台幣": "TWD", "台币": "TWD", "台幣": "TWD", "臺幣": "TWD",
    "澳门元": "MOP", "澳門元": "MOP", "澳门币": "MOP", "澳門幣": "MOP", "澳元": "AUD", "澳币": "AUD",
    "澳幣": "AUD", "加元": "CAD", "加拿大元": "CAD", "加币": "CAD", "加幣": "CAD",
    "印度卢比": "INR", "卢比": "INR", "盧比": "INR", "泰铢": "THB", "泰銖": "THB",
    "林吉特": "MYR", "令吉": "MYR", "马币": "MYR", "馬幣": "MYR", "印尼盾": "IDR",
    "菲律宾比索": "PHP", "菲律賓比索": "PHP", "比索": "PHP", "越南盾": "VND",
    "卢布": "RUB", "盧布": "RUB", "瑞士法郎": "CHF", "瑞郎": "CHF", "元": YUAN,
}

# The local currency that an ambiguous marker means in a given country (ISO 3166 alpha-2).
LOCAL_DOLLAR = {"SG": "SGD", "HK": "HKD", "TW": "TWD", "AU": "AUD", "NZ": "NZD", "CA": "CAD", "BN": "BND"}
LOCAL_YUAN = {"TW": "TWD", "HK": "HKD", "MO": "MOP"}
LOCAL_RUPEE = {"PK": "PKR", "LK": "LKR"}
LOCAL_PESO = {"MX": "MXN"}
YEN_COUNTRIES = frozenset({"JP"})
YUAN_COUNTRIES = frozenset({"CN", "HK", "MO"})

# Context cues for "¥": currency words and places, for Japan and for China.
_YEN_WORDS = r"\b(?i:yen)\b|円|日元|日圓|日圆"
_YUAN_WORDS = (r"\b(?:(?i:yuan|renminbi)|RMB|Rmb|CNY|CNH)\b|人民币|人民幣"
               r"|(?<![日美港欧歐韩韓澳加新门門坡大])元")
_JAPAN_PLACES = (r"\b(?:Japan(?:ese)?|Tokyo|Osaka|Nikkei|Topix|BOJ|BoJ|Bank of Japan|Toyota|Sony|Honda"
                 r"|Nissan|SoftBank|Nintendo|Mitsubishi)\b|日本|東京|东京|大阪")
_CHINA_PLACES = (r"\b(?:China|Chinese|Beijing|Shanghai|Shenzhen|Guangzhou|Hangzhou|PBOC|PBoC"
                 r"|People's Bank|Alibaba|Tencent|Huawei|BYD|Xiaomi)\b|中国|中國|北京|上海|深圳|央行")
_CUES = re.compile(rf"(?P<jp>{_YEN_WORDS}|{_JAPAN_PLACES})|(?P<cn>{_YUAN_WORDS}|{_CHINA_PLACES})")
_ATTACHED = re.compile(rf"[ \u00a0]*[(（]?[ \u00a0]*(?:(?P<jp>{_YEN_WORDS})|(?P<cn>{_YUAN_WORDS}))")
_SENTENCE_END = re.compile(r"[.!?](?=\s)|[。！？；;\n]")
_KANA = re.compile(r"[\u3040-\u30ff]")
_HAN = re.compile(r"[\u4e00-\u9fff]")
CUE_WINDOW = 300


def _side(match: re.Match[str]) -> str:
    return "JPY" if match.group("jp") else "CNY"


def yen_or_yuan(text: str, start: int, end: int, hint: str | None) -> str:
    """Decide what a "¥" amount at ``text[start:end]`` means.

    In order: a currency word right after it ("¥12bn yuan-denominated"); the country hint; the cue
    nearest to it in its sentence ("... 9,999 yuan in China and ¥189,800 in Japan"); the balance of
    cues around it, then in the whole text; the script (Chinese text -> CNY, otherwise JPY).
    """
    attached = _ATTACHED.match(text, end)
    if attached is not None:
        return _side(attached)
    if hint in YEN_COUNTRIES:
        return "JPY"
    if hint in YUAN_COUNTRIES:
        return "CNY"
    lo, hi = max(0, start - CUE_WINDOW), min(len(text), end + CUE_WINDOW)
    first = lo
    for boundary in _SENTENCE_END.finditer(text, lo, start):
        first = boundary.end()
    stop = _SENTENCE_END.search(text, end, hi)
    nearest: tuple[int, str] | None = None
    for cue in _CUES.finditer(text, first, stop.start() if stop else hi):
        distance = start - cue.end() if cue.end() <= start else cue.start() - end
        if distance >= 0 and (nearest is None or distance < nearest[0]):
            nearest = (distance, _side(cue))
    if nearest is not None:
        return nearest[1]
    for scope in (text[lo:hi], text):
        score = sum(1 if cue.group("jp") else -1 for cue in _CUES.finditer(scope))
        if score:
            return "JPY" if score > 0 else "CNY"
    if _HAN.search(text) and not _KANA.search(text):
        return "CNY"
    return "JPY"


def resolve(code: str, text: str, start: int, end: int, hint: str | None) -> str:
    """Turn a table code or an ambiguous sentinel into an ISO 4217 code."""
    if code not in AMBIGUOUS:
        return code
    if code == DOLLAR:
        return LOCAL_DOLLAR.get(hint or "", "USD")
    if code == YUAN:
        return LOCAL_YUAN.get(hint or "", "CNY")
    if code == RUPEE:
        return LOCAL_RUPEE.get(hint or "", "INR")
    if code == PESO:
        return LOCAL_PESO.get(hint or "", "PHP")
    return yen_or_yuan(text, start, end, hint)


_LANG_COUNTRY = {"ja": "JP", "ko": "KR", "th": "TH", "vi": "VN", "id": "ID", "ms": "MY", "hi": "IN"}


def hint_from_language(language: str | None) -> str | None:
    """A country hint from a BCP 47 tag: its region ("en-SG" -> SG), else the language's home.

    Plain "zh"/"zh-Hans" means mainland China; "zh-Hant" without a region is left open, as
    traditional characters are written in both Hong Kong and Taiwan.
    """
    if not language:
        return None
    parts = language.replace("_", "-").split("-")
    for part in parts[1:]:
        if len(part) == 2 and part.isalpha():
            return part.upper()
    lang = parts[0].lower()
    if lang == "zh":
        return None if any(p.lower() == "hant" for p in parts[1:]) else "CN"
    return _LANG_COUNTRY.get(lang)
