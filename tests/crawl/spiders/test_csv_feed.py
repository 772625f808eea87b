"""`scrapy crawl article -O out.csv`: the shipped settings pick the CSV exporter with JSON cells."""

from __future__ import annotations

import csv
import json
import os
import subprocess
import sys
from pathlib import Path

from tests.support.paths import FIXTURES, PROJECT


def test_csv_feed_has_json_cells(tmp_path: Path) -> None:
    page = (FIXTURES / "pages" / "scmp-nextdata-jsonld" / "page.html").resolve().as_uri()
    out = tmp_path / "out.csv"
    done = subprocess.run(
        [sys.executable, "-m", "scrapy", "crawl", "article", "-a", f"urls={page}", "-O", str(out),
         "-s", f"STATE_PATH={tmp_path / 's.sqlite'}", "-s", "TEMPLATES_STATE_PATH=", "-s", "EXTRACTION_WORKERS=0"],
        cwd=PROJECT, capture_output=True, text=True, timeout=120, env={**os.environ, "PYTHONPATH": str(PROJECT)})
    assert done.returncode == 0, done.stderr[-3000:]
    with out.open(encoding="utf-8", newline="") as handle:
        [row] = list(csv.DictReader(handle))
    for name in ("authors", "keywords", "amounts", "dates"):
        assert isinstance(json.loads(row[name]), list), (name, row[name][:80])
    assert json.loads(row["amounts"]), "the fixture's amounts are exported"
