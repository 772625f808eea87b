"""The Straits Times business section (www.straitstimes.com/business), as data.

What public code confirmed about the site, and what is unverified: docs/sources.md.
"""

from __future__ import annotations

from crawler.sites.profile import SiteProfile

_BASE = "https://www.straitstimes.com"
# A slug of four or more words: section pages (`/business/companies-markets`) have one or two.
_SLUG = r"[a-z0-9]+(?:-[a-z0-9]+){3,}"

STRAITSTIMES = SiteProfile(
    name="straitstimes",
    publisher="The Straits Times",
    hosts=("straitstimes.com",),
    timezone="Asia/Singapore",
    language="en",
    country="SG",
    currency="SGD",
    # No fixed sitemap: `crawler.spiders.straitstimes` computes this month's and last month's.
    sitemaps=(),
    feeds=(f"{_BASE}/news/business/rss.xml",),
    article_url_patterns=(rf"^/business/(?:[a-z0-9-]+/)?{_SLUG}/?(?:\?|$)",),
    non_article_url_patterns=(
        r"^/(?:multimedia|video|videos|podcasts?|graphics|tags?|authors?|search|sitemap|news)(?:/|$)",
    ),
    sitemap_follow_patterns=(r"/sitemap/\d{4}/\d{1,2}/feeds\.xml",),
    article_id_pattern=rf"^/business/(?:[a-z0-9-]+/)?({_SLUG})/?$",
    drop_selectors=(
        ".standfirst",  # the summary under the headline: it is `summary`, not body text
        ".paywall-box",
        ".related-stories",
        ".share-bar",
        ".newsletter-promo",
    ),
    boilerplate_patterns=(
        ("telegram_promo", r"Join ST's Telegram channel and get the latest breaking news delivered to you\.?"),
        ("whatsapp_promo", r"Join ST's WhatsApp Channel and get the latest news and must-reads\.?"),
        ("read_more", r"Read more at straitstimes\.com\.?"),
        ("subscriber_label", r"For subscribers"),
    ),
    paywall_selectors=('span:contains("For subscribers")', ".paywall-box"),
    # One sitemap per month (every section, up to 5,000 URLs); a default run reads this month's and last.
    dated_sitemaps=(f"{_BASE}/sitemap/{{year:04d}}/{{month:02d}}/feeds.xml",),
    dated_sitemap_months=2,
    # Sitemap URLs carry ?ai-allowed=1: the same page as the feed's link.
    ignored_query_params=("ai-allowed",),
)
