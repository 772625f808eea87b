"""The feed-reading snippets of docs/schema.md, run as written on a small feed: plain and gzipped
files are read, the `.part` of an unfinished run is not. Needs the [analysis] extra (.ci/run installs it)."""

from __future__ import annotations

import gzip
import json
import re
from pathlib import Path

import duckdb
import pytest

from tests.fixtures.pages_support import PAGES
from tests.support.paths import PROJECT

SECTION = (PROJECT / "docs" / "schema.md").read_text(encoding="utf-8").split("## Reading the feed", 1)[1]
SECTION = SECTION.split("\n## ", 1)[0]


def snippet(language: str) -> str:
    [code] = re.findall(rf"```{language}\n(.*?)```", SECTION, re.S)
    return code


@pytest.fixture()
def feed_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> set[str]:
    """feeds/scmp/ with one plain run, one gzipped batch and a torn .part; the ids a reader must see."""
    items = [json.loads((PAGES / case / "expected.json").read_text(encoding="utf-8"))
             for case in ("scmp-nextdata-jsonld", "seed-shaped-scmp", "straitstimes-article")]
    folder = tmp_path / "feeds" / "scmp"
    folder.mkdir(parents=True)
    lines = [json.dumps(item, ensure_ascii=False) for item in items]
    (folder / "2026-01-01T06-00-00.jsonl").write_text(lines[0] + "\n", encoding="utf-8")
    with gzip.open(folder / "2026-01-01T08-00-00-001.jsonl.gz", "wt", encoding="utf-8") as handle:
        handle.write(lines[1] + "\n")
    (folder / "2026-01-01T10-00-00.jsonl.part").write_text(lines[2] + "\n" + lines[2][:40], encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return {items[0]["id"], items[1]["id"]}


def test_the_pandas_snippet_reads_plain_and_gzipped_files(feed_folder: set[str]) -> None:
    namespace: dict[str, object] = {}
    exec(snippet("python"), namespace)  # noqa: S102 - the documentation's own code
    df = namespace["df"]
    assert set(df["id"]) == feed_folder  # type: ignore[index]
    assert list(namespace["latest"].columns) == ["published_at", "title"]  # type: ignore[union-attr]


def test_the_duckdb_snippet_reads_plain_and_gzipped_files(feed_folder: set[str]) -> None:
    connection = duckdb.connect()
    code = "\n".join(line for line in snippet("sql").splitlines() if not line.startswith("--"))
    statements = [s.strip() for s in code.split(";") if s.strip()]
    for statement in statements[:-1]:
        connection.sql(statement)
    rows = connection.sql(statements[-1]).fetchall()
    assert {row[0] for row in rows} == feed_folder
