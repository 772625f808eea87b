"""Joining mentions into ranges, and telling ranges from changes.

"US$3 billion to US$5 billion", "30亿元至50亿元" and "between US$2 and US$3 billion" are one amount
with a ``value_max``. "rose from US$3 billion to US$5 billion", "by HK$1 to HK$12", "slipped US$10 to
US$2,640" and "从300亿元增至450亿元" are two amounts; so is a "range" whose bounds are more than
``RANGE_MAX_RATIO`` apart. A bare scaled number before "and"/"or" shares the next amount's currency
("5 billion and 6 billion yuan").
"""

from __future__ import annotations

from . import context as C
from . import grammar as G
from .mention import Mention
from .numbers import parse_digits, scale_exponent


def merge_ranges(work: str, found: list[Mention]) -> list[Mention]:
    """Join adjacent mentions of one currency separated by "to", "-", "至" or "between ... and"."""
    out: list[Mention] = []
    i = 0
    while i < len(found):
        a = found[i]
        b = found[i + 1] if i + 1 < len(found) else None
        if b is not None and a.currency == b.currency and a.value_max is None and b.value_max is None \
                and a.unit in (None, b.unit) and a.negative == b.negative and a.end <= b.start:
            gap = work[a.end:b.start]
            between = C.Before(work, a.start).between() if G.AND_GAP_RE.match(gap) else None
            if between or G.MERGE_GAP_RE.match(gap):
                change = not between and C.Before(work, a.start).change()
                low = a.value
                if a.exp == 0 and b.exp and (change or a.value.scaleb(b.exp) <= b.value):
                    low = a.value.scaleb(b.exp)
                if change:  # "from HK$10 to HK$12 a share": two amounts sharing scale and unit
                    a.value, a.unit = low, a.unit or b.unit
                elif low < b.value and (between or b.value <= low * G.RANGE_MAX_RATIO):
                    a.value, a.value_max, a.end, a.unit = low, b.value, b.end, b.unit
                    if between:
                        a.start = between.start()
                    a.approximate = a.approximate or b.approximate
                    out.append(a)
                    i += 2
                    continue
        out.append(a)
        i += 1
    return out


def _may_follow_ellipsis(work: str, start: int) -> bool:
    """Cheap gate for :meth:`.context.Before.ellipsis`: "and"/"or"/"和" just before."""
    tail = work[max(0, start - 5):start]
    return "and" in tail or "or" in tail or any(ch in tail for ch in "和及或、")


def add_ellipses(work: str, found: list[Mention]) -> list[Mention]:
    """Add "5 billion" in "5 billion and 6 billion yuan": a bare scaled number shares the currency."""
    out: list[Mention] = []
    for mention in found:
        extra: list[Mention] = []
        head, floor = mention, out[-1].end if out else 0
        while _may_follow_ellipsis(work, head.start) and (
                before := C.Before(work, head.start).ellipsis(floor)) is not None:
            exp = scale_exponent(before.group("s"))
            head = Mention(before.start(), before.end("s"), parse_digits(before.group("n")).scaleb(exp),
                           None, mention.currency, exp=exp, inferred=mention.inferred)
            extra.append(head)
        out.extend(reversed(extra))
        out.append(mention)
    return out
