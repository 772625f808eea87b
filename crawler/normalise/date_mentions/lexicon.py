"""Words and regular expressions that find English date mentions, as data.

Month and weekday names are matched case-sensitively ("May" the month, "may" the modal verb);
the words around them are not. Bare four-digit numbers count as years only after words that
make them read as years; quantities ("2025 units"), currencies ("US$2025") and decimals are
screened out by `QUANTITY_AFTER_RE` and `BLOCKED_BEFORE_RE`.
"""

from __future__ import annotations

import re

WEEKDAYS = {
    name: i
    for i, name in enumerate(("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"))
}
ORDINALS = {
    "first": 1,
    "1st": 1,
    "second": 2,
    "2nd": 2,
    "third": 3,
    "3rd": 3,
    "fourth": 4,
    "4th": 4,
    "final": 4,
    "last": 4,
}
NUMBER_WORDS = {
    "a": 1,
    "an": 1,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
}
RELATIVE_OFFSETS = {
    "last": -1,
    "previous": -1,
    "prior": -1,
    "preceding": -1,
    "this": 0,
    "current": 0,
    "next": 1,
    "coming": 1,
}
# Words before a weekday that make it a holiday or a brand, not a day of the week.
WEEKDAY_BLOCKERS = frozenset(
    {
        "black",
        "cyber",
        "super",
        "good",
        "holy",
        "easter",
        "ash",
        "giving",
        "bloody",
        "manic",
        "blue",
        "maundy",
        "palm",
        "shrove",
    }
)
# Words before "of" + year that make the number a quantity ("a total of 2025").
QUANTITY_OF = frozenset(
    {
        "total",
        "sum",
        "out",
        "one",
        "number",
        "count",
        "average",
        "tally",
        "maximum",
        "minimum",
        "score",
        "reading",
        "index",
        "value",
        "figure",
        "level",
        "worth",
    }
)

_MONTH_FULL = r"(?:January|February|March|April|May|June|July|August|September|October|November|December)"
_MONTH_ANY = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December"
    r"|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\b\.?)"
)
_DAY = r"(?P<d>3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?"
_YEAR = r"(?P<y>\d{4})"
_NOT_AMOUNT = r"(?![.,]\d|\s*(?:%|per\s?cent|percent|pc\b))"
_REL_YEAR = r"(?P<rel>(?i:last|this|next))\s+(?i:year)\b"
_WEEKDAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"

