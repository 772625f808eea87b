"""`scrapy parse --spider=article URL` runs the article spider on that one page (no `-a urls=` needed)."""

from __future__ import annotations

import ast
import os
import subprocess
import sys

from sample_site.build import Manifest
from tests.support.paths import PROJECT


def parse(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "scrapy", "parse", *args], cwd=PROJECT, capture_output=True,
                          text=True, timeout=120, env={**os.environ, "PYTHONPATH": str(PROJECT)})


def items_of(stdout: str) -> list[dict]:
    block = stdout.split("# Scraped Items", 1)[1].split("\n", 1)[1].split("# Requests", 1)[0]
    return ast.literal_eval(block.strip())


def test_parse_runs_the_article_spider_on_one_url(sample_site: Manifest) -> None:
    url = sample_site.blog_urls[0]
    done = parse("--spider=article", url)
    assert done.returncode == 0, done.stderr[-3000:]
    assert "Traceback" not in done.stderr
    [item] = items_of(done.stdout)
    assert item["url"] == url and item["title"] and item["text"]
    assert "Extraction pool ready" not in done.stderr  # inline: no worker processes for one page
