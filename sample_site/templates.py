"""Page shapes of the sample site: an SCMP-like Next.js article page and a WordPress republisher post.

The markup imitates what ../shared/notes/scmp.md records of the real pages (meta tags, JSON-LD,
`__NEXT_DATA__`, date lines, ad slots, trust label, listening widget, related links, promos) and of
an auto-blogging WordPress theme (Yoast `@graph`, "Source link", comment form).
"""

from __future__ import annotations

import json
from datetime import datetime
from html import escape
from typing import Any

SCMP_PROMO = (
    "Do you have questions about the biggest topics and trends from around the world? Get the answers with "
    "SCMP Knowledge, our new platform of curated content with explainers, FAQs, analyses and infographics "
    "brought to you by our award-winning team."
)
SYNDICATION_FOOTER = (
    "This article originally appeared in the South China Morning Post (SCMP), the most authoritative voice "
    "reporting on China and Asia for more than a century. For more SCMP stories, please explore the SCMP app "
    "or visit the SCMP's Facebook and Twitter pages. Copyright © {year} South China Morning Post Publishers "
    "Ltd. All rights reserved."
)
COPYRIGHT_LINE = "Copyright (c) {year}. South China Morning Post Publishers Ltd. All rights reserved."

_SECTION_NAMES = {
    "economy": "Economy", "business": "Business", "tech": "Tech", "news": "News", "week-asia": "This Week in Asia",
}


def script_json(data: Any) -> str:
    """JSON safe inside a <script> element."""
    return json.dumps(data, ensure_ascii=False).replace("</", "<\\/")


def date_line(value: datetime) -> str:
    """SCMP's visible time format: '11:59am, 11 Jul 2025' (Hong Kong time)."""
    hour = value.hour % 12 or 12
    return f"{hour}:{value.minute:02d}{'am' if value.hour < 12 else 'pm'}, {value.day} {value:%b %Y}"


def _nav(base: str) -> str:
    links = "".join(
        f'<li><a href="{base}/{path}">{escape(label)}</a></li>'
        for path, label in (("economy", "Economy"), ("business", "Business"), ("tech", "Tech"),
                            ("topics/china-economy", "China economy"), ("live", "Live"))
    )
    return f'<header data-qa="Header"><nav><ul>{links}</ul></nav></header>'


def _next_data(article: dict[str, Any], url: str) -> dict[str, Any]:
    body = [{"type": "p", "children": [{"type": "text", "data": p}]} for p in article["paragraphs"]]
    body.insert(min(3, len(body)), {"type": "inline-ad-slot", "children": []})
    return {
        "props": {"pageProps": {"payload": {"data": {"article": {
            "entityId": str(article["id"]),
            "headline": article["title"],
            "summary": article["summary"],
            "urlAlias": url,
            "authors": [{"name": name} for name in article["authors"]],
            "publishedDate": int(article["_published"].timestamp() * 1000),
            "updatedDate": int((article["_updated"] or article["_published"]).timestamp() * 1000),
            "sections": [{"name": _SECTION_NAMES.get(article["section"].split("/")[0], "News")}],
            "topics": [{"name": t} for t in article.get("topics", [])],
            "keywords": article["keywords"],
            "paywallTypes": ["plus"] if article["paywalled"] else [],
            "sponsorType": None,
            "body": {"json": body},
        }}}}},
        "page": "/article",
        "buildId": "sample",
    }


