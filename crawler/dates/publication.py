"""Choose an article's publication and modification dates among the candidates a page offers.

Pure functions: candidates in, `PublicationDates` out; the clock (`now`) and the time relative
values count from (`anchor`: when the page was served) are injected. The rules
(trust order, rejections, refinements, offsets) are in docs/dates.md.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta

from crawler.dates.model import KINDS, SOURCE_ORDER, DateCandidate, PublicationDates
from crawler.dates.parse import ParsedValue, is_relative, parse_value, site_zone
from crawler.dates.sources import url_date_candidate, visible_date_candidates
from crawler.dates.zones import Reading

__all__ = [
    "SOURCE_ORDER",
    "DateCandidate",
    "PublicationDates",
    "Tier",
    "resolve_publication_dates",
    "url_date_candidate",
    "visible_date_candidates",
]

FUTURE_SKEW = timedelta(minutes=10)
"""Clock skew tolerated between a publisher's clock and ours before a date counts as future."""
EARLIEST_YEAR = 1990
"""No news page we crawl predates this; earlier values are placeholders (epoch 0, year 1)."""
EARLIEST_DAY = date(EARLIEST_YEAR, 1, 1)
DISAGREE_AFTER = timedelta(days=1)
"""Sources further apart than this are reported as disagreeing."""
PAGE_SOURCES = SOURCE_ORDER[: SOURCE_ORDER.index("htmldate")]
"""Sources read by our own rules from the page."""
GUESS_SOURCES = frozenset({"htmldate"})
"""Sources whose day is a guess: dropped when it follows the modification day ("after_modified")."""
AGREEMENT_SOURCES = frozenset(PAGE_SOURCES)
"""Sources compared for "disagree": sitemaps and feeds are left out, they carry listing times."""

_RANK = {source: i for i, source in enumerate(SOURCE_ORDER)}
_CREATED_RANK = _RANK["htmldate"] - 0.5
"""A "created" value ranks after every page source's publication date, before the fallback."""
_Valid = tuple[DateCandidate, ParsedValue]


@dataclass(frozen=True)
class Tier:
    """Candidates of one source that cost something to find, asked only when they can change the answer.

    They can when no valid publication candidate ranks above `source`, or (`gives_time`) when the
    best one above gives only a day that this source might give the time of.
    """

    source: str
    find: Callable[[], Sequence[DateCandidate]]
    gives_time: bool


def _rank(candidate: DateCandidate) -> float:
    return _CREATED_RANK if candidate.kind == "created" else _RANK.get(candidate.source, len(_RANK))


def _iso(value: datetime) -> str:
    return value.isoformat(timespec="seconds")


def _screen(
    candidates: Sequence[DateCandidate],
    tz: str,
    now: datetime,
    anchor: datetime | None,
    how: Reading | None,
    earliest: date,
    issues: list[str],
) -> dict[str, list[_Valid]]:
    """Parse and sanity-check every candidate; valid ones per kind ("created" joins "published"),
    in trust order."""
    valid: dict[str, list[_Valid]] = {"published": [], "modified": []}
    for candidate in sorted(candidates, key=_rank):
        source = candidate.source
        if source not in _RANK:
            issues.append(f"unknown_source:{source}")
            continue
        if candidate.kind not in KINDS:
            issues.append(f"unknown_kind:{source}")
            continue
        parsed = parse_value(candidate.raw, tz, now=anchor, how=how)
        if parsed is None:
            relative = anchor is None and is_relative(candidate.raw)
            issues.append(f"{'relative_without_anchor' if relative else 'unparseable'}:{source}")
        elif parsed.value.date() < earliest:
            issues.append(f"too_old:{source}")
        elif parsed.value > now + FUTURE_SKEW:
            prefix = "future_modified" if candidate.kind == "modified" else "future"
            issues.append(f"{prefix}:{source}")
        else:
            valid["modified" if candidate.kind == "modified" else "published"].append((candidate, parsed))
    return valid


def _needed(tier: Tier, published: list[_Valid]) -> bool:
    above = [v for v in published if _rank(v[0]) < _RANK[tier.source]]
    return not above or (tier.gives_time and not above[0][1].has_time)


def _after_modified(published: list[_Valid], modified: list[_Valid], tz: str, issues: list[str]) -> list[_Valid]:
    """Publication candidates except guesses that follow the most trusted modification day."""
    if not modified:
        return published
    zone = site_zone(tz)
    last_day = modified[0][1].value.astimezone(zone).date()
    kept = []
    for candidate, parsed in published:
        if candidate.source not in GUESS_SOURCES or parsed.value.astimezone(zone).date() <= last_day:
            kept.append((candidate, parsed))
        else:
            issues.append(f"after_modified:{candidate.source}")
    return kept


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
    candidates: Sequence[DateCandidate],
    *,
    tz: str,
    now: datetime,
    anchor: datetime | None = None,
    how: Reading | None = None,
    earliest: date = EARLIEST_DAY,
    tiers: Sequence[Tier] = (),
) -> PublicationDates:
    """The publication and modification dates to keep, with issues noted as stat suffixes.

    `tz` is the site's IANA zone (for naive values; unknown names raise ValueError), `now` the
    injected current time (a naive `now` is taken as UTC), `anchor` when the page was served (for
    relative values; None: they give nothing), `how` the way the page's country reads dates,
    `earliest` the first day the site can have published anything (earlier values: "too_old"),
    `tiers` costly candidate sources, asked in order, each only when it can change the answer.
    """
    if now.tzinfo is None:
        now = now.replace(tzinfo=UTC)
    issues: list[str] = []
    valid = _screen(candidates, tz, now, anchor, how, earliest, issues)
    for tier in tiers:
        if _needed(tier, valid["published"]):
            extra = _screen(tier.find(), tz, now, anchor, how, earliest, issues)
            for kind in valid:
                valid[kind] = sorted(valid[kind] + extra[kind], key=lambda v: _rank(v[0]))
    published = _after_modified(valid["published"], valid["modified"], tz, issues)
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
