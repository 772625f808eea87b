"""Drop a second item with an id already emitted in this run.

The request fingerprinter already collapses URL variants of one article; this catches what only
extraction can see (two URLs whose pages declare the same canonical article).
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Any

from itemadapter import ItemAdapter
from scrapy.exceptions import DropItem

if TYPE_CHECKING:
    from scrapy.crawler import Crawler

logger = logging.getLogger(__name__)


class DuplicateArticlePipeline:
    """One item per article id per run."""

    def __init__(self, crawler: Crawler) -> None:
        self.crawler = crawler
        self.seen: set[str] = set()

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> DuplicateArticlePipeline:
        return cls(crawler)

    def process_item(self, item: Any) -> Any:
        article_id = str(ItemAdapter(item).get("id"))
        if article_id in self.seen:
            assert self.crawler.stats is not None
            self.crawler.stats.inc_value("dedupe/duplicate_id")
            raise DropItem(f"duplicate article id {article_id}")
        self.seen.add(article_id)
        return item
