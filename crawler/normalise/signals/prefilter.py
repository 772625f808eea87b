"""Skip regular expressions that cannot match: the literal words every match must contain.

Python's `re` tries every alternative of a pattern at every position of the text, so scanning an
article with the ~70 patterns of the figure finder or the ~200 terms of the EPU methods costs tens
of milliseconds. Most of them cannot match at all: `Prefiltered` reads, once, the literal strings a
match must contain (from the parsed pattern: for each part of a sequence, one of the literals of
each alternative) and runs the pattern only on text that contains them, a plain substring test.
The result is exactly that of the pattern alone (docs/performance.md). For many patterns and one
text, one Aho-Corasick pass over their key literals tells whether any of them can match (`AnyOf`)
and which ones can (`KeyIndex`).
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Any

import ahocorasick

try:  # Python >= 3.11
    from re import _parser as sre_parse  # type: ignore[attr-defined]  # no public API for parsed patterns
except ImportError:  # pragma: no cover - Python 3.10
    import sre_parse  # type: ignore[no-redef]

_C = sre_parse  # opcodes are attributes of the parser module's namespace
# Characters `re.IGNORECASE` matches to an ASCII letter that `str.lower` does not turn into it
# (or turns into two characters: U+0130).
_CASE_EXTRA = (("\u017f", "s"), ("\u0131", "i"), ("\u0130", "i"), ("\u212a", "k"))

# A requirement: every set must have one of its strings in the text (an AND of ORs).
Requirement = tuple[tuple[str, ...], ...]


def fold(text: str) -> str:
    """`text` as a case-insensitive pattern's literals are compared with it."""
    if not text.isascii():
        for odd, letter in _CASE_EXTRA:
            if odd in text:  # rare: replaced only when present (str.translate is slow on long text)
                text = text.replace(odd, letter)
    return text.lower()


def _best(options: list[frozenset[str]]) -> frozenset[str] | None:
    """The most selective OR-set: the longest shortest string, then the fewest strings."""
    options = [o for o in options if o and all(o)]
    return max(options, key=lambda o: (min(map(len, o)), -len(o))) if options else None


def _sequence(items: list[tuple[Any, Any]], ignore_case: bool) -> list[frozenset[str]]:
    """The OR-sets every match of the sequence `items` must satisfy."""
    required: list[frozenset[str]] = []
    run: list[str] = []

    def close_run() -> None:
        if run:
            literal = "".join(run)
            if not ignore_case:
                required.append(frozenset({literal}))
            elif literal.isascii():  # other scripts have case equivalences `fold` does not know
                required.append(frozenset({fold(literal)}))
            run.clear()

    for op, av in items:
        if op is _C.LITERAL:
            run.append(chr(av))
            continue
        close_run()
        if op is _C.SUBPATTERN:
            _, add_flags, del_flags, sub = av
            if add_flags or del_flags:
                raise _Unsupported
            required += _sequence(list(sub), ignore_case)
        elif op is _C.BRANCH:
            union: set[str] = set()
            for alternative in av[1]:
                best = _best(_sequence(list(alternative), ignore_case))
                if best is None:  # this alternative needs no literal: the branch requires nothing
                    break
                union |= best
            else:
                required.append(frozenset(union))
        elif op in (_C.MAX_REPEAT, _C.MIN_REPEAT, getattr(_C, "POSSESSIVE_REPEAT", None)):
            low, _, sub = av
            if low >= 1:
                required += _sequence(list(sub), ignore_case)
        # Anything else (classes, anchors, lookarounds, back-references) requires no literal.
    close_run()
    return required


_ZERO_WIDTH = (_C.ASSERT, _C.ASSERT_NOT, _C.AT)


