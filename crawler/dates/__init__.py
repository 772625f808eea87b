"""Publication and modification dates of an article: candidates from the page, chosen by trust order.

Pure functions only (the clock and the time a page was served are injected); `publication_dates`
is the whole stage for one parsed page. Date mentions in the text live in
`crawler.normalise.date_mentions`. See docs/dates.md.
"""

from __future__ import annotations

from crawler.dates.model import SOURCE_ORDER, DateCandidate, PublicationDates
from crawler.dates.page import publication_dates
from crawler.dates.parse import parse_datetime
from crawler.dates.publication import resolve_publication_dates
from crawler.dates.sources import url_date_candidate, visible_date_candidates

__all__ = [
    "SOURCE_ORDER",
    "DateCandidate",
    "PublicationDates",
    "parse_datetime",
    "publication_dates",
    "resolve_publication_dates",
    "url_date_candidate",
    "visible_date_candidates",
]
