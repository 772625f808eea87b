"""China Daily (English edition, www.chinadaily.com.cn): business and economy news, as data.

Why this source: the state-owned English daily is where Beijing's economic policy is first explained
to foreign readers; its business channel (`/business`, `/business/economy`) is a daily read next to SCMP.

Verified with public code (search corpus, November 2026):
- Article URLs `/a/<yyyymm>/<dd>/WS<24 hex>.html` (e.g. `/a/202203/17/WS6232a663a310fd2b29e517fb.html`,
  scrapers' regexes `/a/\\d{6}/\\d{2}/WS[0-9A-Za-z]+\\.html`); legacy `/<yyyy-mm>/<dd>/content_<n>.htm`.
- RSS feeds `/rss/world_rss.xml`, `/rss/china_rss.xml`, `/rss/bizchina_rss.xml` (also spelled
  `bizChina_rss.xml`), index at `/rss/index.html`; a feed checker found them valid in Feb 2026, while two
  other projects dropped them ("serves stale 2017 articles", "XML error"): treat the feeds as a hint and
  keep the sitemap. `/sitemap.xml` is listed in public sitemap lists.
- Business channels: `/business`, `/business/economy`, `/business/companies`, `/business/markets`,
  `/business/tech`, `/business/chinawatch` (section listings, not articles).
- Body in `div#Content` (every public scraper selects it); byline line
  "By Xu Fan | chinadaily.com.cn | Updated: 2025-12-08 10:04" (only an *Updated* time is shown).

*(unverified)*: the exact meta tags (OpenGraph present, no JSON-LD, no og:type), the `lft_art`/`info_l`/
`mai_r` class names, that long stories continue on `WS<id>_2.html` pages, the footer wording below, the
photo-credit caption form "[Photo/Xinhua]", robots.txt (no public copy found: no Crawl-delay known).
Pages are UTF-8 *(unverified; decoding follows the page's declaration anyway)*.
"""

from __future__ import annotations

from crawler.sites.profile import SiteProfile

_BASE = "https://www.chinadaily.com.cn"

CHINADAILY = SiteProfile(
    name="chinadaily",
    publisher="China Daily",
    hosts=("chinadaily.com.cn",),
    timezone="Asia/Shanghai",
    language="en",
    sitemaps=(f"{_BASE}/sitemap.xml",),
    # Business first: it is the economy feed; world/china carry the macro-policy stories.
    feeds=tuple(f"{_BASE}/rss/{name}_rss.xml" for name in ("bizchina", "china", "world")),
    article_url_patterns=(
        r"^/a/\d{6}/\d{2}/WS[0-9a-fA-F]{24}\.html$",
        r"^/(?:[a-z]+/)?\d{4}-\d{2}/\d{2}/content_\d+\.htm$",
    ),
    non_article_url_patterns=(
        r"^/rss(?:/|$)",
        r"/WS[0-9a-fA-F]{24}_\d+\.html$",  # page 2+ of a paginated story *(unverified)*: page 1 is the article
        r"^/(?:search|video|photo|cartoon|e)(?:/|$)",
    ),
    sitemap_follow_patterns=(r"/sitemap",),
    article_id_pattern=r"/(WS[0-9a-fA-F]{24}|content_\d+)\.html?$",
    drop_selectors=(
        ".info_r",  # share icons beside the byline
        "#div_currpage",  # pagination of long stories
        ".selectpage",
        ".mai_r",  # "Most popular" / "Editor's pick" column
        ".foot",
        "#bdshare",
    ),
    boilerplate_patterns=(
        ("photo_credit", r".{0,300}\[Photo(?:/| by )[^\]]{1,80}\]"),
        ("copyright_footer", r"Copyright 1995 ?- ?\d{4}\.? All rights reserved\..*"),
        ("license_footer", r"(?:License for publishing multimedia online|Registration Number)[: ]+\d+"),
        ("resolution_note", r"Note: Browsers with 1024\*768 or higher resolution are suggested for this site\."),
    ),
)
