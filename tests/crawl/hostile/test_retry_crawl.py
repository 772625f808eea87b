"""BackoffRetryMiddleware in a real crawl against the fault server: the waits between attempts."""

from __future__ import annotations

from tests.crawl.hostile.conftest import RETRY_BACKOFF_BASE, RETRY_TIMES, HostileCrawl
from tests.support import fault_pages as fs

# --- in the hostile crawl ---------------------------------------------------------------------------

def _gap(hostile: HostileCrawl, path: str) -> float:
    first, second = hostile.server.times(path)[:2]
    return second - first


def test_crawl_waits_retry_after_seconds(hostile: HostileCrawl) -> None:
    assert hostile.server.count(fs.RETRY_AFTER_SECONDS.path) == 2
    assert _gap(hostile, fs.RETRY_AFTER_SECONDS.path) >= fs.RETRY_AFTER_SECONDS_VALUE - 0.05
    assert fs.RETRY_AFTER_SECONDS.item_id in hostile.items_by_id()


def test_crawl_waits_until_the_retry_after_date(hostile: HostileCrawl) -> None:
    # The date has one-second resolution: "now + 3 s" rounded down is at least 2 s away.
    assert hostile.server.count(fs.RETRY_AFTER_DATE.path) == 2
    assert _gap(hostile, fs.RETRY_AFTER_DATE.path) >= fs.RETRY_AFTER_DATE_AHEAD - 1 - 0.2
    assert fs.RETRY_AFTER_DATE.item_id in hostile.items_by_id()
    assert hostile.stats["fetch/retry_after_honoured"] == 2


def test_crawl_backs_off_exponentially_without_retry_after(hostile: HostileCrawl) -> None:
    times = hostile.server.times(fs.ALWAYS_500_PATH)
    assert len(times) == RETRY_TIMES + 1
    gaps = [b - a for a, b in zip(times, times[1:], strict=False)]
    # At least the smallest jittered wait of each retry. The exact delays are the unit tests' job: in a
    # crawl, scheduling adds its own latency, so a gap alone cannot tell a backoff from none.
    assert gaps[0] >= RETRY_BACKOFF_BASE / 2 and gaps[1] >= RETRY_BACKOFF_BASE
    # 9011 twice, plus the timeouts of 9003 (twice) and 9004 (once): every retry without Retry-After waited.
    assert hostile.stats["fetch/backoff"] == 2 + 2 + 1


def test_crawl_gives_up_on_a_retry_after_beyond_the_cap(hostile: HostileCrawl) -> None:
    assert hostile.server.count(fs.RETRY_AFTER_TOO_LONG_PATH) == 1
    assert hostile.stats["fetch/retry_after_too_long"] == 1
