"""Site data of the new sources: URL rules, ids, boilerplate patterns, registration, spider size.

URL rows use the shapes public code shows for each site (see each profile's docstring); a row marked
"(unverified)" in its id is a shape we support but found no public copy of.
"""

from __future__ import annotations

import re

import pytest

from crawler.sites import get_site, site_names
from sample_site.sources import chinadaily, peopledaily, straitstimes, thestandard
from tests.support.paths import PROJECT
from tests.support.sources import REGIONAL_SOURCES

# (site, url, expected native id or None for "not an article")
URL_ROWS = [
    ("chinadaily", "https://www.chinadaily.com.cn/a/202502/18/WS67b3f1a2a310c240449d5e11.html",
     "WS67b3f1a2a310c240449d5e11"),
    ("chinadaily", "https://www.chinadaily.com.cn/a/202203/17/WS6232a663a310fd2b29e517fb.html",
     "WS6232a663a310fd2b29e517fb"),
    ("chinadaily", "http://www.chinadaily.com.cn/china/2016-03/15/content_23876590.htm", "content_23876590"),
    ("chinadaily", "https://www.chinadaily.com.cn/a/202502/18/WS67b3f1a2a310c240449d5e11_2.html", None),
    ("chinadaily", "https://www.chinadaily.com.cn/business/economy", None),
    ("chinadaily", "https://www.chinadaily.com.cn/rss/bizchina_rss.xml", None),
    ("thestandard", "https://www.thestandard.com.hk/finance/article/340260/China-Unicoms-H1-2026-profit-falls",
     "340260"),
    ("thestandard", "https://www.thestandard.com.hk/finance/article/340637/", "340637"),
    ("thestandard", "https://www.thestandard.com.hk/hong-kong-news/article/291406/Hang-Seng-Index-jumps", "291406"),
    ("thestandard", "https://www.thestandard.com.hk/section-news/section/4/229010/Old-Shape", "229010"),
    ("thestandard", "https://www.thestandard.com.hk/finance", None),
    ("thestandard", "https://www.thestandard.com.hk/search?q=hsi", None),
    ("thestandard", "https://www.thestandard.com.hk/appdownload", None),
    ("thestandard", "https://www.thestandard.com.hk/newsfeed/latest/news.xml", None),
    ("straitstimes", "https://www.straitstimes.com/business/economy/"
     "china-factory-activity-in-december-posts-worst-contraction-in-six-months",
     "china-factory-activity-in-december-posts-worst-contraction-in-six-months"),
    ("straitstimes", "https://www.straitstimes.com/business/and-the-buzzword-for-work-in-2024-is-liminal",
     "and-the-buzzword-for-work-in-2024-is-liminal"),
    ("straitstimes", "https://www.straitstimes.com/business/companies-markets/"
     "markets-enter-2024-with-an-air-of-optimism?ai-allowed=1", "markets-enter-2024-with-an-air-of-optimism"),
    ("straitstimes", "https://www.straitstimes.com/business/companies-markets", None),
    ("straitstimes", "https://www.straitstimes.com/business", None),
    ("straitstimes", "https://www.straitstimes.com/singapore/older-hdb-blocks-a-hot-spot-for-dengue-ntu-nus-study",
     None),
    ("straitstimes", "https://www.straitstimes.com/multimedia/videos/how-a-container-port-runs-itself", None),
    ("peopledaily", "http://finance.people.com.cn/n1/2026/0306/c1004-40676058.html", "40676058"),
    ("peopledaily", "http://politics.people.com.cn/n1/2026/1008/c461001-40810262.html", "40810262"),
    ("peopledaily", "http://finance.people.com.cn/n/2013/0218/c1004-20504321.html", "20504321"),
    ("peopledaily", "http://finance.people.com.cn/GB/153179/153180/index.html", None),
    ("peopledaily", "http://www.people.com.cn/rss/finance.xml", None),
]


@pytest.mark.parametrize(("site", "url", "native_id"), URL_ROWS,
                         ids=[f"{s}:{u.split('/', 3)[3][:50]}" for s, u, _ in URL_ROWS])
