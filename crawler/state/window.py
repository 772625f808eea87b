"""The `CRAWL_SINCE` / `CRAWL_UNTIL` publication window of a crawl, and the base the state
middleware and pipeline share (store + window, not configured without either)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, time
from typing import TYPE_CHECKING

from scrapy.exceptions import NotConfigured
from scrapy.settings import BaseSettings

if TYPE_CHECKING:
    from typing import Self

    from scrapy.crawler import Crawler

    from crawler.state.store import StagedWrites


def _bound(raw: str | None, end: bool) -> datetime | None:
    if not raw:
        return None
    try:
        value = datetime.fromisoformat(raw)
    except ValueError as exc:
        raise ValueError(f"CRAWL_SINCE/CRAWL_UNTIL must be ISO dates, got {raw!r}") from exc
    if len(raw) <= 10:  # a bare date: the whole day counts
        value = datetime.combine(date.fromisoformat(raw[:10]), time.max if end else time.min)
    return value if value.tzinfo else value.replace(tzinfo=UTC)


@dataclass(frozen=True)
class Window:
    """Inclusive bounds; either may be open."""

    since: datetime | None = None
    until: datetime | None = None

    @classmethod
    def from_settings(cls, settings: BaseSettings) -> Window:
        return cls(_bound(settings.get("CRAWL_SINCE"), False), _bound(settings.get("CRAWL_UNTIL"), True))

    @property
    def active(self) -> bool:
        return self.since is not None or self.until is not None

    def contains(self, moment: datetime) -> bool:
        if self.since is not None and moment < self.since:
            return False
        return not (self.until is not None and moment > self.until)


class StateComponent:
    """Base of the state middleware and pipeline: the crawl's store (or None) and its date window.

    Not configured (Scrapy then leaves the component out) when there is neither.
    """

    def __init__(self, crawler: Crawler, store: StagedWrites | None, window: Window) -> None:
        self.crawler = crawler
        self.store = store
        self.window = window

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Self:
        from crawler.state.extension import CrawlStateExtension  # the extension module imports this one

        window = Window.from_settings(crawler.settings)
        extension = crawler.get_extension(CrawlStateExtension)
        store = extension.store if extension is not None else None
        if store is None and not window.active:
            raise NotConfigured("no state store and no date window")
        return cls(crawler, store, window)

    def count(self, key: str) -> None:
        assert self.crawler.stats is not None
        self.crawler.stats.inc_value(key)
