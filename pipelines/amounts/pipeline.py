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

from . import annotate_amounts

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
            amounts = annotate_amounts(
                adapter.get("title"), adapter.get("text"),
                published_at=adapter.get("published_at"), language=adapter.get("language"),
            )
            adapter["amounts"] = amounts
        except Exception:  # a finder bug must not drop the article; it is logged and counted
            logger.warning("amounts: could not annotate %s", adapter.get("url") or adapter.get("id"),
                           exc_info=True)
            if stats is not None:
                stats.inc_value("amounts/error")
            return item
        if stats is not None:
            sources = [a["usd_rate_source"] for a in amounts]
            stats.inc_value("amounts/found", len(amounts))
            stats.inc_value("amounts/converted_article", sources.count("article"))
            stats.inc_value("amounts/converted_table", sources.count("table"))
            stats.inc_value("amounts/unconverted", sources.count(None))
        return item
