"""The article's dates: the page's date stage plus what the extractor knows from elsewhere.

The page itself is read by `crawler.dates.page.publication_dates` (JSON-LD, meta tags, `<time>`,
visible lines, URLs, htmldate); this module adds the candidates only the extractor holds: the
site's Next.js payload and the sitemap or feed entry that pointed at the page. See docs/dates.md.
"""

from __future__ import annotations

import email.utils
from dataclasses import replace
from datetime import UTC, date, datetime
from typing import Any

from lxml.html import HtmlElement

from crawler.dates.markup import raw_text
from crawler.dates.model import DateCandidate, PublicationDates
from crawler.dates.page import publication_dates
from crawler.extract.hints import Hints


def discovery_candidates(next_article: dict[str, Any] | None, hints: Hints) -> list[DateCandidate]:
    """Candidates from the Next.js article payload, the sitemap entry and the feed item."""
    values = [
        ("next_data", "published", (next_article or {}).get("publishedDate")),
        ("next_data", "modified", (next_article or {}).get("updatedDate")),
        ("sitemap", "published", hints.sitemap_publication_date),
        ("feed", "published", hints.feed_published),
    ]
    return [DateCandidate(source, kind, raw) for source, kind, value in values if (raw := raw_text(value))]


def instant(value: str | None) -> datetime | None:
    """An HTTP `Date` header ("Tue, 18 Feb 2025 06:31:00 GMT") or an ISO 8601 time, aware; else None."""
    if not value or not value.strip():
        return None
    try:
        parsed = datetime.fromisoformat(value.strip())
    except ValueError:
        try:
            parsed = email.utils.parsedate_to_datetime(value)
        except (TypeError, ValueError, IndexError):
            return None
    return parsed if parsed.tzinfo is not None else parsed.replace(tzinfo=UTC)


def article_dates(
    tree: HtmlElement,
    url: str,
    *,
    tz: str,
    now: datetime,
    next_article: dict[str, Any] | None,
    hints: Hints,
    served_at: str | None = None,
    fetched_at: str | None = None,
    earliest: str | None = None,
) -> PublicationDates:
    """The article's publication and modification dates (the tree is left as it was).

    `served_at`: the response's `Date` header; `fetched_at`: when the page was fetched (ISO 8601);
    relative dates ("3 hours ago") count from the first of them given, never from `now`.
    `earliest`: the site's first day (ISO date), from its profile.
    """
    served = instant(served_at)
    dates = publication_dates(
        tree, url, tz=tz, now=now, served_at=served, fetched_at=instant(fetched_at),
        earliest=date.fromisoformat(earliest) if earliest else None,
        extra=discovery_candidates(next_article, hints),
    )
    if served_at and served is None:
        return replace(dates, issues=(*dates.issues, "bad_served_at"))
    return dates
