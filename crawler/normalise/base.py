"""`Normaliser`: one article-level normaliser as the extraction worker runs it."""

from __future__ import annotations

import importlib
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

Stats = dict[str, int]


@dataclass(frozen=True)
class Normaliser:
    """Fills `field` of an article dict in place and returns the stats it counts.

    `apply(article, settings)` reads only the article's own values and the named `settings` (plain
    values, passed to the worker), never the clock. A bug raises: the worker then logs it, counts
    `<field>/error` and delivers the article with the field empty.
    """

    field: str
    apply: Callable[[dict[str, Any], Mapping[str, Any]], Stats]
    settings: tuple[str, ...] = ()


@lru_cache(maxsize=32)
def _load(path: str) -> Normaliser:
    module, _, name = path.rpartition(".")
    value = getattr(importlib.import_module(module), name)
    if not isinstance(value, Normaliser):
        raise TypeError(f"NORMALISERS: {path} is not a crawler.normalise.Normaliser")
    return value


def load_normalisers(paths: tuple[str, ...] | list[str]) -> tuple[Normaliser, ...]:
    """The normalisers named by dotted path (the `NORMALISERS` setting), in that order."""
    return tuple(_load(path) for path in paths)
