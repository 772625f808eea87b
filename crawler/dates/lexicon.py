"""Words and regular expressions that find date mentions, as data (English and Chinese).

Month and weekday names are matched case-sensitively ("May" the month, "may" the modal verb);
the words around them are not. Bare four-digit numbers count as years only after words that
make them read as years; quantities ("2025 units"), currencies ("US$2025") and decimals are
screened out by `QUANTITY_AFTER_RE` and `BLOCKED_BEFORE_RE`.
"""

from __future__ import annotations

import re

MONTHS = {name: i + 1 for i, names in enumerate((
    "january jan", "february feb", "march mar", "april apr", "may", "june jun", "july jul",
    "august aug", "september sep sept", "october oct", "november nov", "december dec",
)) for name in names.split()}
WEEKDAYS = {name: i for i, name in enumerate(
    ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"))}
ORDINALS = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4,
            "final": 4, "last": 4}
NUMBER_WORDS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
                "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12}
RELATIVE_OFFSETS = {"last": -1, "previous": -1, "prior": -1, "preceding": -1, "this": 0, "current": 0,
                    "next": 1, "coming": 1}
# Words before a weekday that make it a holiday or a brand, not a day of the week.
WEEKDAY_BLOCKERS = frozenset({"black", "cyber", "super", "good", "holy", "easter", "ash", "giving",
                              "bloody", "manic", "blue", "maundy", "palm", "shrove"})
# Words before "of" + year that make the number a quantity ("a total of 2025").
QUANTITY_OF = frozenset({"total", "sum", "out", "one", "number", "count", "average", "tally", "maximum",
                         "minimum", "score", "reading", "index", "value", "figure", "level", "worth"})

_MONTH_FULL = r"(?:January|February|March|April|May|June|July|August|September|October|November|December)"
_MONTH_ANY = (r"(?:January|February|March|April|May|June|July|August|September|October|November|December"
              r"|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\b\.?)")
_DAY = r"(?P<d>3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?"
_YEAR = r"(?P<y>\d{4})"
_NOT_AMOUNT = r"(?![.,]\d|\s*(?:%|per\s?cent|percent|pc\b))"
_REL_YEAR = r"(?P<rel>(?i:last|this|next))\s+(?i:year)\b"

# English: (name, pattern). Names pick the handler in `rules_en`.
EN_PATTERNS = (
    ("iso", r"\b(?P<y>\d{4})-(?P<m>\d\d)-(?P<d>\d\d)\b"),
    ("day_month_year", rf"\b{_DAY}\s+(?i:of\s+)?(?P<mon>{_MONTH_ANY}),?\s+{_YEAR}\b"),
    ("month_day_year", rf"\b(?P<mon>{_MONTH_ANY})\s+{_DAY},?\s+{_YEAR}\b"),
    ("day_month", rf"\b{_DAY}\s+(?i:of\s+)?(?P<mon>{_MONTH_ANY})(?!\w)"),
    ("month_day", rf"\b(?P<mon>{_MONTH_ANY})\s+{_DAY}\b{_NOT_AMOUNT}"),
    ("month_year", rf"\b(?P<mon>{_MONTH_ANY}),?\s+(?i:of\s+)?{_YEAR}\b{_NOT_AMOUNT}"),
    ("month_rel_year", rf"\b(?P<mon>{_MONTH_FULL})\s+(?i:of\s+)?{_REL_YEAR}"),
    ("rel_month", rf"\b(?P<rel>(?i:last|this|next))\s+(?P<mon>{_MONTH_FULL})\b"),
    ("month_range", rf"\b(?P<mon>{_MONTH_FULL})\s*(?:-|–|—|(?i:to|and|through|or))\s*(?P<mon2>{_MONTH_FULL})\b"),
    ("month_context", rf"\b(?i:in|since|by|until|till|through|throughout|during|from|to|before|after|between"
                      rf"|of|early|late|mid|on|for|as\s+of|starting|around|last|each|every)[\s-]+"
                      rf"(?:(?i:early|late|mid|the\s+(?:end|start|beginning|middle)\s+of)[\s-]+)?"
                      rf"(?P<mon>{_MONTH_FULL})\b"),
    ("month_possessive", rf"\b(?P<mon>{_MONTH_FULL})(?=['’]s\b)"),
    ("quarter", r"\b(?P<ord>(?i:first|second|third|fourth|final|last|1st|2nd|3rd|4th))[\s-]+(?i:quarter)\b"
                rf"(?:\s+(?i:of\s+)?(?:{_YEAR}\b{_NOT_AMOUNT}|{_REL_YEAR}|(?P<this>(?i:the|this)\s+year)\b))?"),
    ("q_code", rf"\bQ(?P<q>[1-4])\b(?:\s*(?i:of\s+)?{_YEAR}\b|\s*['’](?P<yy>\d\d)\b)?"),
    ("year_q_code", rf"\b{_YEAR}\s*Q(?P<q>[1-4])\b"),
    ("q_compact", r"\b(?P<q>[1-4])Q\s?(?:(?P<y>\d{4})|(?P<yy>\d\d))\b"),
    ("year_range", r"\b(?P<y>\d{4})\s*(?:-|–|—|/|(?i:to|and|through|until))\s*(?P<y2>\d{4}|\d\d)\b" + _NOT_AMOUNT),
    ("year_context", r"\b(?i:in|since|by|until|till|through|throughout|during|for|from|before|after|between"
                     r"|of|early|late|mid|end|fiscal|calendar|financial|year-end|as\s+of|within|beyond|starting"
                     r"|the\s+year|circa|spring|summer|autumn|fall|winter)(?:[\s-]+(?i:the\s+)?)"
                     + _YEAR + r"\b(?!['’]s)" + _NOT_AMOUNT),
    ("year_fy", r"\bFY\s?(?P<y>\d{4})\b"),
    ("year_possessive", r"\b(?P<y>\d{4})(?=['’]s\b)"),
    ("year_determiner", r"\b(?:(?i:the|its|their|his|her|our|this|that|whose|each)|\w+['’]s)\s+"
                        r"(?P<y>\d{4})(?=\s+[A-Za-z])"),
    ("year_leading", r"(?:^|(?<=[.!?]\s)|(?<=\n)|(?<=[\"“]))(?P<y>\d{4})(?=,?\s+(?i:was|is|has|had|will|saw"
                     r"|marked|marks|proved|brought|began|begins|ended|ends|could|would|should|looks)\b)"),
    ("deictic", r"(?<!(?i:the)\s)\b(?:(?i:the)\s+)?(?P<rel>(?i:last|this|next|current|coming))\s+"
                r"(?P<unit>(?i:year|month|week|quarter))\b"),
    ("ago", r"\b(?P<n>(?i:a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)|\d{1,2})\s+"
            r"(?P<unit>(?i:years?|months?|weeks?|days?|quarters?))\s+(?P<dir>(?i:ago|earlier|later"
            r"|before(?=\s*[,.;:)]|\s*$)))\b"),
    ("previous", r"\b(?i:the)\s+(?P<rel>(?i:previous|prior|preceding))\s+(?P<unit>(?i:year|month|week|quarter|day))\b"),
    ("unit_before", r"\b(?i:the)\s+(?P<unit>(?i:year|month|week|quarter|day))\s+(?i:before)(?=\s*[,.;:)]|\s*$)"),
    ("day_word", r"\b(?P<w>(?i:yesterday|today|tomorrow|tonight|this\s+(?:morning|afternoon|evening)))\b"),
    ("weekday", r"\b(?:(?P<rel>(?i:last|next|this|coming))\s+)?(?P<wd>Monday|Tuesday|Wednesday|Thursday|Friday"
                r"|Saturday|Sunday)\b(?!\s+(?:Times|Post|Morning|Telegraph|Express|Herald|Mail|Mirror|Edition)\b)"),
)

# Chinese (simplified and traditional). (?<!\d) stands in for \b, which CJK text defeats.
_ZH_RANGE = r"\s*[-－—–~～至到]\s*"
_ZH_REL_YEAR = r"(?P<rel>今年|去年|明年|前年|本年)"
ZH_PATTERNS = (
    ("zh_ymd", r"(?<!\d)(?P<y>\d{4})\s*年\s*(?P<m>\d{1,2})\s*月\s*(?P<d>\d{1,2})\s*[日号號]"),
    ("zh_ym", rf"(?<!\d)(?P<y>\d{{4}})\s*年\s*(?P<m>\d{{1,2}})(?:{_ZH_RANGE}(?P<m2>\d{{1,2}}))?\s*月"),
    ("zh_rel_md", rf"{_ZH_REL_YEAR}\s*(?P<m>\d{{1,2}})\s*月\s*(?P<d>\d{{1,2}})\s*[日号號]"),
    ("zh_rel_m", rf"{_ZH_REL_YEAR}\s*(?P<m>\d{{1,2}})(?:{_ZH_RANGE}(?P<m2>\d{{1,2}}))?\s*月"),
    ("zh_md", r"(?<![\d年])(?P<m>\d{1,2})\s*月\s*(?P<d>\d{1,2})\s*[日号號]"),
    ("zh_m", rf"(?<![\d年第个個每近前])(?P<m>\d{{1,2}})(?:{_ZH_RANGE}(?P<m2>\d{{1,2}}))?\s*月(?!\d)"),
    ("zh_quarter", rf"(?:(?:(?<!\d)(?P<y>\d{{4}})\s*年度?|{_ZH_REL_YEAR})\s*)?(?:第\s*)?(?P<q>[一二三四1-4])\s*季度"),
    ("zh_year_range", rf"(?<!\d)(?P<y>\d{{4}}){_ZH_RANGE}(?P<y2>\d{{4}})\s*年(?!代)"),
    ("zh_year", r"(?<!\d)(?P<y>\d{4})\s*(?:年度|财年|財年|财政年度|財政年度|年)(?!代)"),
    ("zh_weekday", r"(?:(?P<rel>上|本|这|這|下)(?:个|個|一)?\s*)?(?:周|週|星期|礼拜|禮拜)(?P<wd>[一二三四五六日天])"),
    ("zh_day", r"(?<![\d月])(?P<d>3[01]|[12]\d|[1-9])\s*日(?![元本均内內线線间間期益常报報前後后])"),
    ("zh_deictic", r"(?P<w>本年度|上年度|今年|去年|明年|前年|本年|上年|今天|今日(?!头条|頭條)|昨天|昨日|明天|明日"
                   r"|前天|后天|後天|本月|上个月|上個月|上月|下个月|下個月|下月|这个月|這個月|本周|本週|上周|上週"
                   r"|下周|下週|这周|這週|上个星期|上個星期|上星期|下星期|本星期|上一季度|上个季度|上個季度|上季度"
                   r"|本季度|下一季度|下个季度|下個季度|下季度)"),
)
ZH_NUMBERS = {"一": 1, "二": 2, "三": 3, "四": 4, "1": 1, "2": 2, "3": 3, "4": 4}
ZH_WEEKDAYS = {"一": 0, "二": 1, "三": 2, "四": 3, "五": 4, "六": 5, "日": 6, "天": 6}
ZH_REL_YEARS = {"今年": 0, "本年": 0, "去年": -1, "明年": 1, "前年": -2}
ZH_REL_WEEKS = {"上": -1, "本": 0, "这": 0, "這": 0, "下": 1}
# (granularity, offset, anaphoric): anaphoric words ("上年" in statistics) count from the period
# the sentence is about, deictic ones from the publication date.
ZH_DEICTIC = {
    **{w: ("year", n, False) for w, n in ZH_REL_YEARS.items()}, "本年度": ("year", 0, False),
    "上年": ("year", -1, True), "上年度": ("year", -1, True),
    **{w: ("day", 0, False) for w in ("今天", "今日")}, **{w: ("day", -1, False) for w in ("昨天", "昨日")},
    **{w: ("day", 1, False) for w in ("明天", "明日")}, "前天": ("day", -2, False),
    **{w: ("day", 2, False) for w in ("后天", "後天")},
    **{w: ("month", 0, False) for w in ("本月", "这个月", "這個月")},
    **{w: ("month", -1, False) for w in ("上个月", "上個月", "上月")},
    **{w: ("month", 1, False) for w in ("下个月", "下個月", "下月")},
    **{w: ("week", 0, False) for w in ("本周", "本週", "这周", "這週", "本星期")},
    **{w: ("week", -1, False) for w in ("上周", "上週", "上个星期", "上個星期", "上星期")},
    **{w: ("week", 1, False) for w in ("下周", "下週", "下星期")},
    **{w: ("quarter", -1, False) for w in ("上一季度", "上个季度", "上個季度", "上季度")},
    "本季度": ("quarter", 0, False),
    **{w: ("quarter", 1, False) for w in ("下一季度", "下个季度", "下個季度", "下季度")},
}
# Characters before a bare number that make it a count, not a date ("前三季度", "近30日", "每周一").
ZH_COUNT_BEFORE = frozenset("前后後近每第个個共约約数數几幾连連多半整全两兩一上下")

QUANTITY_AFTER_RE = re.compile(
    r"\s*(?:[a-z]?bn\b|m\b|mn\b|million|billion|trillion|units?|people|persons|jobs|yuan|dollars|euros|yen"
    r"|won|rupees|tonnes|tons|barrels|vehicles|cars|homes|flats|apartments|companies|firms|workers"
    r"|employees|staff|students|cases|deaths|shares|points|times|kilometres|km|metres|hectares|square"
    r"|visitors|tourists|passengers|residents|households|projects|enterprises|items|pieces|seats"
    r"|beds|rooms|tickets|votes|members|patients|children|troops|officers|hours|minutes|days|stores"
    r"|shops|branches|outlets|mw|gw|kw)\b",
    re.I,
)
BLOCKED_BEFORE_RE = re.compile(r"(?:[$€£¥￥#]|\b(?:US|HK|S|NT|A|C|RMB|CNY|USD|HKD|No\.?|Nos\.?|Room|Flight)\s?)$")

FUTURE_CUE_RE = re.compile(
    r"\b(?:will|won['’]t|shall|would|going\s+to|due(?!\s+to\b)|due\s+to\s+(?:be|take|start|begin|open|close"
    r"|end|launch|meet|hold|release|publish|announce|report|come|vote|decide|visit|arrive)|set\s+to|expected"
    r"|scheduled|slated|poised|upcoming|forthcoming|plans?\s+to|planning\s+to|aims?\s+to|intends?\s+to"
    r"|is\s+to|are\s+to|next|later)\b|['’]ll\b|将|將|拟|擬|计划|計劃|预计|預計|即将|即將|定于|定於|届时|屆時",
    re.I,
)
PAST_CUE_RE = re.compile(
    r"\b(?:was|were|had|did|said|told|rose|fell|grew|hit|saw|came|took|made|met|began|held|gave|went|won"
    r"|lost|sold|left|became|shrank|sank|slid|spent|paid|cut|set|put|kept|ran|brought|wrote|stood|\w{3,}ed)\b"
    r"|已|曾|了",
    re.I,
)
SENTENCE_BREAK_RE = re.compile(r"[.!?](?=[\s\"”’)]*\s+[\"“‘(]?[A-Z0-9])|[。！？；;\n]")
ABBREVIATION_RE = re.compile(r"(?:\b[A-Z]|\b(?:Mr|Mrs|Ms|Dr|Prof|St|No|Nos|Co|Corp|Inc|Ltd|Jr|Sr|vs|Gov|Sen"
                             r"|Rep|Gen|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec))$")
