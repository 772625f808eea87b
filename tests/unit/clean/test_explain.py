"""`scrapy explain PAGE`: one line per paragraph with the rule that removed it."""

from __future__ import annotations

import subprocess
import sys

from tests.fixtures.pages_support import PAGES
from tests.support.paths import PROJECT


def test_explain_lists_kept_and_dropped_paragraphs_with_rules() -> None:
    page = PAGES / "seed-shaped-copy" / "page.html"
    done = subprocess.run(
        [sys.executable, "-m", "scrapy", "explain", str(page), "--url", "https://acw.example/2025/02/19/x-2/"],
        cwd=PROJECT, capture_output=True, text=True, timeout=60, check=True,
    )
    lines = done.stdout.splitlines()
    assert sum(line.startswith("KEPT") for line in lines) == 8
    assert any(line.startswith("DROPPED [scmp/knowledge_promo]") for line in lines)
    assert any(line.startswith("DROPPED [republisher/originally_appeared]") for line in lines)
    assert any(line.startswith("DROPPED [footer/copyright]") for line in lines)
    assert "original: {'publisher': 'South China Morning Post'" in done.stdout


def test_explain_rejects_a_missing_file() -> None:
    done = subprocess.run([sys.executable, "-m", "scrapy", "explain", "/nonexistent.html"],
                          cwd=PROJECT, capture_output=True, text=True, timeout=60)
    assert done.returncode == 2 and "cannot read /nonexistent.html" in done.stderr
    assert "Traceback" not in done.stderr
