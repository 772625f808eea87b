"""Conversions over a whole article: stated conversions, article-implied rates, table rates."""

from __future__ import annotations

import pytest

from crawler.normalise.amounts import annotate_amounts, rates

SEED_TITLE = "China\u2019s Shenzhen lays down marker for tech investment with US$22 billion pledge"
SEED_TEXT = (
    "China\u2019s southern tech hub of Shenzhen plans to \u201cfully compete\u201d in emerging sectors, "
    "announcing 160 billion yuan (US$22.07 billion) in \u201cnew-type infrastructure\u201d investment for "
    "the year.\n\nShenzhen is setting an ambitious 5.5 per cent target for the growth of its gross domestic "
    "product in 2025, along with a 3 per cent rise in revenue and the creation of 200,000 new jobs.\n\n"
    "These ambitions would be supported by the 160 billion yuan of projected investment in "
    "\u201cnew-type\u201d infrastructure \u2013 bedrock systems optimised for the digital age \u2013 "
    "20 billion yuan more than last year\u2019s allocation."
)


def _by_text(amounts: list[dict]) -> dict[str, list[dict]]:
    out: dict[str, list[dict]] = {}
    for a in amounts:
        out.setdefault(a["text"], []).append(a)
    return out


def test_seed_article() -> None:
    amounts = annotate_amounts(SEED_TITLE, SEED_TEXT, published_at="2025-01-15T09:00:00+08:00")
    assert [(a["field"], a["currency"], a["value"]) for a in amounts] == [
        ("title", "USD", 22e9),
        ("text", "CNY", 160e9),
        ("text", "USD", 22.07e9),
        ("text", "CNY", 160e9),
        ("text", "CNY", 20e9),
    ]
    title, yuan, usd, yuan_again, more = amounts
    assert title["value_usd"] == 22e9 and title["usd_rate"] == 1.0 and title["usd_rate_source"] == "article"
    assert yuan["value_usd"] == pytest.approx(22.07e9)
    assert yuan["usd_rate"] == pytest.approx(22.07 / 160)
    assert yuan["usd_rate_source"] == "article" and yuan["conversion_of"] is None
    assert usd["conversion_of"] == 1 and usd["value_usd"] == pytest.approx(22.07e9)
    assert yuan_again["value_usd"] == pytest.approx(22.07e9) and yuan_again["conversion_of"] is None
    assert more["value_usd"] == pytest.approx(2.75875e9) and more["usd_rate_source"] == "article"
    texts = {"title": SEED_TITLE, "text": SEED_TEXT}
    assert all(texts[a["field"]][a["start"]:a["end"]] == a["text"] for a in amounts)


def test_reverse_order_usd_first() -> None:
    text = "Chery raised US$1.2 billion (8.7 billion yuan) and 3 billion yuan later."
    amounts = annotate_amounts(None, text, published_at="2025-09-01")
    usd, yuan, later = amounts
    assert yuan["conversion_of"] == 0 and usd["conversion_of"] is None
    assert yuan["value_usd"] == pytest.approx(1.2e9) and yuan["usd_rate_source"] == "article"
    assert later["usd_rate"] == pytest.approx(1.2 / 8.7) and later["usd_rate_source"] == "article"


def test_apposition_or_about() -> None:
    text = "The plan costs 2 trillion won, or about US$1.4 billion, over five years."
    amounts = annotate_amounts(None, text, published_at="2024-05-02")
    assert amounts[1]["conversion_of"] == 0
    assert amounts[0]["value_usd"] == pytest.approx(1.4e9) and amounts[0]["usd_rate_source"] == "article"


def test_chinese_parenthesis_conversion() -> None:
    amounts = annotate_amounts("深圳加码新基建", "这笔投资1600亿元人民币（约合220.7亿美元），另有200亿元。",
                               published_at="2025-01-10", language="zh")
    assert [a["currency"] for a in amounts] == ["CNY", "USD", "CNY"]
    assert amounts[1]["conversion_of"] == 0
    assert amounts[2]["value_usd"] == pytest.approx(2.7587e9, rel=1e-3)


def test_list_of_conversions_in_one_parenthesis() -> None:
    amounts = annotate_amounts(None, "The bridge cost MOP 9 billion (HK$8.7 billion; US$1.1 billion).",
                               published_at="2024-03-01")
    assert [a["conversion_of"] for a in amounts] == [None, 0, 0]
    assert amounts[0]["value_usd"] == pytest.approx(1.1e9) and amounts[0]["usd_rate_source"] == "article"
    assert amounts[1]["usd_rate_source"] == "table"


def test_implausible_restatement_is_not_linked() -> None:
    text = "Revenue was HK$10 billion (US$10 billion) last year."
    amounts = annotate_amounts(None, text, published_at="2024-06-01")
    assert amounts[1]["conversion_of"] is None
    assert amounts[0]["usd_rate_source"] == "table"


def test_same_currency_parenthesis_is_not_a_conversion() -> None:
    amounts = annotate_amounts(None, "Revenue was HK$12 billion (HK$10 billion a year earlier).",
                               published_at="2024-06-01")
    assert [a["conversion_of"] for a in amounts] == [None, None]


