"""Close-of-crawl checks (spidermon): finish reason, errors, downloader exceptions, item count,
field coverage and our drop rate, all configured by settings (`SPIDERMON_*`, `MONITOR_*`).

Each run logs the monitors' verdicts and counts them as `monitors/passed` / `monitors/failed`
stats, which the crawl summary shows.
"""

from __future__ import annotations

import warnings

from spidermon import Monitor, MonitorSuite, monitors
from spidermon.contrib.monitors.mixins.spider import SpiderMonitorMixin
from spidermon.contrib.scrapy.monitors import (
    DownloaderExceptionMonitor,
    ErrorCountMonitor,
    FieldCoverageMonitor,
    FinishReasonMonitor,
    ItemCountMonitor,
)
from spidermon.core.actions import Action

from crawler import exit_codes

# spidermon 1.27 still logs through Spider.log(), deprecated since Scrapy 2.14; nothing of ours uses it.
warnings.filterwarnings("ignore", message=r"Spider\.log\(\) is deprecated", module=r"spidermon\.")


class ArticleCountMonitor(ItemCountMonitor):
    """At least SPIDERMON_MIN_ITEMS articles were written (an incremental run may write none)."""

    fail_if_stat_missing = False


@monitors.name("Drop rate")
class DropRateMonitor(Monitor, SpiderMonitorMixin):
    """Articles dropped for a fault (not unchanged ones) stay under MONITOR_MAX_DROP_RATE."""

    @monitors.name("Share of extracted articles that were dropped")
    def test_drop_rate(self) -> None:
        stats = self.data.stats
        limit = self.data.crawler.settings.getfloat("MONITOR_MAX_DROP_RATE")
        dropped = stats.get("item_dropped_count", 0) - stats.get("state/unchanged", 0)
        total = stats.get("item_scraped_count", 0) + dropped
        rate = dropped / total if total else 0.0
        self.assertLessEqual(rate, limit, msg=f"{dropped} of {total} articles dropped ({rate:.0%} > {limit:.0%})")


class CountResults(Action):
    """Put the suite's verdicts into the crawl stats; a failed check fails the run (`CHECKS_FAILED`)."""

    def run_action(self) -> None:
        stats = self.data.crawler.stats
        failed = len(self.result.failures) + len(self.result.errors)
        stats.set_value("monitors/failed", failed)
        stats.set_value("monitors/passed", self.result.testsRun - failed)
        if failed:
            exit_codes.record_failure(stats, exit_codes.CHECKS_FAILED, "checks_failed")


class CloseMonitorSuite(MonitorSuite):
    """The checks run when a crawl closes."""

    monitors = [  # noqa: RUF012 - spidermon's declarative API
        FinishReasonMonitor,
        ErrorCountMonitor,
        DownloaderExceptionMonitor,
        ArticleCountMonitor,
        FieldCoverageMonitor,
        DropRateMonitor,
    ]
    monitors_finished_actions = [CountResults]  # noqa: RUF012
