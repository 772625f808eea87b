"""South China Morning Post: what ../shared/notes/scmp.md records, as data.

Fixtures that show why each rule exists live in tests/fixtures/pages/scmp-*.
"""

from __future__ import annotations

from crawler.sites.profile import SiteProfile

_BASE = "https://www.scmp.com"

# Economy-relevant RSS ids seen in stored feeds (notes/scmp.md).
_FEED_IDS = (92, 318421, 328480, 507589, 510448, 318748, 312970, 271838)

SCMP = SiteProfile(
    name="scmp",
    publisher="South China Morning Post",
    hosts=("scmp.com",),
    timezone="Asia/Hong_Kong",
    language="en",
    sitemaps=tuple(
        f"{_BASE}/{name}.xml" for name in ("sitemap_news", "sitemap_economy", "sitemap_business")
    ),
    feeds=tuple(f"{_BASE}/rss/{feed_id}/feed" for feed_id in _FEED_IDS),
    # /<section>[/<sub>...]/article/<id>/<slug>, /plus/..., legacy /article/<id>/<slug> and id-last forms.
    article_url_patterns=(r"/article/\d+(?:/|$)",),
    non_article_url_patterns=(
        r"^/(?:topics|live|video|rss|print|ajax|epaper|scmp_comments|login|search)(?:/|$)",
        r"^/[^?]*/video/",
        r"[?&]destination=",
    ),
    sitemap_follow_patterns=(r"sitemap_(?:news|economy|business|tech|this_week_in_asia)", r"/archives?"),
    article_id_pattern=r"/article/(\d+)(?:/|$)",
    drop_selectors=(
        ".piano-metering__paywall-container",
        ".trust-label",
        ".related-article",
        ".share-widget",
        ".follow-topic",
        ".scmp-advert-tile",
        '[data-qa="InlineAdSlot-Container"]',
        '[data-qa="AdSlot-Container"]',
        '[data-qa="ArticleTrustLabel-Container"]',
        '[data-qa="GenericArticle-MoreOnThis"]',
        '[data-qa="GenericArticle-Topic"]',
        '[data-qa="GenericArticle-Comment"]',
    ),
    paywall_selectors=(".piano-metering__paywall-container", '[data-qa="Paywall-Container"]'),
    paywall_url_patterns=(r"^/plus/",),
    next_data_article_path=("props", "pageProps", "payload", "data", "article"),
)
