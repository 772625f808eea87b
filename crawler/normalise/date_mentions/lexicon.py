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
_COUNT = r"(?P<n>(?i:two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)|\d{1,2})"
# What a period can be "of": a year, "this/last/next year", "the year", a fiscal year ("fiscal 2025",
# "the 2024-25 financial year").
_OF_YEAR = (
    r"(?:[\s-]+(?i:of\s+)?(?:(?P<fisc>(?i:fiscal|financial)(?:\s+(?i:year))?\s+)?(?P<y>\d{4})\b" + _NOT_AMOUNT
    + r"|(?i:the\s+)?(?P<sy>\d{4})\s*[-–/]\s*(?P<sy2>\d\d|\d{4})\s+(?i:fiscal|financial|budget)\s+(?i:year)\b"
    + r"|(?P<rel>(?i:last|this|next))\s+(?i:year)\b|(?P<the>(?i:the))\s+(?i:year)\b(?![-\s](?i:before|after|earlier"
    r"|ago|later|to|ended|ending))))?"
)
_FY_CODE = r"FY\s?['’]?(?P<fyy>\d{4}|\d\d)\b(?![-–/]\d)"
# English: (name, trigger, pattern). Names pick the handler in `rules_en`/`rules_periods`; the
# trigger names the words every match contains (`prefilter.CASED` and `prefilter.WORDS`).
EN_PATTERNS = (
    ("iso", "digits", r"\b(?P<y>\d{4})-(?P<m>\d\d)-(?P<d>\d\d)\b"),
    (
        "weekday_month_day",
        "weekday@",
        rf"\b(?P<wd>{_WEEKDAY}),?\s+(?P<mon>{_MONTH_ANY})\s+{_DAY}\b(?:,?\s+{_YEAR}\b)?",
    ),
    (
        "weekday_day_month",
        "weekday@",
        rf"\b(?P<wd>{_WEEKDAY}),?\s+(?:the\s+)?{_DAY}\s+(?i:of\s+)?(?P<mon>{_MONTH_ANY})(?:,?\s+{_YEAR}\b)?",
    ),
    ("month_day_rel_year", "month@", rf"\b(?P<mon>{_MONTH_ANY})\s+{_DAY},?\s+(?i:of\s+)?{_REL_YEAR}"),
    ("month_day_year", "month@", rf"\b(?P<mon>{_MONTH_ANY})\s+{_DAY},?\s+{_YEAR}\b"),
    # "4 March", "4 March 2025", "4 March last year": the day before is DAY_BEFORE_RE.
    (
        "day_month",
        "month@",
        rf"(?P<mon>{_MONTH_ANY})(?!\w)(?:,?\s+{_YEAR}\b|\s+(?i:of\s+)?{_REL_YEAR})?",
    ),
    ("month_day", "month@", rf"\b(?P<mon>{_MONTH_ANY})\s+{_DAY}\b{_NOT_AMOUNT}"),
    ("month_year", "month@", rf"\b(?P<mon>{_MONTH_ANY}),?\s+(?i:of\s+)?{_YEAR}\b{_NOT_AMOUNT}"),
    ("month_rel_year", "month@", rf"\b(?P<mon>{_MONTH_FULL})\s+(?i:of\s+)?{_REL_YEAR}"),
    # "January-October", "the January-to-March quarter", "Jan-Aug 2025": one period.
    (
        "month_span",
        "month@",
        rf"\b(?P<mon>{_MONTH_ANY})(?P<sep>\s*[-–—/]\s*|-to-|\s+(?i:to|through|thru)\s+)"
        rf"(?P<mon2>{_MONTH_ANY})(?:\s+(?P<noun>(?i:period|quarter|months?))\b)?"
        rf"(?:,?\s+(?i:of\s+)?{_YEAR}\b{_NOT_AMOUNT}|\s+{_REL_YEAR})?",
    ),
    # "in September and October": two months, the year chosen for the second.
    ("month_pair", "month@", rf"\b(?P<mon>{_MONTH_FULL})\s*(?:,|(?i:and|or))\s*(?P<mon2>{_MONTH_FULL})\b"),
    # A month name alone: `rules_en` keeps it after a context word ("in March", "last March"), before
    # "'s", after a determiner before a noun ("the March meeting") or opening a sentence before a noun.
    ("month_word", "month@", rf"\b(?P<mon>{_MONTH_FULL})\b"),
    ("month_quarter", "month@", rf"\b(?P<mon>{_MONTH_FULL})[\s-]+(?i:quarter)\b"),
    # "the quarter ended March 31, 2024", "the six months to June", "the fiscal year starting in April":
    # the words before are STATED_BEFORE_RE or STARTING_BEFORE_RE.
    ("month_period", "month@", rf"(?P<mon>{_MONTH_ANY})(?:\s+{_DAY}\b)?(?:,?\s+(?P<y>\d{{4}})\b)?"),
    # "2024-25", "the 2024/25 financial year", "FY2024-25": a fiscal year (one mention).
    (
        "fiscal_split",
        "digits",
        r"(?:\b(?P<fy>FY|(?i:fiscal|financial)(?:\s+(?i:year))?|(?i:year\s+of\s+assessment))\s*)?"
        r"\b(?P<y>\d{4})\s*[-–/]\s*(?P<y2>\d{2}|\d{4})\b(?![.,]\d|\s*(?:%|per\s?cent|[-–/]))"
        r"(?P<fy2>\s+(?i:fiscal|financial|budget|tax)(?:\s+(?i:year))?\b)?",
    ),
    (
        "fiscal_year",
        "digits",
        r"\b(?:(?i:fiscal|financial)(?:\s+(?i:year))?\s+(?P<y>\d{4})|(?:(?i:the|its|their)\s+)?(?P<y3>\d{4})\s+"
        r"(?i:fiscal|financial)\s+(?i:year))\b" + _NOT_AMOUNT,
    ),
    ("fiscal_code", "code", r"\bFY\s?['’]?(?P<yy>\d{4}|\d\d)\b(?![-–/]\d)"),
    ("budget_year", "digits", r"\bBudget\s+(?P<y>\d{4})\b"),
    (
        "fiscal_rel",
        "fiscal",
        r"\b(?:(?i:the)\s+)?(?P<rel>(?i:this|current|next|coming|last|previous|prior))\s+(?P<kind>(?i:fiscal"
        r"|financial))\s+(?i:year)\b",
    ),
    # "the first half", "first-half", "the second half of next year", "H1 2025", "2H24".
    (
        "half",
        "half",
        r"\b(?:(?i:the)\s+)?(?P<ord>(?i:first|second|1st|2nd|latter|back))[\s-]+(?i:half)(?![-\s](?i:of\s+(?!"
        r"(?:the\s+year|this\s+year|last\s+year|next\s+year|fiscal|financial|(?:the\s+)?\d{4})))|[-\s](?i:hour|century"
        r"|decade|point|percentage|dozen|time|day|season|term)\b)" + _OF_YEAR,
    ),
    # "H1 FY25", "Q3 FY2025", "Q3FY25": a part of a fiscal year, in its calendar.
    (
        "half_code",
        "code",
        r"\bH(?P<h>[12])(?:\b|(?=FY))(?:\s*" + _FY_CODE + r"|\s*(?P<y>\d{4})\b|\s*['’]?(?P<yy>\d\d)\b)?",
    ),
    ("half_compact", "code", r"\b(?P<h>[12])H\s?(?:FY\s?)?(?:(?P<y>\d{4})|(?P<yy>\d\d))\b"),
    # "the first 10 months", "the first three quarters of 2024", "the last two months of the year".
    (
        "span",
        "months",
        r"\b(?:(?i:the)\s+)?(?P<which>(?i:first|last|final|opening))\s+" + _COUNT
        + r"\s+(?P<unit>(?i:months|quarters))\b" + _OF_YEAR,
    ),
    (
        "quarter",
        "quarter",
        r"\b(?:(?i:the)\s+)?(?P<ord>(?i:first|second|third|fourth|final|last|1st|2nd|3rd|4th))[\s-]+(?i:quarter)\b"
        + _OF_YEAR,
    ),
    (
        "q_code",
        "code",
        rf"\bQ(?P<q>[1-4])(?:\b|(?=FY))(?:\s*(?i:of\s+)?{_FY_CODE}|\s*(?i:of\s+)?{_YEAR}\b|\s*['’](?P<yy>\d\d)\b)?",
    ),
    ("year_q_code", "code", rf"\b{_YEAR}\s*Q(?P<q>[1-4])\b"),
    ("q_compact", "code", r"\b(?P<q>[1-4])Q\s?(?:(?P<y>\d{4})|(?P<yy>\d\d))\b"),
    # "the same period last year", "the same quarter of 2024", "the year-earlier period".
    (
        "same_period",
        "same",
        r"\b(?:(?i:the)\s+)?(?:(?i:same|corresponding|comparable)\s+(?P<unit>(?i:period|quarter|month|half|time"
        r"|week))\s+(?:(?i:of|in)\s+)?(?:(?P<y>\d{4})\b|(?P<rel>(?i:last|the\s+previous|the\s+prior))\s+(?i:year)\b"
        r"|(?i:a\s+year\s+(?:earlier|ago|before))|(?i:(?:the\s+)?(?:previous|prior|preceding)\s+year)"
        r"|(?i:the\s+year\s+before))|(?i:year)[-\s](?i:ago|earlier)\s+(?P<unit2>(?i:period|quarter|month|half"
        r"|level|levels|figure|figures)))",
    ),
    # "full-year", "for the year", "the end of the year", "year-end".
    # "full-year", "for the year", "the end of the year", "year-end": the words before are checked in
    # `rules_periods` (CONTEXT_YEAR_BEFORE_RE).
    ("context_year", "year@", r"(?i:year)\b(?P<end>[-\s](?i:end)\b)?"),
    (
        "year_range",
        "digits",
        r"\b(?P<y>\d{4})\s*(?:-|–|—|/|(?i:to|and|through|until))\s*(?P<y2>\d{4}|\d\d)\b" + _NOT_AMOUNT,
    ),
    (
        "year_context",
        "digits",
        r"\b(?i:in|since|by|until|till|through|throughout|during|for|from|before|after|between"
        r"|of|early|late|mid|end|calendar|year-end|as\s+of|within|beyond|starting"
        r"|the\s+year|circa|spring|summer|autumn|fall|winter|ended|closed|began|entered|enter|entering"
        r"|start|started|ending|finished|into|across|over|compared\s+(?:with|to)|versus|vs\.?|against)(?:[\s-]+(?i:the\s+)?)"
        + _YEAR
        # "compared with 2000 a year ago": a count compared with another period's
        + r"\b(?!['’]s)(?!\s+(?i:a\s+year\s+(?:ago|earlier|before)|in\s+the\s+(?:same|previous|prior)\b|last\s+year))"
        + _NOT_AMOUNT,
    ),
    ("year_possessive", "digits", r"\b(?P<y>\d{4})(?=['’]s\b)"),
    # "around 2024 levels", "pre-2019 levels": the level of that year.
    ("year_level", "digits", r"\b(?P<y>\d{4})(?=\s+(?i:levels?)\b(?!\s+(?i:of)\b))"),
    (
        "year_determiner",
        "digits",
        r"\b(?:(?i:the|its|their|his|her|our|this|that|whose|each)|\w+['’]s|(?i:a)(?=\s+\d{4}\s+(?!(?i:per|pc)\b)[a-z]))"
        r"\s+(?P<y>\d{4})(?=\s+[A-Za-z])",
    ),
    (
        "year_leading",
        "digits",
        r"(?:^|(?<=[.!?]\s)|(?<=\n)|(?<=[\"“]))(?P<y>\d{4})(?=,?\s+(?i:was|is|has|had|will|saw"
        r"|marked|marks|proved|brought|began|begins|ended|ends|could|would|should|looks)\b)",
    ),
    # "last year", "this quarter", "the coming month": the words before are DEICTIC_BEFORE_RE.
    ("deictic", "units@", r"(?P<unit>(?i:year|month|week|quarter))\b(?![-\s](?i:century|centuries)\b)"),
    (
        "ago",
        "relative",
        r"\b(?P<n>(?i:a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)|\d{1,2})\s+"
        r"(?P<unit>(?i:years?|months?|weeks?|days?|quarters?))\s+(?P<dir>(?i:ago|earlier|later"
        r"|before(?=\s*[,.;:)]|\s*$)))\b(?!\s+(?i:than)\b)",
    ),
    (
        "previous",
        "sequence",
        r"\b(?i:the)\s+(?P<rel>(?i:previous|prior|preceding|following|subsequent))\s+"
        r"(?:(?P<n>(?i:three|six|twelve)|3|6|12)\s+(?P<months>(?i:months))|(?P<unit>(?i:year|month|week|quarter|day)))\b",
    ),
    (
        "unit_before",
        "sequence",
        r"\b(?i:the)\s+(?P<unit>(?i:year|month|week|quarter|day))\s+(?P<dir>(?i:before|after))(?=\s*[,.;:)]|\s*$)",
    ),
    ("day_word", "dayword@", r"(?P<w>(?i:yesterday|today|tomorrow|tonight|this\s+(?:morning|afternoon|evening)))\b"),
    ("weekday_week", "weekday@", rf"\b(?P<wd>{_WEEKDAY})\s+(?:(?i:of\s+))?(?P<rel>(?i:last|next|this))\s+(?i:week)\b"),
    # "on Tuesday", "last Tuesday" (the word before is WEEKDAY_REL_BEFORE_RE).
    (
        "weekday",
        "weekday@",
        r"(?P<wd>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b"
        r"(?!\s+(?:Times|Post|Morning|Telegraph|Express|Herald|Mail|Mirror|Edition)\b)",
    ),
)

