"""The Standard, Hong Kong (www.thestandard.com.hk): the city's free English daily, as data.

Why this source: Hong Kong markets, property and government budget news in English, with much Reuters
wire copy on the mainland economy; free to read (no paywall).

Verified with public code (search corpus, November 2026):
- Article URLs `/<section>/article/<numeric id>/<Slug-In-Title-Case>`: 2026 sections `finance`,
  `innovation`, `china` (e.g. `/finance/article/340260/China-Unicoms-H1-...`), 2025 sections
  `hong-kong-news`, `breaking-news`, `china-news`, `world-news`, `business-innovation`; the slug may be
  missing (`/finance/article/340637/`). Ids around 333,000-343,000 in 2026.
- RSS `/newsfeed/latest/news.xml` (in many public feed lists; `/newsfeed/rss` answers 301 to HTML);
  `/sitemap.xml` is in a public sitemap list.
- Pages carry a JSON-LD NewsArticle with datePublished/dateModified (scrapers read it first); visible
  times end in "HKT"; images on image.hkstandard.com.hk.
- Body noise that scrapers strip: "Download The Standard app", a link to `/appdownload`, "Share this:",
  share-button words (WhatsApp, Facebook, X, Email, Link), a leading "More", "Photo:"/"File Photo"
  captions, "Top News" / "Read More" / "Most Read" blocks. robots.txt: avoid `/search`.
- Legacy URL forms: `/breaking_news_detail.asp?id=67156`, `/news_detail.asp?art_id=28244&...`
  (before 2019), `/section-news-list/section/<n>/` listings.

*(unverified)*: the container class names used in drop_selectors, the 2019-2024 form
`/section-news/section/<n>/<id>/<slug>`, the news sitemap's content, any Crawl-delay.
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
