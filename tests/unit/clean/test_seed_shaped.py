"""The seed's shape: an SCMP page and a republisher copy of it give exactly the article's paragraphs."""

from __future__ import annotations

import json

import pytest

from tests.fixtures.pages_support import run_case
from tests.support.paths import FIXTURES

SEED = json.loads((FIXTURES / "seed_shaped" / "paragraphs.json").read_text())
SCMP_URL = ("https://www.scmp.com/economy/china-economy/article/3298765/"
            "shenzhen-bets-ai-and-drones-us22-billion-infrastructure-pledge")


@pytest.mark.parametrize("case", ["seed-shaped-scmp", "seed-shaped-copy"])
def test_text_is_exactly_the_article_paragraphs(case: str) -> None:
    assert run_case(case)["text"].split("\n\n") == SEED["paragraphs"]


@pytest.mark.parametrize("case", ["seed-shaped-scmp", "seed-shaped-copy"])
@pytest.mark.parametrize(
    "furniture",
    ["SCMP Knowledge, our new platform", "originally appeared", "All rights reserved", "Source link",
     "Leave a Response", "Why you can trust", "Advertisement", "Reading Time", "WPM", "SCMP+", "Asian Currency"],
)
def test_no_furniture_survives(case: str, furniture: str) -> None:
    assert furniture not in run_case(case)["text"]


def test_copy_records_its_original() -> None:
    assert run_case("seed-shaped-copy")["original"] == {"publisher": "South China Morning Post", "url": SCMP_URL}


def test_original_page_is_not_a_copy() -> None:
    assert run_case("seed-shaped-scmp")["original"] is None


def test_copy_has_no_placeholder_author() -> None:
    assert run_case("seed-shaped-copy")["authors"] == []
    assert run_case("seed-shaped-scmp")["authors"] == ["Helen Kwok"]
