"""Hostile inputs of any size: texts and pages on which a finder or an extraction step was super-linear.

Each maker takes a size in characters and returns a text (for the normalisers) or a whole page
(for `extract_article` / `run_job`). Shared by tests/unit/extract/test_hostile_sizes.py,
tests/crawl/workers/test_page_budget.py and benchmarks/pathological_bench.py.
"""

from __future__ import annotations

from collections.abc import Callable


def repeat(unit: str, size: int) -> str:
    """`unit` repeated to exactly `size` characters."""
    return (unit * (size // len(unit) + 1))[:size]


#: Texts that cost seconds to hours at 1 MB before the finders were made linear.
TEXTS: dict[str, Callable[[int], str]] = {
    # one sentence without a full stop, a weekday every 34 characters: the tense of each was read
    # by scanning the whole sentence again
    "weekday_mentions": lambda n: repeat("The minister spoke on Tuesday and ", n),
    "date_list": lambda n: repeat("5 March, ", n),
    "date_list_years": lambda n: repeat("March 5, 2024, ", n),
    "chinese_dates": lambda n: repeat("3月5日", n),
    # one number of n digits before a currency word: converted exactly, in quadratic time
    "digit_run_yuan": lambda n: repeat("1234567890", n) + " yuan",
    "spaced_digits_yuan": lambda n: repeat("1 ", n) + "yuan",
    "chinese_numerals": lambda n: repeat("三千亿", n) + "元",
}

_HEAD = ('<!DOCTYPE html><html lang="en"><head><title>Exports rise</title>'
         '<meta property="og:type" content="article"></head><body><article><h1>Exports rise</h1>')
_TAIL = "</article></body></html>"
#: Real article text on every hostile page: the article must still come out of it.
LEAD = ("<p>Exports rose 5.2 per cent in March to 3 billion yuan, the statistics bureau said on Tuesday, "
        "while retail sales fell 1.1 per cent from a year earlier.</p>") * 4


def _page(body: str) -> str:
    return _HEAD + body + _TAIL


def _attributes(count: int) -> str:
    return " ".join(f"a{i}" for i in range(count))


#: Pages on which extraction (lxml's parser, trafilatura, our own steps) was super-linear.
PAGES: dict[str, Callable[[int], str]] = {
    # libxml2 checks each attribute of a tag against all the ones before it
    "many_attributes": lambda n: _page(f"<div {_attributes(n // 8)}>{LEAD}</div>"),
    # trafilatura counts the cells of a row for every cell it adds
    "wide_table": lambda n: _page(LEAD + "<table><tr>" + "<td>1</td>" * (n // 9) + "</tr></table>"),
    # trafilatura's `//p//text()` XPath queries merge node sets in quadratic time
    "many_paragraphs": lambda n: _page(LEAD + "<p>x</p>" * (n // 8)),
    "many_divs": lambda n: _page(LEAD + ("<div>" + "<p>x</p>" * 100 + "</div>") * (n // 811)),
    # site drop selectors: every match was checked against every match found before
    "many_share_boxes": lambda n: _page(LEAD + '<div class="social-share">x</div>' * (n // 34)),
    # one paragraph of n characters of date mentions (the finders, through the whole pipeline)
    "weekday_paragraph": lambda n: _page(LEAD + "<p>" + TEXTS["weekday_mentions"](n) + "</p>"),
    "chinese_numeral_paragraph": lambda n: _page(LEAD + "<p>" + TEXTS["chinese_numerals"](n) + "</p>"),
}
