"""Cross-page template paragraphs: warm counts remove them, cold counts never do; bounded; persisted."""

from __future__ import annotations

from pathlib import Path

from crawler.clean.templates import TemplateCounter
from crawler.items import Article
from pipelines.templates import TemplateParagraphsPipeline, strip_templates
from tests.support.settings import project_crawler

FOOTER = "Follow Lion Business Daily on Telegram for the latest market news."


def page(i: int) -> str:
    return f"Story {i} opens with its own news about rents and rates.\n\nIt goes on with detail {i}.\n\n{FOOTER}"


def test_cold_counts_remove_nothing() -> None:
    counter = TemplateCounter(min_pages=4)
    for i in range(3):
        text, removed = strip_templates(counter, "lbd.example", page(i))
        assert removed == 0 and FOOTER in text


def test_warm_counts_remove_the_repeated_paragraph_only() -> None:
    counter = TemplateCounter(min_pages=4)
    for i in range(3):
        strip_templates(counter, "lbd.example", page(i))
    text, removed = strip_templates(counter, "lbd.example", page(3))
    assert removed == 1
    assert text == "Story 3 opens with its own news about rents and rates.\n\nIt goes on with detail 3."


def test_counts_are_per_host() -> None:
    counter = TemplateCounter(min_pages=2)
    strip_templates(counter, "a.example", page(0))
    _, removed = strip_templates(counter, "b.example", page(1))
    assert removed == 0


def test_a_page_made_only_of_template_paragraphs_is_left_whole() -> None:
    counter = TemplateCounter(min_pages=1)
    text, removed = strip_templates(counter, "a.example", FOOTER)
    assert (text, removed) == (FOOTER, 0)


def test_memory_is_bounded() -> None:
    counter = TemplateCounter(min_pages=2, max_hosts=3, max_per_host=50)
    for i in range(500):
        counter.observe(f"host{i % 7}.example", [f"unique paragraph {i} {j}" for j in range(5)])
    assert counter.size() <= 3 * 50


def test_counts_persist_between_runs(tmp_path: Path) -> None:
    path = tmp_path / "state" / "templates.json"
    first = TemplateCounter(min_pages=3)
    for i in range(2):
        first.observe("a.example", page(i).split("\n\n"))
    first.save(path)
    second = TemplateCounter(min_pages=3)
    assert second.load(path)
    _, removed = strip_templates(second, "a.example", page(9))
    assert removed == 1


def test_unreadable_state_is_ignored(tmp_path: Path) -> None:
    path = tmp_path / "templates.json"
    path.write_text("{torn")
    assert TemplateCounter().load(path) is False


def make_item(i: int) -> Article:
    return Article(id=f"x:{i}", url=f"https://lbd.example/a/{i}", canonical_url=f"https://lbd.example/a/{i}",
                   site="lbd.example", publisher=None, title="t", text=page(i), fetched_at="2026-01-01T00:00:00+00:00")


def test_pipeline_counts_removals_and_saves_state(tmp_path: Path) -> None:
    state = tmp_path / "templates.json"
    crawler = project_crawler(TEMPLATES_MIN_PAGES=3, TEMPLATES_STATE_PATH=str(state))
    crawler.stats.open_spider()  # type: ignore[union-attr]
    pipeline = TemplateParagraphsPipeline.from_crawler(crawler)
    items = [pipeline.process_item(make_item(i)) for i in range(5)]
    pipeline.close_spider()
    assert [FOOTER in item.text for item in items] == [True, True, False, False, False]
    assert crawler.stats.get_value("clean/removed/template") == 3  # type: ignore[union-attr]
    assert state.exists()
