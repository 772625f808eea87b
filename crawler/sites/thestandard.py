"""The Standard, Hong Kong (www.thestandard.com.hk): the city's free English daily, as data.

What public code confirmed about the site, and what is unverified: docs/sources.md.
"""

from __future__ import annotations

from crawler.sites.profile import SiteProfile

_BASE = "https://www.thestandard.com.hk"

THESTANDARD = SiteProfile(
    name="thestandard",
    publisher="The Standard",
    hosts=("thestandard.com.hk",),
    timezone="Asia/Hong_Kong",
    language="en",
    country="HK",
    currency="HKD",
    sitemaps=(f"{_BASE}/sitemap.xml",),
    feeds=(f"{_BASE}/newsfeed/latest/news.xml",),
    article_url_patterns=(
        r"^/[a-z-]+/article/\d+(?:/|$)",
        r"^/(?:section|breaking)-news/section/\d+/\d+(?:/|$)",
        r"^/(?:breaking_)?news_detail\.asp\?(?:[^#]*&)?(?:art_)?id=\d+",
    ),
    non_article_url_patterns=(
        r"^/(?:search|appdownload|newsfeed|section-news-list)(?:/|$|\?)",
        r"^/[a-z-]+/?$",  # section fronts: /finance, /hong-kong-news
    ),
    sitemap_follow_patterns=(r"sitemap",),
    # Ids are read from the path only: legacy `.asp?id=` pages get URL-hash ids.
    article_id_pattern=r"(?:/article/|-news/section/\d+/)(\d+)",
    drop_selectors=(
        ".share-bar",
        ".app-download",
        ".top-news",
        ".most-read",
        ".read-more",
        "figure figcaption",
    ),
    boilerplate_patterns=(
        ("app_promo", r"Download The Standard app.{0,80}"),
        ("app_link", r"https?://www\.thestandard\.com\.hk/appdownload"),
        ("share_words", r"(?:share(?: this)?:?|whatsapp|facebook|x|email|link|more)"),
        ("photo_credit", r"(?:file photo|photo:).{0,80}"),
    ),
)
