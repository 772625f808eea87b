"""Exit codes of a crawl, for schedulers: why a run failed, as a number (sysexits-style).

Components record a failure with `record_failure(stats, code, reason)`; the `crawl` command (and
any other command that runs crawls) exits with `exit_code(stats)`. See docs/operations.md.
"""

from __future__ import annotations

from typing import Any

OK = 0
#: The run finished but its close-of-crawl checks (monitors) failed.
CHECKS_FAILED = 1
#: Bad usage: an unknown or invalid spider argument or setting (EX_USAGE).
USAGE = 64
#: The crawl state file is corrupt or unreadable (EX_DATAERR).
BAD_STATE = 65
#: Nothing could be downloaded, or Redis (the shared frontier and state) was unreachable or lost (EX_UNAVAILABLE).
UNAVAILABLE = 69
#: A distributed worker found its requests taken over by the others after a partition (EX_SOFTWARE).
PARTITIONED = 70
#: A feed or the crawl state could not be written, e.g. a full disk (EX_CANTCREAT).
CANT_WRITE = 73
#: Another run holds the lock on the same state (EX_TEMPFAIL: try again later).
LOCKED = 75

#: Stats keys: the code to exit with, and the reasons recorded (one stat per reason).
CODE_STAT = "exit/code"
REASON_PREFIX = "exit/reason/"

# When several failures are recorded, the run exits with the most severe (first in this list).
_SEVERITY = (USAGE, LOCKED, BAD_STATE, CANT_WRITE, PARTITIONED, UNAVAILABLE, CHECKS_FAILED)


def record_failure(stats: Any, code: int, reason: str) -> None:
    """Remember that the run must exit with `code` (unless a more severe one is recorded) and why."""
    current = stats.get_value(CODE_STAT, OK)
    if current == OK or _SEVERITY.index(code) < _SEVERITY.index(current):
        stats.set_value(CODE_STAT, code)
    stats.inc_value(f"{REASON_PREFIX}{reason}")


def exit_code(stats: dict[str, Any] | None) -> int:
    """The code a run with these final stats exits with (0 when nothing was recorded)."""
    return int((stats or {}).get(CODE_STAT, OK))


def most_severe(codes: list[int]) -> int:
    """The code a job of several crawls (scrapy crawlall) exits with: the most severe of theirs (0 if none)."""
    failed = [code for code in codes if code != OK]
    if not failed:
        return OK
    return min(failed, key=lambda code: _SEVERITY.index(code) if code in _SEVERITY else len(_SEVERITY))
