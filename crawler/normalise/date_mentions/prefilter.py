"""Run each date rule only near the words it needs: a long article costs its date words, not its length.

Every match of a rule contains a word of its trigger (a month name, a weekday, four digits, a code
such as "Q1" or "FY", a unit word such as "year" or "quarter", a Chinese date character). One
cheap scan per trigger finds those words (plain substrings of the lower-cased text where the rule
ignores case: a literal search, not a regular expression tried at every character); the rules then
run on windows of `MARGIN` characters around them, merged when they overlap, instead of on the
whole text. No match reaches further than `MARGIN` from its trigger word, so the matches are those
a scan of the whole text finds (tests/unit/normalise/date_mentions/test_prefilter.py).
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

# Triggers found in the text as written (case matters: "May" the month, not "may").
CASED: dict[str, re.Pattern[str]] = {
    "month": re.compile(r"Jan|Feb|Ma[ry]|Apr|Ju[nl]|Aug|Sep|Oct|Nov|Dec"),
    "weekday": re.compile(r"(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day"),
    "digits": re.compile(r"(?:19|20|21)\d\d"),
    "code": re.compile(r"[QH][1-4]|[1-4][QH]|FY"),
    "zh": re.compile(r"[年月日周週季天]|星期|礼拜|禮拜"),
}
# Substrings whose absence rules a trigger out without a scan.
CASED_PRESENCE = {"code": ("Q", "H1", "H2", "1H", "2H", "FY")}
# Triggers found as substrings of the lower-cased text.
WORDS: dict[str, tuple[str, ...]] = {
    "year": ("year",),
    "quarter": ("quarter",),
    "half": ("half",),
    "months": ("months", "quarters"),
    "units": ("year", "month", "week", "quarter", "day"),
    "relative": ("ago", "earlier", "later", "before"),
    "sequence": ("previous", "prior", "preceding", "following", "subsequent", "before", "after"),
    "dayword": ("yesterday", "today", "tomorrow", "tonight", "this"),
    "fiscal": ("fiscal", "financial"),
    "same": ("same", "corresponding", "comparable", "year"),
}
_LITERALS = {word: re.compile(re.escape(word)) for words in WORDS.values() for word in words}
_ANY_CASE = {name: re.compile("|".join(map(re.escape, words)), re.I) for name, words in WORDS.items()}
MARGIN = 72
"""Characters kept around a trigger word: more than any rule reaches from its trigger (the longest,
"Wednesday, the 31st of December, 2024" or "the financial year ended March 31, 2024", reach ~45)."""


class Triggers:
    """The trigger words of one text, found once per trigger, as spans and as merged windows."""

    def __init__(self, text: str) -> None:
        self.text = text
        self._lower: str | None = None
        self._spans: dict[str, list[tuple[int, int]]] = {}
        self._windows: dict[str, list[tuple[int, int]]] = {}
        self._words: dict[str, list[tuple[int, int]]] = {}

    def _find(self, trigger: str) -> list[tuple[int, int]]:
        text = self.text
        if trigger in CASED:
            presence = CASED_PRESENCE.get(trigger)
            if presence is not None and not any(p in text for p in presence):
                return []
            return [m.span() for m in CASED[trigger].finditer(text)]
        if self._lower is None:
            self._lower = text.lower()
        if len(self._lower) != len(text):  # lower-casing moved offsets (rare letters): match ignoring case
            return [m.span() for m in _ANY_CASE[trigger].finditer(text)]
        spans = [span for word in WORDS[trigger] for span in self._word(word)]
        return sorted(spans)

    def _word(self, word: str) -> list[tuple[int, int]]:
        """Where `word` starts a word of the lower-cased text (not "day" in "Monday"); once per word."""
        if word not in self._words:
            lower = self._lower or ""
            self._words[word] = [
                m.span() for m in _LITERALS[word].finditer(lower) if not (m.start() and lower[m.start() - 1].isalpha())
            ]
        return self._words[word]

    def spans(self, trigger: str) -> list[tuple[int, int]]:
        """The (start, end) of each `trigger` word, in order."""
        if trigger not in self._spans:
            self._spans[trigger] = self._find(trigger)
        return self._spans[trigger]

    def windows(self, trigger: str) -> list[tuple[int, int]]:
        """The spans of the text within `MARGIN` of a `trigger` word, merged."""
        if trigger not in self._windows:
            merged: list[tuple[int, int]] = []
            size = len(self.text)
            for start, end in self.spans(trigger):
                start, end = max(0, start - MARGIN), min(size, end + MARGIN)
                if merged and start <= merged[-1][1]:
                    merged[-1] = (merged[-1][0], max(merged[-1][1], end))
                else:
                    merged.append((start, end))
            self._windows[trigger] = merged
        return self._windows[trigger]


def matches(
    text: str, rules: Sequence[tuple[str, re.Pattern[str]]], prefilter: bool = True
) -> Iterator[tuple[int, re.Match[str]]]:
    """(rule index, match) for every match of every rule; rules are (trigger, pattern).

    A trigger ending in "@" says every match starts where a trigger word starts ("March 5", "May
    2025"): the rule is then tried there only, as `finditer` would (a match hides the trigger words
    inside it), instead of at every character of the windows.
    """
    triggers = Triggers(text)
    size = len(text)
    for index, (trigger, pattern) in enumerate(rules):
        if not prefilter:
            yield from ((index, m) for m in pattern.finditer(text))
        elif trigger.endswith("@"):
            after = 0
            for start, _ in triggers.spans(trigger[:-1]):
                if start >= after and (m := pattern.match(text, start, min(size, start + MARGIN))) is not None:
                    after = m.end() if m.end() > start else start + 1
                    yield index, m
        else:
            for start, end in triggers.windows(trigger):
                yield from ((index, m) for m in pattern.finditer(text, start, end))
