"""Where things are, for tests: the project root and the test fixtures."""

from __future__ import annotations

from pathlib import Path

PROJECT = Path(__file__).resolve().parents[2]
FIXTURES = PROJECT / "tests" / "fixtures"
SCHEMA_PATH = PROJECT / "crawler" / "schema" / "article.schema.json"