def scmp_article_page(article: dict[str, Any], url: str, base: str, related: list[tuple[str, str]]) -> str:
    """One SCMP-shaped article page."""
    published, updated = article["_published"], article["_updated"]
    section = _SECTION_NAMES.get(article["section"].split("/")[0], "News")
    jsonld = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": article["title"],
        "description": article["summary"],
        "url": url,
        "mainEntityOfPage": {"@type": "WebPage", "@id": url},
        "datePublished": published.isoformat(),
        "dateModified": (updated or published).isoformat(),
        "author": [{"@type": "Person", "name": name} for name in article["authors"]],
        "publisher": {"@type": "Organization", "name": "South China Morning Post"},
        "articleSection": section,
        "keywords": ", ".join(article["keywords"]),
        "isAccessibleForFree": not article["paywalled"],
    }
    paragraphs = [f"<p>{escape(p)}</p>" for p in article["paragraphs"]]
    paragraphs.insert(min(3, len(paragraphs)),
                      '<div data-qa="InlineAdSlot-Container" class="advert">Advertisement</div>')
    if not article["paywalled"] and len(article["paragraphs"]) > 5:
        paragraphs.insert(5, f'<p data-qa="InlineWidget">{escape(SCMP_PROMO)}</p>')
    if article["paywalled"]:
        paragraphs.append(
            '<div class="piano-metering__paywall-container" data-qa="Paywall-Container">'
            "<p>SCMP+ subscribers only. Unlock this story and more with a subscription.</p></div>"
        )
    dates = f'<span data-qa="Published">Published: {date_line(published)}</span>'
    if updated:
        dates += f' <span data-qa="Updated">Updated: {date_line(updated)}</span>'
    related_html = "".join(f'<li><a href="{href}">{escape(title)}</a></li>' for href, title in related)
    return f"""<!DOCTYPE html>
<html lang="en" data-qa="Document-Html">
<head>
<meta charset="utf-8">
<title>{escape(article["title"])} | South China Morning Post</title>
<meta name="description" content="{escape(article["summary"])}">
<meta property="og:title" content="{escape(article["title"])}">
<meta property="og:description" content="{escape(article["summary"])}">
<meta property="og:url" content="{url}">
<meta property="og:type" content="article">
<meta property="og:site_name" content="South China Morning Post">
<meta name="news_keywords" content="{escape(", ".join(article["keywords"]))}">
<meta property="article:published_time" content="{published.isoformat()}">
<link rel="canonical" href="{url}">
<script type="application/ld+json">{script_json(jsonld)}</script>
</head>
<body>
{_nav(base)}
<main>
<article data-qa="GenericArticle-Container">
<div class="trust-label" data-qa="ArticleTrustLabel-Container">Why you can trust SCMP</div>
<h1 data-qa="ContentHeadline-Headline">{escape(article["title"])}</h1>
<h2 data-qa="GenericArticle-Summary">{escape(article["summary"])}</h2>
<div data-qa="ArticleDateLine">{dates}</div>
<div data-qa="ArticleAuthors">{escape(", ".join(article["authors"]))}</div>
<div class="listening-widget" data-qa="ListeningWidget"><span>Select Voice</span><span>Choose your listening speed</span><span>Get through articles 2-3x faster</span><span>220 WPM</span><span>Slow</span><span>Normal</span><span>Fast</span></div>
<section data-qa="GenericArticle-Body" class="article-body">
{chr(10).join(paragraphs)}
</section>
<div class="related-article" data-qa="GenericArticle-MoreOnThis"><h3>More on this</h3><ul>{related_html}</ul></div>
<div data-qa="GenericArticle-Topic" class="follow-topic">{"".join(f"<a href='{base}/topics/china-economy'>{escape(t)}</a>" for t in article.get("topics", []))}</div>
</article>
</main>
<footer><p>Copyright © {published.year} South China Morning Post Publishers Ltd. All rights reserved.</p></footer>
<script id="__NEXT_DATA__" type="application/json">{script_json(_next_data(article, url))}</script>
</body>
</html>
"""


