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
    country="HK",
    currency="HKD",
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
        '[data-qa="ListeningWidget"]',
        ".listening-widget",
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
    # Whole-paragraph promos and widget texts seen on SCMP pages and on copies of them
    # (tests/fixtures/pages/scmp-promos, republished-scmp-copy).
    boilerplate_patterns=(
        ("knowledge_promo", r"do you have questions about the biggest topics and trends from around the world\?"
                            r".{0,300}scmp knowledge.{0,300}"),
        ("trust_label", r"why you can trust scmp"),
        ("reading_time", r"reading time\s*:\s*\d+\s*min(?:ute)?s?"),
        ("mynews", r"get more with mynews.{0,200}|a personalised news feed of stories that matter to you\.?"
                   r"|learn more"),
        ("listening_widget", r"(?:select voice|choose your listening speed|get through articles 2-3x faster|\d{2,3} wpm"
                             r"|slow|normal|fast|select speed)(?:\s+(?:select voice|choose your listening speed|get "
                             r"through articles 2-3x faster|\d{2,3} wpm|slow|normal|fast|select speed))*"),
        ("public_service", r"this story has been made freely available as a public service to our readers\..{0,200}"),
        ("subscribe", r"if you would like to see more of our reporting, please consider subscribing\.?"
                      r"|please consider supporting scmp's journalism by subscribing\.?"),
        ("newsletter", r"scmp global impact newsletter.{0,80}|sign up now"),
        ("plus_line", r"scmp\+.{0,200}"),
    ),
    paywall_selectors=(".piano-metering__paywall-container", '[data-qa="Paywall-Container"]'),
    paywall_url_patterns=(r"^/plus/",),
    next_data_article_path=("props", "pageProps", "payload", "data", "article"),
)