def _starts(items: list[tuple[Any, Any]], ignore_case: bool) -> set[str] | None:
    """Literals one of which every match of the sequence `items` starts with (None: not known)."""
    run: list[str] = []
    for index, (op, av) in enumerate(items):
        if op is _C.LITERAL:
            run.append(chr(av))
            continue
        if run:
            break
        if op in _ZERO_WIDTH:
            continue
        rest = items[index + 1:]
        if op is _C.SUBPATTERN:
            _, add_flags, del_flags, sub = av
            return None if add_flags or del_flags else _starts([*sub, *rest], ignore_case)
        if op is _C.BRANCH:
            union: set[str] = set()
            for alternative in av[1]:
                starts = _starts([*alternative, *rest], ignore_case)
                if starts is None:
                    return None
                union |= starts
            return union
        if op in (_C.MAX_REPEAT, _C.MIN_REPEAT, getattr(_C, "POSSESSIVE_REPEAT", None)):
            low, _, sub = av
            first = _starts(list(sub), ignore_case)
            if first is None:
                return None
            if low >= 1:
                return first
            after = _starts(rest, ignore_case)  # zero repetitions: the match starts with what follows
            return None if after is None else first | after
        return None
    if not run:
        return None  # nothing consumed: the pattern can match the empty string
    literal = "".join(run)
    if not ignore_case:
        return {literal}
    return {fold(literal)} if literal.isascii() else None


class _Unsupported(Exception):
    """A pattern feature the requirement is not read for (inline flags): always scan."""


def requirement(pattern: re.Pattern[str]) -> Requirement:
    """The OR-sets of literals every match of `pattern` contains (empty: no requirement known)."""
    ignore_case = bool(pattern.flags & re.IGNORECASE)
    try:
        parsed = sre_parse.parse(pattern.pattern, pattern.flags)
        required = _sequence(list(parsed), ignore_case)
    except _Unsupported:
        return ()
    # A string containing another of its set adds nothing ("growth target" beside "growth").
    minimal = (tuple(sorted(s for s in r if not any(o != s and o in s for o in r))) for r in required if r and all(r))
    return tuple(dict.fromkeys(minimal))


@dataclass(frozen=True)
class Prefiltered:
    """A compiled pattern with the literals its matches contain; `finditer` scans only when they are there."""

    pattern: re.Pattern[str]
    required: Requirement
    ignore_case: bool
    starts: tuple[str, ...] | None  # every match starts with one of these (None: not known)

    @classmethod
    def compile(cls, source: str, flags: int = 0) -> Prefiltered:
        pattern = re.compile(source, flags)
        ignore_case = bool(flags & re.IGNORECASE)
        starts = _starts(list(sre_parse.parse(source, flags)), ignore_case)
        return cls(pattern, requirement(pattern), ignore_case,
                   tuple(sorted(starts)) if starts and all(starts) else None)

    @property
    def key(self) -> tuple[str, ...]:
        """The most selective requirement (one of these strings is in every match); () when none is known."""
        best = _best([frozenset(options) for options in self.required])
        return tuple(sorted(best)) if best else ()

    def possible(self, text: str, folded: str | None = None) -> bool:
        """False when no match can exist in `text` (`folded`: `fold(text)`, if already computed)."""
        if not self.required:
            return True
        haystack = (folded if folded is not None else fold(text)) if self.ignore_case else text
        for options in self.required:
            for needle in options:
                if needle in haystack:
                    break
            else:
                return False
        return True

    def finditer(self, text: str, lo: int = 0, hi: int | None = None,
                 folded: str | None = None) -> Iterator[re.Match[str]]:
        """`pattern.finditer(text, lo, hi)`, skipped when `text[lo:hi]` (`folded`: its fold) lacks the literals.

        When every match starts with a known literal, the pattern is tried only where one occurs.
        """
        end = len(text) if hi is None else hi
        part = text if lo == 0 and end == len(text) else text[lo:end]
        if self.required and not self.possible(part, folded):
            return iter(())
        if self.starts is None:
            return self.pattern.finditer(text, lo, end)
        positions = self.start_positions(part, folded)
        if positions is None:
            return self.pattern.finditer(text, lo, end)
        return self.finditer_at(text, lo, end, [at + lo for at in positions])

    def start_positions(self, text: str, folded: str | None = None) -> list[int] | None:
        """Sorted offsets in `text` where a match can start (`folded`: `fold(text)`); None: not known."""
        if self.starts is None:
            return None
        haystack = (folded if folded is not None else fold(text)) if self.ignore_case else text
        if len(haystack) != len(text):  # a fold that moved offsets
            return None
        found: set[int] = set()
        for start in self.starts:
            at = haystack.find(start)
            while at >= 0:
                found.add(at)
                at = haystack.find(start, at + 1)
        return sorted(found)

    def finditer_at(self, text: str, lo: int, hi: int, positions: list[int]) -> Iterator[re.Match[str]]:
        """What `pattern.finditer(text, lo, hi)` yields, given `start_positions(text)`: the pattern is
        tried only there (a match needs its start literal, and starts after the previous match)."""
        pos = lo
        for at in positions[bisect_left(positions, lo):]:
            if at >= hi:
                break
            if at < pos:
                continue
            m = self.pattern.match(text, at, hi)
            if m is not None:
                yield m
                pos = m.end()


