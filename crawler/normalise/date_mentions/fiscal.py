"""Which fiscal calendar a fiscal-year mention follows, from the words of its sentence.

Governments: Hong Kong, Singapore, India and Japan start their fiscal year on 1 April, the US
federal government on 1 October. Japan and Singapore name the year by its start ("fiscal 2025"
begins April 2025), India and the US by its end ("FY25" begins April 2024, "fiscal 2025" October
2024). Split years ("2024-25", "2024/25") begin in April unless the sentence says otherwise.
In India and Japan companies keep the government's April year too. Companies follow the year-end
they state ("the year ended June 30"); an unnamed calendar ("the group's FY2024") is the calendar
year, unless the publication's UTC offset names India (+05:30) or Japan (+09:00). See docs/dates.md.
"""

from __future__ import annotations

import re
from contextvars import ContextVar
from dataclasses import dataclass
from datetime import date, datetime, timedelta

# Words saying the sentence is about a government's finances, not a company's.
GOVERNMENT_RE = re.compile(
    r"\b(?:budget\w*|government|cabinet|ministry|minister|treasury|deficit|surplus|tax\s+revenue|revenue\s+"
    r"forecast|public\s+(?:finances|spending|debt)|fiscal\s+(?:reserves|position|deficit|policy)|spending"
    r"|parliament|congress\w*|senate|legislative|federal|appropriation\w*|stamp\s+duty|salaries\s+tax"
    r"|land\s+sales|capital\s+expenditure|year\s+of\s+assessment|Financial\s+Secretary|Exchequer)\b"
    r"|財政|财政|預算|预算|政府",
    re.I,
)
COUNTRY_RES = (
    ("HK", re.compile(r"Hong\s+Kong|HK\$|\bHKSAR\b|Legislative\s+Council|LegCo|Financial\s+Secretary|香港|港府|本港"
                      r"|財政司|财政司|特區政府|特区政府|立法會|立法会")),
    ("SG", re.compile(r"Singapore|\bS\$|\bSGD\b|\bMAS\b|Lawrence\s+Wong|新加坡")),
    ("IN", re.compile(r"\bIndia|\brupees?\b|\bRs\.?\s?\d|₹|Sitharaman|Lok\s+Sabha|\bRBI\b|印度")),
    ("JP", re.compile(r"\bJapan|\byen\b|¥|\bTokyo\b|\bBOJ\b|Bank\s+of\s+Japan|\bDiet\b|日本|日元")),
    ("US", re.compile(r"\bUS\s+federal|\bfederal\s+(?:government|deficit|budget|spending|debt)|\bCongress|"
                      r"Congressional|\bPentagon\b|White\s+House|\bCBO\b|US\s+Treasury|US\s+government"
                      # "The Treasury reported a deficit of $711 billion": a bare dollar sign (not HK$, S$)
                      r"|\bTreasury\b[^.;]*(?<![A-Za-z])\$\s?\d|(?<![A-Za-z])\$\s?\d[^.;]*\bTreasury\b")),
)
# (start month, named by the end year)
CALENDARS = {"HK": (4, False), "SG": (4, False), "IN": (4, True), "JP": (4, False), "US": (10, True)}
SPLIT_YEAR_START = 4
# Countries whose companies keep the government's fiscal year (an Indian firm's "FY25", a Japanese one's
# "fiscal 2025"); elsewhere a company's year is its own.
NATIONAL_YEAR = frozenset({"IN", "JP"})
# UTC offsets of one country with a non-calendar fiscal year: the publication's offset names the country of
# a sentence that names none ("the upper house enacted the fiscal 2025 budget", published at +09:00).
# Korea shares +09:00 but rarely says "fiscal 2025" (its fiscal year is the calendar year).
OFFSET_COUNTRIES = {timedelta(hours=5, minutes=30): "IN", timedelta(hours=9): "JP"}
PUBLICATION_COUNTRY: ContextVar[str | None] = ContextVar("publication_country", default=None)
"""The country of the publication's UTC offset, set by `find_date_mentions` for the call's rules."""


@dataclass(frozen=True)
class FiscalCalendar:
    """A fiscal year that starts on the 1st of `start_month`; `by_end`: "FY2025" is the year ending in 2025."""

    start_month: int = 1
    by_end: bool = False

    def start_of(self, named_year: int) -> tuple[int, int]:
        """(year, month) the fiscal year called `named_year` starts in."""
        if self.start_month == 1:
            return named_year, 1
        return (named_year - 1 if self.by_end else named_year), self.start_month


CALENDAR_YEAR = FiscalCalendar()


def country_of(sentence: str) -> str | None:
    """The country whose government calendar the sentence names, if any (the US only when federal)."""
    for country, pattern in COUNTRY_RES:
        if pattern.search(sentence):
            return country
    return None


def publication_country(reference: datetime | date | None) -> str | None:
    """The country a publication time's UTC offset names, when only one fiscal calendar uses it."""
    offset = reference.utcoffset() if isinstance(reference, datetime) else None
    return OFFSET_COUNTRIES.get(offset) if offset is not None else None


def government_calendar(sentence: str, split: bool = False) -> FiscalCalendar:
    """The calendar of a fiscal year named in `sentence` without a stated year-end.

    A government calendar needs a country (named, else the publication's) and a government word,
    except in India and Japan; split years ("2024-25") without a known country begin in April;
    anything else is the calendar year.
    """
    country = country_of(sentence) or PUBLICATION_COUNTRY.get()
    if country == "US":
        return FiscalCalendar(*CALENDARS["US"])
    if country is not None and (split or country in NATIONAL_YEAR or GOVERNMENT_RE.search(sentence)):
        return FiscalCalendar(*CALENDARS[country])
    if split:
        return FiscalCalendar(SPLIT_YEAR_START, False)
    return CALENDAR_YEAR


def stated_calendar(end_month: int) -> FiscalCalendar:
    """A company's calendar from its stated year-end month ("the year ended June 30" starts in July)."""
    return FiscalCalendar(end_month % 12 + 1, end_month != 12)
