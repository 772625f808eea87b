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

Each `apply` and its pipeline call one shared function (`amounts_and_stats`, `dates_and_stats`);
`tests/workers/test_equivalence.py` checks that items and stats are the same whichever side does the
work.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from crawler.dates.annotate import dates_and_stats
from pipelines.amounts.counts import amounts_and_stats

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
    """`AmountsPipeline.process_item`, as a function: both call `amounts_and_stats`."""
    item["amounts"], stats = amounts_and_stats(item)
    return stats


def date_mentions(item: dict[str, Any], settings: Mapping[str, Any]) -> Stats:
    """`DateMentionsPipeline.process_item`, as a function: both call `dates_and_stats`."""
    item["dates"], stats = dates_and_stats(item, settings.get("DATES_TIMEZONE") or None)
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
