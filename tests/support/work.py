"""Deterministic measures of the work a function does, for linearity tests that read no clock.

- `python_steps`: lines of Python executed (a `sys.settrace` count): catches loops in our code.
- `CountingPattern`: a compiled pattern that adds up the characters each search scans: catches
  regexes run again and again over the same text (work done in C, invisible to the line count).
"""

from __future__ import annotations

import re
import sys
from collections.abc import Callable
from typing import Any


def python_steps(function: Callable[..., Any], *args: Any, **kwargs: Any) -> int:
    """Lines of Python executed by `function(*args, **kwargs)`."""
    steps = 0

    def trace(frame: Any, event: str, arg: Any) -> Any:
        nonlocal steps
        if event == "line":
            steps += 1
        return trace

    previous = sys.gettrace()
    sys.settrace(trace)
    try:
        function(*args, **kwargs)
    finally:
        sys.settrace(previous)
    return steps


class CountingPattern:
    """Wraps a compiled pattern; `scanned` is the number of characters its searches were given."""

    def __init__(self, pattern: re.Pattern[str]) -> None:
        self.pattern = pattern
        self.scanned = 0

    def _count(self, string: str, pos: int = 0, endpos: int | None = None) -> None:
        self.scanned += max(0, min(len(string), len(string) if endpos is None else endpos) - pos)

    def finditer(self, string: str, pos: int = 0, endpos: int = sys.maxsize) -> Any:
        self._count(string, pos, endpos)
        return self.pattern.finditer(string, pos, endpos)

    def search(self, string: str, pos: int = 0, endpos: int = sys.maxsize) -> Any:
        self._count(string, pos, endpos)
        return self.pattern.search(string, pos, endpos)

    def __getattr__(self, name: str) -> Any:  # match, fullmatch, groupindex...: anchored, not counted
        return getattr(self.pattern, name)
