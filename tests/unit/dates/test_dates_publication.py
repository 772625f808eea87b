"""resolve_publication_dates, visible_date_candidates and url_date_candidate."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from crawler.dates.publication import (
    SOURCE_ORDER,
    DateCandidate,
    resolve_publication_dates,
    url_date_candidate,
    visible_date_candidates,
)

HK = "Asia/Hong_Kong"
NOW = datetime(2025, 2, 20, 4, 0, tzinfo=UTC)
C = DateCandidate


def resolve(*candidates: DateCandidate, tz: str = HK, now: datetime = NOW):
    return resolve_publication_dates(list(candidates), tz=tz, now=now)


def test_source_order_is_the_documented_one() -> None:
    assert SOURCE_ORDER == ("jsonld", "next_data", "meta", "time", "visible", "url", "htmldate", "sitemap", "feed")


def test_trust_order_not_input_order() -> None:
    result = resolve(
        C("feed", "published", "Tue, 18 Feb 2025 06:31:00 +0000"),
        C("meta", "published", "2025-02-18T14:32:00+08:00"),
        C("jsonld", "published", "2025-02-18T06:30:00Z"),
    )
    assert (result.published_at, result.published_at_source) == ("2025-02-18T06:30:00+00:00", "jsonld")
    assert result.published_at_raw == "2025-02-18T06:30:00Z"
    assert result.issues == ()


def test_epoch_milliseconds_come_out_in_site_zone() -> None:
    result = resolve(
        C("next_data", "published", "1739860200000"), C("next_data", "modified", "1739867400000")
    )
    assert result.published_at == "2025-02-18T14:30:00+08:00"
    assert result.modified_at == "2025-02-18T16:30:00+08:00"
    assert result.published_at_raw == "1739860200000"


def test_naive_value_gets_site_zone() -> None:
    assert resolve(C("meta", "published", "2025-02-18 14:30")).published_at == "2025-02-18T14:30:00+08:00"
    utc = resolve(C("meta", "published", "2025-02-18 14:30"), tz="UTC")
    assert utc.published_at == "2025-02-18T14:30:00+00:00"


def test_updated_is_never_published() -> None:
    result = resolve(C("jsonld", "modified", "2025-02-18T14:30:00+08:00"))
    assert result.published_at is None and result.published_at_source is None
    assert result.modified_at == "2025-02-18T14:30:00+08:00"


def test_future_published_rejected_beyond_skew() -> None:
    result = resolve(
        C("jsonld", "published", "2025-02-20T04:30:00Z"),  # 30 minutes ahead of NOW
        C("meta", "published", "2025-02-20T04:05:00Z"),  # 5 minutes ahead: clock skew
    )
    assert result.published_at == "2025-02-20T04:05:00+00:00"
    assert result.published_at_source == "meta"
    assert result.issues == ("future:jsonld",)


def test_future_modified_rejected() -> None:
    result = resolve(C("jsonld", "published", "2025-02-18"), C("jsonld", "modified", "2026-01-01"))
    assert result.modified_at is None
    assert result.issues == ("future_modified:jsonld",)


def test_disagreement_noted_most_trusted_kept() -> None:
    result = resolve(
        C("jsonld", "published", "2025-02-18T14:30:00+08:00"), C("visible", "published", "2025-02-10")
    )
    assert result.published_at_source == "jsonld"
    assert "disagree" in result.issues


def test_feed_listing_time_is_not_a_disagreement() -> None:
    result = resolve(
        C("jsonld", "published", "2025-02-10T09:00:00+08:00"), C("feed", "published", "2025-02-18")
    )
    assert result.issues == ()


def test_small_differences_are_not_disagreement() -> None:
    result = resolve(
        C("jsonld", "published", "2025-02-18T14:30:00+08:00"), C("url", "published", "2025/02/18")
    )
    assert result.issues == ()


def test_unparseable_and_too_old_noted_and_skipped() -> None:
    result = resolve(
        C("jsonld", "published", "2025-02-30"),
        C("next_data", "published", "0"),
        C("meta", "published", "1970-01-01T00:00:00Z"),
        C("time", "published", "2025-02-18T14:30:00+08:00"),
    )
    assert result.published_at_source == "time"
    assert result.issues == ("unparseable:jsonld", "unparseable:next_data", "too_old:meta")


def test_modified_before_published_is_dropped() -> None:
    result = resolve(
        C("jsonld", "published", "2025-02-18T14:30:00+08:00"),
        C("jsonld", "modified", "2025-02-18T10:00:00+08:00"),
    )
    assert result.published_at == "2025-02-18T14:30:00+08:00"
    assert result.modified_at is None
    assert result.issues == ("modified_before_published:jsonld",)


def test_next_modified_tried_after_a_conflict() -> None:
    result = resolve(
        C("jsonld", "published", "2025-02-18T14:30:00+08:00"),
        C("jsonld", "modified", "2025-02-17T10:00:00+08:00"),
        C("visible", "modified", "4:00pm, 18 Feb 2025"),
    )
    assert result.modified_at == "2025-02-18T16:00:00+08:00"


def test_date_only_winner_refined_by_same_day_time() -> None:
    result = resolve(
        C("url", "published", "2025/02/18"), C("feed", "published", "Tue, 18 Feb 2025 06:30:00 +0000")
    )
    assert (result.published_at, result.published_at_source) == ("2025-02-18T06:30:00+00:00", "feed")


def test_url_only_gives_midnight_in_site_zone() -> None:
    result = resolve(C("url", "published", "20250218"))
    assert result.published_at == "2025-02-18T00:00:00+08:00"


def test_unknown_source_and_kind_noted() -> None:
    result = resolve(C("twitter", "published", "2025-02-18"), C("meta", "expired", "2025-02-18"))
    assert result.published_at is None
    assert result.issues == ("unknown_kind:meta", "unknown_source:twitter")


def test_nothing_gives_nothing() -> None:
    assert resolve() == resolve_publication_dates([], tz="UTC", now=NOW)
    assert resolve().published_at is None and resolve().issues == ()


def test_scmp_shaped_page() -> None:
    result = resolve(
        C("jsonld", "published", "2025-02-18T06:30:00Z"),
        C("next_data", "published", "1739860200000"),
        C("next_data", "modified", "1739867760000"),
        *visible_date_candidates(["Published: 2:30pm, 18 Feb 2025", "Updated: 4:36pm, 18 Feb 2025"]),
        C("feed", "published", "Tue, 18 Feb 2025 06:30:00 +0000"),
    )
    assert result.published_at == "2025-02-18T06:30:00+00:00"
    assert result.modified_at == "2025-02-18T16:36:00+08:00"
    assert result.issues == ()


VISIBLE = [
    ("scmp-published", ["Published: 11:59am, 11 Jul 2025"], [("published", "11:59am, 11 Jul 2025")]),
    ("scmp-updated", ["Updated: 2:36pm, 11 Jul 2025"], [("modified", "2:36pm, 11 Jul 2025")]),
    ("scmp-older", ["Updated: 7:00am, 14 Aug, 2019"], [("modified", "7:00am, 14 Aug, 2019")]),
    (
        "both-glued",
        ["Published: 11:59am, 11 Jul 2025Updated: 2:36pm, 11 Jul 2025"],
        [("published", "11:59am, 11 Jul 2025"), ("modified", "2:36pm, 11 Jul 2025")],
    ),
    ("published-on", ["Published on 18 February 2025"], [("published", "18 February 2025")]),
    (
        "chinese-source-after",
        ["发布时间：2025年2月18日 14:30 来源：新华社"],
        [("published", "2025年2月18日 14:30")],
    ),
    ("traditional-updated", ["更新時間：2025-02-18 16:00"], [("modified", "2025-02-18 16:00")]),
    ("bare-line", ["2025-02-18 14:30"], [("published", "2025-02-18 14:30")]),
    (
        "posted-with-byline",
        ["Posted: February 18, 2025 at 2:30 pm | By Staff Reporter"],
        [("published", "February 18, 2025 at 2:30 pm")],
    ),
    ("relative-kept-raw", ["Published 3 hours ago"], [("published", "3 hours ago")]),
    ("label-without-date", ["Published: by our correspondent"], []),
    ("prose-not-a-date", ["The report was published by the ministry in full."], []),
    ("long-bare-line", ["Shenzhen said on 2025-02-18 that exports had grown"], []),
]


@pytest.mark.parametrize(("lines", "expected"), [pytest.param(li, e, id=i) for i, li, e in VISIBLE])
def test_visible_date_candidates(lines: list[str], expected: list[tuple[str, str]]) -> None:
    found = visible_date_candidates(lines)
    assert [(c.kind, c.raw) for c in found] == expected
    assert all(c.source == "visible" for c in found)


def test_visible_scmp_line_resolves_in_hong_kong_time() -> None:
    result = resolve(
        *visible_date_candidates(["Published: 11:59am, 11 Jul 2025"]), now=datetime(2025, 8, 1, tzinfo=UTC)
    )
    assert result.published_at == "2025-07-11T11:59:00+08:00"


URLS = [
    ("slashed", "https://news.example.com/economy/2025/02/18/shenzhen-budget", "2025/02/18"),
    ("slashed-single-digits", "https://news.example.com/2025/2/8/slug", "2025/2/8"),
    ("compact", "https://news.example.com/20250218/abc/c.html", "20250218"),
    ("dashed", "https://news.example.com/2025-02-18/doc-inek123.shtml", "2025-02-18"),
    ("year-month-slash-day", "https://news.example.com/a/202502/18/WS67b4.html", "202502/18"),
    ("year-slash-monthday", "https://news.example.com/n1/2025/0218/c1004-1.html", "2025/0218"),
    ("gov-t-prefix", "https://gov.example.cn/zhengce/content/202502/t20250218_1.htm", "20250218"),
    ("no-date", "https://news.example.com/economy/article/3299999/slug", None),
    ("invalid-day", "https://news.example.com/2025/02/30/slug", None),
    ("year-month-only", "https://news.example.com/2025/02/slug", None),
    ("id-not-date", "https://news.example.com/article/31234567/slug", None),
    ("date-in-query-ignored", "https://news.example.com/story?d=2025/02/18", None),
]


@pytest.mark.parametrize(("url", "raw"), [pytest.param(u, r, id=i) for i, u, r in URLS])
def test_url_date_candidate(url: str, raw: str | None) -> None:
    found = url_date_candidate(url)
    if raw is None:
        assert found is None
    else:
        assert found == DateCandidate("url", "published", raw)


def test_url_candidate_resolves_to_site_midnight() -> None:
    candidate = url_date_candidate("https://news.example.com/2025/02/18/slug")
    assert resolve(candidate).published_at == "2025-02-18T00:00:00+08:00"
