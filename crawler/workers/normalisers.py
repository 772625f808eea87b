"""The article-level normalisers a worker runs right after extraction: the registration point.

Each `Normaliser` does, as a pure function on the item dict, exactly what one item pipeline would do
later in the reactor process, and returns the stats that pipeline would have counted. The worker
runs it only when its pipeline is enabled in `ITEM_PIPELINES`; the spider then marks the item
(`crawler.workers.marks`) and the pipeline skips it. To move another pipeline's per-article work
into the workers: write `apply(item, settings) -> stats`, add a `Normaliser` to `NORMALISERS`, and
start that pipeline's `process_item` with `if precomputed(item, "<field>"): return item`.

Rules for `apply`: read only the `inputs` fields, write only the `field`, no I/O, no clock. On a bug
it raises: the worker then leaves the field alone and unmarked, so the pipeline runs as usual and
logs and counts the error there (`amounts/error`, `dates/error`), with the article kept.

`tests/workers/test_equivalence.py` checks that items and stats are the same whichever side does the
work; keep each `apply` in step with its pipeline.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from crawler.dates.mentions import find_date_mentions
from crawler.dates.parse import parse_datetime, site_zone
from pipelines.amounts import annotate_amounts

Stats = dict[str, int]


@dataclass(frozen=True)
class Normaliser:
    """One item pipeline's per-article work, runnable in a worker."""

    field: str
    """The item field it fills; also its name in marks and in `precomputed(item, field)`."""
    pipeline: str
    """Dotted path of the item pipeline whose work it does; it runs only while that one is enabled."""
    inputs: tuple[str, ...]
    """Item fields it reads; the pipeline redoes the work when one of them has changed since."""
    apply: Callable[[dict[str, Any], Mapping[str, Any]], Stats]
    """Fills `item[field]` in place; returns the stats the pipeline would have counted."""
    settings: tuple[str, ...] = ()
    """Scrapy settings `apply` reads (passed to the worker as plain values)."""


def amounts(item: dict[str, Any], settings: Mapping[str, Any]) -> Stats:
    """`pipelines.amounts.pipeline.AmountsPipeline.process_item`, as a function."""
    found = annotate_amounts(item.get("title"), item.get("text"),
                             published_at=item.get("published_at"), language=item.get("language"))
    item["amounts"] = found
    sources = [a["usd_rate_source"] for a in found]
    # The pipeline counts these even when zero (the keys exist in every crawl's stats).
    return {
        "amounts/found": len(found),
        "amounts/converted_article": sources.count("article"),
        "amounts/converted_table": sources.count("table"),
        "amounts/unconverted": sources.count(None),
    }


def date_mentions(item: dict[str, Any], settings: Mapping[str, Any]) -> Stats:
    """`pipelines.dates.DateMentionsPipeline.process_item`, as a function (same reference rules)."""
    timezone = settings.get("DATES_TIMEZONE") or None
    stats: Stats = {}
    reference = None
    for name, fallback_stat in (("published_at", None), ("fetched_at", "dates/reference_fetched_at")):
        value = item.get(name)
        parsed = parse_datetime(value, timezone or "UTC") if isinstance(value, str) else None
        if parsed is not None:
            if fallback_stat:
                stats[fallback_stat] = 1
            reference = parsed.astimezone(site_zone(timezone)) if timezone else parsed
            break
    else:
        stats["dates/reference_missing"] = 1
    language = item.get("language")
    mentions: list[dict[str, Any]] = []
    for name in ("title", "text"):
        value = item.get(name)
        if isinstance(value, str) and value:
            mentions += find_date_mentions(value, name, reference=reference, language=language)
    item["dates"] = mentions
    # The pipeline counts only non-zero values.
    relative = sum(1 for m in mentions if m["relative"])
    stats.update({key: count for key, count in (("dates/found", len(mentions)), ("dates/relative", relative))
                  if count})
    return stats


#: Run in this order, after extraction, in the worker; each only while its pipeline is enabled.
NORMALISERS: tuple[Normaliser, ...] = (
    Normaliser("amounts", "pipelines.amounts.pipeline.AmountsPipeline",
               inputs=("title", "text", "published_at", "language"), apply=amounts),
    Normaliser("dates", "pipelines.dates.DateMentionsPipeline",
               inputs=("title", "text", "published_at", "fetched_at", "language"), apply=date_mentions,
               settings=("DATES_TIMEZONE",)),
)


def by_field(fields: tuple[str, ...]) -> tuple[Normaliser, ...]:
    """The registered normalisers named in `fields`, in registration order."""
    return tuple(n for n in NORMALISERS if n.field in fields)
