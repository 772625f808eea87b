"""The benchmark's local news site: N SCMP-shaped article pages, news sitemaps and an RSS feed.

Each page is what a real news page weighs: a head full of meta tags, inline CSS and scripts, one
JSON-LD `NewsArticle`, a mega-menu, breadcrumbs, the article (headline, standfirst, date line,
listening widget, ad slots, promos, 900-2,400 words of generated economic-news prose with money
amounts and dates in it), related and trending lists with images, a newsletter box, a long footer
and a `__NEXT_DATA__` payload carrying the body again. Text is generated from sentence templates,
seeded by the page number, so every page differs and every build is identical.

The mix (by page index, out of 20): 11 standard stories (10-30 paragraphs), 4 short briefs (2-4
paragraphs), 2 long features (45-70 paragraphs), 2 Chinese pages served in GBK, 1 page of
statistics tables between its paragraphs.

Discovery: `/n<N>/sitemap.xml` (an index) points at `/n<N>/sitemap_news_<k>.xml` news sitemaps of at
most 1,000 URLs each (Google's limit), so one build serves every N up to its size; `/n<N>/feed.xml`
is an RSS feed of the newest 100 stories (also in the sitemaps: the crawls read both).
"""

from __future__ import annotations

import json
import random
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta, timezone
from html import escape
from pathlib import Path

NEWS_NS = "http://www.google.com/schemas/sitemap-news/0.9"
FIRST_ID = 3_400_000
HONG_KONG = timezone(timedelta(hours=8))
SECTIONS = (
    ("economy/china-economy", "China Economy"), ("economy/global-economy", "Global Economy"),
    ("economy/economic-indicators", "Economic Indicators"), ("business/banking-finance", "Banking & Finance"),
    ("business/companies", "Companies"), ("tech/big-tech", "Big Tech"), ("tech/policy", "Tech Policy"),
    ("news/hong-kong/hong-kong-economy", "Hong Kong Economy"), ("week-asia/economics", "Economics"),
)
_PLACES = ("Shenzhen", "Guangzhou", "Hong Kong", "Shanghai", "Beijing", "Singapore", "Hangzhou", "Chengdu",
           "Wuhan", "Macau", "Jakarta", "Hanoi", "Tokyo", "Seoul", "Taipei", "Kuala Lumpur")
_ORGS = ("the central bank", "the statistics bureau", "the Ministry of Commerce", "the city government",
         "the Hong Kong Monetary Authority", "the state planning agency", "the port operator",
         "the chip maker", "the property developer", "the securities regulator", "the customs agency",
         "the finance ministry", "the electric-vehicle maker", "the state-owned lender")
_METRICS = ("exports", "retail sales", "industrial output", "fixed-asset investment", "net profit",
            "revenue", "new home prices", "container throughput", "foreign direct investment",
            "consumer prices", "bank lending", "factory activity", "tourist arrivals", "bond issuance")
_MOVES = ("rose", "fell", "climbed", "slipped", "jumped", "dropped", "edged up", "contracted")
_WHEN = ("on Tuesday", "on Monday", "last week", "last month", "in the first quarter", "in the third quarter",
         "in March", "in the first half", "earlier this year", "last year", "on Friday", "in 2025",
         "since January", "in the year to June", "on 15 July", "by the end of next year")
_PEOPLE = ("Li Wei", "Chen Jing", "Ivy Song", "Mark Tan", "Zhang Ming", "Sarah Lau", "Wong Kar-man",
           "Daniel Ho", "Priya Nair", "Kenji Sato", "Park Ji-woo", "Nguyen Thu")
_ROLES = ("chief economist at", "an analyst with", "a strategist at", "head of research at",
          "a senior fellow at", "a partner at")
_FIRMS = ("Nomura", "HSBC", "Goldman Sachs", "DBS", "Capital Economics", "Natixis", "UBS", "Morgan Stanley",
          "ING", "Standard Chartered", "Fitch Ratings", "Moody's Analytics")
_CURRENCIES = ("HK${n} billion", "US${n} billion", "{n} billion yuan (US${u} billion)", "US${n} million",
               "{n} trillion yuan", "S${n} billion", "HK${n} million", "{n} billion yuan")
