"""Errors of usage: a spider argument or a setting that cannot be used.

Raised by spider argument checks and setting validation (`crawler.validation`); the `crawl` command
turns one into a single line on stderr and its exit code. See docs/operations.md ("Usage errors").
"""

from __future__ import annotations

from crawler import exit_codes


class UsageError(ValueError):
    """A spider argument or setting that cannot be used; the message names it and says why, in one line."""

    exit_code: int = exit_codes.USAGE


class BadStateError(UsageError):
    """The crawl state file at `STATE_PATH` is not one the crawler can read (corrupt, empty, foreign)."""

    exit_code = exit_codes.BAD_STATE
