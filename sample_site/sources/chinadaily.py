"""China Daily's sample site: four invented business stories in its page shape, its RSS feed and sitemap.

Page shape (see crawler/sites/chinadaily.py for what is verified): no JSON-LD, OpenGraph tags, the body
in `div#Content` with photo captions as paragraphs ending "[Photo/...]", a byline line showing only
"Updated:", a "Most popular" column, share icons and the copyright footer. Discovery: `/sitemap.xml`
(articles plus a section page and an offsite entry) and `/rss/bizchina_rss.xml`.
"""

from __future__ import annotations

from datetime import datetime
from html import escape
from pathlib import Path
from typing import Any

from sample_site.sources.common import SourceManifest, paragraphs_html, rfc822, rss, urlset, write

NAME = "chinadaily"
FOOTER = (
    "Copyright 1995 - 2025. All rights reserved. The content (including but not limited to text, photo, "
    "multimedia information, etc) published in this site belongs to China Daily Information Co (CDIC). "
    "Without written authorization from CDIC, such content shall not be republished or used in any form."
)
FOOTER_LINES = (
    FOOTER,
    "Note: Browsers with 1024*768 or higher resolution are suggested for this site.",
    "License for publishing multimedia online 0108263",
    "Registration Number: 130349",
)

ARTICLES: tuple[dict[str, Any], ...] = (
    {
        "id": "WS67b3f1a2a310c240449d5e11", "month": "202502", "day": "18", "section": "Economy",
        "title": "Yangtze River Delta ports post record January throughput as exporters front-load orders",
        "summary": "Container volumes at the region's 16 main ports rose 9.4 percent year-on-year in January.",
        "authors": ["Liu Yiran"], "published": "2025-02-18T07:24:00+08:00",
        "caption": "Gantry cranes load containers onto a cargo ship at a terminal in Ningbo, Zhejiang province, "
                   "on Feb 12, 2025. [Photo/Xinhua]",
        "paragraphs": [
            "Ports in the Yangtze River Delta handled a record 11.6 million twenty-foot equivalent units of "
            "containers in January, up 9.4 percent from a year earlier, as manufacturers rushed shipments "
            "out before the Spring Festival holiday, the regional port association said on Monday.",
            "Ningbo-Zhoushan port alone moved 3.52 million TEUs, while Shanghai's Yangshan terminals reported "
            "their busiest January since the deep-water port opened, the association said in a statement.",
            "\"Exporters of household appliances and auto parts front-loaded orders to beat possible tariff "
            "changes in overseas markets,\" said Gu Wenqiang, a logistics researcher at a Shanghai think tank. "
            "\"We expect volumes to normalise in March and April.\"",
            "Freight rates on the Shanghai-Europe route fell 6 percent over the month to about $3,100 per "
            "forty-foot container, easing cost pressure on smaller exporters, according to shipping data.",
            "Local governments in Zhejiang and Jiangsu plan to invest a combined 48 billion yuan ($6.6 "
            "billion) in automated berths and rail links to the ports by 2027.",
        ],
    },
    {
        "id": "WS67b5a0c4a310c240449d6a27", "month": "202502", "day": "19", "section": "Companies",
        "title": "Hefei battery maker to build 8.5 billion yuan plant in Hungary",
        "summary": "The factory will supply battery packs to European carmakers from 2027.",
        "authors": ["Chen Meiling"], "published": "2025-02-19T09:10:00+08:00",
        "paragraphs": [
            "A battery manufacturer based in Hefei, Anhui province, said on Tuesday it will invest 8.5 billion "
            "yuan ($1.17 billion) in a plant in eastern Hungary, its largest overseas project to date.",
            "The factory, with an annual capacity of 20 gigawatt-hours, is expected to start production in the "
            "first half of 2027 and to employ about 1,800 people, the company said in a filing to the Shenzhen "
            "Stock Exchange.",
            "Chinese battery makers have announced more than 30 billion euros of investment in Europe since "
            "2022, drawn by carmakers' plans to localise supply chains and by subsidies from host governments.",
            "\"Being close to customers cuts logistics costs and shortens delivery times from eight weeks to "
            "a few days,\" said Wang Hao, the company's vice-president for international business.",
            "Analysts said the move would also hedge against trade frictions. Shares of the company rose 3.2 "
            "percent to 41.75 yuan in Shenzhen on Wednesday morning.",
        ],
    },
    {
        "id": "WS67b6e3d9a310c240449d7b40", "month": "202502", "day": "20", "section": "Economy",
        "title": "Hainan free trade port draws 21.3 billion yuan in foreign investment",
        "summary": "Actual use of foreign capital in the island province rose 14 percent last year.",
        "authors": ["Zhao Ning", "Li Wenjun"], "published": "2025-02-20T08:35:00+08:00",
        "paragraphs": [
            "The Hainan free trade port attracted 21.3 billion yuan ($2.93 billion) in actual foreign "
            "investment last year, up 14 percent year-on-year, the provincial commerce department said on "
            "Wednesday.",
            "Newly registered foreign-invested enterprises reached 2,260, with investors from Singapore, "
            "Hong Kong and the United Kingdom among the most active, the department said.",
            "Modern services accounted for nearly 70 percent of the total, led by tourism, logistics and "
            "financial leasing, while manufacturing investment doubled from a low base.",
            "The island is preparing for independent customs operations, under which most imported goods "
            "will enter duty-free. Officials said the preparations remain on schedule for the end of 2025.",
            "\"Clear rules on data, finance and taxation matter more to investors than incentives,\" said "
            "Fang Lei, a professor at Hainan University who studies free trade zones.",
        ],
    },
    {
        "id": "WS67b82b15a310c240449d8c55", "month": "202502", "day": "21", "section": "Economy",
        "title": "Trade-in subsidies extended to mobile phones and smartwatches",
        "summary": "Consumers buying a phone priced under 6,000 yuan can claim 15 percent back.",
        "authors": ["Liu Yiran"], "published": "2025-02-21T10:02:00+08:00",
        "paragraphs": [
            "China will extend its consumer goods trade-in program to mobile phones, tablets and smartwatches, "
            "offering a subsidy of 15 percent of the sale price, capped at 500 yuan per item, the National "
            "Development and Reform Commission said on Thursday.",
            "The subsidy applies to products priced below 6,000 yuan and can be claimed once per category by "
            "each consumer, the commission said, adding that funds would be released in batches.",
            "Sales of home appliances covered by the program rose 28 percent in the fourth quarter, according "
            "to the Ministry of Commerce, which said the trade-ins generated more than 260 billion yuan of "
            "sales last year.",
            "Retailers in Beijing and Chengdu said foot traffic rose sharply after local platforms opened "
            "subsidy applications. \"Customers ask about the subsidy before they ask about the model,\" said a "
            "store manager in Chengdu's Chunxi Road shopping district.",
            "Economists expect the expanded program to add about 0.2 percentage point to retail sales growth "
            "this year.",
        ],
    },
)