class AnyOf:
    """Whether any of many prefiltered patterns can match a text: one scan for all their key literals.

    Exact as a filter: every match of a pattern contains one of its key literals, so a text without
    any of them has no match of any pattern. A pattern without known literals makes it always true.
    """

    def __init__(self, patterns: Sequence[Prefiltered]) -> None:
        self.always = any(not p.key for p in patterns)
        self._folded = _automaton({n for p in patterns if p.ignore_case for n in p.key})
        self._exact = _automaton({n for p in patterns if not p.ignore_case for n in p.key})

    def possible(self, text: str, folded: str) -> bool:
        """False when no pattern can match `text` (`folded`: `fold(text)`)."""
        if self.always:
            return True
        return ((self._folded is not None and next(self._folded.iter(folded), None) is not None)
                or (self._exact is not None and next(self._exact.iter(text), None) is not None))


class KeyIndex:
    """Which of many prefiltered patterns can match a short text (a sentence), from one scan of their keys.

    `Prefiltered.finditer` tests a pattern's literals itself, but calling it for each of ~45 name
    patterns on every sentence costs more than the few scans that find something. Here one automaton
    per case holds every pattern's key literals (one of which is in each of its matches), each
    mapped to the bit of the patterns it keys: a sentence's candidates are the patterns whose key
    literal it holds, in their order. Exact as a filter, so the caller runs only those.
    """

    def __init__(self, patterns: Sequence[Prefiltered]) -> None:
        self._always = 0  # patterns with no known literal: always candidates
        folded: dict[str, int] = {}
        exact: dict[str, int] = {}
        for index, pattern in enumerate(patterns):
            if not pattern.key:
                self._always |= 1 << index
            for needle in pattern.key:
                bits = folded if pattern.ignore_case else exact
                bits[needle] = bits.get(needle, 0) | 1 << index
        self._folded = _automaton(folded)
        self._exact = _automaton(exact)

    def candidates(self, text: str, folded: str) -> list[int]:
        """Indexes, ascending, of the patterns that can match `text` (`folded`: `fold(text)`)."""
        bits = self._always
        if self._folded is not None:
            for _, mask in self._folded.iter(folded):
                bits |= mask
        if self._exact is not None:
            for _, mask in self._exact.iter(text):
                bits |= mask
        found = []
        while bits:
            low = bits & -bits
            found.append(low.bit_length() - 1)
            bits ^= low
        return found


def _automaton(needles: set[str] | dict[str, int]) -> Any:
    """An Aho-Corasick automaton reporting each needle found (or, for a dict, the needle's value)."""
    if not needles:
        return None
    automaton = ahocorasick.Automaton()
    for needle in needles:
        automaton.add_word(needle, needles[needle] if isinstance(needles, dict) else needle)
    automaton.make_automaton()
    return automaton
