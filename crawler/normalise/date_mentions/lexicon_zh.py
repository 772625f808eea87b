"""Chinese words and regular expressions that find date mentions (simplified and traditional), as data.

Numbers are bounded by a "no digit before" lookbehind instead of a word boundary, which CJK text
defeats; counts that look like dates are screened by `ZH_COUNT_BEFORE` in `rules_zh`.
"""

from __future__ import annotations

_ZH_RANGE = r"\s*[-－—–~～至到]\s*"
_ZH_REL_YEAR = r"(?P<rel>今年|去年|明年|前年|本年)"
_ZH_YEAR_OR_REL = rf"(?:(?:(?<!\d)(?P<y>\d{{4}})\s*年|{_ZH_REL_YEAR})\s*)?"
_ZH_COUNT = r"(?P<n>1[0-2]|[1-9]|十[一二]|[一二两兩三四五六七八九十])"
# Chinese: (name, pattern); every match holds a character of `prefilter.CASED["zh"]`.
ZH_PATTERNS = (
    ("zh_ymd", r"(?<!\d)(?P<y>\d{4})\s*年\s*(?P<m>\d{1,2})\s*月\s*(?P<d>\d{1,2})\s*[日号號]"),
    ("zh_ym", rf"(?<!\d)(?P<y>\d{{4}})\s*年\s*(?P<m>\d{{1,2}})(?:{_ZH_RANGE}(?P<m2>\d{{1,2}}))?\s*月"),
    ("zh_rel_md", rf"{_ZH_REL_YEAR}\s*(?P<m>\d{{1,2}})\s*月\s*(?P<d>\d{{1,2}})\s*[日号號]"),
    ("zh_rel_m", rf"{_ZH_REL_YEAR}\s*(?P<m>\d{{1,2}})(?:{_ZH_RANGE}(?P<m2>\d{{1,2}}))?\s*月"),
    ("zh_md", r"(?<![\d年])(?P<m>\d{1,2})\s*月\s*(?P<d>\d{1,2})\s*[日号號]"),
    ("zh_m", rf"(?<![\d年第个個每近前])(?P<m>\d{{1,2}})(?:{_ZH_RANGE}(?P<m2>\d{{1,2}}))?\s*月(?!\d)"),
    (
        "zh_quarter",
        rf"(?:(?:(?<!\d)(?P<y>\d{{4}})\s*年度?|{_ZH_REL_YEAR})\s*)?(?:第\s*)?(?P<q>[一二三四1-4])\s*季度",
    ),
    # "2025/26年度": a fiscal year (Hong Kong's budget); "2021-2025年" stays two years.
    (
        "zh_fiscal_split",
        r"(?<!\d)(?P<y>\d{4})\s*[/／\-－–]\s*(?P<y2>\d{2}|\d{4})\s*(?P<suffix>年度|财年|財年|财政年度|財政年度|年)(?!代)",
    ),
    ("zh_half", rf"{_ZH_YEAR_OR_REL}(?P<h>上|下)半年(?:度)?"),
    # "前三季度", "今年前两个月", "前10个月": a run of months from January.
    ("zh_span", rf"{_ZH_YEAR_OR_REL}前\s*{_ZH_COUNT}\s*(?:个|個)?\s*(?P<unit>月|季度)(?:份)?"),
    ("zh_same_period", r"(?P<w>去年同期|上年同期|上年同月|去年同月)"),
    # "本财政年度", "下一財政年度", "本财年": a fiscal year counted from the publication date.
    ("zh_fiscal_rel", r"(?P<rel>本|今|上|下|新)(?:一|个|個)?\s*(?:财政年度|財政年度|财年|財年)"),
    ("zh_context_year", r"(?<![\d年今去明本上下前当當同次每])(?P<w>全年|年初|年底|年末|年中)(?!度)"),
    ("zh_year_range", rf"(?<!\d)(?P<y>\d{{4}}){_ZH_RANGE}(?P<y2>\d{{4}})\s*年(?!代)"),
    ("zh_year", r"(?<!\d)(?P<y>\d{4})\s*(?:年度|财年|財年|财政年度|財政年度|年)(?!代)"),
    (
        "zh_weekday",
        r"(?:(?P<rel>上|本|这|這|下)(?:个|個|一)?\s*)?(?:周|週|星期|礼拜|禮拜)(?P<wd>[一二三四五六日天])",
    ),
    ("zh_day", r"(?<![\d每])(?P<d>3[01]|[12]\d|[1-9])\s*日(?![元本均内內线線间間期益常报報前後后])"),
    (
        "zh_deictic",
        r"(?P<w>本年度|上年度|今年|去年|明年|前年|本年|上年|今天|今日(?!头条|頭條)|昨天|昨日|明天|明日"
        r"|前天|后天|後天|本月|上个月|上個月|上月|下个月|下個月|下月|这个月|這個月|本周|本週|上周|上週"
        r"|下周|下週|这周|這週|上个星期|上個星期|上星期|下星期|本星期|上一季度|上个季度|上個季度|上季度"
        r"|本季度|下一季度|下个季度|下個季度|下季度|当月|當月|同月|次月|当日|當日|当天|當天|同日|次日|次年|翌年"
        # "年内" is this year; "两年内", "今年内", "3年内" are not (a count, or "今年" itself), nor "年内首次",
        # "年内新高" (a record of the year so far, as "the year's high")
        r"|(?<![\d年今去明本上下前当當同次每一二三四五六七八九十两兩几幾数數多半近])年[内內]"
        r"(?!首次|首度|第一次|新高|新低|最高|最低|高位|低位))",
    ),
)
ZH_NUMBERS = {"一": 1, "二": 2, "三": 3, "四": 4, "1": 1, "2": 2, "3": 3, "4": 4}
ZH_WEEKDAYS = {"一": 0, "二": 1, "三": 2, "四": 3, "五": 4, "六": 5, "日": 6, "天": 6}
ZH_REL_YEARS = {"今年": 0, "本年": 0, "去年": -1, "明年": 1, "前年": -2}
ZH_FISCAL_OFFSETS = {"本": 0, "今": 0, "上": -1, "下": 1, "新": 1}
ZH_REL_WEEKS = {"上": -1, "本": 0, "这": 0, "這": 0, "下": 1}
# (granularity, offset, anaphoric): anaphoric words ("上年" in statistics) count from the period
# the sentence is about, deictic ones from the publication date.
ZH_DEICTIC = {
    **{w: ("year", n, False) for w, n in ZH_REL_YEARS.items()},
    "本年度": ("year", 0, False),
    **{w: ("year", 0, False) for w in ("年内", "年內")},
    "上年": ("year", -1, True),
    "上年度": ("year", -1, True),
    **{w: ("day", 0, False) for w in ("今天", "今日")},
    **{w: ("day", -1, False) for w in ("昨天", "昨日")},
    **{w: ("day", 1, False) for w in ("明天", "明日")},
    "前天": ("day", -2, False),
    **{w: ("day", 2, False) for w in ("后天", "後天")},
    **{w: ("month", 0, False) for w in ("本月", "这个月", "這個月")},
    **{w: ("month", -1, True) for w in ("上个月", "上個月", "上月")},
    **{w: ("month", 1, False) for w in ("下个月", "下個月", "下月")},
    **{w: ("week", 0, False) for w in ("本周", "本週", "这周", "這週", "本星期")},
    **{w: ("week", -1, False) for w in ("上周", "上週", "上个星期", "上個星期", "上星期")},
    **{w: ("week", 1, False) for w in ("下周", "下週", "下星期")},
    **{w: ("quarter", -1, False) for w in ("上一季度", "上个季度", "上個季度", "上季度")},
    "本季度": ("quarter", 0, False),
    **{w: ("quarter", 1, False) for w in ("下一季度", "下个季度", "下個季度", "下季度")},
    **{w: ("month", 0, True) for w in ("当月", "當月", "同月")},
    "次月": ("month", 1, True),
    **{w: ("day", 0, True) for w in ("当日", "當日", "当天", "當天", "同日")},
    "次日": ("day", 1, True),
    **{w: ("year", 1, True) for w in ("次年", "翌年")},
}
ZH_COUNTS = {**{str(n): n for n in range(1, 13)}, "一": 1, "二": 2, "两": 2, "兩": 2, "三": 3, "四": 4, "五": 5,
             "六": 6, "七": 7, "八": 8, "九": 9, "十": 10, "十一": 11, "十二": 12}
# Characters before a bare number that make it a count, not a date ("前三季度", "近30日", "每周一").
ZH_COUNT_BEFORE = frozenset("前后後近每第个個共约約数數几幾连連多半整全两兩一上下")