def test_paren_not_closed_after_amount_is_not_a_conversion() -> None:
    amounts = annotate_amounts(None, "It invested 5 billion yuan (US$300 million of it from abroad).",
                               published_at="2024-06-01")
    assert amounts[1]["conversion_of"] is None
    assert amounts[0]["usd_rate_source"] == "table"


@pytest.mark.parametrize(("published_at", "month"), [
    ("2023-01-20T08:00:00+08:00", "2023-01"),
    ("2024-08-05", "2024-08"),
    ("2026-10-31T23:59:00+00:00", "2026-10"),
])
def test_table_rate_by_month(published_at: str, month: str) -> None:
    amounts = annotate_amounts(None, "The fund raised 100 billion yen.", published_at=published_at)
    expected = rates.usd_per_unit("JPY", month)
    assert amounts[0]["usd_rate"] == pytest.approx(expected)
    assert amounts[0]["value_usd"] == pytest.approx(100e9 * expected)
    assert amounts[0]["usd_rate_source"] == "table"


def test_table_months_differ() -> None:
    early = annotate_amounts(None, "It cost 100 billion yen.", published_at="2023-01-10")[0]["usd_rate"]
    late = annotate_amounts(None, "It cost 100 billion yen.", published_at="2024-06-10")[0]["usd_rate"]
    assert early > late  # the yen weakened from about 130 to about 158 per dollar


@pytest.mark.parametrize("published_at", [None, "2019-05-01", "2031-01-01", "not a date"])
def test_out_of_range_or_missing_date_uses_latest_month(published_at: str | None) -> None:
    amount = annotate_amounts(None, "It cost S$5 million.", published_at=published_at)[0]
    assert amount["usd_rate"] == pytest.approx(rates.usd_per_unit("SGD", rates.months()[-1]))


def test_currency_outside_table_stays_unconverted() -> None:
    amount = annotate_amounts(None, "The Swiss lender paid CHF 3 billion.", published_at="2025-01-01")[0]
    assert (amount["value_usd"], amount["usd_rate"], amount["usd_rate_source"]) == (None, None, None)


def test_usd_amounts_are_their_own_usd_value() -> None:
    amount = annotate_amounts(None, "Investors poured US$3.5 billion into the fund.", published_at=None)[0]
    assert (amount["value_usd"], amount["usd_rate"], amount["usd_rate_source"]) == (3.5e9, 1.0, "article")


def test_article_rate_applies_across_fields() -> None:
    text = "The fund now holds 344 billion yuan (US$47.5 billion)."
    amounts = annotate_amounts("Beijing adds 50 billion yuan to chip fund", text, published_at="2024-05-27")
    assert amounts[0]["field"] == "title" and amounts[0]["usd_rate_source"] == "article"
    assert amounts[0]["usd_rate"] == pytest.approx(47.5 / 344)
    assert amounts[2]["conversion_of"] == 1


def test_language_gives_the_country_hint() -> None:
    sg = annotate_amounts(None, "Grants of $1.5 billion were set aside.", published_at=None, language="en-SG")
    us = annotate_amounts(None, "Grants of $1.5 billion were set aside.", published_at=None, language="en-US")
    tw = annotate_amounts(None, "資本支出達9000億元。", published_at=None, language="zh-TW")
    assert (sg[0]["currency"], us[0]["currency"], tw[0]["currency"]) == ("SGD", "USD", "TWD")
    assert sg[0]["currency_inferred"] and us[0]["currency_inferred"] and tw[0]["currency_inferred"]


def test_a_bare_dollar_without_a_country_is_left_open() -> None:
    # Bug: a bare "$" on a page with no country clue was recorded as USD ("S$612.4m" became US$612.4m).
    amounts = annotate_amounts(None, "Profit rose to $612.4 million; the US arm made US$45 million.",
                               published_at=None, language="en")
    assert [(a["currency"], a["currency_inferred"], a["value_usd"]) for a in amounts] == [
        (None, False, None), ("USD", False, 45e6)]


@pytest.mark.parametrize(("country", "currency"), [("SG", "SGD"), ("HK", "HKD"), ("TW", "TWD"), ("CN", "USD"),
                                                   ("US", "USD"), ("AU", "AUD")])
def test_the_publications_country_says_which_dollar(country: str, currency: str) -> None:
    amounts = annotate_amounts(None, "Profit rose to $612.4 million.", published_at=None, language="en",
                               country_hint=country)
    assert (amounts[0]["currency"], amounts[0]["currency_inferred"]) == (currency, True)


def test_a_written_currency_is_not_inferred() -> None:
    amounts = annotate_amounts(None, "It paid S$3 million and HK$2 million.", published_at=None, country_hint="US")
    assert [(a["currency"], a["currency_inferred"]) for a in amounts] == [("SGD", False), ("HKD", False)]


def test_explicit_country_hint_wins_over_language() -> None:
    amounts = annotate_amounts(None, "The firm booked ¥3.2 billion.", published_at=None, language="zh",
                               country_hint="JP")
    assert amounts[0]["currency"] == "JPY"


def test_empty_article() -> None:
    assert annotate_amounts(None, None, published_at=None) == []
    assert annotate_amounts("", "", published_at="2025-01-01") == []
