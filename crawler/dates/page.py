"""The publication-date stage of extraction: one parsed page in, its dates out.

`publication_dates` gathers every candidate the page offers (JSON-LD, meta tags, `<time>` and
microdata, visible date lines, dates in the URL, canonical link and `og:url`), adds what the
caller knows from elsewhere (Next.js payload, sitemap, feed), resolves them in trust order and,
when the page's own markup gives no publication date, asks htmldate. A pure function of its
arguments: the clock and the time the page was served are injected. See docs/dates.md.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from datetime import date, datetime

from lxml.html import HtmlElement

from crawler.dates.fallback import htmldate_candidates
from crawler.dates.markup import jsonld_candidates, link_urls, meta_candidates, time_candidates
from crawler.dates.model import DateCandidate, PublicationDates
from crawler.dates.publication import EARLIEST_DAY, Tier, resolve_publication_dates
from crawler.dates.sources import url_date_candidate
from crawler.dates.visible import visible_candidates
from crawler.dates.zones import local_zone, page_country, reading, site_country


def markup_candidates(tree: HtmlElement, urls: list[str]) -> list[DateCandidate]:
    """The cheap candidates: JSON-LD, meta tags, `<time>` and microdata, URLs; no particular order."""
    found = [*jsonld_candidates(tree), *meta_candidates(tree), *time_candidates(tree)]
    for link in dict.fromkeys(urls):
        candidate = url_date_candidate(link)
        if candidate is not None and candidate not in found:
            found.append(candidate)
    return found


def publication_dates(
    tree: HtmlElement,
    url: str,
    *,
    tz: str = "UTC",
    now: datetime,
    served_at: datetime | None = None,
    fetched_at: datetime | None = None,
    earliest: date | None = None,
    extra: Sequence[DateCandidate] = (),
) -> PublicationDates:
    """The publication and modification dates of the page `tree` fetched from `url`.

    - `tz`: the site's IANA zone, for values without an offset ("UTC": unknown, then the zone of
      the page's country when it has one). The country (of the site's zone, else of the page's
      domain or language) decides what "IST" or "CST" mean and whether "9/10/2016" is in September;
    - `now`: the current time (nothing after it is accepted);
    - `served_at` (the response's `Date` header), else `fetched_at`: what "3 hours ago" counts
      from; with neither, relative values give nothing;
    - `earliest`: the first day the site can have published anything;
    - `extra`: candidates known from outside the page (Next.js payload, sitemap, feed).
    `tree` is left as it was.
    """
    urls = [url, *link_urls(tree)]
    root = tree.getroottree().getroot()
    country = site_country(tz) or page_country(urls, root.get("lang") or root.get("xml:lang"))
    first_day = max(earliest or EARLIEST_DAY, EARLIEST_DAY)
    how = reading(country)
    fallback_issues: list[str] = []
    dates = resolve_publication_dates(
        [*markup_candidates(tree, urls), *extra],
        tz=local_zone(tz, country),
        now=now,
        anchor=served_at or fetched_at,
        how=how,
        earliest=first_day,
        tiers=(
            Tier("visible", lambda: visible_candidates(tree, how), gives_time=True),
            Tier("htmldate", lambda: htmldate_candidates(tree, url, earliest=first_day, latest=now,
                                                         issues=fallback_issues), gives_time=False),
        ),
    )
    return replace(dates, issues=dates.issues + tuple(fallback_issues)) if fallback_issues else dates
