"""The date stage of one page (`publication_dates`), htmldate as its fallback, and the checks on it."""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any

import lxml.html
import pytest
from htmldate import find_date

import crawler.dates.fallback as fallback
import crawler.dates.page as page_stage
from crawler.dates.model import DateCandidate
from crawler.dates.page import publication_dates
from crawler.dates.publication import Tier, resolve_publication_dates

NOW = datetime(2026, 1, 1, tzinfo=UTC)
URL = "https://news.example/economy/story"  # only parsed, never fetched
C = DateCandidate
FILLER = "<p>" + "Exporters said orders were steady. " * 12 + "</p>"


def tree_of(body: str, head: str = "") -> lxml.html.HtmlElement:
    return lxml.html.document_fromstring(
        f"<html><head><title>T</title>{head}</head><body><h1>Headline</h1>{FILLER}{body}</body></html>")


def dates(body: str, head: str = "", **kwargs: Any):
    return publication_dates(tree_of(body, head), URL, now=NOW, **kwargs)


COMMENTS_ONLY = ('<div class="comments"><div class="comment-body"><span class="comment-date">2013-01-08 09:12:33</span>'
                 "<p>Good piece.</p></div></div>")


def test_htmldate_gives_the_day_when_our_markup_gives_nothing() -> None:
    result = dates('<p>Filed on <abbr class="published" title="2012-12-16T10:00:00">Sunday</abbr></p>')
    assert (result.published_at, result.published_at_source, result.published_at_raw) == (
        "2012-12-16T00:00:00+00:00", "htmldate", "2012-12-16")


def test_htmldate_never_sees_comments() -> None:
    assert find_date(tree_of(COMMENTS_ONLY), extensive_search=False, original_date=True) == "2013-01-08"
    assert dates(COMMENTS_ONLY).published_at is None


def test_htmldate_never_sees_the_body_scripts() -> None:
    script = '<script>var served = {"rendered": "2014-12-29 23:17:11"};</script>'
    assert find_date(tree_of(script), extensive_search=False, original_date=True) == "2014-12-29"
    assert dates(script).published_at is None


def test_the_tree_is_left_exactly_as_it_was() -> None:
    nested = '<div id="comments"><script>var b = 1;</script>after<p>2 Jan</p></div>'
    tree = tree_of(COMMENTS_ONLY + nested + '<aside><p>x</p></aside><script>var a = "2014-12-29 23:17:11";</script>tail',
                   '<meta property="og:updated_time" content="2012-12-01T08:00:00+00:00">')
    before = lxml.html.tostring(tree)
    publication_dates(tree, URL, now=NOW)
    assert lxml.html.tostring(tree) == before


def test_htmldate_day_after_the_modification_day_is_rejected() -> None:
    head = '<meta property="article:modified_time" content="2012-12-01T08:00:00+00:00">'
    result = dates('<abbr class="published" title="2012-12-16T10:00:00">Sunday</abbr>', head)
    assert result.published_at is None
    assert "after_modified:htmldate" in result.issues


def test_htmldate_never_gives_a_modification_time_as_the_publication_date() -> None:
    head = '<meta property="og:updated_time" content="2012-12-01T08:00:00+00:00">'
    assert find_date(tree_of("", head), extensive_search=False, original_date=True) == "2012-12-01"
    result = dates("", head)
    assert (result.published_at, result.modified_at) == (None, "2012-12-01T08:00:00+00:00")


def test_htmldate_day_in_the_future_is_rejected() -> None:
    assert dates('<abbr class="published" title="2030-05-01T10:00:00">Later</abbr>').published_at is None


def test_nothing_before_the_site_existed() -> None:
    body = '<abbr class="published" title="2012-12-16T10:00:00">Sunday</abbr>'
    assert dates(body, earliest=date(2013, 1, 1)).published_at is None
    result = dates('<time datetime="2012-12-16">16 Dec</time>', earliest=date(2013, 1, 1))
    assert result.published_at is None and "too_old:time" in result.issues


