"""What discovery knew about a URL before fetching it (sitemap and feed fields).

Carried in `Request.meta["hints"]` as a plain dict, so that JOBDIR can persist queued requests.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any


@dataclass(frozen=True)
class Hints:
    """Fields from the sitemap entry or feed item that pointed at the page."""

    sitemap_publication_date: str | None = None
    sitemap_lastmod: str | None = None
    sitemap_keywords: str | None = None
    feed_published: str | None = None
    feed_title: str | None = None
    feed_authors: tuple[str, ...] = ()
    feed_summary: str | None = None

    def to_meta(self) -> dict[str, Any]:
        """A JSON/pickle-safe dict without empty fields."""
        return {k: list(v) if isinstance(v, tuple) else v for k, v in asdict(self).items() if v}

    @classmethod
    def from_meta(cls, data: dict[str, Any] | None) -> Hints:
        """Inverse of `to_meta`; unknown keys are ignored."""
        if not data:
            return cls()
        known = {k: v for k, v in data.items() if k in cls.__dataclass_fields__}
        if "feed_authors" in known:
            known["feed_authors"] = tuple(known["feed_authors"])
        return cls(**known)