def article_path(article: dict[str, Any]) -> str:
    return f"/a/{article['month']}/{article['day']}/{article['id']}.html"


def _updated_line(article: dict[str, Any]) -> str:
    published = datetime.fromisoformat(article["published"])
    return f"By {' and '.join(article['authors'])} | China Daily | Updated: {published:%Y-%m-%d %H:%M}"


def article_page(article: dict[str, Any], url: str, base: str, popular: list[tuple[str, str]]) -> str:
    """One China Daily-shaped article page."""
    caption = article.get("caption")
    figure = (f'<p style="text-align:center"><img src="{base}/img/{article["id"]}.jpeg" alt=""/></p>\n'
              f"<p>{escape(caption)}</p>\n") if caption else ""
    popular_html = "".join(f'<li><a href="{u}">{escape(t)}</a></li>' for u, t in popular)
    footer = "".join(f"<p>{escape(line)}</p>" for line in FOOTER_LINES)
    crumb = f'<a href="{base}/business/economy">{escape(article["section"])}</a>'
    return f"""<!DOCTYPE html>
<html>
<head>
<meta http-equiv="Content-Type" content="text/html; charset=UTF-8"/>
<title>{escape(article['title'])} - Chinadaily.com.cn</title>
<meta name="keywords" content="{escape(article['section'])}, China economy"/>
<meta name="description" content="{escape(article['summary'])}"/>
<meta property="og:title" content="{escape(article['title'])}"/>
<meta property="og:description" content="{escape(article['summary'])}"/>
<meta property="og:url" content="{url}"/>
<meta property="og:image" content="{base}/img/{article['id']}.jpeg"/>
</head>
<body>
<div class="topNav"><a href="{base}/">Home</a> <a href="{base}/china">China</a> <a href="{base}/world">World</a>
<a href="{base}/business">Business</a> <a href="{base}/business/economy">Economy</a></div>
<div class="main_art">
<div class="lft_art" id="lft-art">
<div class="da-bre"><a href="{base}/business">Business</a> / {crumb}</div>
<h1>{escape(article['title'])}</h1>
<div class="info"><span class="info_l">{escape(_updated_line(article))}</span>
<span class="info_r"><a href="#">Share</a> <a href="#">Facebook</a> <a href="#">X</a></span></div>
<div id="Content">
{figure}{paragraphs_html(article['paragraphs'])}
</div>
<div id="div_currpage"></div>
</div>
<div class="mai_r"><div class="mai_r_tit">Most Popular</div><ul>{popular_html}</ul></div>
</div>
<div class="foot">{footer}</div>
</body>
</html>
"""


