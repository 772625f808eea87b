"""Every field of every saved page against its expected JSON (regenerate: python -m tests.fixtures.pages_support)."""

from __future__ import annotations

import pytest

from pipelines.schema import invalid_fields
from tests.fixtures.pages_support import case_names, load_expected, load_input, run_case

FIELDS = ("id", "url", "canonical_url", "site", "publisher", "original", "title", "summary", "authors",
          "section", "keywords", "language", "country", "published_at", "published_at_raw", "published_at_source",
          "modified_at", "text", "paywalled", "fetched_at", "schema_version")

ARTICLE_CASES = [c for c in case_names() if "not_article" not in load_expected(c)]
NON_ARTICLE_CASES = [c for c in case_names() if "not_article" in load_expected(c)]


@pytest.fixture(scope="module")
def results() -> dict[str, dict]:
    return {case: run_case(case) for case in case_names()}


@pytest.mark.parametrize("field", FIELDS)
@pytest.mark.parametrize("case", ARTICLE_CASES)
def test_field_matches_expected(results: dict[str, dict], case: str, field: str) -> None:
    assert results[case][field] == load_expected(case)[field]


NORMALISED_CASES = [c for c in ARTICLE_CASES if load_input(c).get("normalise")]


@pytest.mark.parametrize("field", ("amounts", "dates"))
@pytest.mark.parametrize("case", NORMALISED_CASES)
def test_normalised_field_matches_expected(results: dict[str, dict], case: str, field: str) -> None:
    assert results[case][field] == load_expected(case)[field]


@pytest.mark.parametrize("case", ARTICLE_CASES)
def test_output_is_valid_against_schema(results: dict[str, dict], case: str) -> None:
    assert invalid_fields(results[case]) == {}


@pytest.mark.parametrize("case", NON_ARTICLE_CASES)
def test_non_article_pages_are_refused_with_a_reason(results: dict[str, dict], case: str) -> None:
    assert results[case] == load_expected(case)


def test_fixture_set_covers_every_metadata_source() -> None:
    sources = {load_expected(c).get("published_at_source") for c in ARTICLE_CASES}
    assert {"jsonld", "next_data", "meta", None} <= sources


def test_schema_rejects_what_it_must_after_reference_inlining() -> None:
    # The validator inlines "$ref"s once; nested definitions must still be enforced.
    good = load_expected("seed-shaped-scmp")
    bad_amount = {**good, "amounts": [{"text": "x", "field": "body"}]}
    bad_date = {**good, "published_at": "2025-02-18 14:30"}
    assert invalid_fields(good) == {}
    assert "amounts" in invalid_fields(bad_amount)
    assert "published_at" in invalid_fields(bad_date)
