"""The `CRAWL_SINCE` / `CRAWL_UNTIL` publication window of a crawl."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, time

from scrapy.settings import BaseSettings


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
