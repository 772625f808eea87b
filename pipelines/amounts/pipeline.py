"""Scrapy item pipeline: fills an article's ``amounts`` from its title and text.

A thin wrapper over :func:`pipelines.amounts.annotate_amounts`. A bug inside the finder must never
cost the article: it is logged, counted as ``amounts/error`` and the item goes on with
``amounts`` left as it was. Counters: ``amounts/found``, ``amounts/converted_article``,
``amounts/converted_table``, ``amounts/unconverted``, ``amounts/error``.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Any

from itemadapter import ItemAdapter

from crawler.workers.marks import precomputed

from .counts import amounts_and_stats

if TYPE_CHECKING:
    from scrapy.crawler import Crawler

logger = logging.getLogger(__name__)


class AmountsPipeline:
    """Sets ``amounts`` on every item that has a title or a text."""

    def __init__(self, crawler: Crawler) -> None:
        self.crawler = crawler

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> AmountsPipeline:
        return cls(crawler)

    def process_item(self, item: Any) -> Any:
        if precomputed(item, "amounts"):  # already done by the extraction worker (crawler/workers/marks.py)
            return item
        adapter = ItemAdapter(item)
        stats = self.crawler.stats
        try:
            amounts, counts = amounts_and_stats(adapter)
            adapter["amounts"] = amounts
        except Exception:  # a finder bug must not drop the article; it is logged and counted
            logger.warning("amounts: could not annotate %s", adapter.get("url") or adapter.get("id"),
                           exc_info=True)
            if stats is not None:
                stats.inc_value("amounts/error")
            return item
        if stats is not None:
            for key, count in counts.items():
                stats.inc_value(key, count)
        return item
