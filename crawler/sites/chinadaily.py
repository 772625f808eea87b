"""China Daily (English edition, www.chinadaily.com.cn): business and economy news, as data.

What public code confirmed about the site, and what is unverified: docs/sources.md.
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
    country="CN",
    currency="CNY",
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
