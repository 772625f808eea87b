"""Dates: publication/modification dates of an article, and date mentions in its title and text.

Pure functions only (the clock is always injected); `pipelines.dates` wraps the mention finder.
"""

from __future__ import annotations

from crawler.dates.mentions import find_date_mentions
from crawler.dates.model import SOURCE_ORDER, DateCandidate, PublicationDates
from crawler.dates.parse import parse_datetime
from crawler.dates.publication import resolve_publication_dates
from crawler.dates.sources import url_date_candidate, visible_date_candidates

__all__ = [
    "SOURCE_ORDER",
    "DateCandidate",
    "PublicationDates",
    "find_date_mentions",
    "parse_datetime",
    "resolve_publication_dates",
    "url_date_candidate",
    "visible_date_candidates",
]
