"""trafilatura's comparison with readability/justext runs only when it could change the body."""

from __future__ import annotations

from typing import Any

import pytest
import trafilatura
from lxml import html

from crawler.extract import body as body_module
from crawler.extract.body import FAST_MIN_TEXT, body_blocks

SENTENCE = "Exports from province {n} rose {n}.{k} per cent in the third quarter, officials said on Monday. "


def _page(paragraphs: int, extra: str = "") -> str:
    text = "".join("<p>" + "".join(SENTENCE.format(n=n, k=k) for k in range(3)) + "</p>" for n in range(paragraphs))
    return f"<html><body><nav><a href='/'>Home</a></nav><article><h1>Title</h1>{text}{extra}</article></body></html>"


@pytest.fixture
def calls(monkeypatch: pytest.MonkeyPatch) -> list[bool]:
    seen: list[bool] = []
    real = trafilatura.bare_extraction

    def spy(*args: Any, **kwargs: Any) -> Any:
        seen.append(kwargs.get("fast", False))
        return real(*args, **kwargs)

    monkeypatch.setattr(body_module.trafilatura, "bare_extraction", spy)
    return seen


def test_long_article_skips_the_comparison(calls: list[bool]) -> None:
    blocks = body_blocks(html.fromstring(_page(12)), "https://example.com/a", precision=True)
    assert sum(len(text) for _, text in blocks) >= FAST_MIN_TEXT
    assert calls == [True]


@pytest.mark.parametrize("page", [_page(2), _page(12, "<table><tr><td>1</td></tr></table>" * 20)],
                         ids=["short", "table-heavy"])
def test_weak_result_gets_the_comparison(calls: list[bool], page: str) -> None:
    fast = body_blocks(html.fromstring(page), "https://example.com/a", precision=True)
    assert calls[:2] == [True, False]
    full = trafilatura.bare_extraction(html.fromstring(page), url="https://example.com/a", include_comments=False,
                                       include_tables=True, with_metadata=False, favor_precision=True)
    assert [text for _, text in fast] == [text for _, text in body_module._blocks(full)]


def test_default_mode_always_compares(calls: list[bool]) -> None:
    body_blocks(html.fromstring(_page(12)), "https://example.com/a")
    assert calls == [False]
