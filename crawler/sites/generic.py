"""The profile for any site: no URL rules, the page itself decides whether it is an article."""

from __future__ import annotations

from crawler.sites.profile import SiteProfile

GENERIC = SiteProfile(
    name="generic",
    # Not articles on any site: feeds, media, taxonomy and account pages.
    non_article_url_patterns=(
        r"\.(?:jpe?g|png|gif|webp|svg|pdf|zip|mp[34]|css|js|xml|json)(?:\?|$)",
        r"^/(?:tag|tags|category|author|topics?|search|login|wp-admin|wp-login\.php|feed)(?:/|$)",
        r"/feed/?$",
    ),
    # Page furniture of common CMSs (WordPress core and popular plugins), removed on every site
    # before body extraction: comment forms, share and related-post widgets, author boxes.
    drop_selectors=(
        "#respond", ".comment-respond", "#comments", ".comments-area", ".sharedaddy", ".sd-sharing-enabled",
        ".jp-relatedposts", ".yarpp-related", ".related-posts", ".crp_related", ".addtoany_share_save_container",
        ".a2a_kit", ".social-share", ".share-buttons", ".author-box", ".saboxplugin-wrap", ".post-navigation",
        ".newsletter-signup", "#jp-post-flair",
    ),
)
