"""The output contract: one article per feed line.

`Article` is the only item type the spiders yield. Every value is JSON-safe (str, int, float,
bool, None, lists and dicts of those) so that the feed exporter never has to guess an encoding.
The JSON Schema in `crawler/schema/article.schema.json` describes the same fields; bump
`SCHEMA_VERSION` (minor: fields or values added; major: fields renamed, removed or retyped) when it
changes.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

SCHEMA_VERSION = "1.5"


@dataclass(kw_only=True)
class Article:
    """One news article, as delivered in the JSON Lines feed (fields in feed order)."""

    schema_version: str = SCHEMA_VERSION
    """Version of this contract."""
    id: str
    """Stable key: `<site>:<native id>` when the site has article ids, else `<site>:u<sha1 of canonical URL>`."""
    url: str
    """The URL that was fetched (after redirects)."""
    canonical_url: str
    """rel=canonical / og:url / JSON-LD url, tracking parameters stripped; else `url` cleaned the same way."""
    site: str
    """Source name: the site profile (`scmp`, ...), or the host for the generic `article` spider."""
    publisher: str | None
    """Name of the organisation that published this copy."""
    original: dict[str, str | None] | None = None
    """For a republished copy, `{"publisher": ..., "url": ...}` of the original; else null."""
    title: str
    """Headline."""
    summary: str | None = None
    """Standfirst / description."""
    authors: list[str] = field(default_factory=list)
    """Author names, placeholders such as `admin` removed."""
    section: str | None = None
    """Section name as the site gives it."""
    keywords: list[str] = field(default_factory=list)
    """Keywords / tags as the site gives them."""
    language: str | None = None
    """BCP 47 language tag (`en`, `zh`, `zh-Hant`)."""
    country: str | None = None
    """ISO 3166-1 alpha-2 code of the publication's home (site profile, else inferred from the page), or
    null: which dollar a bare "$" is. (1.3)"""
    published_at: str | None = None
    """Publication time, ISO 8601 with a UTC offset."""
    published_at_raw: str | None = None
    """The publication time exactly as found on the page or in the feed."""
    published_at_source: str | None = None
    """Where `published_at` came from: jsonld, next_data, meta, time, visible, url, htmldate (its
    reading of the page, when none of ours found a date; 1.2), sitemap, feed."""
    modified_at: str | None = None
    """Last modification time, ISO 8601 with a UTC offset."""
    text: str
    """Clean body text, paragraphs separated by one blank line."""
    paywalled: bool = False
    """True when the page carries only a teaser of a paywalled story: `text` is then incomplete."""
    amounts: list[dict[str, Any]] = field(default_factory=list)
    """Money amounts found in title and text (see the schema for the entry shape)."""
    dates: list[dict[str, Any]] = field(default_factory=list)
    """Date mentions found in title and text (see the schema for the entry shape)."""
    signals: dict[str, Any] | None = None
    """Economic signals: `{"epu": [per-method EPU tags], "figures": [indicator figures]}`, null when
    the signals normaliser did not run (see docs/signals.md and the schema). (1.4)"""
    fetched_at: str
    """When the page was fetched, ISO 8601 in UTC."""
    update: bool = False
    """True when this article was delivered by an earlier run and its content has changed since. (1.1)"""
    fingerprint: str | None = None
    """Hash of the words of title and text: the same story elsewhere has the same one. (1.1)"""
    duplicate_of: str | None = None
    """Id of an article of another site with the same content (a republished copy), else null. (1.1)"""
