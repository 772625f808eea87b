"""The compiled validator (fastjsonschema) and jsonschema give the same verdict on every item."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import fastjsonschema
import pytest

from pipelines.schema import article_validator, compiled_validator, invalid_fields

FIXTURES = sorted(Path(__file__).resolve().parents[2].joinpath("fixtures", "pages").glob("*/expected.json"))
BROKEN: list[tuple[str, Any]] = [
    ("url", None), ("url", 3), ("title", 7), ("published_at", "yesterday"), ("published_at", 20260101),
    ("amounts", [{"value": "ten"}]), ("amounts", "none"), ("dates", [{}]), ("schema_version", None),
    ("authors", "A. Writer"), ("authors", [1]), ("signals", []), ("language", 5), ("text", None),
]


def _items() -> list[dict[str, Any]]:
    items = [json.loads(path.read_text(encoding="utf-8")) for path in FIXTURES]
    return [item for item in items if isinstance(item, dict) and "url" in item]


def _fast_ok(document: dict[str, Any]) -> bool:
    try:
        compiled_validator()(document)
    except fastjsonschema.JsonSchemaValueException:
        return False
    return True


def test_fixture_items_exist() -> None:
    assert len(_items()) >= 10


@pytest.mark.parametrize(("field", "value"), BROKEN, ids=lambda v: repr(v)[:30])
def test_both_validators_agree(field: str, value: Any) -> None:
    for item in _items():
        assert _fast_ok(item) == article_validator().is_valid(item)
        broken = copy.deepcopy(item)
        broken[field] = value
        assert _fast_ok(broken) == article_validator().is_valid(broken), (field, value)
        if not article_validator().is_valid(broken):
            assert field in invalid_fields(broken)


def test_missing_required_field_is_named() -> None:
    item = copy.deepcopy(_items()[0])
    del item["url"]
    assert not _fast_ok(item)
    assert "url" in invalid_fields(item)


# Nullable fields, which the compiled validator reads as nullable types (`_nullable_types`): null,
# a good value and broken ones must get jsonschema's verdict.
NULLABLE: list[tuple[str, Any]] = [
    ("original", None), ("original", {"publisher": "Agency", "url": "https://a.example/1"}),
    ("original", {"publisher": "Agency"}), ("original", {"publisher": 3, "url": None}), ("original", "x"),
    ("published_at", None), ("published_at", "2025-05-06T08:00:00+08:00"), ("published_at", "2025-05-06"),
    ("modified_at", None), ("modified_at", 5), ("country", None), ("country", "HK"), ("country", "hk"),
    ("country", 5), ("signals", None), ("signals", {"epu": [], "figures": []}), ("signals", {"epu": []}),
]


@pytest.mark.parametrize(("field", "value"), NULLABLE, ids=lambda v: repr(v)[:40])
def test_both_validators_agree_on_nullable_fields(field: str, value: Any) -> None:
    item = copy.deepcopy(_items()[0])
    item[field] = value
    assert _fast_ok(item) == article_validator().is_valid(item), (field, value)


@pytest.mark.parametrize("period", [None, {"date": "2025-01-01", "granularity": "month"},
                                    {"date": "2025-01-01", "granularity": "fortnight"}, {"date": "2025-01-01"},
                                    {"date": "Jan 2025", "granularity": "month"}, "2025-01"])
def test_both_validators_agree_on_a_figure_period(period: Any) -> None:
    item = next(i for i in _items() if (i.get("signals") or {}).get("figures"))
    item = copy.deepcopy(item)
    item["signals"]["figures"][0]["period"] = period
    assert _fast_ok(item) == article_validator().is_valid(item), period


def test_nullable_alternatives_become_nullable_types_only_when_equivalent() -> None:
    from pipelines.schema import _nullable_types

    typed = {"type": "object", "required": ["a"], "properties": {"a": {"type": "string"}}}
    assert _nullable_types({"oneOf": [{"type": "null"}, typed]}) == {**typed, "type": ["object", "null"]}
    assert _nullable_types({"anyOf": [{"type": "string", "pattern": "^x$"}, {"type": "null"}], "description": "d"}) \
        == {"type": ["string", "null"], "pattern": "^x$", "description": "d"}
    kept = {"oneOf": [{"type": "null"}, {"type": "string", "enum": ["a", "b"]}]}  # enum applies to null too
    assert _nullable_types(kept) == kept
    clash = {"oneOf": [{"type": "null"}, {"type": "string", "pattern": "^x$"}], "pattern": "^y$"}  # on both levels
    assert _nullable_types(clash) == clash
    beside = {"oneOf": [{"type": "null"}, {"type": "string"}], "pattern": "^y$"}
    assert _nullable_types(beside) == {"type": ["string", "null"], "pattern": "^y$"}
