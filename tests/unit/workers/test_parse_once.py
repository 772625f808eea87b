"""Each page is parsed once: one lxml parse of the document feeds metadata and trafilatura alike,
and the reactor process does not parse it at all when workers extract."""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from typing import Any

import lxml.etree
import lxml.html
import pytest
import trafilatura

from benchmarks.crawl_site import BenchSite
from crawler.settings import NORMALISERS
from crawler.workers.jobs import JobOptions, PageJob, run_job
from crawler.workers.pool import ExtractionPool
from tests.fixtures.pages_support import PAGES, case_names, load_input
from tests.support.pools import run_with_pool

NOW = datetime(2026, 1, 1, tzinfo=UTC)
ENTRY_POINTS = {
    lxml.html: ("fromstring", "document_fromstring", "fragment_fromstring", "fragments_fromstring", "parse"),
    lxml.etree: ("fromstring", "fromstringlist", "HTML", "XML", "parse"),
}


# trafilatura's readability fallback re-parses readability's summary (extracted content, not the
# page) and builds empty elements from "<div/>": parses that start there are not parses of the page.
NOT_THE_PAGE = ("trafilatura.external", "trafilatura.readability_lxml")
PARSER_MODULES = ("lxml.", "trafilatura.utils")


class ParseCounter:
    """Records every lxml parse (outermost calls only: `fromstring` calls `document_fromstring`
    inside) with the module it was started from."""

    def __init__(self) -> None:
        self.origins: list[str] = []
        self._depth = 0

    def wrap(self, original: Callable[..., Any]) -> Callable[..., Any]:
        def counting(source: Any, *args: Any, **kwargs: Any) -> Any:
            if self._depth == 0:
                self.origins.append(_origin())
            self._depth += 1
            try:
                return original(source, *args, **kwargs)
            finally:
                self._depth -= 1

        return counting

    def documents(self) -> int:
        """Parses that may be of the page (all but trafilatura's fallback fragments)."""
        return sum(1 for origin in self.origins if not origin.startswith(NOT_THE_PAGE))


def _origin() -> str:
    frame = sys._getframe(2)
    while frame is not None:
        module = frame.f_globals.get("__name__", "")
        if not module.startswith(PARSER_MODULES) and module != __name__:
            return module
        frame = frame.f_back
    return ""


@pytest.fixture
def parses(monkeypatch: pytest.MonkeyPatch) -> Iterator[ParseCounter]:
    """Every lxml parsing entry point, replaced wherever a module holds a reference to it."""
    counter = ParseCounter()
    originals = {id(getattr(module, name)): getattr(module, name) for module, names in ENTRY_POINTS.items()
                 for name in names}
    wrapped = {key: counter.wrap(original) for key, original in originals.items()}
    for module in list(sys.modules.values()):
        namespace = getattr(module, "__dict__", None)
        if not isinstance(namespace, dict):
            continue
        for name, value in list(namespace.items()):
            if callable(value) and id(value) in originals and value is originals[id(value)]:
                monkeypatch.setattr(module, name, wrapped[id(value)])
    yield counter


BENCH = BenchSite("https://www.scmp.com", 10)
CASES = [f"fixture:{case}" for case in case_names()] + ["generated:0", "generated:1"]


def page(case: str) -> tuple[str | bytes, str, str, dict[str, Any] | None]:
    kind, name = case.split(":")
    if kind == "generated":
        return BENCH.page(int(name)), BENCH.meta(int(name)).url, "scmp", None
    spec = load_input(name)
    return (PAGES / name / "page.html").read_bytes(), spec["url"], spec["site"], spec.get("hints")


@pytest.mark.parametrize("case", CASES)
def test_a_page_is_parsed_once_for_metadata_text_and_normalisers(parses: ParseCounter, case: str,
                                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    html, url, site, hints = page(case)
    given: list[Any] = []
    bare_extraction = trafilatura.bare_extraction

    def spy(filecontent: Any, *args: Any, **kwargs: Any) -> Any:
        given.append(filecontent)
        return bare_extraction(filecontent, *args, **kwargs)

    monkeypatch.setattr(trafilatura, "bare_extraction", spy)
    options = JobOptions(normalisers=tuple(NORMALISERS))
    result = run_job(PageJob(html, url, site, hints, NOW.isoformat(), NOW, options))
    assert result.error is None, result.error
    assert parses.documents() == 1, parses.origins
    # trafilatura is handed the tree built for the metadata, never the HTML text to parse again
    assert all(isinstance(tree, lxml.html.HtmlElement) for tree in given)


def test_the_counter_sees_a_second_parse(parses: ParseCounter) -> None:
    html, url, _, _ = page("generated:0")
    trafilatura.extract(html, url=url)  # parses the text itself
    lxml.html.fromstring(html)
    assert parses.documents() == 2, parses.origins


def test_the_reactor_process_does_not_parse_pages_when_workers_extract(parses: ParseCounter) -> None:
    html, url, site, hints = page("generated:1")

    async def one(pool: ExtractionPool) -> Any:
        return await pool.extract(html, url, site=site, hints=hints, fetched_at=NOW.isoformat(), now=NOW)

    result = run_with_pool(ExtractionPool(workers=1), one)
    assert result.item is not None and result.item["title"]
    assert parses.origins == []
