"""The example table, row by row: currency, value, range, approximate flag and unit of each amount."""

from __future__ import annotations

import pytest

from crawler.normalise.amounts import find_amounts

from .examples import ALL, Example


def _params() -> list:
    params = []
    for example in ALL:
        marks = [pytest.mark.xfail(strict=True, reason=example.xfail)] if example.xfail else []
        params.append(pytest.param(example, id=example.id, marks=marks))
    return params


def _expected(example: Example) -> list[tuple]:
    return [
        (a.currency, pytest.approx(a.value, rel=1e-9),
         None if a.value_max is None else pytest.approx(a.value_max, rel=1e-9), a.approximate, a.unit)
        for a in example.amounts
    ]


def _found(example: Example) -> list[tuple]:
    return [
        (a["currency"], a["value"], a["value_max"], a["approximate"], a["unit"])
        for a in find_amounts(example.sentence, country_hint=example.hint)
    ]


@pytest.mark.parametrize("example", _params())
def test_example(example: Example) -> None:
    assert _found(example) == _expected(example)


def test_table_is_large_and_varied() -> None:
    ids = [e.id for e in ALL]
    assert len(ids) == len(set(ids)), "example ids must be unique"
    assert len(ALL) >= 300
    assert sum(1 for e in ALL if not e.amounts) >= 40, "negative examples"
    cjk = [e for e in ALL if any("\u3040" <= ch <= "\u9fff" for ch in e.sentence)]
    assert len(cjk) >= 40
