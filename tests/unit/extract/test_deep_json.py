"""A JSON-LD block (or `__NEXT_DATA__`) nested hundreds of levels deep costs only itself.

Before: reading an author list nested 500-900 levels deep raised `RecursionError` and the whole
article was lost (`extract/error/RecursionError`); past the json module's own limit, parsing did.

Nothing is fetched: the pages are built in memory and their www.scmp.com URLs only choose the site
profile (tests/support/no_web.py refuses any connection beyond 127.0.0.1 anyway).
"""

from __future__ import annotations

import json
from datetime import UTC, datetime

import pytest

from crawler.extract import extract_article
from crawler.json_limits import MAX_JSON_DEPTH, TooDeep, json_depth, load_json
from tests.support.pathological import LEAD

NOW = datetime(2026, 1, 1, tzinfo=UTC)
GOOD = {"@type": "NewsArticle", "headline": "Exports rise", "datePublished": "2025-12-30T08:00:00+08:00",
        "author": {"@type": "Person", "name": "Grace Lam"}}


def nested(depth: int, leaf: str = '{"name": "x"}') -> str:
    return "[" * depth + leaf + "]" * depth


DEEP_BLOCKS = {
    "author-list": lambda d: '{"@type": "NewsArticle", "headline": "Deep", "author": ' + nested(d) + "}",
    "headline": lambda d: '{"@type": "NewsArticle", "headline": ' + nested(d, '"k"') + "}",
    "graph": lambda d: '{"@graph": ' + nested(d, '{"@type": "NewsArticle", "headline": "Deep"}') + "}",
    "objects": lambda d: '{"@type": "NewsArticle", "author": ' + '{"name": ' * d + '"x"' + "}" * d + "}",
}


def page(*blocks: str) -> str:
    scripts = "".join(f'<script type="application/ld+json">{block}</script>' for block in blocks)
    return (f"<html><head><title>Exports rise</title>{scripts}</head>"
            f"<body><article><h1>Exports rise</h1>{LEAD}</article></body></html>")


@pytest.mark.parametrize("depth", [900, 5000, 100_000])
@pytest.mark.parametrize("shape", sorted(DEEP_BLOCKS))
def test_a_too_deep_block_is_ignored_counted_and_the_article_extracted(shape: str, depth: int) -> None:
    extraction = extract_article(page(DEEP_BLOCKS[shape](depth), json.dumps(GOOD)), "https://news.example/a/1",
                                 now=NOW)
    assert extraction.events.count("jsonld_too_deep") == 1
    article = extraction.article
    assert (article.title, article.authors, article.published_at) == (
        "Exports rise", ["Grace Lam"], "2025-12-30T08:00:00+08:00")
    assert article.text.startswith("Exports rose 5.2 per cent")


def test_ordinary_nesting_is_read() -> None:
    block = {"@context": "https://schema.org", "@graph": [
        {**GOOD, "publisher": {"@type": "Organization", "name": "Post", "logo": {"@type": "ImageObject",
                                                                                "url": "https://x/l.png"}}}]}
    extraction = extract_article(page(json.dumps(block)), "https://news.example/a/1", now=NOW)
    assert "jsonld_too_deep" not in extraction.events
    assert extraction.article.publisher == "Post"


def test_depth_is_measured_without_recursion() -> None:
    assert json_depth(1) == 0 and json_depth([]) == 1 and json_depth({"a": [{"b": 1}]}) == 3
    assert json_depth(json.loads(nested(MAX_JSON_DEPTH - 1))) == MAX_JSON_DEPTH
    with pytest.raises(TooDeep):
        load_json(nested(MAX_JSON_DEPTH))


def _reference_depth(value: object) -> int:
    if isinstance(value, dict):
        return 1 + max(map(_reference_depth, value.values()), default=0)
    if isinstance(value, list):
        return 1 + max(map(_reference_depth, value), default=0)
    return 0


@pytest.mark.parametrize("text", [
    "[]", "{}", '"x"', "[1, [2, [3]], {}]", '{"a": [], "b": {"c": [[{"d": null}]]}, "e": [1, 2]}',
    '[[], [[[]]], {"k": [{}]}, 5]', '{"props": {"pageProps": {"items": [' + ", ".join(['{"t": [1, {"u": 2}]}'] * 50) + "]}}}",
])
def test_depth_is_the_deepest_branch_not_the_first_or_last(text: str) -> None:
    value = json.loads(text)
    assert json_depth(value) == _reference_depth(value)


def test_a_too_deep_next_data_payload_is_ignored() -> None:
    payload = '{"props": {"pageProps": {"payload": {"data": {"article": {"headline": "Deep", "body": ' + \
        nested(3000) + "}}}}}}"
    html = page(json.dumps(GOOD)).replace(
        "</head>", f'<script id="__NEXT_DATA__" type="application/json">{payload}</script></head>')
    extraction = extract_article(html, "https://www.scmp.com/economy/article/3300001/x", site="scmp", now=NOW)
    assert extraction.article.title == "Exports rise"


def test_few_brackets_need_no_walk(monkeypatch: pytest.MonkeyPatch) -> None:
    """Each level opens a bracket: with no more brackets than the bound, the depth walk is skipped."""
    import crawler.json_limits as limits

    walked: list[object] = []
    real = limits.json_depth
    monkeypatch.setattr(limits, "json_depth", lambda value: walked.append(value) or real(value))
    shallow = '{"@type": "NewsArticle", "keywords": [' + ", ".join(f'"k{n}"' for n in range(40)) + "]}"
    assert load_json(shallow)["@type"] == "NewsArticle"
    assert walked == []
    wide = "[" + ", ".join(["[1]"] * (MAX_JSON_DEPTH + 5)) + "]"  # many brackets, two levels
    assert len(load_json(wide)) == MAX_JSON_DEPTH + 5
    assert len(walked) == 1
    deep = "[" * (MAX_JSON_DEPTH + 1) + "]" * (MAX_JSON_DEPTH + 1)
    with pytest.raises(TooDeep):
        load_json(deep)
