"""Context around a mention: tense cues, "data about a period" cues and sentence bounds.

"on Tuesday" is the latest Tuesday unless the sentence looks ahead ("will", "is due", "将");
"in March" is the nearest March unless a cue says otherwise; "second-quarter GDP data will be
released" looks ahead to a release, not to a quarter.
"""

from __future__ import annotations

import bisect
import re

FUTURE_CUE_RE = re.compile(
    r"\b(?:will|won['’]t|shall|would|going\s+to|due(?!\s+to\b)|due\s+to\s+(?:be|take|start|begin|open|close"
    r"|end|launch|meet|hold|release|publish|announce|report|come|vote|decide|visit|arrive)|set\s+to|expected"
    r"|scheduled|slated|poised|upcoming|forthcoming|plans?\s+to|planning\s+to|aims?\s+to|intends?\s+to"
    r"|is\s+to|are\s+to|next|to\s+be\s+\w+ed|expects?|expecting|forecast(?:s|ing)?\s+(?:to|that)"
    r"|predicts?|anticipates?)\b|['’]ll\b"
    r"|将|將|拟|擬|计划|計劃|预计|預計|即将|即將|定于|定於|届时|屆時",
    re.I,
)
PAST_CUE_RE = re.compile(
    r"\b(?:was|were|had|did|said|told|rose|fell|grew|hit|saw|came|took|made|met|began|held|gave|went|won"
    r"|lost|sold|left|became|shrank|sank|slid|spent|paid|cut|set|put|kept|ran|brought|wrote|stood"
    r"|(?!(?:hundred|indeed|need|speed|proceed|exceed|succeed|feed|breed|seed|embed|shed|red|bred|sacred)\b)"
    r"\w{3,}ed)\b"
    r"|已|曾|了",
    re.I,
)
# "faster than expected", "as forecast", "had been expected": a comparison or a past expectation,
# not a look ahead.
NOT_FUTURE_BEFORE_RE = re.compile(r"\b(?:than|as|been|was|were|had|than\s+\w+)\s+$", re.I)
# A past-tense-looking word after these is an infinitive or a modal's verb, not a past event.
NOT_PAST_BEFORE_RE = re.compile(
    r"\b(?:to|will|would|may|might|could|should|can|must|not|did|does|do|be)\s+$", re.I
)
# Words saying the mention is the period some data is about ("second-quarter GDP data will be
# released"): the tense of the sentence is then the release's, not the period's.
DATA_AFTER_RE = re.compile(
    r"(?:['’]s)?[\s-]+(?:\w+\s+){0,2}?(?:data|figures|results|earnings|numbers|statistics|readings|GDP|CPI|PMI|"
    r"trade|inflation|output|sales|exports|imports|profits?|revenue|reporting)\b"
    r"|份?[^\W\d_]{0,8}?(?:数据|數據|GDP|CPI|PMI|增速|财报|財報)",
    re.I,
)
DATA_BEFORE_RE = re.compile(
    r"\b(?:data|figures|results|earnings|numbers|statistics|readings|GDP|output|profits?|revenue)\s+"
    r"(?:for|of|in)\s+(?:the\s+)?$",
    re.I,
)
SENTENCE_BREAK_RE = re.compile(r"[.!?](?=[\s\"”’)]*\s+[\"“‘(]?[A-Z0-9])|[。！？；;\n]")
ABBREVIATION_RE = re.compile(
    r"(?:\b[A-Z]|\b(?:Mr|Mrs|Ms|Dr|Prof|St|No|Nos|Co|Corp|Inc|Ltd|Jr|Sr|vs|Gov|Sen"
    r"|Rep|Gen|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec))$"
)


def _not_past(text: str, start: int) -> bool:
    return bool(NOT_PAST_BEFORE_RE.search(text, max(0, start - 12), start))


def _not_future(text: str, start: int) -> bool:
    return bool(NOT_FUTURE_BEFORE_RE.search(text, max(0, start - 20), start))


def about_data(text: str, start: int, end: int) -> bool:
    """True when the mention names the period some data is about ("Q2 GDP data", "results for March")."""
    return bool(DATA_AFTER_RE.match(text, end) or DATA_BEFORE_RE.search(text, max(0, start - 40), start))


class Sentence:
    """One sentence of a text (`text[start:end]`) and its tense cues, found once.

    Every mention of the sentence asks for its tense; scanning the sentence again for each one is
    quadratic in the sentence length (a 1 MB page without full stops). The cues are found in one pass
    and each mention looks up the nearest ones with a binary search.
    """

    def __init__(self, text: str, start: int, end: int) -> None:
        self.text, self.start, self.end = text, start, end
        self._before: list[tuple[int, int]] | None = None
        self._after: list[tuple[int, int]] = []

    def _scan(self) -> list[tuple[int, int]]:
        text, offset = self.text, self.start
        sentence = text[self.start : self.end]
        # Before a mention: (cue end, 1 future / 0 past); the latest wins, future on a tie.
        before: list[tuple[int, int]] = []
        # After a mention: (cue start, 0 future / 1 past), bare "-ed" words left out; the first wins.
        after: list[tuple[int, int]] = []
        for m in FUTURE_CUE_RE.finditer(sentence):
            if not _not_future(text, offset + m.start()):
                before.append((offset + m.end(), 1))
                after.append((offset + m.start(), 0))
        for m in PAST_CUE_RE.finditer(sentence):
            if not _not_past(text, offset + m.start()):
                before.append((offset + m.end(), 0))
                if not m.group().lower().endswith("ed"):
                    after.append((offset + m.start(), 1))
        before.sort()
        after.sort()
        self._after = after
        return before

    def tense(self, start: int, end: int) -> str | None:
        """Tense of the mention at text[start:end] ("future", "past" or None) from the nearest cue.

        The nearest cue before it in the sentence decides; without one, the first cue after it,
        ignoring bare "-ed" words there: after the mention they are mostly participles ("expires on
        August 12 unless extended").
        """
        if self._before is None:
            self._before = self._scan()
        at = bisect.bisect_right(self._before, (start, 2))
        if at:
            return "future" if self._before[at - 1][1] else "past"
        at = bisect.bisect_left(self._after, (end, -1))
        if at < len(self._after):
            return "past" if self._after[at][1] else "future"
        return None