def test_a_failure_of_htmldate_costs_the_date_not_the_page(monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(tree: Any, **kwargs: Any) -> str | None:
        raise ValueError("bad input")

    monkeypatch.setattr(fallback, "find_date", broken)
    result = dates("<p>No date here.</p>")
    assert result.published_at is None and result.issues == ("htmldate_error",)


def test_htmldate_is_asked_in_fast_mode_only_when_needed(monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[dict[str, Any]] = []

    def spy(tree: Any, **kwargs: Any) -> str | None:
        calls.append(kwargs)
        return None

    monkeypatch.setattr(fallback, "find_date", spy)
    dates("", '<meta property="article:published_time" content="2025-02-18T06:30:00Z">')
    assert calls == []
    dates("<p>No date here.</p>")
    assert [(c["extensive_search"], c["original_date"]) for c in calls] == [(False, True)]


def test_visible_lines_are_not_read_when_structured_data_gives_a_time(monkeypatch: pytest.MonkeyPatch) -> None:
    def fail(*args: Any) -> list[DateCandidate]:
        raise AssertionError("visible lines read")

    monkeypatch.setattr(page_stage, "visible_candidates", fail)
    result = dates("<p>Published: 3 March 2025</p>", '<meta property="article:published_time" content="2025-03-03T06:30:00Z">')
    assert result.published_at_source == "meta"


def test_a_url_day_is_refined_by_a_visible_time() -> None:
    tree = tree_of("<p>Published: 3 March 2025, 14:20</p>")
    result = publication_dates(tree, "https://news.example/2025/03/03/story", now=NOW)
    assert (result.published_at, result.published_at_source) == ("2025-03-03T14:20:00+00:00", "visible")


def test_canonical_url_day_when_the_page_url_has_none() -> None:
    result = dates("", '<link rel="canonical" href="https://news.example/2017/11/16/story/">')
    assert (result.published_at, result.published_at_source) == ("2017-11-16T00:00:00+00:00", "url")


def test_date_created_only_when_no_page_source_gives_a_publication_date() -> None:
    created = C("jsonld", "created", "2017-11-17T10:41:09Z")
    assert resolve_publication_dates([created, C("url", "published", "2017/11/16")], tz="UTC", now=NOW).published_at \
        == "2017-11-16T00:00:00+00:00"
    alone = resolve_publication_dates([created], tz="UTC", now=NOW)
    assert (alone.published_at, alone.published_at_source) == ("2017-11-17T10:41:09+00:00", "jsonld")


def test_a_tier_is_asked_only_when_it_can_change_the_answer() -> None:
    asked: list[str] = []

    def tier(source: str, gives_time: bool, found: list[DateCandidate]) -> Tier:
        return Tier(source, lambda: asked.append(source) or found, gives_time)

    tiers = (tier("visible", True, [C("visible", "published", "3 March 2025, 14:20")]),
             tier("htmldate", False, [C("htmldate", "published", "2025-03-01")]))
    with_time = resolve_publication_dates([C("meta", "published", "2025-03-03T06:00:00Z")], tz="UTC", now=NOW,
                                          tiers=tiers)
    assert asked == [] and with_time.published_at_source == "meta"
    day_only = resolve_publication_dates([C("url", "published", "2025/03/03")], tz="UTC", now=NOW, tiers=tiers)
    assert asked == ["visible"] and day_only.published_at == "2025-03-03T14:20:00+00:00"
    nothing = resolve_publication_dates([], tz="UTC", now=NOW, tiers=tiers)
    assert asked == ["visible", "visible"] and nothing.published_at_source == "visible"
    none_visible = resolve_publication_dates([], tz="UTC", now=NOW, tiers=(tier("visible", True, []), tiers[1]))
    assert asked[-2:] == ["visible", "htmldate"] and none_visible.published_at_source == "htmldate"


def test_relative_values_without_an_anchor_give_nothing_and_say_so() -> None:
    candidates = [C("visible", "published", "3 hours ago")]
    result = resolve_publication_dates(candidates, tz="UTC", now=NOW)
    assert result.published_at is None and result.issues == ("relative_without_anchor:visible",)
    anchored = resolve_publication_dates(candidates, tz="UTC", now=NOW, anchor=datetime(2025, 2, 18, 12, tzinfo=UTC))
    assert anchored.published_at == "2025-02-18T09:00:00+00:00"
