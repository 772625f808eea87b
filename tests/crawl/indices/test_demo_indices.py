"""The demo, then the index command on its feed: a monthly EPU series with EPU months, and its report."""

from __future__ import annotations

import csv
import subprocess
import sys
from pathlib import Path


def test_demo_feed_gives_a_monthly_epu_series(tmp_path: Path) -> None:
    feed = tmp_path / "demo.jsonl"
    subprocess.run([sys.executable, "-m", "crawler.demo", "--output", str(feed)], check=True, cwd=tmp_path,
                   capture_output=True, timeout=300)
    done = subprocess.run([sys.executable, "-m", "crawler.indices", str(feed), "--out", str(tmp_path / "out"),
                           "--method", "bbd_scmp_china"], check=True, capture_output=True, text=True, timeout=300)
    assert "== bbd_scmp_china" in done.stdout
    with (tmp_path / "out" / "epu_monthly.csv").open(encoding="utf-8") as handle:
        overall = [r for r in csv.DictReader(handle) if r["source"] == "all"]
    months = [r["month"] for r in overall]
    assert len(months) >= 18 and months == sorted(months)
    assert sum(1 for r in overall if float(r["index"]) > 0) >= 4  # months with EPU articles
    assert sum(int(r["epu_articles"]) for r in overall) >= 6
    assert (tmp_path / "out" / "report.html").stat().st_size > 10_000
