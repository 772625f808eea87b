"""Value types shared by publication-date collection and resolution.

Kept apart from `publication` so that candidate finders (`sources`) and the resolver can both
import them without a cycle; `crawler.dates.publication` re-exports them as the public API.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

SOURCE_ORDER = ("jsonld", "next_data", "meta", "time", "visible", "url", "htmldate", "sitemap", "feed")
"""Trust order, most trusted first.

Structured data the publisher writes for machines (JSON-LD, the Next.js payload) beats HTML meta
tags, which beat `<time>` elements and visible date lines (templates reuse them for related
stories); the URL (the page's, its canonical link's, its `og:url`) only gives a day; htmldate is
asked only when all of those give nothing; sitemaps and feeds often carry the listing or
re-listing time rather than the publication time.
"""

KINDS = ("published", "created", "modified")
""""created" (`dateCreated`) stands in for a publication date no page source gives."""


@dataclass(frozen=True)
class DateCandidate:
    """One date found somewhere, not yet parsed."""

    source: str
    """Where it came from; one of SOURCE_ORDER."""
    kind: str
    """"published", "created" or "modified"."""
    raw: str
    """The value exactly as found (epoch milliseconds as a digit string)."""


@dataclass(frozen=True)
class PublicationDates:
    """The resolved dates of one article, with what went wrong on the way."""

    published_at: str | None
    """ISO 8601 with UTC offset, e.g. "2025-02-18T14:30:00+08:00"."""
    published_at_raw: str | None
    """The raw value it came from."""
    published_at_source: str | None
    """Its source name."""
    modified_at: str | None
    """ISO 8601 with UTC offset; None when absent or inconsistent with `published_at`."""
    issues: tuple[str, ...] = ()
    """Stat suffixes, e.g. ("unparseable:meta", "future:jsonld", "disagree")."""


@dataclass(frozen=True)
class ParsedValue:
    """An aware datetime plus what the raw value told us about its precision."""

    value: datetime
    has_time: bool
    """False for date-only values (set to midnight in the site's zone)."""
    has_offset: bool
    """True when the raw value carried its own UTC offset (or was an epoch number)."""
