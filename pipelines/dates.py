"""Item pipeline: fill `dates` with the date mentions of an article's title and text.

A thin wrapper over `crawler.dates.mentions.find_date_mentions`. Relative mentions ("on
Tuesday", "last year") are resolved against `published_at`; when it is missing, against
`fetched_at` (counted as `dates/reference_fetched_at`), else only absolute mentions are kept
(`dates/reference_missing`). A bug inside is logged and counted (`dates/error`); the item always
goes on.

Settings:
- DATES_TIMEZONE (default: none): IANA zone in which the reference date is read. By default the
  offset `published_at` carries is used, which is the site's own for most sources.
"""

from __future__ import annotations

import logging
from typing import Any

from itemadapter import ItemAdapter
from scrapy.crawler import Crawler

from crawler.dates.annotate import dates_and_stats
from crawler.dates.parse import site_zone
from crawler.workers.marks import precomputed

logger = logging.getLogger(__name__)


class DateMentionsPipeline:
    """Fills the item's `dates` field: title mentions, then text mentions."""

    def __init__(self, crawler: Crawler) -> None:
        self.crawler = crawler
        self.timezone: str | None = crawler.settings.get("DATES_TIMEZONE") or None
        if self.timezone is not None:
            site_zone(self.timezone)  # an unknown zone fails at start-up, not on every item

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> DateMentionsPipeline:
        return cls(crawler)

    def _inc(self, key: str, count: int = 1) -> None:
        if self.crawler.stats is not None and count:
            self.crawler.stats.inc_value(key, count)

    def process_item(self, item: Any) -> Any:
        if precomputed(item, "dates"):  # already done by the extraction worker (crawler/workers/marks.py)
            return item
        adapter = ItemAdapter(item)
        try:
            mentions, counts = dates_and_stats(adapter, self.timezone)
            adapter["dates"] = mentions
        # A bug in the date finder must not cost the article: log it with context, count it, go on.
        except Exception:
            logger.warning("date mentions failed for %s", adapter.get("url"), exc_info=True)
            self._inc("dates/error")
            return item
        for key, count in counts.items():
            self._inc(key, count)
        return item