def blog_post_page(article: dict[str, Any], url: str, original_url: str, blog_base: str, posted: datetime) -> str:
    """A WordPress auto-blog copy of an SCMP article, with its real boilerplate."""
    year = article["_published"].year
    graph = {
        "@context": "https://schema.org",
        "@graph": [
            {"@type": "WebPage", "@id": url, "url": url, "name": article["title"]},
            {"@type": "Article", "@id": f"{url}#article", "headline": article["title"],
             "datePublished": posted.isoformat(), "author": {"@type": "Person", "name": "admin"},
             "publisher": {"@id": f"{blog_base}/#organization"}, "articleSection": ["Asian Currency"]},
            {"@type": "Organization", "@id": f"{blog_base}/#organization", "name": "Asian Currency Watch"},
        ],
    }
    paragraphs = [f"<p>{escape(p)}</p>" for p in article["paragraphs"]]
    if len(paragraphs) > 3:
        paragraphs.insert(3, f"<p>{escape(SCMP_PROMO)}</p>")
    paragraphs.append(f"<p>{escape(SYNDICATION_FOOTER.format(year=year))}</p>")
    paragraphs.append(f"<p>{escape(COPYRIGHT_LINE.format(year=year))}</p>")
    return f"""<!DOCTYPE html>
<html lang="en-US">
<head>
<meta charset="UTF-8">
<title>{escape(article["title"])} – Asian Currency Watch</title>
<meta property="og:type" content="article">
<meta property="og:title" content="{escape(article["title"])}">
<meta property="og:url" content="{url}">
<meta property="og:site_name" content="Asian Currency Watch">
<meta property="article:published_time" content="{posted.isoformat()}">
<meta name="author" content="admin">
<link rel="canonical" href="{url}">
<script type="application/ld+json" class="yoast-schema-graph">{script_json(graph)}</script>
</head>
<body class="post-template-default single single-post">
<div id="page" class="site">
<header id="masthead"><p class="site-title"><a href="{blog_base}/blog/">Asian Currency Watch</a></p>
<nav><a href="{blog_base}/blog/category/asian-currency/">Asian Currency</a> <a href="{blog_base}/blog/about/">About</a></nav></header>
<main id="main" class="site-main">
<article class="post type-post status-publish format-standard hentry category-asian-currency">
<header class="entry-header"><span class="cat-links"><a href="{blog_base}/blog/category/asian-currency/" rel="category tag">Asian Currency</a></span>
<h1 class="entry-title">{escape(article["title"])}</h1>
<div class="entry-meta"><span class="posted-on"><time class="entry-date published" datetime="{posted.isoformat()}">{posted:%B %d, %Y}</time></span> <span class="byline">by <span class="author vcard">admin</span></span></div>
</header>
<div class="entry-content">
{chr(10).join(paragraphs)}
<p><a href="{original_url}">Source link </a></p>
</div>
<footer class="entry-footer"><div class="sharedaddy sd-sharing-enabled"><h3 class="sd-title">Share this:</h3><ul><li><a class="share-twitter" href="#">Twitter</a></li><li><a class="share-facebook" href="#">Facebook</a></li></ul></div></footer>
</article>
<div id="comments" class="comments-area">
<div id="respond" class="comment-respond">
<h3 id="reply-title" class="comment-reply-title">Leave a Response <small><a rel="nofollow" id="cancel-comment-reply-link" href="#respond" style="display:none;">Cancel reply</a></small></h3>
<form action="{blog_base}/wp-comments-post.php" method="post" id="commentform" class="comment-form"><p class="comment-notes"><span id="email-notes">Your email address will not be published.</span> Required fields are marked <span class="required">*</span></p>
<p class="comment-form-comment"><label for="comment">Comment</label> <textarea id="comment" name="comment"></textarea></p>
<p class="form-submit"><input name="submit" type="submit" id="submit" class="submit" value="Post Comment"></p></form>
</div></div>
</main>
<footer id="colophon"><div class="site-info">Back to top button</div></footer>
</div>
</body>
</html>
"""


def listing_page(title: str, links: list[tuple[str, str]], base: str) -> str:
    """A section, topic or category page: a list of links and no article body."""
    items = "".join(f'<li><a href="{href}">{escape(text)}</a></li>' for href, text in links)
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>{escape(title)}</title>
<meta property="og:type" content="website"></head>
<body>{_nav(base)}<main><h1>{escape(title)}</h1><ul>{items}</ul></main></body></html>
"""