_TEMPLATES = (
    # Sentences with a date or an amount (about a third of an article, as in real economic news) ...
    "{place}'s {metric} {move} {pct} per cent {when} to {amount}, {org} said.",
    "{Org} said {when} that {metric} {move} {pct} per cent, beating forecasts.",
    "{person}, {role} {firm}, expects {metric} to grow {pct} per cent {when}.",
    "The figures follow a {amount} stimulus package announced by {org}.",
    "{Org} plans to invest {amount} in {place}, according to a filing.",
    "Shares of {firm} {move} {pct} per cent in {place} trading {when}.",
    # ... and sentences with neither.
    "\u201cThe numbers show {a} {b},\u201d said {person}, {role} {firm}.",
    "Analysts polled by Reuters had expected a smaller change in {metric}.",
    "The {metric} data adds to signs that {a} {b}.",
    "{Org} kept its policy stance unchanged, as widely expected.",
    "{person}, {role} {firm}, said the outlook for {metric} {b}.",
    "Officials have pledged more support for {a}, but investors remain cautious.",
    "Investors will watch the next round of {metric} figures for signs that {a} {b}.",
    "{Org} did not respond to a request for comment.",
    "The move is part of a broader push by {org} to shore up {a} in {place}.",
    "Economists say {a} {b}, and that {metric} will be the figure to watch.",
    "\u201cWe are cautiously optimistic,\u201d {person}, {role} {firm}, told the Post.",
    "Local businesses in {place} said demand {b}, pointing to weaker {metric}.",
)
_A = ("the recovery", "domestic demand", "the property slump", "the trade truce", "consumer confidence",
      "the manufacturing sector", "the yuan", "deflationary pressure", "credit growth")
_B = ("remains uneven", "is gathering pace", "has yet to bottom out", "is losing momentum",
      "is stabilising", "will need more policy support", "is weaker than it looks", "has turned a corner")
_CSS_RULES = ("display:flex", "margin:0 auto", "padding:8px 16px", "font-size:14px", "line-height:1.5",
              "color:#222", "background:#fafafa", "border-bottom:1px solid #e5e5e5", "position:relative",
              "grid-template-columns:repeat(4,1fr)", "font-family:Roboto,Arial,sans-serif", "z-index:10")


# Chinese economic-news sentences (the GBK pages), with amounts, per cent figures and dates.
_ZH_PLACES = ("深圳", "广州", "上海", "北京", "杭州", "成都", "武汉", "广东", "浙江", "江苏")
_ZH_METRICS = ("出口", "社会消费品零售总额", "规模以上工业增加值", "固定资产投资", "居民消费价格", "进口",
               "实际使用外资", "一般公共预算收入", "地区生产总值")
_ZH_TEMPLATES = (
    "{place}{metric}同比增长{pct}%，达到{n}亿元，{org}表示。",
    "据{org}数据，{when}{place}{metric}同比下降{pct}%。",
    "{when}，{place}{metric}累计完成{n}亿元，比上年同期增长{pct}%。",
    "{org}预计，{place}全年{metric}增速将保持在{pct}%左右。",
    "分析人士认为，{place}经济复苏仍面临压力，需要更多政策支持。",
    "{org}表示，将继续加大对实体经济的支持力度，稳定市场预期。",
    "业内人士指出，{metric}数据显示内需有所改善，但外部环境依然复杂。",
)
_ZH_WHEN = ("今年前三季度", "1-10月", "上半年", "2025年", "10月份", "第三季度", "去年同期", "今年以来")
_ZH_ORGS = ("国家统计局", "海关总署", "省统计局", "市发展改革委", "中国人民银行", "商务部")

# Page kinds by index (out of 20): standard stories, briefs, long features, Chinese GBK pages, pages
# with many tables; every build gives each index the same kind.
KINDS = ("standard",) * 11 + ("brief",) * 4 + ("feature",) * 2 + ("zh_gbk",) * 2 + ("tables",)


def kind_of(index: int) -> str:
    return KINDS[index % len(KINDS)]


def _zh_sentence(rng: random.Random) -> str:
    return rng.choice(_ZH_TEMPLATES).format(
        place=rng.choice(_ZH_PLACES), metric=rng.choice(_ZH_METRICS), pct=round(rng.uniform(0.1, 19.9), 1),
        n=round(rng.uniform(12, 9500), 1), org=rng.choice(_ZH_ORGS), when=rng.choice(_ZH_WHEN))


