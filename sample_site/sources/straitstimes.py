"""The Straits Times' sample site: four invented business stories, one of them a premium teaser.

Page shape (see crawler/sites/straitstimes.py for what is verified): slug URLs under `/business/`,
JSON-LD NewsArticle, `dcterms.*` metas with "Read more at straitstimes.com." on the description,
"Published Feb 18, 2025, 09:30 PM" lines, the "For subscribers" label and a paywall box on premium
stories, Telegram/WhatsApp promos. Discovery: a sitemap index of monthly sitemaps
(`/sitemap/2025/01/feeds.xml`, `/sitemap/2025/02/feeds.xml`; every section, `?ai-allowed=1` on each
`<loc>`) and the business RSS feed.
"""

from __future__ import annotations

import json
from datetime import datetime
from html import escape
from pathlib import Path
from typing import Any

from sample_site.sources.common import SourceManifest, paragraphs_html, rfc822, rss, sitemap_index, urlset, write

NAME = "straitstimes"
PROMOS = (
    "Join ST's Telegram channel and get the latest breaking news delivered to you.",
    "Join ST's WhatsApp Channel and get the latest news and must-reads.",
)

ARTICLES: tuple[dict[str, Any], ...] = (
    {
        "path": "/business/economy/singapore-key-exports-rise-for-third-straight-month-in-january",
        "title": "Singapore key exports rise for third straight month in January",
        "summary": "Non-oil domestic exports grew 4.1% as shipments of electronics to China and Taiwan climbed.",
        "authors": ["Tan Wei Ling"], "published": "2025-01-28T08:45:00+08:00", "section": "Economy",
        "premium": False,
        "paragraphs": [
            "Singapore's non-oil domestic exports (NODX) rose for a third consecutive month in January, "
            "growing 4.1 per cent year on year to $15.3 billion, data from Enterprise Singapore showed on "
            "Jan 28.",
            "Electronics exports jumped 17.6 per cent, led by integrated circuits and disk media products, "
            "while non-electronics shipments edged up 1.2 per cent on higher sales of specialised machinery.",
            "Exports to China rose 9.8 per cent and those to Taiwan 22 per cent, offsetting a fall in "
            "shipments to the United States and the European Union.",
            "\"Front-loading ahead of possible US tariffs is flattering the numbers,\" said Ong Jia Hui, an "
            "economist at a local bank, who expects growth to slow to 1 to 3 per cent for 2025 as a whole.",
            PROMOS[0],
        ],
    },
    {
        "path": "/business/companies-markets/sgx-listed-logistics-firm-posts-record-half-year-profit",
        "title": "SGX-listed logistics firm posts record half-year profit on China e-commerce volumes",
        "summary": "Net profit rose 31% to $48.2 million; the board declared an interim dividend of 1.5 cents.",
        "authors": ["Marcus Lee"], "published": "2025-02-18T21:30:00+08:00", "section": "Companies & Markets",
        "premium": False,
        "paragraphs": [
            "A Singapore-listed logistics group reported on Feb 18 a record net profit of $48.2 million for "
            "the six months to Dec 31, up 31 per cent, as parcels from Chinese e-commerce platforms filled "
            "its warehouses in Malaysia and Indonesia.",
            "Revenue grew 19 per cent to $612.4 million. The board declared an interim dividend of 1.5 cents "
            "a share, up from 1.2 cents a year earlier.",
            "The group said cross-border e-commerce accounted for 38 per cent of revenue, against 29 per "
            "cent a year ago, and that it would add 120,000 sq m of warehouse space in Johor by 2026.",
            "Its shares closed 2.4 per cent higher at $1.28 before the results were announced.",
            PROMOS[1],
        ],
    },
    {
        "path": "/business/property/private-home-prices-edge-up-in-january-flash-estimates-show",
        "title": "Private home prices edge up in January, flash estimates show",
        "summary": "Prices rose 0.6% from December as new launches drew strong take-up in the Outside Central Region.",
        "authors": ["Aw Jia Min"], "published": "2025-02-19T10:20:00+08:00", "section": "Property",
        "premium": False,
        "paragraphs": [
            "Private home prices in Singapore rose 0.6 per cent in January from December, flash estimates "
            "from the Urban Redevelopment Authority showed on Feb 19, after a 2.3 per cent gain in the "
            "fourth quarter of 2024.",
            "Prices in the Outside Central Region climbed 1.1 per cent, helped by two suburban launches that "
            "sold more than 70 per cent of their units over their launch weekends.",
            "Analysts said the momentum could fade as buyers wait for the first government land sales "
            "results of the year, with around 5,000 private homes due to be launched in the first half.",
            PROMOS[1],
        ],
    },
    {
        "path": "/business/invest/how-retirees-can-build-a-cpf-and-bond-income-ladder-in-2025",
        "title": "How retirees can build a CPF and bond income ladder in 2025",
        "summary": "With rates expected to ease, locking in yields on T-bills and bonds needs a plan.",
        "authors": ["Joyce Teo"], "published": "2025-02-20T06:00:00+08:00", "section": "Invest",
        "premium": True,
        "paragraphs": [
            "Retirees who rolled over Treasury bills at yields above 3.7 per cent last year face lower "
            "returns in 2025 as the US Federal Reserve continues to cut interest rates.",
            "A ladder of bonds and fixed deposits maturing in different years can smooth that income, "
            "financial planners say, but it has to be built around CPF LIFE payouts rather than in place "
            "of them.",
        ],
    },
)
OTHER_SECTION_URL = "/singapore/transport/new-bus-services-to-link-tengah-estate-with-jurong-east"


def _published(article: dict[str, Any]) -> datetime:
    return datetime.fromisoformat(article["published"])


