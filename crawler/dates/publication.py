"""Choose an article's publication and modification dates among the candidates a page offers.

Pure functions: candidates in, `PublicationDates` out; the clock (`now`) is injected. The rules
(trust order, rejections, refinements, offsets) are in docs/dates.md.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime, timedelta

from crawler.dates.model import KINDS, SOURCE_ORDER, DateCandidate, PublicationDates
from crawler.dates.parse import ParsedValue, parse_value, site_zone
from crawler.dates.sources import url_date_candidate, visible_date_candidates

__all__ = [
    "SOURCE_ORDER",
    "DateCandidate",
    "PublicationDates",
    "resolve_publication_dates",
    "url_date_candidate",
    "visible_date_candidates",
]

FUTURE_SKEW = timedelta(minutes=10)
"""Clock skew tolerated between a publisher's clock and ours before a date counts as future."""
EARLIEST_YEAR = 1990
"""No news page we crawl predates this; earlier values are placeholders (epoch 0, year 1)."""
DISAGREE_AFTER = timedelta(days=1)
"""Sources further apart than this are reported as disagreeing."""
AGREEMENT_SOURCES = frozenset(SOURCE_ORDER[:6])
"""Sources compared for "disagree": sitemaps and feeds are left out, they carry listing times."""

_RANK = {source: i for i, source in enumerate(SOURCE_ORDER)}
_Valid = tuple[DateCandidate, ParsedValue]


def _iso(value: datetime) -> str:
    return value.isoformat(timespec="seconds")


def _screen(
    candidates: Sequence[DateCandidate], tz: str, now: datetime, issues: list[str]
) -> dict[str, list[_Valid]]:
    """Parse and sanity-check every candidate; valid ones per kind, in trust order."""
    valid: dict[str, list[_Valid]] = {kind: [] for kind in KINDS}
    ordered = sorted(candidates, key=lambda c: _RANK.get(c.source, len(_RANK)))
    for candidate in ordered:
        source = candidate.source
        if source not in _RANK:
            issues.append(f"unknown_source:{source}")
            continue
        if candidate.kind not in valid:
            issues.append(f"unknown_kind:{source}")
            continue
        parsed = parse_value(candidate.raw, tz, now=now)
        if parsed is None:
            issues.append(f"unparseable:{source}")
        elif parsed.value.year < EARLIEST_YEAR:
            issues.append(f"too_old:{source}")
        elif parsed.value > now + FUTURE_SKEW:
            prefix = "future" if candidate.kind == "published" else "future_modified"
            issues.append(f"{prefix}:{source}")
        else:
            valid[candidate.kind].append((candidate, parsed))
    return valid


def _refine(chosen: _Valid, others: list[_Valid], tz: str) -> _Valid:
    """A same-day candidate with a time for a date-only winner; else the winner."""
    if chosen[1].has_time:
        return chosen
    zone = site_zone(tz)
    day = chosen[1].value.astimezone(zone).date()
    for other in others:
        if other[1].has_time and other[1].value.astimezone(zone).date() == day:
            return other
    return chosen


def _modified_after(
    modified: list[_Valid], published: ParsedValue | None, tz: str, issues: list[str]
) -> _Valid | None:
    """The most trusted modification date that does not precede the publication date."""
    for candidate, parsed in modified:
        if published is not None:
            if parsed.has_time and published.has_time:
                before = parsed.value < published.value
            else:  # a date-only value only says which day
                zone = site_zone(tz)
                before = parsed.value.astimezone(zone).date() < published.value.astimezone(zone).date()
            if before:
                issues.append(f"modified_before_published:{candidate.source}")
                continue
        return candidate, parsed
    return None


def resolve_publication_dates(
    candidates: Sequence[DateCandidate], *, tz: str, now: datetime
) -> PublicationDates:
    """The publication and modification dates to keep, with issues noted as stat suffixes.

    `tz` is the site's IANA zone (for naive values; unknown names raise ValueError), `now` the
    injected current time (a naive `now` is taken as UTC).
    """
    if now.tzinfo is None:
        now = now.replace(tzinfo=UTC)
    issues: list[str] = []
    valid = _screen(candidates, tz, now, issues)
    published = valid["published"]
    chosen: _Valid | None = None
    if published:
        chosen = _refine(published[0], published[1:], tz)
        top = published[0][1].value
        if any(
            candidate.source in AGREEMENT_SOURCES and abs(parsed.value - top) > DISAGREE_AFTER
            for candidate, parsed in published[1:]
        ):
            issues.append("disagree")
    modified = _modified_after(valid["modified"], chosen[1] if chosen else None, tz, issues)
    return PublicationDates(
        published_at=_iso(chosen[1].value) if chosen else None,
        published_at_raw=chosen[0].raw if chosen else None,
        published_at_source=chosen[0].source if chosen else None,
        modified_at=_iso(modified[1].value) if modified else None,
        issues=tuple(dict.fromkeys(issues)),
    )
