"""The JSON Schema of the feed, loaded once, and a pure validation helper."""

from __future__ import annotations

import json
from functools import lru_cache
from importlib.resources import files
from typing import Any

from jsonschema import Draft202012Validator


@lru_cache(maxsize=1)
def article_validator() -> Draft202012Validator:
    """A validator for `crawler/schema/article.schema.json`."""
    schema = json.loads(files("crawler").joinpath("schema/article.schema.json").read_text(encoding="utf-8"))
    Draft202012Validator.check_schema(schema)
    return Draft202012Validator(schema)


def invalid_fields(document: dict[str, Any]) -> dict[str, str]:
    """Field name -> first error message, for every top-level field that breaks the schema."""
    problems: dict[str, str] = {}
    for error in article_validator().iter_errors(document):
        if error.path:
            name = str(error.path[0])
        elif error.validator == "required":
            name = str(error.message.split("'")[1]) if "'" in error.message else "required"
        else:
            name = "item"
        problems.setdefault(name, error.message)
    return problems
