"""The byline a page shows (`crawler.extract.bylines`): which element, and which names in it."""

from __future__ import annotations

import pytest
from trafilatura.utils import load_html

from crawler.extract.bylines import page_authors
from crawler.extract.names import names_from_byline

HEAD = "<html><head><title>Harbour fees rise</title></head><body>"
H1 = "<h1>Harbour fees rise</h1>"
TEXT = "<p>Fees will rise by a fifth next year, the authority said.</p>"
END = "</body></html>"

CASES = [
    pytest.param(f'{HEAD}<nav><a href="/authors">Our writers</a></nav>{H1}<p class="byline">By '
                 f'<a rel="author" href="/a/ana">Ana Reyes</a></p>{TEXT}{END}', ["Ana Reyes"], id="rel-author"),
    pytest.param(f'{HEAD}{H1}<div itemprop="author" itemscope><span itemprop="name">Tomas Varga</span>'
                 f'<span itemprop="jobTitle">Ports reporter</span></div>{TEXT}{END}', ["Tomas Varga"],
                 id="itemprop-author-name"),
    pytest.param(f'{HEAD}{H1}<div class="story-byline"><span class="by">By</span> <a href="/p/1">Mei Ling Ong</a>'
                 f"</div>{TEXT}{END}", ["Mei Ling Ong"], id="by-in-its-own-element"),
    pytest.param(f'{HEAD}{H1}<div class="authors">By <span class="author">Greta Holm</span> and '
                 f'<span class="author">Jonas Eck</span></div>{TEXT}{END}', ["Greta Holm", "Jonas Eck"],
                 id="co-authors-in-one-block"),
    pytest.param(f'{HEAD}<aside class="trending"><div class="byline">By Oswin Marsh</div></aside>{H1}'
                 f'<div class="byline">By Dana Wolff</div>{TEXT}{END}', ["Dana Wolff"], id="nearest-the-headline"),
    pytest.param(f'{HEAD}{H1}{TEXT}<section id="comments"><div class="comment-author">Edgar Pellow</div></section>'
                 f"{END}", [], id="comment-authors-are-not-bylines"),
    pytest.param(f'{HEAD}{H1}{TEXT}<div class="related-stories"><span class="author">Lionel Brisk</span></div>{END}',
                 [], id="related-story-authors"),
    pytest.param(f'{HEAD}{H1}<p>By Helen Okafor, Deputy Business Editor</p>{TEXT}{END}', ["Helen Okafor"],
                 id="by-line-of-text"),
    pytest.param(f'{HEAD}{H1}<div class="info">本报记者 何晓岚 邓嘉铭</div>{TEXT}{END}', ["何晓岚", "邓嘉铭"],
                 id="cn-reporters"),
    pytest.param(f"{HEAD}{H1}<p>　　澜江日报讯（记者孙可欣）全省县域消费增长5.8%。</p>{END}", ["孙可欣"],
                 id="cn-reporter-in-the-dateline"),
    pytest.param(f'{HEAD}{H1}<div class="author">作者：赵一鸣</div>{TEXT}{END}', ["赵一鸣"], id="cn-zuozhe"),
    pytest.param(f'{HEAD}{H1}<div class="byline">Staff Reporter</div>{TEXT}{END}', [], id="placeholder"),
    pytest.param(f'{HEAD}<article>{H1}{TEXT}<footer><span class="byline">Posted by <a rel="author">Ruth Ambler'
                 f"</a></span></footer></article>{END}", ["Ruth Ambler"], id="article-footer"),
    pytest.param(f'{HEAD}{H1}{TEXT}<footer class="site-footer"><span class="author">Site by Brindle Web</span>'
                 f"</footer>{END}", [], id="site-footer"),
]


@pytest.mark.parametrize(("html", "expected"), CASES)
def test_page_byline(html: str, expected: list[str]) -> None:
    assert page_authors(load_html(html), "Harbour fees rise") == expected


def test_china_daily_style_byline_drops_the_site_and_the_time() -> None:
    assert names_from_byline("By Liu Hanqing | China Daily | Updated: 2025-03-04 08:12") == ["Liu Hanqing"]
