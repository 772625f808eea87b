"""The Standard's sample site: four invented Hong Kong finance stories (one Reuters wire copy).

Page shape (see crawler/sites/thestandard.py for what is verified): a JSON-LD NewsArticle, OpenGraph,
`/finance/article/<id>/<Title-Case-Slug>` URLs, a date line in HKT, a share bar ("Share this:",
WhatsApp, Facebook, X, Email, Link), "Photo:" captions, the app-download promo, "Top News" and
"Most Read" blocks. Discovery: the latest-news RSS feed and a news sitemap (with a section front and
the app page, which are not articles).
"""

from __future__ import annotations

import json
from datetime import datetime
from html import escape
from pathlib import Path
from typing import Any

from sample_site.sources.common import SourceManifest, news_urlset, paragraphs_html, rfc822, rss, write

NAME = "thestandard"
APP_PROMO = "Download The Standard app to get breaking news alerts on your phone."

ARTICLES: tuple[dict[str, Any], ...] = (
    {
        "id": 291406, "section": "finance", "section_name": "Finance",
        "slug": "Hang-Seng-Index-jumps-21pc-as-tech-stocks-extend-rally",
        "title": "Hang Seng Index jumps 2.1pc as tech stocks extend rally",
        "summary": "Turnover on the main board swelled to HK$298.6 billion, the highest in four months.",
        "authors": ["Mandy Cheung"], "published": "2025-02-18T17:05:00+08:00",
        "keywords": ["Hang Seng Index", "tech stocks", "HKEX"],
        "caption": "Photo: Traders at the stock exchange in Central",
        "paragraphs": [
            "Hong Kong stocks climbed for a third straight session on Tuesday, with the Hang Seng Index "
            "closing up 2.1 percent at 22,976 points as investors piled into technology and consumer names.",
            "The Hang Seng Tech Index gained 3.4 percent. Main board turnover rose to HK$298.6 billion, the "
            "highest since mid-October, while southbound trading through the Stock Connect schemes brought a "
            "net inflow of HK$14.2 billion.",
            "\"Money that sat on the sidelines for most of last year is coming back,\" said Raymond Yip "
            "Ka-ho, a strategist at a local brokerage. \"The question is whether earnings in March justify "
            "the move.\"",
            "Property developers lagged the market after two lenders raised their mortgage rates by 0.1 "
            "percentage point, and the Hang Seng Properties Index slipped 0.6 percent.",
            APP_PROMO,
        ],
    },
    {
        "id": 291533, "section": "finance", "section_name": "Finance",
        "slug": "Retail-sales-fall-for-11th-month-as-residents-head-north",
        "title": "Retail sales fall for 11th month as residents head north",
        "summary": "Provisional figures put January's retail sales value at HK$33.1 billion, down 5.3 percent.",
        "authors": ["Wong Tsz-kin"], "published": "2025-02-19T16:40:00+08:00",
        "keywords": ["retail sales", "Census and Statistics Department", "consumption"],
        "paragraphs": [
            "The value of total retail sales in January fell 5.3 percent from a year earlier to HK$33.1 "
            "billion, the 11th monthly decline in a row, according to provisional figures released by the "
            "Census and Statistics Department on Wednesday.",
            "Sales of jewellery, watches and valuable gifts dropped 14.7 percent, while supermarket sales "
            "were down 2.9 percent. Online sales rose 6.2 percent and made up 8.4 percent of the total.",
            "A government spokesman said the timing of the Lunar New Year, which fell in late January this "
            "year, distorted the comparison, and that visitor arrivals had risen 11 percent in the month.",
            "Retailers say the rush of residents to Shenzhen at weekends is the bigger problem. \"Our "
            "Saturday takings are half what they were in 2023,\" said a cosmetics shop owner in Mong Kok.",
            "The Hong Kong Retail Management Association expects first-quarter sales to fall between 3 and "
            "5 percent.",
        ],
    },
    {
        "id": 291618, "section": "finance", "section_name": "Finance",
        "slug": "HKEX-says-more-than-80-firms-in-IPO-pipeline",
        "title": "HKEX says more than 80 firms in IPO pipeline",
        "summary": "Listing applications include several mainland consumer and battery companies seeking A+H listings.",
        "authors": ["Mandy Cheung", "Jasmine Lo"], "published": "2025-02-20T12:15:00+08:00",
        "keywords": ["IPO", "HKEX", "A+H listing"],
        "paragraphs": [
            "More than 80 companies have filed to list in Hong Kong, Hong Kong Exchanges and Clearing said "
            "on Thursday, as mainland firms return to the city after two lean years for new listings.",
            "Eleven of the applicants are already listed in Shanghai or Shenzhen and are seeking a second "
            "listing under the A+H model, which the China Securities Regulatory Commission has encouraged "
            "since last spring.",
            "Funds raised through initial public offerings in the city totalled HK$87.5 billion last year, "
            "up 89 percent, placing Hong Kong fourth among global listing venues.",
            "The bourse operator also said it would consult the market on shortening the settlement cycle "
            "for securities trades to one day after the trade date, with a paper due in the second half.",
        ],
    },
    {
        "id": 291702, "section": "china", "section_name": "China",
        "slug": "China-keeps-benchmark-lending-rates-unchanged-for-fourth-month",
        "title": "China keeps benchmark lending rates unchanged for fourth month",
        "summary": "The one-year loan prime rate stayed at 3.1 percent and the five-year rate at 3.6 percent.",
        "authors": ["Reuters"], "published": "2025-02-20T10:02:00+08:00",
        "keywords": ["loan prime rate", "PBOC", "monetary policy"],
        "paragraphs": [
            "China left its benchmark lending rates unchanged for a fourth straight month on Thursday, "
            "matching market expectations, as a weaker yuan limited the central bank's room to ease policy.",
            "The one-year loan prime rate was kept at 3.1 percent, while the five-year rate, which guides "
            "mortgage pricing, was unchanged at 3.6 percent.",
            "In a survey of 30 market participants, 27 expected no change. Several said a cut to banks' "
            "reserve requirement ratio was more likely than a rate cut before the end of March.",
            "The People's Bank of China has pledged a moderately loose monetary policy this year, but has "
            "also stepped up support for the currency, which is trading near a 16-month low against the "
            "US dollar.",
            "Share this:",
        ],
    },
)


