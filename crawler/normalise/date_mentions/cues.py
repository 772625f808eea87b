"""Context around a mention: tense cues, "data about a period" cues and sentence bounds.

"on Tuesday" is the latest Tuesday unless the sentence looks ahead ("will", "is due", "takes
effect", "将"); "in March" is the nearest March unless a cue says otherwise; "has risen since
January" is recent; "second-quarter GDP data will be released" looks ahead to a release, not to a
quarter. A preposition right before the mention can decide: "since" looks back, "by", "before" and
"until" look ahead when nothing else does, "extended ... to November 10" looks ahead.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence

from crawler.normalise.date_mentions.tense_words import (
    FUTURE,
    FUTURE_CUE_RE,
    PAST,
    PAST_CUE_RE,
    RECENT,
    RECENT_CUE_RE,
    find_cues,
)

TENSES = {FUTURE: "future", PAST: "past", RECENT: "recent"}

# Words saying the mention is the period some data is about ("second-quarter GDP data will be
# released"): the tense of the sentence is then the release's, not the period's.
DATA_AFTER_RE = re.compile(
    r"(?:['’]s)?[\s-]+(?:[\w-]+\s+){0,3}?(?:data|figures|results|earnings|numbers|statistics|readings|GDP|CPI|PMI"
    r"|trade|inflation|output|sales|exports|imports|profits?|revenue|reporting|deliveries)\b"
    r"|份?[^\W\d_]{0,8}?(?:数据|數據|数字|數字|GDP|CPI|PMI|增速|财报|財報|业绩|業績|生产总值|生產總值)",
    re.I,
)
DATA_BEFORE_RE = re.compile(
    r"\b(?:data|figures|results|earnings|numbers|statistics|readings|GDP|output|profits?|revenue)\s+"
    r"(?:for|of|in)\s+(?:the\s+)?$",
    re.I,
)
# A preposition right before the mention ("since early March", "by the end of June").
PREPOSITION_BEFORE_RE = re.compile(
    r"\b(?P<p>since|by|before|until|till|ahead\s+of|to|starting|beginning|effective)\s+(?:(?:early|late|mid|the\s+(?:end|start|beginning"
    r"|middle)\s+of)[\s-]+)?(?:the\s+)?$",
    re.I,
)
STARTS = ("starting", "beginning", "effective")
"""Before a date, the start of what the sentence announces: the nearest one unless it looks ahead."""
SENTENCE_BREAK_RE = re.compile(r"[.!?](?=[\s\"”’)]*\s+[\"“‘(]?[A-Z0-9])|[。！？；;\n]")
# The characters that can end a sentence, found in one cheap scan (a character set, no lookahead);
# a full stop, "!" or "?" ends one only when `SENTENCE_AFTER_RE` matches after it.
BREAK_CHAR_RE = re.compile(r"[.!?。！？；;\n]")
SENTENCE_AFTER_RE = re.compile(r"[\s\"”’)]*\s+[\"“‘(]?[A-Z0-9]")
ABBREVIATION_RE = re.compile(
    r"(?:\b[A-Z]|\b(?:Mr|Mrs|Ms|Dr|Prof|St|No|Nos|Co|Corp|Inc|Ltd|Jr|Sr|vs|Gov|Sen"
    r"|Rep|Gen|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec))$"
)


def about_data(text: str, start: int, end: int) -> bool:
    """True when the mention names the period some data is about ("Q2 GDP data", "results for March")."""
    return bool(DATA_AFTER_RE.match(text, end) or DATA_BEFORE_RE.search(text, max(0, start - 40), start))


class Sentence:
    """One sentence of a text (`text[start:end]`) and its tense cues, found once.

    Every mention of the sentence asks for its tense; scanning the sentence again for each one is
    quadratic in the sentence length (a 1 MB page without full stops). The cues are found in one pass
    and each mention looks up the nearest ones with a binary search.
    """

    def __init__(self, text: str, start: int, end: int, mentions: Sequence[tuple[int, int]] = ()) -> None:
        self.text, self.start, self.end = text, start, end
        self.mentions = mentions
        """Spans of the sentence's date mentions: words inside them are no tense cues ("ended" in
        "the quarter ended June 30")."""
        self._before: list[tuple[int, int]] | None = None
        self._after: list[tuple[int, int]] = []
        self._deadline: int | None = None

    def _inside_mention(self, position: int) -> bool:
        at = bisect.bisect_right(self.mentions, (position, len(self.text) + 1)) - 1
        return at >= 0 and self.mentions[at][0] <= position < self.mentions[at][1]

    def _scan(self) -> list[tuple[int, int]]:
        # Before a mention: (cue end, tense); the latest wins, recent over future over past on a tie.
        before: list[tuple[int, int]] = []
        # After a mention: (cue start, tense), bare "-ed" words left out; the first wins.
        after: list[tuple[int, int]] = []
        chinese = ((FUTURE_CUE_RE, FUTURE), (PAST_CUE_RE, PAST), (RECENT_CUE_RE, RECENT))
        found, self._deadline = find_cues(self.text, self.start, self.end, chinese)
        for start, end, tense in found:
            if self._inside_mention(start):
                continue
            before.append((end, tense))
            if tense == RECENT:
                after.append((start, RECENT - 3))  # sorts before a past cue found at the same place
            elif tense == FUTURE or not self.text[start:end].lower().endswith("ed"):
                after.append((start, tense))
        before.sort()
        after.sort()
        self._after = after
        return before

    def tense(self, start: int, end: int) -> str | None:
        """Tense of the mention at text[start:end] ("future", "past", "recent" or None).

        A preposition right before the mention decides first ("since" → recent; "extended ... to" →
        future); then the nearest cue before it in the sentence; without one, the first cue after it,
        ignoring bare "-ed" words there (after the mention they are mostly participles: "expires on
        August 12 unless extended"); then "by", "before", "until" → future.
        """
        if self._before is None:
            self._before = self._scan()
        preposition = PREPOSITION_BEFORE_RE.search(self.text, max(self.start, start - 40), start)
        word = preposition["p"].lower() if preposition else ""
        if word == "since":
            return "recent"
        if word in ("to", "until", "till") and self._deadline is not None and self._deadline <= start:
            return "future"
        if word in STARTS:  # "agreed to cut tariffs for 90 days starting May 14": the start is near
            return "future" if any(tense == FUTURE for _, tense in self._before) else None
        at = bisect.bisect_right(self._before, (start, 3))
        if at:
            return TENSES[self._before[at - 1][1]]
        at = bisect.bisect_left(self._after, (end, -9))
        if at < len(self._after):
            return TENSES[self._after[at][1] % 3]
        if word and word not in ("to", *STARTS):
            return "future"
        return None