MONTH_CONTEXT_BEFORE_RE = re.compile(
    r"\b(?:in|since|by|until|till|through|throughout|during|from|to|before|after|between|of|early|late|mid|end|on"
    r"|for|as\s+of|starting|around|last|each|every)[\s-]+(?:(?:early|late|mid|the\s+(?:end|start|beginning|middle)"
    r"\s+of)[\s-]+)?$",
    re.I,
)
# After a day without a year, the end of a range that has one ("from 1 March to 30 April 2025"): the start
# takes its year.
RANGE_END_YEAR_RE = re.compile(
    rf"\s*(?:[-–—]|(?i:to|until|till|through|and))\s+(?:(?:the\s+)?\d{{1,2}}(?:st|nd|rd|th)?\s+(?i:of\s+)?"
    rf"(?P<mon>{_MONTH_ANY})|(?P<mon2>{_MONTH_ANY})\s+\d{{1,2}}(?:st|nd|rd|th)?),?\s+{_YEAR}\b{_NOT_AMOUNT}"
)
MONTH_REL_BEFORE_RE = re.compile(r"\b(?P<rel>last|this|next)\s+$", re.I)
WEEKDAY_REL_BEFORE_RE = re.compile(r"\b(?P<rel>last|next|this|coming)\s+$", re.I)
DAY_BEFORE_RE = re.compile(rf"\b{_DAY}\s+(?i:of\s+)?$")
DEICTIC_BEFORE_RE = re.compile(r"(?:(?P<the>\bthe)\s+)?\b(?P<rel>last|this|next|current|coming)\s+$", re.I)
CONTEXT_YEAR_BEFORE_RE = re.compile(
    r"\b(?:(?P<full>full|whole|entire)[\s-]+|(?P<endyear>end)[-\s]|(?P<lead>for|during|throughout|through|over|into|in"
    r"|of|ended|ending|end|ends|began|begin|begins|start|started|starts|closed|closes|close|finished|finish|entered"
    r"|enter|enters|across|within)\s+(?P<the>the)\s+)$",
    re.I,
)
CONTEXT_YEAR_NOT_AFTER_RE = re.compile(
    r"[-\s]*(?:before|after|earlier|ago|later|on|to\b|ended|ending|since|when|in\s+which|ahead)|-|\s+\d", re.I
)
STATED_BEFORE_RE = re.compile(
    r"\b(?:(?:the|its|their)\s+)?(?:(?:fiscal|financial)\s+)?(?P<unit>year|half[-\s]year|half|quarter"
    r"|(?P<n>three|six|nine|twelve|3|6|9|12|(?:two|four|five|seven|eight|ten|eleven|1[01]|[2-8])(?=\s+months))"
    r"[\s-]+months?(?:\s+period)?)\s+(?P<how>ended|ending|ends|to|through|that\s+ended|which\s+ended|that\s+ends"
    r"|which\s+ends)\s+(?:(?:on|in)\s+)?(?:the\s+end\s+of\s+)?$",
    re.I,
)
STARTING_BEFORE_RE = re.compile(
    r"\b(?:(?:(?:the|its|their)\s+)?(?:fiscal|financial)\s+|(?:the|its|their)\s+)year\s+(?:starting|beginning"
    r"|that\s+starts|which\s+starts"
    r"|that\s+begins|which\s+begins)\s+(?:(?:on|in)\s+)?$",
    re.I,
)
MONTH_DETERMINER_BEFORE_RE = re.compile(r"(?:\b(?i:the|its|their|this|that)|\w+['’]s)\s+$")
SENTENCE_OPENING_BEFORE_RE = re.compile(r"(?:^|[.!?]\s|\n|[\"“])$")
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
