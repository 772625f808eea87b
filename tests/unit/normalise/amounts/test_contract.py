"""The shape of every entry: keys, JSON safety, offsets, ISO codes, order, the feed's schema."""

from __future__ import annotations

import json
import random

import babel.numbers
import jsonschema

from crawler.normalise.amounts import annotate_amounts, find_amounts
from crawler.normalise.amounts.currencies import CN_SUFFIXES, NAMES, PREFIXES, SUBUNITS
from tests.support.paths import SCHEMA_PATH

from .examples import ALL

KEYS = {"text", "field", "start", "end", "value", "value_max", "currency", "currency_inferred", "approximate", "unit",
        "value_usd", "usd_rate", "usd_rate_source", "conversion_of"}
SCHEMA = SCHEMA_PATH
ARTICLE = " ".join(e.sentence for e in ALL)


def test_offsets_slice_the_text_exactly() -> None:
    amounts = find_amounts(ARTICLE)
    assert len(amounts) > 300
    for a in amounts:
        assert ARTICLE[a["start"]:a["end"]] == a["text"]
        assert a["text"] == a["text"].strip()


def test_entries_have_exactly_the_contract_keys_and_are_json_safe() -> None:
    amounts = annotate_amounts("Title with HK$5 billion", ARTICLE, published_at="2025-06-30T10:00:00+08:00")
    assert amounts and all(set(a) == KEYS for a in amounts)
    assert json.loads(json.dumps(amounts, allow_nan=False)) == amounts
    for a in amounts:
        assert type(a["value"]) in (int, float) and type(a["start"]) is int
        assert a["usd_rate_source"] in ("article", "table", None)
        assert a["field"] in ("title", "text")


def test_order_title_first_then_by_offset() -> None:
    amounts = annotate_amounts("US$1 billion and HK$2 billion", ARTICLE, published_at=None)
    fields = [a["field"] for a in amounts]
    assert fields[:2] == ["title", "title"] and set(fields[2:]) == {"text"}
    for field in ("title", "text"):
        starts = [a["start"] for a in amounts if a["field"] == field]
        assert starts == sorted(starts)


def test_conversion_of_points_backwards_within_the_list() -> None:
    amounts = annotate_amounts(None, ARTICLE, published_at="2025-01-01")
    linked = [(i, a["conversion_of"]) for i, a in enumerate(amounts) if a["conversion_of"] is not None]
    assert len(linked) >= 15
    assert all(0 <= j < i for i, j in linked)


def test_field_argument_is_reported() -> None:
    assert find_amounts("HK$5 billion", "title")[0]["field"] == "title"


def test_every_table_code_is_iso_4217() -> None:
    iso = set(babel.numbers.list_currencies())
    codes = {c for c in [*PREFIXES.values(), *NAMES.values(), *CN_SUFFIXES.values(),
                         *(c for c, _ in SUBUNITS.values())] if c.isupper() and len(c) == 3}
    assert codes - iso == set()


def test_matches_the_feed_schema() -> None:
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    validator = jsonschema.Draft202012Validator({**schema["$defs"]["amount"], "$defs": schema["$defs"]})
    for a in annotate_amounts("US$22 billion pledge", ARTICLE, published_at="2025-01-15T10:00:00+08:00"):
        errors = list(validator.iter_errors(a))
        assert not errors, (a, errors[0].message)


def test_random_fragments_never_raise_and_offsets_hold() -> None:
    """Shuffled money-like fragments: no exception, exact offsets, JSON-safe, links point backwards."""
    pieces = ["US$", "HK$", "$", "¥", "RMB", "Rs.", "元", "亿", "万", "美元", "yuan", "billion", "bn", "m", "to",
              "-", "–", "~", "至", "(", ")", "（", "about", "between", "and", "from", "a share", "1", "2024",
              "1,000", "3.5", ".", ",", " ", " ", "per cent", "%", "minus", "负", "约合", "or about", "=", "兑",
              "每股", "三", "千", "yen", "Japan", "China", "lakh", "crore", "dollars", "won", "the", "\n", "１２",
              "多", "左右", "\u00a0", "DOLLARS", "half a", "cents", "pounds", "of", "euro", "zone", "人均", "/"]
    rng = random.Random(2026)
    found = 0
    for _ in range(3000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(1, 20)))
        amounts = annotate_amounts(text[:8], text, published_at=rng.choice([None, "2024-03-01", "bad"]))
        json.dumps(amounts, allow_nan=False)
        fields = {"title": text[:8], "text": text}
        for i, a in enumerate(amounts):
            assert fields[a["field"]][a["start"]:a["end"]] == a["text"] != ""
            assert a["conversion_of"] is None or a["conversion_of"] < i
        found += len(amounts)
    assert found > 200