def article_path(article: dict[str, Any]) -> str:
    return f"/{article['section']}/article/{article['id']}/{article['slug']}"


def _jsonld(article: dict[str, Any], url: str, base: str) -> str:
    data = {
        "@context": "https://schema.org", "@type": "NewsArticle", "mainEntityOfPage": url, "url": url,
        "headline": article["title"], "description": article["summary"],
        "datePublished": article["published"], "dateModified": article["published"],
        "author": [{"@type": "Person", "name": name} for name in article["authors"]],
        "publisher": {"@type": "Organization", "name": "The Standard",
                      "logo": {"@type": "ImageObject", "url": f"{base}/images/logo.png"}},
        "articleSection": article["section_name"], "keywords": ", ".join(article["keywords"]),
        "image": [f"https://image.hkstandard.com.hk/f/1200p0/0x0/100/none/{article['id']}.jpg"],
    }
    return json.dumps(data, ensure_ascii=False).replace("</", "<\\/")


def article_page(article: dict[str, Any], url: str, base: str, top: list[tuple[str, str]]) -> str:
    """One Standard-shaped article page."""
    published = datetime.fromisoformat(article["published"])
    caption = article.get("caption")
    figure = (f'<figure><img src="https://image.hkstandard.com.hk/f/1024p0/0x0/100/none/{article["id"]}.jpg"/>'
              f"<figcaption>{escape(caption)}</figcaption></figure>") if caption else ""
    top_html = "".join(f'<li><a href="{u}">{escape(t)}</a></li>' for u, t in top)
    return f"""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8"/>
<title>{escape(article['title'])} | The Standard</title>
<meta name="description" content="{escape(article['summary'])}"/>
<meta property="og:type" content="article"/>
<meta property="og:site_name" content="The Standard"/>
<meta property="og:title" content="{escape(article['title'])}"/>
<meta property="og:description" content="{escape(article['summary'])}"/>
<meta property="og:url" content="{url}"/>
<link rel="canonical" href="{url}"/>
<script type="application/ld+json">{_jsonld(article, url, base)}</script>
</head>
<body>
<header class="site-header"><nav><a href="{base}/">The Standard</a> <a href="{base}/hong-kong">Hong Kong</a>
<a href="{base}/finance">Finance</a> <a href="{base}/china">China</a> <a href="{base}/search">Search</a></nav></header>
<main>
<article class="article-detail">
<div class="breadcrumb"><a href="{base}/{article['section']}">{escape(article['section_name'])}</a></div>
<h1>{escape(article['title'])}</h1>
<div class="byline">{escape(', '.join(article['authors']))}</div>
<div class="date">{published:%d %b %Y %I:%M %p} HKT</div>
<div class="share-bar"><span>Share this:</span> <a>WhatsApp</a> <a>Facebook</a> <a>X</a> <a>Email</a> <a>Link</a></div>
{figure}
<div class="article-body">
{paragraphs_html(article['paragraphs'])}
</div>
<div class="app-download"><p>Download The Standard app</p><a href="{base}/appdownload">{base}/appdownload</a></div>
<section class="top-news"><h2>Top News</h2><ul>{top_html}</ul></section>
</article>
<aside class="most-read"><h2>Most Read</h2><ul>{top_html}</ul></aside>
</main>
<footer><p>Copyright &copy; 2025 The Standard. All rights reserved.</p></footer>
</body>
</html>
"""


