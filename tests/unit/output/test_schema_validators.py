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