# English: (name, pattern). Names pick the handler in `rules_en`.
EN_PATTERNS = (
    ("iso", r"\b(?P<y>\d{4})-(?P<m>\d\d)-(?P<d>\d\d)\b"),
    ("weekday_month_day", rf"\b(?P<wd>{_WEEKDAY}),?\s+(?P<mon>{_MONTH_ANY})\s+{_DAY}\b(?:,?\s+{_YEAR}\b)?"),
    (
        "weekday_day_month",
        rf"\b(?P<wd>{_WEEKDAY}),?\s+(?:the\s+)?{_DAY}\s+(?i:of\s+)?(?P<mon>{_MONTH_ANY})"
        rf"(?:,?\s+{_YEAR}\b)?",
    ),
    ("month_day_rel_year", rf"\b(?P<mon>{_MONTH_ANY})\s+{_DAY},?\s+(?i:of\s+)?{_REL_YEAR}"),
    ("day_month_rel_year", rf"\b{_DAY}\s+(?i:of\s+)?(?P<mon>{_MONTH_ANY})\s+(?i:of\s+)?{_REL_YEAR}"),
    ("day_month_year", rf"\b{_DAY}\s+(?i:of\s+)?(?P<mon>{_MONTH_ANY}),?\s+{_YEAR}\b"),
    ("month_day_year", rf"\b(?P<mon>{_MONTH_ANY})\s+{_DAY},?\s+{_YEAR}\b"),
    ("day_month", rf"\b{_DAY}\s+(?i:of\s+)?(?P<mon>{_MONTH_ANY})(?!\w)"),
    ("month_day", rf"\b(?P<mon>{_MONTH_ANY})\s+{_DAY}\b{_NOT_AMOUNT}"),
    ("month_year", rf"\b(?P<mon>{_MONTH_ANY}),?\s+(?i:of\s+)?{_YEAR}\b{_NOT_AMOUNT}"),
    ("month_rel_year", rf"\b(?P<mon>{_MONTH_FULL})\s+(?i:of\s+)?{_REL_YEAR}"),
    ("rel_month", rf"\b(?P<rel>(?i:last|this|next))\s+(?P<mon>{_MONTH_FULL})\b"),
    (
        "month_range",
        rf"\b(?P<mon>{_MONTH_FULL})\s*(?:-|–|—|(?i:to|and|through|or))\s*(?P<mon2>{_MONTH_FULL})\b",
    ),
    (
        "month_context",
        rf"\b(?i:in|since|by|until|till|through|throughout|during|from|to|before|after|between"
        rf"|of|early|late|mid|end|on|for|as\s+of|starting|around|last|each|every)[\s-]+"
        rf"(?:(?i:early|late|mid|the\s+(?:end|start|beginning|middle)\s+of)[\s-]+)?"
        rf"(?P<mon>{_MONTH_FULL})\b",
    ),
    ("month_possessive", rf"\b(?P<mon>{_MONTH_FULL})(?=['’]s\b)"),
    ("month_quarter", rf"\b(?P<mon>{_MONTH_FULL})[\s-]+(?i:quarter)\b"),
    (
        "month_determiner",
        rf"\b(?:(?i:the|its|their|this|that)|\w+['’]s)\s+(?P<mon>{_MONTH_FULL})(?=\s+[a-z])",
    ),
    (
        "quarter",
        r"\b(?P<ord>(?i:first|second|third|fourth|final|last|1st|2nd|3rd|4th))[\s-]+(?i:quarter)\b"
        rf"(?:\s+(?i:of\s+)?(?:{_YEAR}\b{_NOT_AMOUNT}|{_REL_YEAR}|(?P<this>(?i:the|this)\s+year)\b))?",
    ),
    ("q_code", rf"\bQ(?P<q>[1-4])\b(?:\s*(?i:of\s+)?{_YEAR}\b|\s*['’](?P<yy>\d\d)\b)?"),
    ("year_q_code", rf"\b{_YEAR}\s*Q(?P<q>[1-4])\b"),
    ("q_compact", r"\b(?P<q>[1-4])Q\s?(?:(?P<y>\d{4})|(?P<yy>\d\d))\b"),
    (
        "year_range",
        r"\b(?P<y>\d{4})\s*(?:-|–|—|/|(?i:to|and|through|until))\s*(?P<y2>\d{4}|\d\d)\b" + _NOT_AMOUNT,
    ),
    (
        "year_context",
        r"\b(?i:in|since|by|until|till|through|throughout|during|for|from|before|after|between"
        r"|of|early|late|mid|end|fiscal|calendar|financial|year-end|as\s+of|within|beyond|starting"
        r"|the\s+year|circa|spring|summer|autumn|fall|winter)(?:[\s-]+(?i:the\s+)?)"
        + _YEAR
        + r"\b(?!['’]s)"
        + _NOT_AMOUNT,
    ),
    ("year_fy", r"\bFY\s?(?P<y>\d{4})\b"),
    ("year_possessive", r"\b(?P<y>\d{4})(?=['’]s\b)"),
    (
        "year_determiner",
        r"\b(?:(?i:the|its|their|his|her|our|this|that|whose|each)|\w+['’]s)\s+"
        r"(?P<y>\d{4})(?=\s+[A-Za-z])",
    ),
    (
        "year_leading",
        r"(?:^|(?<=[.!?]\s)|(?<=\n)|(?<=[\"“]))(?P<y>\d{4})(?=,?\s+(?i:was|is|has|had|will|saw"
        r"|marked|marks|proved|brought|began|begins|ended|ends|could|would|should|looks)\b)",
    ),
    (
        "deictic",
        r"(?<!(?i:the)\s)\b(?:(?i:the)\s+)?(?P<rel>(?i:last|this|next|current|coming))\s+"
        r"(?P<unit>(?i:year|month|week|quarter))\b",
    ),
    (
        "ago",
        r"\b(?P<n>(?i:a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)|\d{1,2})\s+"
        r"(?P<unit>(?i:years?|months?|weeks?|days?|quarters?))\s+(?P<dir>(?i:ago|earlier|later"
        r"|before(?=\s*[,.;:)]|\s*$)))\b",
    ),
    (
        "previous",
        r"\b(?i:the)\s+(?P<rel>(?i:previous|prior|preceding))\s+(?P<unit>(?i:year|month|week|quarter|day))\b",
    ),
    (
        "unit_before",
        r"\b(?i:the)\s+(?P<unit>(?i:year|month|week|quarter|day))\s+(?i:before)(?=\s*[,.;:)]|\s*$)",
    ),
    ("day_word", r"\b(?P<w>(?i:yesterday|today|tomorrow|tonight|this\s+(?:morning|afternoon|evening)))\b"),
    (
        "weekday",
        r"\b(?:(?P<rel>(?i:last|next|this|coming))\s+)?(?P<wd>Monday|Tuesday|Wednesday|Thursday|Friday"
        r"|Saturday|Sunday)\b(?!\s+(?:Times|Post|Morning|Telegraph|Express|Herald|Mail|Mirror|Edition)\b)",
    ),
)

QUANTITY_AFTER_RE = re.compile(
    r"\s*(?:[a-z]?bn\b|m\b|mn\b|million|billion|trillion|units?|people|persons|jobs|yuan|dollars|euros|yen"
    r"|won|rupees|tonnes|tons|barrels|vehicles|cars|homes|flats|apartments|companies|firms|workers"
    r"|employees|staff|students|cases|deaths|shares|points|times|kilometres|km|metres|hectares|square"
    r"|visitors|tourists|passengers|residents|households|projects|enterprises|items|pieces|seats"
    r"|beds|rooms|tickets|votes|members|patients|children|troops|officers|hours|minutes|days|stores"
    r"|shops|branches|outlets|mw|gw|kw)\b",
    re.I,
)
BLOCKED_BEFORE_RE = re.compile(
    r"(?:[$€£¥￥#]|\b(?:US|HK|S|NT|A|C|RMB|CNY|USD|HKD|No\.?|Nos\.?|Room|Flight)\s?)$"
)
