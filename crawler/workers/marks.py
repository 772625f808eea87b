"""How an item says that a worker already did an item pipeline's work, and from which values.

The extraction worker runs the article-level normalisers (amounts, date mentions) right after
extraction, in the worker process (`crawler.workers.normalisers`). The spider then marks the item:
for each normaliser that ran, the values of the fields it read (`title`, `text`, ...). The mark is
an attribute of the item object, not a field, so it is never exported.

An item pipeline asks `precomputed(item, "amounts")` first and returns the item untouched when it
is true. It is true only while the item still has the very values the worker read: a pipeline that
runs earlier and rewrites `text` (e.g. template-paragraph removal) makes it false, and the pipeline
does its work again on the new text. Items that never went through a worker (dict items, another
spider, `EXTRACTION_WORKER_NORMALISERS = False`) carry no mark: the pipelines work alone.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

ATTRIBUTE = "_precomputed_by_worker"


def mark_precomputed(item: Any, done: Mapping[str, Mapping[str, Any]]) -> Any:
    """Record on `item` which fields a worker filled (`name -> {input field: value read}`)."""
    setattr(item, ATTRIBUTE, {name: dict(inputs) for name, inputs in done.items()})
    return item


def precomputed(item: Any, name: str) -> bool:
    """True when a worker already filled `name` from the values `item` still holds."""
    record = getattr(item, ATTRIBUTE, None)
    if not isinstance(record, dict) or name not in record:
        return False
    # Imported here, not at the top: workers import this module, and itemadapter imports all of Scrapy.
    from itemadapter import ItemAdapter

    adapter = ItemAdapter(item)
    return all(adapter.get(field) == value for field, value in record[name].items())
