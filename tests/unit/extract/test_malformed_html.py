"""Truncated and malformed HTML still yields the article: cut mid-tag, unclosed elements, a stray
`</html>` early, markup soup. `extract_article` is given bytes, as a saved or half-downloaded page is.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from html import escape

import pytest

from crawler.extract import extract_article
from crawler.extract.decode import strip_stray_end_tags
from tests.support import fault_pages as fs

BASE = "http://127.0.0.1:8000"
NOW = datetime(2026, 11, 29, 12, 0, tzinfo=UTC)
ARTICLE = fs.GOOD_ARTICLES[1]
URL = BASE + ARTICLE.path
GOOD = fs.article_html(ARTICLE, BASE)
PARAS = ARTICLE.paragraphs


def _cut_mid_tag() -> str:
    cut = GOOD.index(PARAS[3][:40]) + 40
    return GOOD[:cut] + '<a hre'


def _unclosed() -> str:
    # No </p>, an unclosed <div> and <span>, no </section></article></main></body></html>.
    body = "".join(f"<div class='para'><span>{p}" if i == 1 else f"<p>{p}" for i, p in enumerate(PARAS))
    head = GOOD[:GOOD.index("<section")]
    return head + "<section class='article-body'>" + body


def _stray_end_tag(tags: str) -> Callable[[], str]:
    # A template bug: end tags after the first paragraph, the rest of the story after them.
    def build() -> str:
        first = f"<p>{PARAS[0]}</p>"
        return GOOD.replace(first, first + tags, 1)
    return build


def _soup() -> str:
    # Mis-nested inline tags, an unquoted attribute, a bare & and a stray </p>.
    return GOOD.replace(f"<p>{PARAS[1]}</p>", f"<p><b><i>{PARAS[1]}</b></i></p></p>", 1).replace(
        '<section class="article-body">', "<section class=article-body>&", 1)


# libxml2 2.14 (lxml 6) drops everything after a stray </html>; browsers keep reading (strip_stray_end_tags).

CASES = [
    pytest.param(_cut_mid_tag, PARAS[:3], id="cut-mid-tag"),
    pytest.param(_unclosed, PARAS, id="unclosed-elements"),
    pytest.param(_soup, PARAS, id="tag-soup"),
    pytest.param(_stray_end_tag("</html>"), PARAS, id="stray-html-end-tag-early"),
    pytest.param(_stray_end_tag("</body></html>"), PARAS, id="stray-body-html-end-tags-early"),
    pytest.param(_stray_end_tag("</section></article></main></body></html>"), PARAS,
                 id="template-closes-everything-early"),
]


@pytest.mark.parametrize(("build", "expected_paragraphs"), CASES)
def test_malformed_page_is_extracted(build: Callable[[], str], expected_paragraphs: tuple[str, ...]) -> None:
    html = build()
    assert html != GOOD
    extraction = extract_article(html.encode("utf-8"), URL, site="scmp", now=NOW)
    article = extraction.article
    assert article.title == ARTICLE.title
    assert article.id == ARTICLE.item_id
    for paragraph in expected_paragraphs:
        assert paragraph in article.text, paragraph[:40]


@pytest.mark.parametrize("tags", ["</html>", "</BODY></HTML >"])
def test_strip_stray_end_tags_keeps_the_rest_of_the_story(tags: str) -> None:
    html = _stray_end_tag(tags)()
    for repaired in (strip_stray_end_tags(html), strip_stray_end_tags(html.encode("utf-8"))):
        text = repaired if isinstance(repaired, str) else repaired.decode("utf-8")
        assert "</html>" not in text.lower()
        assert escape(PARAS[3]) in text
        article = extract_article(repaired, URL, site="scmp", now=NOW).article
        assert all(paragraph in article.text for paragraph in PARAS)


def test_fault_server_truncated_page_keeps_what_arrived() -> None:
    body = fs.truncated_html(BASE)
    assert not body.rstrip().endswith(b"</html>")
    article = extract_article(body, BASE + fs.TRUNCATED_PATH, site="scmp", now=NOW).article
    assert article.title == "Shipping insurers raise premiums on longer routes"
    assert article.text.count("marine insurance") >= 2
