"""Reading the text just before a mention, cheaply.

Python's ``re`` cannot match backwards, so a pattern anchored at the mention ("about US$5bn") has to
be searched over a window, trying every start position: costly when done for every mention and every
pattern. :class:`Before` finds the word and character right before the mention once (a few string
operations), and each check runs its pattern (:mod:`.grammar`) only when that word could end a match.
"""

from __future__ import annotations

import re

from . import grammar as G

WINDOW = 40  # characters searched before a mention once the gate is passed
_SKIP = " \u00a0\u202f(（["
_OPENERS = "([（\"'\u201c\u2018"
_APPROX_LAST_WORDS = frozenset(phrase.rsplit(None, 1)[-1] for phrase in G.APPROX_PHRASES)
_APPROX_LAST_CHARS = frozenset(word[-1] for word in (*G.APPROX_CN, *G.APPROX_SIGNS))
_CHANGE_WORDS = frozenset(G.CHANGE_VERBS.split("|")) | {"from", "by"}


def _search(pattern: re.Pattern[str], work: str, start: int, floor: int = 0) -> re.Match[str] | None:
    return pattern.search(work, max(floor, start - WINDOW), start)


class Before:
    """The text before ``start``: its last word (ASCII, lower-cased) and last character, found once."""

    __slots__ = ("work", "start", "word", "char")

    def __init__(self, work: str, start: int) -> None:
        self.work, self.start = work, start
        segment = work[max(0, start - 24):start].rstrip(_SKIP)
        self.char = segment[-1:]
        tokens = segment.rsplit(None, 1)  # [] when only a line break precedes
        token = tokens[-1] if tokens else ""
        self.word = token.lstrip(_OPENERS).lower() if token.isascii() else ""

    def approximate(self) -> bool:
        """ "about", "more than", "up to", "约", "逾", "~" right before (plain string tests, no regex)."""
        if self.word not in _APPROX_LAST_WORDS and self.char not in _APPROX_LAST_CHARS:
            return False
        segment = self.work[max(0, self.start - 32):self.start].rstrip(" \u00a0\u202f")
        if segment.endswith(G.APPROX_SIGNS) or segment.endswith(G.APPROX_CN):
            return True
        words = segment.lower().rsplit(None, 3)[-3:]
        return any(" ".join(words[i:]).lstrip(_OPENERS) in G.APPROX_PHRASES for i in range(len(words)))

    def minus(self) -> re.Match[str] | None:
        if (self.start and self.work[self.start - 1] in "-−负負") or self.word in ("minus", "negative"):
            return _search(G.MINUS_BEFORE_RE, self.work, self.start)
        return None

    def between_bare(self) -> re.Match[str] | None:
        """ "between 2 and " before "3 billion yuan"."""
        return _search(G.BETWEEN_BARE_RE, self.work, self.start) if self.word == "and" else None

    def between(self) -> re.Match[str] | None:
        return _search(G.BETWEEN_BEFORE_RE, self.work, self.start) if self.word == "between" else None

    def change(self) -> bool:
        """True after "from"/"by"/a change verb/"从", unless something "ranges" from X to Y."""
        if self.word not in _CHANGE_WORDS and self.char not in ("从", "從", "由"):
            return False
        found = _search(G.FROM_BEFORE_RE, self.work, self.start)
        return found is not None and not found.group("ranging")

    def fx_quote(self) -> bool:
        """An exchange-rate quote: "1美元兑7.1元", "US$1 = HK$7.8"."""
        window = self.work[max(0, self.start - 14):self.start]
        return (("=" in window or "兑" in window or "兌" in window)
                and bool(_search(G.FX_BEFORE_RE, self.work, self.start)))

    def cn_unit(self) -> re.Match[str] | None:
        """ "每股" or "人均" opening the clause of the amount."""
        window = self.work[max(0, self.start - 12):self.start]
        if "每" in window or "人均" in window:
            return _search(G.CN_UNIT_BEFORE_RE, self.work, self.start)
        return None

    def ellipsis(self, floor: int) -> re.Match[str] | None:
        """ "5 billion and " before "6 billion yuan"."""
        if self.word in ("and", "or") or self.char in ("和", "及", "或", "、"):
            return _search(G.ELLIPSIS_BEFORE_RE, self.work, self.start, floor)
        return None
