"""The prefilter runs each rule only near its trigger words: it must find what a full scan finds."""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path

import pytest

from crawler.normalise.date_mentions.mentions import find_date_mentions
from crawler.normalise.date_mentions.prefilter import MARGIN, Triggers

from .mention_table import ROWS

DEV_TABLE = Path(__file__).with_name("dev_table.jsonl")


def _sentences() -> list[tuple[str, str | None, str | None]]:
    """(text, reference, language) of every row of both tables."""
    rows = [(r.text, r.reference, r.language) for r in ROWS]
    for line in DEV_TABLE.read_text(encoding="utf-8").splitlines():
        raw = json.loads(line)
        rows.append((raw["text"], raw["published"], raw["language"]))
    return rows


def _both(text: str, reference: str | None, language: str | None) -> tuple[list[dict], list[dict]]:
    ref = datetime.fromisoformat(reference) if reference else None
    return (
        find_date_mentions(text, reference=ref, language=language),
        find_date_mentions(text, reference=ref, language=language, prefilter=False),
    )


def test_every_table_sentence_gives_the_same_mentions() -> None:
    differ = [text for text, ref, lang in _sentences() if (found := _both(text, ref, lang))[0] != found[1]]
    assert differ == []


@pytest.mark.parametrize("language", ["en", "zh"])
def test_a_long_text_gives_the_same_mentions(language: str) -> None:
    """Sentences far apart and close together: windows merge and split as in an article."""
    sentences = [text for text, _, lang in _sentences() if (lang or "en").startswith(language)]
    filler = " The committee discussed the matter at length." * 3
    text = "".join(s + (filler if i % 3 else " ") for i, s in enumerate(sentences))
    found, full = _both(text, "2025-06-11T10:00:00+08:00", language)
    assert len(found) > 100
    assert found == full


def test_trigger_words_start_a_word() -> None:
    text = "On Monday the biyearly report said a year earlier, before the Monday-to-Friday run."
    triggers = Triggers(text)
    assert [s for s, _ in triggers.spans("year")] == [text.index("a year") + 2]  # not inside "biyearly"
    assert [text[s:e] for s, e in triggers.spans("weekday")] == ["Monday", "Monday", "Friday"]


def test_windows_reach_margin_characters_around_each_trigger_and_merge() -> None:
    text = "x" * 200 + " in March " + "x" * 20 + " in May " + "x" * 200
    windows = Triggers(text).windows("month")
    march, may = text.index("March"), text.index("May")
    assert windows == [(march - MARGIN, may + 3 + MARGIN)]