def _table(rng: random.Random) -> str:
    """A statistics table: a region or metric per row, four quarters or months of figures."""
    cols = rng.choice((["Q1", "Q2", "Q3", "Q4"], ["Jul", "Aug", "Sep", "Oct"]))
    rows = "".join(f"<tr><th>{escape(rng.choice(_PLACES))} {escape(rng.choice(_METRICS))}</th>"
                   + "".join(f"<td>{round(rng.uniform(-9.9, 19.9), 1)}%</td>" for _ in cols) + "</tr>"
                   for _ in range(rng.randint(6, 14)))
    return (f'<table class="data-table"><caption>{escape(_sentence(rng))}</caption><thead><tr><th>Indicator</th>'
            + "".join(f"<th>{c}</th>" for c in cols) + f"</tr></thead><tbody>{rows}</tbody></table>")


def _amount(rng: random.Random) -> str:
    n = round(rng.uniform(1.2, 950), 1)
    return rng.choice(_CURRENCIES).format(n=n, u=round(n / 7.1, 1))


def _sentence(rng: random.Random) -> str:
    org = rng.choice(_ORGS)
    return rng.choice(_TEMPLATES).format(
        place=rng.choice(_PLACES), metric=rng.choice(_METRICS), move=rng.choice(_MOVES),
        pct=round(rng.uniform(0.1, 19.9), 1), when=rng.choice(_WHEN), amount=_amount(rng), org=org,
        Org=org[0].upper() + org[1:], person=rng.choice(_PEOPLE), role=rng.choice(_ROLES),
        firm=rng.choice(_FIRMS), a=rng.choice(_A), b=rng.choice(_B), years=rng.randint(2, 10),
        rate=round(rng.uniform(1, 6), 2),
    )


def _paragraphs(rng: random.Random, kind: str = "standard") -> list[str]:
    count = {"brief": (2, 4), "feature": (45, 70)}.get(kind, (10, 30))
    sentence = _zh_sentence if kind == "zh_gbk" else _sentence
    return [("" if kind == "zh_gbk" else " ").join(sentence(rng) for _ in range(rng.randint(2, 5)))
            for _ in range(rng.randint(*count))]


def _title(rng: random.Random) -> str:
    return (f"{rng.choice(_PLACES)} {rng.choice(_METRICS)} {rng.choice(_MOVES)} {round(rng.uniform(0.5, 15), 1)}"
            f" per cent as {rng.choice(_A)} {rng.choice(_B)}")


def _script_json(data: object) -> str:
    return json.dumps(data, ensure_ascii=False).replace("</", "<\\/")


def _slug(title: str) -> str:
    return "-".join("".join(c for c in word.lower() if c.isalnum()) for word in title.split()[:9])


@dataclass(frozen=True)
class Story:
    """What sitemaps, related lists and the page itself say about one article."""

    id: int
    title: str
    section: str
    section_name: str
    url: str
    published: datetime
    keywords: list[str]
    authors: list[str]


