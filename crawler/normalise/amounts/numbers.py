"""Numbers as written in news prose: digits with separators, scale words, Chinese numerals.

Values are computed with :class:`~decimal.Decimal` so that "22.07 billion" is exactly 22070000000,
and handed out as ``int`` when integral, else ``float`` (JSON-safe either way).

price-parser's ``parse_number`` is not used for the digits: it reads "1.234" as 1234 (a European
thousands separator), which turns "US$1.234 billion" into 1.2 trillion dollars; English-language
Asian news always writes "1,234.5", and Indian news "1,00,000", which a comma strip handles exactly.
"""

from __future__ import annotations

from decimal import Decimal

# Full-width digits and signs used in Chinese and Japanese text, mapped one character to one
# character so that offsets found on the translated text are offsets in the original.
FULLWIDTH = str.maketrans("０１２３４５６７８９．＄￥％－", "0123456789.$¥%-")

# Bounds of a number that can be money. The world's yearly output in Vietnamese dong has 21 digits and
# "一亿五千万" 5 characters; longer runs ("1234567890" x 100,000 before "yuan") are not amounts, and
# converting them exactly takes time quadratic in their length.
MAX_DIGITS = 24
MAX_CN_NUMERAL_CHARS = 24
MAX_EXPONENT = 24
"""Largest power of ten of an amount (scale included): "100万亿元" is 10^14."""

# Powers of ten of English (and Indonesian) scale words and abbreviations, lower-cased.
SCALE_EXPONENTS: dict[str, int] = {
    "thousand": 3, "k": 3, "million": 6, "mn": 6, "mln": 6, "m": 6, "juta": 6,
    "billion": 9, "bn": 9, "bln": 9, "b": 9, "miliar": 9,
    "trillion": 12, "tn": 12, "trn": 12, "tr": 12, "triliun": 12,
    "lakh": 5, "lakhs": 5, "lac": 5, "lacs": 5, "crore": 7, "crores": 7, "cr": 7, "mil": 6, "bil": 9,
}
CN_SCALE_EXPONENTS: dict[str, int] = {"十": 1, "百": 2, "千": 3, "万": 4, "萬": 4, "亿": 8, "億": 8, "兆": 12}
CN_DIGITS: dict[str, int] = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "兩": 2, "三": 3, "四": 4,
                             "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
WORD_NUMBERS: dict[str, Decimal] = {
    "a": Decimal(1), "an": Decimal(1), "one": Decimal(1), "two": Decimal(2), "three": Decimal(3),
    "four": Decimal(4), "five": Decimal(5), "six": Decimal(6), "seven": Decimal(7), "eight": Decimal(8),
    "nine": Decimal(9), "ten": Decimal(10), "eleven": Decimal(11), "twelve": Decimal(12),
    "fifteen": Decimal(15), "twenty": Decimal(20), "thirty": Decimal(30), "forty": Decimal(40),
    "fifty": Decimal(50), "sixty": Decimal(60), "seventy": Decimal(70), "eighty": Decimal(80),
    "ninety": Decimal(90), "hundred": Decimal(100), "a hundred": Decimal(100), "half a": Decimal("0.5"),
}


def parse_digits(token: str) -> Decimal:
    """'1,234.56' -> Decimal('1234.56'); '1,00,000' -> Decimal('100000')."""
    return Decimal(token.replace(",", ""))


def too_long(*tokens: str | None) -> bool:
    """True when a digit token has more digits than any amount of money ('1,234.5' has 5)."""
    return any(token is not None and len(token) - token.count(",") - token.count(".") > MAX_DIGITS
               for token in tokens)


def scale_exponent(scale: str | None) -> int:
    """Power of ten of a scale as matched: 'billion', 'bn', '-billion', 'lakh crore', '万亿', '千亿'."""
    if not scale:
        return 0
    scale = scale.strip(" \u00a0\u202f-")
    if scale[0] in CN_SCALE_EXPONENTS:
        return sum(CN_SCALE_EXPONENTS[ch] for ch in scale)
    return sum(SCALE_EXPONENTS[word.lower()] for word in scale.split())


def parse_cn_numeral(token: str) -> Decimal | None:
    """'三千亿' -> 3e11, '一亿五千万' -> 1.5e8, '两万亿' -> 2e12; None when no digit word is present.

    A bare scale character ('万', '百万') is no number: "数百万元" means "several million yuan".
    """
    if not any(ch in CN_DIGITS or ch == "十" for ch in token):
        return None
    total = section = number = 0
    for ch in token:
        if ch in CN_DIGITS:
            number = CN_DIGITS[ch]
        elif ch in "十百千":
            section += (number or 1) * 10 ** CN_SCALE_EXPONENTS[ch]
            number = 0
        elif ch in "万萬":
            section = (section + number) * 10_000
            number = 0
        else:  # 亿 億 兆: close everything so far, including a pending 万 section
            total = (total + section + number) * 10 ** CN_SCALE_EXPONENTS[ch]
            section = number = 0
    return Decimal(total + section + number)


def plain(value: Decimal) -> int | float:
    """A JSON-safe number: int when integral, else float."""
    if value == value.to_integral_value():
        return int(value)
    return float(value)


def scaled(value: Decimal, exponent: int) -> Decimal:
    """``value`` times ten to ``exponent``, exactly."""
    return value.scaleb(exponent) if exponent else value
