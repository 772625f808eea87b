"""The saved pages that show why each publication-date rule exists (tests/fixtures/pages/<case>/).

Every field of these pages is also checked by tests/unit/extract/test_fixture_pages.py; this table
names the date each one is about, and the rule it shows.
"""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from crawler.extract import extract_article
from tests.fixtures.pages_support import PAGES, load_input, run_case

CASES = [
    # case, published_at, published_at_source, modified_at, rule
    ("wordpress-entry-date", "2025-03-04T09:15:00+08:00", "time", "2025-03-06T10:00:00+08:00",
     '<time class="entry-date published updated"> is the publication date; og:updated_time a modification; '
     "the sidebar's recent-post times are not the article's"),
    ("jsonld-graph-webpage", "2025-06-02T07:30:00+07:00", "jsonld", "2025-06-02T11:45:00+07:00",
     "datePublished on the WebPage node of a CDATA-wrapped @graph; an ItemList's stories are ignored"),
    ("related-list-dates", "2025-03-03T14:20:00+00:00", "visible", None,
     "a most-read list's <time> elements and the comments' 'Posted on' lines are furniture"),
    ("indian-ist", "2025-02-18T09:05:00+05:30", "visible", "2025-02-18T14:30:00+05:30",
     "IST on an Indian site (.in) is India Standard Time"),
    ("chinese-updated-after", "2025-02-18T06:30:00+08:00", "visible", "2025-02-18T09:40:00+08:00",
     "发布时间 label, a value before its label (09:40更新), Beijing time for a .cn page of a generic site"),
    ("relative-updated", "2025-02-18T09:00:00+00:00", "visible", "2025-02-18T11:15:00+00:00",
     "'3 hours ago' counts from the response's Date header"),
    ("european-dates", "2014-07-19T14:30:00+02:00", "visible", "2014-07-21T00:00:00+02:00",
     "'Veröffentlicht am 19. Juli 2014, 14:30 Uhr' and '21.07.2014' on a German page"),
    ("htmldate-abbr", "2012-12-16T00:00:00+00:00", "htmldate", None,
     "htmldate reads <abbr class=published title=...>; the comment's date is pruned before it looks"),
]


@pytest.mark.parametrize(("case", "published_at", "source", "modified_at"),
                         [pytest.param(*row[:4], id=row[0]) for row in CASES])
def test_fixture_page_dates(case: str, published_at: str, source: str, modified_at: str | None) -> None:
    result = run_case(case)
    assert (result["published_at"], result["published_at_source"], result["modified_at"]) == (
        published_at, source, modified_at)


def _relative_page(**kwargs: str | datetime | None) -> dict:
    spec = load_input("relative-updated")
    html = (PAGES / "relative-updated" / "page.html").read_bytes()
    return extract_article(html, spec["url"], site=spec["site"], **kwargs).item()  # type: ignore[arg-type]


def test_relative_dates_of_a_saved_page_give_nothing() -> None:
    # No Date header, no fetch time: "3 hours ago" has no anchor, and the extraction clock is not one.
    item = _relative_page(now=datetime(2025, 2, 18, 12, 0, tzinfo=UTC))
    assert item["published_at"] is None and item["modified_at"] is None


def test_relative_dates_never_count_from_the_crawl_clock() -> None:
    # The same served page extracted a week later: the dates do not move with `now`.
    served = "Tue, 18 Feb 2025 12:00:00 GMT"
    early = _relative_page(now=datetime(2025, 2, 18, 12, 5, tzinfo=UTC), served_at=served)
    late = _relative_page(now=datetime(2025, 2, 25, 0, 0, tzinfo=UTC), served_at=served)
    assert early["published_at"] == late["published_at"] == "2025-02-18T09:00:00+00:00"


def test_relative_dates_count_from_the_fetch_time_without_a_date_header() -> None:
    item = _relative_page(now=datetime(2025, 3, 1, tzinfo=UTC), fetched_at="2025-02-18T10:00:00+00:00")
    assert item["published_at"] == "2025-02-18T07:00:00+00:00"


def test_a_bad_date_header_is_counted_and_the_fetch_time_used() -> None:
    spec = load_input("relative-updated")
    html = (PAGES / "relative-updated" / "page.html").read_bytes()
    extraction = extract_article(html, spec["url"], site="generic", now=datetime(2025, 3, 1, tzinfo=UTC),
                                 served_at="yesterday-ish", fetched_at="2025-02-18T10:00:00+00:00")
    assert extraction.article.published_at == "2025-02-18T07:00:00+00:00"
    assert "dates/bad_served_at" in extraction.events
