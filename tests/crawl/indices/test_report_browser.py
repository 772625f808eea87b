"""The HTML report in a real headless browser: every plot decodes and renders, no console errors.

Uses Debian's chromium through Playwright (which cannot download a browser here). CI installs it
(.ci/run) and there a missing browser fails the test; elsewhere it is skipped, saying how to install it.
"""

from __future__ import annotations

from pathlib import Path

from playwright.sync_api import sync_playwright

from crawler.indices.__main__ import main
from tests.support.programs import require_program
from tests.unit.indices.test_compute import METHOD, synthetic_feed

ARGS = ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--no-first-run", "--disable-dev-shm-usage"]


def test_report_renders_its_plots_without_errors(tmp_path: Path) -> None:
    chromium = require_program("chromium", "Debian: apt-get install chromium, as .ci/run does")
    feed = synthetic_feed(tmp_path / "feed.jsonl")
    out = tmp_path / "out"
    assert main([str(feed), "--out", str(out), "--method", METHOD, "--no-plots"]) == 0
    assert not (out / "report.html").exists()
    assert main([str(feed), "--out", str(out), "--method", METHOD]) == 0
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium, args=ARGS)
        try:
            page = browser.new_page()
            problems: list[str] = []
            page.on("console", lambda m: problems.append(m.text) if m.type == "error" else None)
            page.on("pageerror", lambda e: problems.append(str(e)))
            page.on("requestfailed", lambda r: problems.append(f"request failed: {r.url}"))
            page.goto((out / "report.html").as_uri())
            page.wait_for_load_state("load")
            images = page.eval_on_selector_all(
                "img", "imgs => imgs.map(i => [i.alt, i.complete, i.naturalWidth, i.naturalHeight])")
            heading = page.inner_text("h1")
            page.screenshot(path=str(out / "report.png"), full_page=True)
        finally:
            browser.close()
    assert heading == "Economic signals from the feeds"
    assert images and all(complete and width > 300 and height > 200 for _, complete, width, height in images), images
    assert [alt for alt, *_ in images] == [f"EPU index {METHOD}"]
    assert problems == []