class BenchSite:
    """The pages of one benchmark site: page `i` (0-based) has id `FIRST_ID + i`."""

    def __init__(self, base_url: str, pages: int, seed: int = 7) -> None:
        self.base_url = base_url.rstrip("/")
        self.pages = pages
        self.seed = seed
        self.start = datetime(2026, 11, 28, 23, 0, tzinfo=UTC)

    def _rng(self, index: int) -> random.Random:
        return random.Random(self.seed * 1_000_003 + index)

    def meta(self, index: int) -> Story:
        """URL, title, date and keywords of page `index` (cheap: used by sitemaps and related lists)."""
        rng = self._rng(index)
        section, section_name = SECTIONS[index % len(SECTIONS)]
        title = _title(rng)
        article_id = FIRST_ID + index
        url = f"{self.base_url}/{section}/article/{article_id}/{_slug(title)}"
        if kind_of(index) == "zh_gbk":  # a Chinese headline (the URL keeps an ASCII slug)
            zh = self._rng(index + 20_000_000)
            title = (f"{zh.choice(_ZH_PLACES)}{zh.choice(_ZH_WHEN)}{zh.choice(_ZH_METRICS)}同比增长"
                     f"{round(zh.uniform(0.5, 15), 1)}%")
        return Story(
            id=article_id, title=title, section=section, section_name=section_name,
            url=url,
            published=(self.start - timedelta(minutes=7 * index)).astimezone(HONG_KONG),
            keywords=[rng.choice(_METRICS), rng.choice(_PLACES), section_name],
            authors=rng.sample(_PEOPLE, rng.randint(1, 2)),
        )

    def page(self, index: int) -> str:
        """The HTML of page `index`."""
        meta = self.meta(index)
        kind = kind_of(index)
        rng = self._rng(index + 10_000_000)
        paragraphs = _paragraphs(rng, kind)
        summary = _zh_sentence(rng) if kind == "zh_gbk" else _sentence(rng)
        url, title, published = meta.url, meta.title, meta.published
        updated = published + timedelta(minutes=rng.randint(5, 300))
        related = [self.meta((index + k) % max(self.pages, 1)) for k in range(1, rng.randint(8, 14))]
        trending = [self.meta((index * 7 + k) % max(self.pages, 1)) for k in range(rng.randint(8, 14))]
        jsonld = {
            "@context": "https://schema.org", "@type": "NewsArticle", "headline": title, "description": summary,
            "url": url, "mainEntityOfPage": {"@type": "WebPage", "@id": url},
            "datePublished": published.isoformat(), "dateModified": updated.isoformat(),
            "author": [{"@type": "Person", "name": a} for a in meta.authors],
            "publisher": {"@type": "Organization", "name": "South China Morning Post",
                          "logo": {"@type": "ImageObject", "url": f"{self.base_url}/logo.png"}},
            "articleSection": meta.section_name, "keywords": ", ".join(meta.keywords),
            "isAccessibleForFree": True,
            "image": [{"@type": "ImageObject", "url": f"{self.base_url}/img/{meta.id}-{w}.jpg", "width": w}
                      for w in (640, 1280, 1920)],
        }
        breadcrumbs = {"@context": "https://schema.org", "@type": "BreadcrumbList", "itemListElement": [
            {"@type": "ListItem", "position": i + 1, "name": part, "item": f"{self.base_url}/{part}"}
            for i, part in enumerate(meta.section.split("/"))]}
        # Next.js/emotion markup: every paragraph sits in two styled wrappers.
        body = [f'<div class="css-{rng.getrandbits(24):06x} e1{k % 9}"><div class="css-{rng.getrandbits(24):06x}">'
                f'<p class="css-{rng.getrandbits(24):06x}">{escape(p)}</p></div></div>'
                for k, p in enumerate(paragraphs)]
        if kind == "tables":
            for position in range(len(body) - 1, 0, -3):
                body.insert(position, _table(rng))
        for position in range(3, len(body), 6):
            body.insert(position, '<div data-qa="InlineAdSlot-Container" class="advert"><div class="ad-label">'
                                  f'Advertisement</div><div id="div-gpt-ad-{position}" class="gpt-slot"></div></div>')
        body.insert(min(8, len(body)), '<p data-qa="InlineWidget" class="promo">Do you have questions about the '
                    "biggest topics and trends from around the world? Get the answers with SCMP Knowledge, our new "
                    "platform of curated content with explainers, FAQs, analyses and infographics brought to you "
                    "by our award-winning team.</p>")
        figure = (f'<figure class="article-image"><img src="{self.base_url}/img/{meta.id}-1280.jpg" '
                  f'alt="{escape(title)}" width="1280" height="720" loading="lazy"><figcaption>'
                  f"{escape(_sentence(rng))} Photo: Reuters</figcaption></figure>")
        next_data = {"props": {"pageProps": {"payload": {"data": {"article": {
            "entityId": str(meta.id), "headline": title, "summary": summary, "urlAlias": url,
            "authors": [{"name": a, "entityId": str(rng.randint(10**5, 10**6))} for a in meta.authors],
            "publishedDate": int(published.timestamp() * 1000), "updatedDate": int(updated.timestamp() * 1000),
            "sections": [{"name": meta.section_name}], "keywords": meta.keywords, "paywallTypes": [],
            "body": {"json": [{"type": "p", "children": [{"type": "text", "data": p}]} for p in paragraphs]},
            "relatedArticles": [{"headline": r.title, "urlAlias": r.url, "summary": _sentence(rng),
                                 "image": f"{self.base_url}/img/{r.id}-640.jpg"} for r in related],
        }}}, "menu": self._menu_data(rng)}}, "page": "/article", "buildId": f"b{self.seed}"}
        size_pad = rng.randint(0, 44)  # inline script bulk varies by page, as on real sites
        return "".join((
            f'<!DOCTYPE html>\n<html lang="{"zh-CN" if kind == "zh_gbk" else "en"}" data-qa="Document-Html">\n'
            f'<head>\n<meta charset="{"gbk" if kind == "zh_gbk" else "utf-8"}">\n',
            f"<title>{escape(title)} | South China Morning Post</title>\n",
            '<meta name="viewport" content="width=device-width, initial-scale=1">\n',
            f'<meta name="description" content="{escape(summary)}">\n',
            f'<meta property="og:title" content="{escape(title)}">\n',
            f'<meta property="og:description" content="{escape(summary)}">\n',
            f'<meta property="og:url" content="{url}">\n<meta property="og:type" content="article">\n',
            '<meta property="og:site_name" content="South China Morning Post">\n',
            f'<meta property="og:image" content="{self.base_url}/img/{meta.id}-1280.jpg">\n',
            '<meta name="twitter:card" content="summary_large_image">\n',
            f'<meta name="news_keywords" content="{escape(", ".join(meta.keywords))}">\n',
            f'<meta property="article:published_time" content="{published.isoformat()}">\n',
            f'<meta property="article:modified_time" content="{updated.isoformat()}">\n',
            f'<meta property="article:section" content="{escape(meta.section_name)}">\n',
            f'<link rel="canonical" href="{url}">\n',
            "".join(f'<link rel="preload" as="script" href="{self.base_url}/_next/static/chunks/'
                    f'{rng.randint(10**8, 10**9)}.js">\n' for _ in range(14)),
            f"<style>{self._css(rng)}</style>\n",
            f'<script type="application/ld+json">{_script_json(jsonld)}</script>\n',
            f'<script type="application/ld+json">{_script_json(breadcrumbs)}</script>\n',
            f"<script>{self._js(rng, 1 + size_pad)}</script>\n</head>\n<body>\n",
            self._header(rng),
            '<main id="main"><div class="layout">\n<nav class="breadcrumbs" data-qa="Breadcrumbs">',
            "".join(f'<a href="{self.base_url}/{p}">{escape(p.title())}</a> / ' for p in meta.section.split("/")),
            '</nav>\n<article data-qa="GenericArticle-Container">\n',
            '<div class="trust-label" data-qa="ArticleTrustLabel-Container">Why you can trust SCMP</div>\n',
            f'<h1 data-qa="ContentHeadline-Headline">{escape(title)}</h1>\n',
            f'<h2 data-qa="GenericArticle-Summary">{escape(summary)}</h2>\n',
            f'<div data-qa="ArticleDateLine"><span data-qa="Published">Published: {published:%I:%M%p, %d %b %Y}'
            f'</span> <span data-qa="Updated">Updated: {updated:%I:%M%p, %d %b %Y}</span></div>\n',
            '<div data-qa="ArticleAuthors">',
            "".join(f'<a href="{self.base_url}/author/{_slug(a)}">{escape(a)}</a>' for a in meta.authors),
            "</div>\n",
            '<div class="listening-widget" data-qa="ListeningWidget"><span>Select Voice</span><span>Choose your '
            "listening speed</span><span>Get through articles 2-3x faster</span><span>220 WPM</span><span>Slow"
            "</span><span>Normal</span><span>Fast</span></div>\n",
            '<div class="share-widget">', "".join(f'<a class="share-{s}" href="#">{s}</a>' for s in
                                                  ("facebook", "twitter", "linkedin", "whatsapp", "email")), "</div>\n",
            figure, '\n<section data-qa="GenericArticle-Body" class="article-body">\n', "\n".join(body),
            "\n</section>\n",
            '<div class="related-article" data-qa="GenericArticle-MoreOnThis"><h3>More on this</h3><ul>',
            "".join(f'<li><a href="{r.url}"><img src="{self.base_url}/img/{r.id}-320.jpg" alt="">'
                    f'{escape(r.title)}</a><span class="time">{rng.randint(1, 23)} hours ago</span></li>'
                    for r in related),
            "</ul></div>\n",
            '<div data-qa="GenericArticle-Topic" class="follow-topic">',
            "".join(f'<a href="{self.base_url}/topics/{_slug(str(k))}">{escape(str(k))}</a>' for k in meta.keywords),
            '</div>\n<div data-qa="GenericArticle-Comment" class="comments"><button>Join the conversation</button>'
            "</div>\n</article>\n",
            '<aside class="sidebar"><section class="trending"><h3>Trending</h3><ol>',
            "".join(f'<li><div class="card"><div class="thumb"><a href="{t.url}"><picture><source srcset="'
                    f'{self.base_url}/img/{t.id}-320.webp"><img src="{self.base_url}/img/{t.id}-320.jpg" alt="">'
                    f'</picture></a></div><div class="body"><a href="{t.url}"><span class="headline">'
                    f'{escape(t.title)}</span></a><p class="summary">{escape(_sentence(rng))}</p><div class="meta">'
                    f'<span class="section">{escape(t.section_name)}</span><time>{rng.randint(1, 23)}h</time>'
                    "</div></div></div></li>" for t in trending),
            '</ol></section><div class="scmp-advert-tile" data-qa="AdSlot-Container">Advertisement</div>',
            '<section class="newsletter"><h3>SCMP Global Impact Newsletter</h3><p>Sign up now for the most '
            "important stories of the week.</p><form><input type=\"email\" placeholder=\"Email\"><button>Sign up"
            "</button></form></section></aside>\n</div></main>\n",
            self._footer(rng),
            f'<script id="__NEXT_DATA__" type="application/json">{_script_json(next_data)}</script>\n',
            f"<script>{self._js(rng, 1 + size_pad // 4)}</script>\n</body>\n</html>\n",
        ))

    def page_bytes(self, index: int) -> bytes:
        """The page as served: GBK for the Chinese pages (their `<meta charset>` says so), else UTF-8."""
        html = self.page(index)
        return html.encode("gbk", errors="xmlcharrefreplace") if kind_of(index) == "zh_gbk" else html.encode()

    def _menu_data(self, rng: random.Random) -> list[dict[str, object]]:
        return [{"name": name, "url": f"{self.base_url}/{path}", "children": [
            {"name": f"{name} {k}", "url": f"{self.base_url}/{path}/{k}"} for k in range(rng.randint(3, 6))]}
            for path, name in SECTIONS]

    def _header(self, rng: random.Random) -> str:
        columns = "".join(
            f'<li class="menu-section"><a href="{self.base_url}/{path}">{escape(name)}</a><ul class="sub">'
            + "".join(f'<li class="css-{k}"><div class="item"><a href="{self.base_url}/{path}/topic-{k}"><span>'
                      f'{escape(name)}</span> <span>topic {k}</span></a></div></li>' for k in range(rng.randint(6, 11)))
            + "</ul></li>"
            for path, name in SECTIONS + SECTIONS[:2])
        return (f'<header data-qa="Header" class="header"><div class="logo"><a href="{self.base_url}/">SCMP</a>'
                '</div><nav class="mega-menu"><ul>' + columns + "</ul></nav><div class=\"header-actions\">"
                "<a href=\"#\">Subscribe</a><a href=\"#\">Sign in</a><button>Search</button></div></header>\n")

    def _footer(self, rng: random.Random) -> str:
        groups = "".join(
            f'<div class="footer-col"><h4>{escape(name)}</h4><ul>'
            + "".join(f'<li><div class="link"><a href="{self.base_url}/{path}/more-{k}"><span>More {escape(name)} {k}'
                      '</span></a></div></li>' for k in range(rng.randint(5, 9)))
            + "</ul></div>"
            for path, name in SECTIONS)
        return ('<footer class="footer"><div class="footer-grid">' + groups + "</div><p>Copyright \u00a9 2026 South "
                "China Morning Post Publishers Ltd. All rights reserved.</p><p>SCMP+ subscribers get unlimited "
                "access.</p></footer>\n")

    def _css(self, rng: random.Random) -> str:
        return "".join(f".c{rng.randint(0, 99999)}-{k}{{{';'.join(rng.sample(_CSS_RULES, 4))}}}"
                       for k in range(rng.randint(40, 90)))

    def _js(self, rng: random.Random, kilobytes: int) -> str:
        parts, size = [], 0
        while size < kilobytes * 1024:
            chunk = (f"(self.__next_f=self.__next_f||[]).push([1,\"{rng.getrandbits(128):032x}:"
                     f"I[{rng.randint(1000, 99999)},[\\\"static/chunks/{rng.getrandbits(64):016x}.js\\\"],"
                     f"\\\"{rng.choice(_METRICS)}\\\"]\\n\"]);")
            parts.append(chunk)
            size += len(chunk)
        return "".join(parts)

    # --- discovery documents -------------------------------------------------------------------

    def news_sitemap(self, indexes: range) -> str:
        rows = []
        for i in indexes:
            m = self.meta(i)
            rows.append(
                f"<url><loc>{escape(m.url)}</loc><news:news><news:publication><news:name>South China "
                "Morning Post</news:name><news:language>en</news:language></news:publication>"
                f"<news:publication_date>{m.published.isoformat()}</news:publication_date>"
                f"<news:title>{escape(m.title)}</news:title>"
                f"<news:keywords>{escape(', '.join(m.keywords))}</news:keywords></news:news></url>\n")
        return (f'<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" '
                f'xmlns:news="{NEWS_NS}">\n{"".join(rows)}</urlset>\n')

    def sitemap_index(self, n: int) -> str:
        entries = "".join(f"<sitemap><loc>{self.base_url}/n{n}/sitemap_news_{k}.xml</loc></sitemap>"
                          for k in range((n + 999) // 1000))
        return ('<?xml version="1.0" encoding="UTF-8"?>\n<sitemapindex xmlns="http://www.sitemaps.org/schemas/'
                f'sitemap/0.9">{entries}</sitemapindex>\n')

    def rss_feed(self, n: int, items: int = 100) -> str:
        """An RSS 2.0 feed of the newest `items` stories of the first `n` (all in the sitemaps too)."""
        entries = []
        for i in range(min(n, items)):
            m = self.meta(i)
            entries.append(f"<item><title>{escape(m.title)}</title><link>{escape(m.url)}</link>"
                           f"<guid isPermaLink=\"true\">{escape(m.url)}</guid>"
                           f"<pubDate>{m.published.strftime('%a, %d %b %Y %H:%M:%S %z')}</pubDate></item>\n")
        return ('<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0"><channel><title>South China Morning '
                f'Post - Economy</title><link>{self.base_url}/economy</link><description>Economy news</description>\n'
                f'{"".join(entries)}</channel></rss>\n')

    def feed_url(self, n: int) -> str:
        return f"{self.base_url}/n{n}/feed.xml"

    def index_url(self, n: int) -> str:
        return f"{self.base_url}/n{n}/sitemap.xml"

    def path_of(self, index: int) -> str:
        return self.meta(index).url[len(self.base_url):]


def write_pages(root: Path, base_url: str, pages: int, start: int, stop: int) -> int:
    """Write pages `start`..`stop - 1` of a `pages`-page site under `root`; returns their total bytes."""
    site = BenchSite(base_url, pages)
    total = 0
    for index in range(start, stop):
        target = root / site.path_of(index).lstrip("/") / "index.html"
        target.parent.mkdir(parents=True, exist_ok=True)
        html = site.page_bytes(index)
        target.write_bytes(html)
        total += len(html)
    return total


def write_discovery(root: Path, base_url: str, pages: int, sizes: list[int]) -> None:
    """`robots.txt` and, for each N in `sizes`, `/n<N>/sitemap.xml` and its news sitemaps."""
    site = BenchSite(base_url, pages)
    for n in sizes:
        folder = root / f"n{n}"
        folder.mkdir(parents=True, exist_ok=True)
        (folder / "sitemap.xml").write_text(site.sitemap_index(n), encoding="utf-8")
        for k in range((n + 999) // 1000):
            chunk = range(k * 1000, min(n, (k + 1) * 1000))
            (folder / f"sitemap_news_{k}.xml").write_text(site.news_sitemap(chunk), encoding="utf-8")
        (folder / "feed.xml").write_text(site.rss_feed(n), encoding="utf-8")
    (root / "robots.txt").write_text("User-agent: *\nDisallow: /print/\n", encoding="utf-8")
