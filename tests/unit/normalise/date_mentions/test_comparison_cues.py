"""'than expected', 'as forecast': comparisons are not a look ahead (bug found on the demo feed)."""

from __future__ import annotations

from datetime import datetime

import pytest

from crawler.normalise.date_mentions.mentions import find_date_mentions

REFERENCE = datetime.fromisoformat("2025-01-14T11:35:00+08:00")


@pytest.mark.parametrize(
    ("sentence", "mention", "date"),
    [
        pytest.param("China's exports grew faster than expected in December, rising 6.2 per cent.", "December",
                     "2024-12-01", id="than-expected-past"),
        pytest.param("Inflation was higher than forecast in March.", "March", "2024-03-01", id="than-forecast"),
        pytest.param("Profit came in as expected in the fourth quarter.", "fourth quarter", "2024-10-01",
                     id="as-expected"),
        pytest.param("The vote is expected in March.", "March", "2025-03-01", id="expected-still-future"),
    ],
)
def test_comparison_is_not_future(sentence: str, mention: str, date: str) -> None:
    found = {m["text"]: m["date"] for m in find_date_mentions(sentence, "text", reference=REFERENCE)}
    assert found[mention] == date