def test_article_urls_and_ids(site: str, url: str, native_id: str | None) -> None:
    profile = get_site(site)
    assert profile.is_article_url(url) is (native_id is not None)
    if native_id is not None:
        assert profile.article_id(url) == native_id


@pytest.mark.parametrize("site", REGIONAL_SOURCES)
def test_every_source_is_registered_with_a_matching_spider_name(site: str) -> None:
    assert site in site_names()
    profile = get_site(site)
    assert profile.name == site and profile.publisher and profile.language and profile.timezone != "UTC"
    assert profile.feeds or profile.sitemaps or profile.extra


# Promos and footers each sample site renders, and the site's own article paragraphs.
PROMOS = {
    "chinadaily": [*chinadaily.FOOTER_LINES, chinadaily.ARTICLES[0]["caption"]],
    "thestandard": [thestandard.APP_PROMO, "Share this:", "WhatsApp", "X", "https://www.thestandard.com.hk/appdownload",
                    "Photo: Traders at the stock exchange in Central", "File Photo"],
    "straitstimes": [*straitstimes.PROMOS, "Read more at straitstimes.com.", "For subscribers"],
    "peopledaily": ["(责编：李洋、张岩)", "（责任编辑：王震）", peopledaily.SHARE_PROMPT, peopledaily.FOOTER,
                    "来源：人民网－人民日报", "【纠错】 【责任编辑：孙阳】",
                    "Copyright © 1997-2025 by www.people.com.cn. all rights reserved"],
}
ARTICLE_TEXT = {
    module.NAME: [p for article in module.ARTICLES for p in article["paragraphs"] if p not in PROMOS[module.NAME]]
    for module in (chinadaily, thestandard, straitstimes, peopledaily)
}


def _matching_rules(site: str, paragraph: str) -> list[str]:
    """Rules whose regex matches the whole paragraph (whitespace folded, case-insensitive)."""
    folded = " ".join(paragraph.split())
    return [name for name, regex in get_site(site).boilerplate_patterns
            if re.fullmatch(regex, folded, re.IGNORECASE | re.DOTALL)]


@pytest.mark.parametrize("site", REGIONAL_SOURCES)
def test_boilerplate_rules_are_named_once_and_compile(site: str) -> None:
    names = [name for name, _ in get_site(site).boilerplate_patterns]
    assert len(names) == len(set(names)) and names
    for _, regex in get_site(site).boilerplate_patterns:
        re.compile(regex)


@pytest.mark.parametrize(("site", "promo"), [(s, p) for s, promos in PROMOS.items() for p in promos])
def test_boilerplate_rules_match_the_sites_promos_and_footers(site: str, promo: str) -> None:
    assert _matching_rules(site, promo), promo


@pytest.mark.parametrize("site", REGIONAL_SOURCES)
def test_boilerplate_rules_keep_every_article_paragraph(site: str) -> None:
    false_positives = {p[:60]: _matching_rules(site, p) for p in ARTICLE_TEXT[site] if _matching_rules(site, p)}
    assert false_positives == {}


@pytest.mark.parametrize("site", REGIONAL_SOURCES)
def test_spider_is_a_short_declarative_subclass(site: str) -> None:
    source = (PROJECT / "crawler" / "spiders" / f"{site}.py").read_text(encoding="utf-8")
    assert len(source.splitlines()) <= 80
    assert "if site ==" not in source and "parse_article" not in source


def test_no_shared_code_names_a_new_site() -> None:
    shared = [*(PROJECT / "crawler" / "extract").glob("*.py"), PROJECT / "crawler" / "spiders" / "base.py",
              *(PROJECT / "pipelines").rglob("*.py")]
    pattern = re.compile(r"\b(?:" + "|".join(REGIONAL_SOURCES) + r")\b")
    assert [str(p.relative_to(PROJECT)) for p in shared if pattern.search(p.read_text(encoding="utf-8"))] == []