def section_page(title: str, links: list[tuple[str, str]], base: str) -> str:
    """A channel listing (`/business/economy`): headlines and dates, no article markup."""
    items = "".join(f'<div class="mb10 tw3_01_2"><span class="tw3_01_2_t"><a href="{u}">{escape(t)}</a>'
                    f"<b>2025-02-2{i}</b></span></div>" for i, (u, t) in enumerate(links))
    return (f"<!DOCTYPE html><html><head><meta charset=\"UTF-8\"/><title>{escape(title)} - Chinadaily.com.cn"
            f'</title></head><body><div class="topNav"><a href="{base}/">Home</a></div><h2>{escape(title)}</h2>'
            f"{items}<div class=\"foot\"><p>{escape(FOOTER)}</p></div></body></html>\n")


def build(root: Path, base_url: str) -> SourceManifest:
    """Write China Daily's sample site under `root` for `base_url`; returns what a crawl should find."""
    manifest = SourceManifest(name=NAME, base_url=base_url)
    urls = {a["id"]: f"{base_url}{article_path(a)}" for a in ARTICLES}
    for article in ARTICLES:
        popular = [(urls[o["id"]], o["title"]) for o in ARTICLES if o is not article]
        write(root, article_path(article), article_page(article, urls[article["id"]], base_url, popular))
        manifest.article_ids.append(f"{NAME}:{article['id']}")
    links = [(urls[a["id"]], a["title"]) for a in ARTICLES]
    write(root, "/business/economy", section_page("Economy", links, base_url))
    manifest.non_article_urls = [f"{base_url}/business/economy"]
    manifest.offsite_urls = ["https://offsite.invalid/a/202502/18/WS67b3f1a2a310c240449d0000.html"]
    write(root, "/sitemap.xml", urlset(
        [(urls[a["id"]], a["published"][:10]) for a in ARTICLES]
        + [(u, None) for u in manifest.non_article_urls + manifest.offsite_urls]
    ))
    # The feed repeats three sitemap stories (same ids, so fetched once).
    items = [{"title": a["title"], "link": urls[a["id"]], "description": a["summary"],
              "pubDate": rfc822(datetime.fromisoformat(a["published"]))} for a in ARTICLES[:3]]
    write(root, "/rss/bizchina_rss.xml", rss("China Daily - Business", f"{base_url}/business", items))
    write(root, "/robots.txt", f"User-agent: *\nDisallow: /search\nSitemap: {base_url}/sitemap.xml\n")
    manifest.spider_args = {"sitemaps": f"{base_url}/sitemap.xml", "feeds": f"{base_url}/rss/bizchina_rss.xml"}
    return manifest