def section_page(title: str, links: list[tuple[str, str]], base: str) -> str:
    """A section front (`/finance`): headlines only, no article markup."""
    items = "".join(f'<li><a href="{u}">{escape(t)}</a></li>' for u, t in links)
    return (f'<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"/><title>{escape(title)} | The Standard'
            f'</title></head><body><header><a href="{base}/">The Standard</a></header><h1>{escape(title)}</h1>'
            f"<ul>{items}</ul><footer>Copyright &copy; 2025 The Standard</footer></body></html>\n")


def build(root: Path, base_url: str) -> SourceManifest:
    """Write The Standard's sample site under `root` for `base_url`; returns what a crawl should find."""
    manifest = SourceManifest(name=NAME, base_url=base_url)
    urls = {a["id"]: f"{base_url}{article_path(a)}" for a in ARTICLES}
    links = [(urls[a["id"]], a["title"]) for a in ARTICLES]
    for article in ARTICLES:
        top = [link for link in links if link[0] != urls[article["id"]]]
        write(root, article_path(article), article_page(article, urls[article["id"]], base_url, top))
        manifest.article_ids.append(f"{NAME}:{article['id']}")
    write(root, "/finance", section_page("Finance", links, base_url))
    write(root, "/appdownload", section_page("Download The Standard app", [], base_url))
    manifest.non_article_urls = [f"{base_url}/finance", f"{base_url}/appdownload"]
    entries = [(urls[a["id"]], a["published"], a["title"], ", ".join(a["keywords"])) for a in ARTICLES]
    entries += [(u, "2025-02-20T00:00:00+08:00", "Finance", "") for u in manifest.non_article_urls]
    write(root, "/sitemap.xml", news_urlset(entries, "The Standard", "en"))
    items = [{"title": a["title"], "link": urls[a["id"]], "description": a["summary"],
              "pubDate": rfc822(datetime.fromisoformat(a["published"]))} for a in ARTICLES]
    write(root, "/newsfeed/latest/news.xml", rss("The Standard - Latest News", base_url, items))
    write(root, "/robots.txt", "User-agent: *\nDisallow: /search\n")
    manifest.spider_args = {"sitemaps": f"{base_url}/sitemap.xml", "feeds": f"{base_url}/newsfeed/latest/news.xml"}
    return manifest