def date_line(value: datetime) -> str:
    """ST's visible format: 'Feb 18, 2025, 09:30 PM'."""
    return f"{value:%b} {value.day}, {value:%Y}, {value:%I:%M %p}"


def _jsonld(article: dict[str, Any], url: str) -> str:
    data = {
        "@context": "https://schema.org", "@type": "NewsArticle", "url": url, "headline": article["title"],
        "description": article["summary"], "datePublished": article["published"],
        "dateModified": article["published"], "articleSection": article["section"],
        "author": [{"@type": "Person", "name": name} for name in article["authors"]],
        "publisher": {"@type": "Organization", "name": "The Straits Times"},
    }
    return json.dumps(data).replace("</", "<\\/")


def article_page(article: dict[str, Any], url: str, base: str, related: list[tuple[str, str]]) -> str:
    """One ST-shaped article page; premium ones show a teaser, the label and a paywall box."""
    label = '<span class="premium-label">For subscribers</span>' if article["premium"] else ""
    paywall = ('<div class="paywall-box"><h3>Unlock this story</h3><p>Subscribe to get unlimited access to '
               'ST\'s premium stories.</p><a href="#">Subscribe now</a></div>') if article["premium"] else ""
    author = article["authors"][0]
    related_html = "".join(f'<li><a href="{u}">{escape(t)}</a></li>' for u, t in related)
    return f"""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8"/>
<title>{escape(article['title'])} | The Straits Times</title>
<meta name="description" content="{escape(article['summary'])}"/>
<meta name="cXenseParse:pageclass" content="article"/>
<meta name="dcterms.title" content="{escape(article['title'])}"/>
<meta name="dcterms.description" content="{escape(article['summary'])} Read more at straitstimes.com."/>
<meta property="og:type" content="article"/>
<meta property="og:site_name" content="The Straits Times"/>
<meta property="og:title" content="{escape(article['title'])}"/>
<meta property="og:description" content="{escape(article['summary'])}"/>
<meta property="og:url" content="{url}"/>
<link rel="canonical" href="{url}"/>
<script type="application/ld+json">{_jsonld(article, url)}</script>
</head>
<body>
<header><nav><a href="{base}/">The Straits Times</a> <a href="{base}/singapore">Singapore</a>
<a href="{base}/business">Business</a> <a href="{base}/business/economy">Economy</a></nav></header>
<main><article>
<div class="breadcrumb"><a href="{base}/business">Business</a></div>
{label}
<h1>{escape(article['title'])}</h1>
<div class="standfirst">{escape(article['summary'])}</div>
<div class="byline"><a href="{base}/authors/{author.lower().replace(' ', '-')}">{escape(author)}</a></div>
<div class="story-postdate"><p>Published {date_line(_published(article))}</p></div>
<div class="share-bar"><a>Facebook</a> <a>Telegram</a> <a>WhatsApp</a></div>
<div class="article-content">
{paragraphs_html(article['paragraphs'])}
</div>
{paywall}
<div class="related-stories"><h3>Read more</h3><ul>{related_html}</ul></div>
</article></main>
<footer><p>Copyright 2025. SPH Media Limited. All rights reserved.</p></footer>
</body>
</html>
"""


def build(root: Path, base_url: str) -> SourceManifest:
    """Write ST's sample site under `root` for `base_url`; returns what a crawl should find."""
    manifest = SourceManifest(name=NAME, base_url=base_url)
    urls = [f"{base_url}{a['path']}" for a in ARTICLES]
    for article, url in zip(ARTICLES, urls, strict=True):
        related = [(u, a["title"]) for a, u in zip(ARTICLES, urls, strict=True) if u != url]
        write(root, article["path"], article_page(article, url, base_url, related))
        article_id = f"{NAME}:{article['path'].rsplit('/', 1)[1]}"
        manifest.article_ids.append(article_id)
        if article["premium"]:
            manifest.paywalled_ids.append(article_id)
    # Monthly sitemaps list every section: other sections, videos and section fronts are skipped.
    manifest.non_article_urls = [f"{base_url}{OTHER_SECTION_URL}",
                                 f"{base_url}/multimedia/videos/how-a-container-port-runs-itself",
                                 f"{base_url}/business/companies-markets"]
    by_month: dict[str, list[tuple[str, str | None]]] = {"01": [], "02": []}
    for article, url in zip(ARTICLES, urls, strict=True):
        by_month[article["published"][5:7]].append((f"{url}?ai-allowed=1", article["published"]))
    by_month["02"] += [(f"{u}?ai-allowed=1", "2025-02-19T08:00:00+08:00") for u in manifest.non_article_urls]
    for month, entries in by_month.items():
        write(root, f"/sitemap/2025/{month}/feeds.xml", urlset(entries))
    write(root, "/sitemap.xml", sitemap_index([f"{base_url}/sitemap/2025/{m}/feeds.xml" for m in by_month]
                                              + [f"{base_url}/sitemap/sections.xml"]))
    write(root, "/sitemap/sections.xml", urlset([(f"{base_url}/business", None), (f"{base_url}/singapore", None)]))
    # The business feed repeats two sitemap stories without the ?ai-allowed=1 parameter.
    items = [{"title": a["title"], "link": u, "description": a["summary"], "pubDate": rfc822(_published(a)),
              "creator": ", ".join(a["authors"])} for a, u in zip(ARTICLES[1:3], urls[1:3], strict=True)]
    write(root, "/news/business/rss.xml", rss("The Straits Times Business News", f"{base_url}/business", items))
    write(root, "/robots.txt", "User-agent: *\nDisallow: /search\nDisallow: /api/\n")
    manifest.spider_args = {"sitemaps": f"{base_url}/sitemap.xml", "feeds": f"{base_url}/news/business/rss.xml"}
    return manifest
