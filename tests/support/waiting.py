"""Wait for a condition, never for a fixed time: the one place tests poll (see tests/unit/test_gates.py)."""

from __future__ import annotations

import time
from collections.abc import Callable


def wait_until(condition: Callable[[], object], what: str, timeout: float = 90.0, interval: float = 0.05) -> None:
    """Return as soon as `condition()` is true; fail naming `what` after `timeout` seconds.

    A bounded wait for a precondition (a server up, a crawl under way), never an assertion about speed.
    """
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out after {timeout:g} s waiting for {what}")
        time.sleep(interval)
