"""A readable end-of-crawl summary: articles written, pages that were not articles, drops and why,
and the exit code the run ends with (and why, `crawler.exit_codes`).

Scrapy's stats dump is complete but long; a scheduled job's log wants five lines a person reads.
The summary is logged at INFO when the run succeeded and at WARNING when it failed: a scheduled job
run with `-L WARNING` stays silent when all went well and still says why it failed. This extension
also records `UNAVAILABLE` when no download succeeded at all. See docs/operations.md.
"""

from __future__ import annotations

import json
import logging
from pathlib import Path
from typing import TYPE_CHECKING, Any

from scrapy import signals

from crawler import exit_codes

if TYPE_CHECKING:
    from scrapy.crawler import Crawler

logger = logging.getLogger(__name__)


def _group(stats: dict[str, Any], prefix: str) -> dict[str, int]:
    return {k.removeprefix(prefix): int(v) for k, v in sorted(stats.items()) if k.startswith(prefix)}


_CODE_NAMES = {value: name for name, value in vars(exit_codes).items()
               if name.isupper() and isinstance(value, int)}


def exit_line(stats: dict[str, Any]) -> str:
    """`exit code: 0 (OK)` or `exit code: 73 (CANT_WRITE: feed_write_failed)`."""
    code = exit_codes.exit_code(stats)
    reasons = sorted(k.removeprefix(exit_codes.REASON_PREFIX) for k in stats if k.startswith(exit_codes.REASON_PREFIX))
    name = _CODE_NAMES.get(code, "UNKNOWN")
    return f"exit code: {code} ({name}: {', '.join(reasons)})" if reasons else f"exit code: {code} ({name})"


def all_downloads_failed(stats: dict[str, Any]) -> bool:
    """True when requests were made and not one got a 2xx answer (the site, or the network, is down)."""
    ok = sum(int(v) for k, v in stats.items() if k.startswith("downloader/response_status_count/2"))
    return int(stats.get("downloader/request_count", 0)) > 0 and ok == 0


def format_summary(stats: dict[str, Any], feeds: list[str], unpublished: list[str] | None = None) -> str:
    """The summary text for one crawl's stats and the feed URIs it wrote (and could not)."""
    scraped = int(stats.get("item_scraped_count", 0))
    delivered = int(stats.get("feed/delivered", scraped))  # with feeds: what published files hold
    lines = [
        exit_line(stats),
        f"articles written: {delivered}" + (f" of {scraped} scraped" if delivered != scraped else "")
        + f" (pages fetched: {int(stats.get('response_received_count', 0))},"
        f" finish reason: {stats.get('finish_reason', 'unknown')})",
    ]
    groups = (
        ("not articles", "extract/not_article/"),
        ("dropped items", "item_dropped_reasons_count/"),
        ("invalid fields", "validate/invalid/"),
        ("skipped at discovery", "discovery/skipped/"),
        ("skipped by state", "state/skipped/"),
        ("paragraphs removed", "extract/clean/removed/"),
        ("duplicates", "dedupe/"),
    )
    for label, prefix in groups:
        counts = _group(stats, prefix)
        if counts:
            lines.append(f"{label}: " + ", ".join(f"{k} {v}" for k, v in counts.items()))
    if "given/requested" in stats:  # URLs given on the command line: each written, or why not
        not_written = _group(stats, "given/not_written/")
        lines.append(f"given URLs: {int(stats['given/requested'])} requested, {int(stats.get('given/written', 0))} "
                     "written" + ("; not written: " + ", ".join(f"{k} {v}" for k, v in not_written.items())
                                  if not_written else ""))
    if "monitors/failed" in stats:
        lines.append(f"checks: {int(stats.get('monitors/passed', 0))} passed, {int(stats['monitors/failed'])} failed"
                     + (" (see the spidermon report above)" if stats["monitors/failed"] else ""))
    state = {k.removeprefix("state/"): int(v) for k, v in stats.items()
             if k.startswith("state/") and isinstance(v, int)}
    if state:
        lines.append("state: " + ", ".join(f"{k} {v}" for k, v in sorted(state.items())))
    errors = int(stats.get("log_count/ERROR", 0))
    if errors:
        lines.append(f"errors logged: {errors}")
    lines.append("output: " + (", ".join(feeds) if feeds else "none"))
    if unpublished:
        lines.append("not published (nothing of them delivered or committed): " + ", ".join(unpublished))
    return "\n".join(lines)


class CrawlSummary:
    """Logs `format_summary` once the feeds are closed; with `CRAWL_STATS_FILE` set, also writes the
    final stats and feed paths as JSON there (for schedulers and monitoring)."""

    def __init__(self, crawler: Crawler) -> None:
        self.crawler = crawler
        self.feeds: list[str] = []
        self.unpublished: list[str] = []
        self.text = ""

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> CrawlSummary:
        extension = cls(crawler)
        crawler.signals.connect(extension.spider_opened, signal=signals.spider_opened)
        crawler.signals.connect(extension.feed_slot_closed, signal=signals.feed_slot_closed)
        crawler.signals.connect(extension.item_scraped, signal=signals.item_scraped)
        crawler.signals.connect(extension.item_dropped, signal=signals.item_dropped)
        crawler.signals.connect(extension.spider_closed, signal=signals.spider_closed)
        crawler.signals.connect(extension.engine_stopped, signal=signals.engine_stopped)
        return extension

    def item_scraped(self, item: Any, response: Any = None) -> None:
        if response is not None and response.meta.get("given"):
            self._inc("given/written")

    def item_dropped(self, item: Any, response: Any = None, exception: BaseException | None = None) -> None:
        if response is not None and response.meta.get("given"):
            self._inc(f"given/not_written/dropped_{type(exception).__name__ if exception else 'item'}")

    def _inc(self, key: str) -> None:
        assert self.crawler.stats is not None
        self.crawler.stats.inc_value(key)

    def spider_closed(self, reason: str) -> None:
        # A run refused before it started (its state locked, say) never gets `engine_stopped`.
        if self.crawler.engine.start_time is None:
            assert self.crawler.stats is not None
            self.crawler.stats.set_value("finish_reason", reason)
            self.engine_stopped()

    def spider_opened(self, spider: Any) -> None:
        assert self.crawler.stats is not None
        run_id = getattr(spider, "run_id", None)
        if run_id:
            self.crawler.stats.set_value("run_id", run_id)
        if self.crawler.settings.getdict("FEEDS"):
            self.crawler.stats.set_value("feed/delivered", 0)

    def feed_slot_closed(self, slot: Any) -> None:
        if getattr(slot, "itemcount", 0):
            published = getattr(slot.storage, "published", True)
            (self.feeds if published else self.unpublished).append(str(slot.uri))
            if published and self.crawler.stats is not None:
                self.crawler.stats.inc_value("feed/delivered", slot.itemcount)

    def engine_stopped(self) -> None:
        assert self.crawler.stats is not None
        if all_downloads_failed(self.crawler.stats.get_stats()):
            exit_codes.record_failure(self.crawler.stats, exit_codes.UNAVAILABLE, "nothing_downloaded")
        stats = self.crawler.stats.get_stats()
        self.text = format_summary(stats, self.feeds, self.unpublished)
        failed = exit_codes.exit_code(stats) != exit_codes.OK
        logger.log(logging.WARNING if failed else logging.INFO, "Crawl summary\n%s", self.text)
        path = self.crawler.settings.get("CRAWL_STATS_FILE")
        if path:
            report = {"stats": stats, "feeds": self.feeds}
            Path(path).write_text(json.dumps(report, default=str, indent=1), encoding="utf-8")
