"""What the hostile test site serves: good SCMP-shaped articles, one page or body per fault, and their paths.

Data and pure builders only (invented text); `faultserver.py` decides which request gets what. The
tests import this module as `fs` for paths, expected titles and ids, and page bytes.
"""

from __future__ import annotations

import gzip
import json
from dataclasses import dataclass
from functools import cache
from html import escape

# --- The good articles --------------------------------------------------------------------------


@dataclass(frozen=True)
class FakeArticle:
    """One invented article; `path` is SCMP-shaped: /economy/article/<id>/<slug>."""

    id: int
    slug: str
    title: str
    summary: str
    paragraphs: tuple[str, ...]
    published: str = "2026-11-27T09:30:00+08:00"
    language: str = "en"

    @property
    def path(self) -> str:
        return f"/economy/article/{self.id}/{self.slug}"

    @property
    def item_id(self) -> str:
        return f"scmp:{self.id}"


GOOD_ARTICLES: tuple[FakeArticle, ...] = (
    FakeArticle(
        1001, "harbour-freight-volumes-climb-for-third-month",
        "Harbour freight volumes climb for a third month as transshipment demand firms",
        "Terminal operators credit rerouted Southeast Asian cargo for the steady gains.",
        (
            "Container throughput at the harbour rose for a third straight month in October, with terminal "
            "operators reporting that transshipment boxes bound for Southeast Asia made up most of the gain.",
            "The port authority's monthly bulletin showed volumes up 4.2 per cent from September, although the "
            "total remained below the level recorded in the same month two years earlier.",
            "Shipping agents said carriers had added two weekly loops calling at the western terminals, "
            "shortening dwell times for cargo moving between Vietnamese and Japanese ports.",
            "Logistics analysts cautioned that the recovery was narrow, driven by a handful of lines, and could "
            "reverse quickly if freight rates on the Pacific routes softened over the winter.",
        ),
    ),
    FakeArticle(
        1002, "provincial-bond-sale-draws-strong-bids-from-local-banks",
        "Provincial bond sale draws strong bids from local banks despite thin margins",
        "The 30 billion yuan special-purpose issue was covered almost three times.",
        (
            "A coastal province sold 30 billion yuan of special-purpose bonds on Wednesday, drawing bids worth "
            "nearly three times the amount on offer, mostly from city commercial banks.",
            "Traders said the coupon of 2.31 per cent left little room above comparable central government "
            "paper, but lenders short of loan demand were keen to park deposits in safe assets.",
            "Proceeds are earmarked for water treatment works, an inland rail spur and the upgrade of three "
            "industrial parks that have struggled to fill vacant factory space.",
            "Credit researchers noted that the province's debt service ratio had edged higher this year and "
            "said future issues might need a wider spread to attract buyers beyond its own banks.",
        ),
    ),
    FakeArticle(
        1003, "small-exporters-turn-to-yuan-invoicing-to-cut-currency-costs",
        "Small exporters turn to yuan invoicing to cut currency hedging costs",
        "A survey of 600 manufacturers finds one in four now bills some overseas buyers in yuan.",
        (
            "One in four small manufacturers in the Pearl River Delta now invoices at least part of its overseas "
            "sales in yuan, according to a survey released by an industry association on Tuesday.",
            "Owners said hedging dollar receipts had become expensive for firms with thin margins, and that "
            "buyers in the Middle East and Central Asia were increasingly willing to pay in yuan.",
            "The association found that toy, furniture and small-appliance makers were the most active, while "
            "electronics suppliers tied to American brands still billed almost entirely in dollars.",
            "Bankers said cross-border settlement platforms had cut the paperwork needed for yuan payments, "
            "but warned that buyers would expect discounts to compensate for their own currency risk.",
        ),
    ),
    FakeArticle(
        1004, "office-rents-slip-as-new-towers-open-in-kowloon-east",
        "Office rents slip again as new towers open across Kowloon East",
        "Landlords offer longer rent-free periods to fill space in the district's latest buildings.",
        (
            "Grade A office rents in Kowloon East fell 1.8 per cent in the third quarter as two new towers "
            "added more than a million square feet of space to the district.",
            "Leasing agents said landlords were offering rent-free periods of up to nine months on five-year "
            "leases, and some were paying for tenants' fit-out work to close deals.",
            "Demand came mainly from insurers and logistics firms consolidating back-office teams, while "
            "financial companies continued to favour the older core business district across the harbour.",
            "Valuers expect vacancy in the area to stay above 20 per cent until at least the end of next year, "
            "when the pipeline of completions finally begins to thin out.",
        ),
    ),
    FakeArticle(
        1005, "tea-growers-bet-on-e-commerce-as-wholesale-prices-sag",
        "Tea growers bet on livestreamed sales as wholesale prices sag",
        "Co-operatives in the hills of Fujian are selling directly to urban buyers online.",
        (
            "Tea co-operatives in the hills of northern Fujian are selling a growing share of their autumn "
            "harvest through livestreamed auctions, bypassing wholesalers whose prices have slipped.",
            "Growers said a good evening stream could move several hundred kilograms of oolong at prices a "
            "third higher than those offered at the county's traditional trading hall.",
            "Local officials have funded training for younger farmers to run the broadcasts, and a courier "
            "company opened a sorting depot in the township this spring to shorten delivery times.",
            "Older growers remain sceptical, arguing that the online boom favours a few charismatic sellers "
            "and that returns, complaints and platform fees eat into the apparent price premium.",
        ),
    ),
)


def fault_article(article_id: int, slug: str, title: str, topic: str) -> FakeArticle:
    """A good article served behind a fault (retry, timeout, redirect); its text is its own."""
    return FakeArticle(
        article_id, slug, title, f"A report on {topic}.",
        (
            f"This report on {topic} was published after the regional statistics office released its latest "
            f"monthly figures, number {article_id}, which economists had been waiting for.",
            f"Analysts following {topic} said the numbers were broadly in line with forecasts, though revisions "
            f"to earlier months made the trend harder to read than usual for release {article_id}.",
            f"Officials responsible for {topic} declined to comment on the revisions, saying a fuller "
            f"explanation would accompany the quarterly review scheduled for next month.",
            f"Market reaction to the {topic} data was muted, with traders focused instead on the central "
            f"bank's liquidity operations ahead of the end of the month.",
        ),
    )


# --- Fault endpoints ----------------------------------------------------------------------------
# Good articles behind a recoverable fault: each must be captured exactly once.
RETRY_AFTER_SECONDS = fault_article(9001, "factory-orders-rebound-after-outage",
                                     "Factory orders rebound after a power outage", "factory orders")
RETRY_AFTER_DATE = fault_article(9002, "retail-sales-beat-forecasts",
                                  "Retail sales beat forecasts in the run-up to the holidays", "retail sales")
SLOW_ONCE = fault_article(9004, "housing-starts-steady", "Housing starts hold steady in October", "housing starts")
REDIRECTED_SLUG = fault_article(9007, "new-slug-for-port-tariff-story",
                                 "Port tariff review moves to consultation stage", "port tariffs")
ROBOTS_FORBIDDEN_ARTICLE = fault_article(9100, "members-only-briefing", "Members-only briefing",
                                         "a page robots.txt forbids")
CALENDAR_ARTICLE = fault_article(9900, "calendar-listed-trade-briefing",
                                  "Trade briefing listed only on the calendar page", "trade briefings")

RETRY_AFTER_SECONDS_VALUE = 2          # `Retry-After: 2` on the first hit
RETRY_AFTER_DATE_AHEAD = 3             # `Retry-After: <HTTP-date now + 3 s>` on the first hit
SLOW_SECONDS = 6.0                     # longer than the test's DOWNLOAD_TIMEOUT=2
BOMB_INFLATED_BYTES = 256 * 1024 * 1024  # > DOWNLOAD_MAXSIZE (10 MiB); the gzip body is ~270 kB

SLOW_FOREVER_PATH = "/economy/article/9003/stalled-wage-survey"
GZIP_BOMB_PATH = "/economy/article/9005/compressed-trade-tables"
OFFSITE_REDIRECT_PATH = "/economy/article/9006/story-moved-elsewhere"
OFFSITE_HOST = "offsite.invalid"
OFFSITE_TARGET = f"http://{OFFSITE_HOST}/economy/article/9006/story-moved-elsewhere"
OLD_SLUG_PATH = "/economy/article/9007/old-slug-for-port-tariff-story"
LOOP_A_PATH = "/economy/article/9008/loop-a"
LOOP_B_PATH = "/economy/article/9008/loop-b"
RETRY_AFTER_TOO_LONG_PATH = "/economy/article/9010/maintenance-window"
ALWAYS_500_PATH = "/economy/article/9011/broken-backend"
ROBOTS_FORBIDDEN_PATH = ROBOTS_FORBIDDEN_ARTICLE.path
PDF_PATH = "/economy/article/9200/annual-report"
PNG_PATH = "/economy/article/9201/chart-of-the-day"
JSON_PATH = "/economy/article/9202/data-feed"
BLOCK_PAGE_PATH = "/economy/article/9300/checking-your-browser"
BLOCK_IN_TEMPLATE_PATH = "/economy/article/9301/bot-wall-in-template"
GBK_META_ONLY_PATH = "/economy/article/9400/gbk-meta-only"
BIG5_WRONG_HEADER_PATH = "/economy/article/9401/big5-wrong-header"
GBK_LATIN1_HEADER_PATH = "/economy/article/9402/gbk-latin1-header"
TRUNCATED_PATH = "/economy/article/9500/truncated-page"

# Listings and traps given to the spider as `-a urls=...`.
CALENDAR_PREFIX = "/economy/calendar/"
CALENDAR_START = "/economy/calendar/2026/11/28"
REDIRECT_CHAIN_PREFIX = "/economy/redirect-chain/"
REDIRECT_CYCLE_A = "/economy/redirect-cycle/a"
REDIRECT_CYCLE_B = "/economy/redirect-cycle/b"
MOVED_OFFSITE_LISTING = "/economy/moved-offsite"
TRAP_PREFIX = "/sitemap_news_trap/"
TRAP_FANOUT = 3
SITEMAP_BOMB_PATH = "/sitemap_news_bomb.xml.gz"

# Chinese pages: (title, paragraphs). 镕 is in GBK but not GB2312; 嘅 is in Big5-HKSCS only.
GBK_TITLE = "镕达科技季度营收增长百分之十二 华南工厂订单回暖"
GBK_PARAGRAPHS = (
    "镕达科技周三公布第三季度业绩，营收同比增长百分之十二，主要受惠于华南地区工厂订单回暖以及海外客户补库存的需求。",
    "公司管理层表示，东莞和佛山两个生产基地的开工率已经恢复到百分之八十五以上，但原材料价格波动仍然压缩了毛利率。",
    "分析人士认为，该公司在新能源汽车零部件领域的布局开始见效，不过明年的增长仍取决于出口市场能否保持稳定。",
    "公司同时宣布将在明年上半年投资五亿元人民币，扩建一条自动化生产线，预计可以新增约三百个就业岗位。",
)
BIG5_TITLE = "港商嘅出口訂單連續三個月回升 物流業界審慎樂觀"
BIG5_PARAGRAPHS = (
    "本港廠商會最新調查顯示，會員企業嘅出口訂單已經連續三個月回升，其中以電子零件同埋玩具業嘅表現最好。",
    "物流業界人士表示，貨櫃碼頭嘅吞吐量雖然有所改善，但運費仍然波動，中小企業對明年嘅前景保持審慎樂觀。",
    "有經濟學者指出，區內供應鏈重組為本港帶來轉口貿易嘅新機會，不過企業亦要面對人手短缺同埋成本上升嘅問題。",
    "廠商會建議政府延長中小企業融資擔保計劃，並加快推動跨境數據流通，協助企業開拓東南亞同中東市場。",
)
GBK_LATIN1_TITLE = "深圳跨境电商出口额创新高 中小卖家加快布局东南亚市场"
GBK_LATIN1_PARAGRAPHS = (
    "深圳海关最新数据显示，今年前十个月跨境电商出口额再创新高，其中对东南亚市场的出口增速明显快于欧美市场。",
    "不少中小卖家表示，欧美平台的广告费用和物流成本持续上升，促使他们把更多资源投向印尼、越南和泰国等新兴市场。",
    "业内人士指出，海外仓建设和本地化售后服务已经成为竞争的关键，单纯依靠低价策略的卖家生存空间正在缩小。",
    "有关部门表示，将继续优化跨境电商综合试验区的通关流程，并支持企业在重点市场建设公共海外仓。",
)

BLOCK_PAGE_HTML = """<!DOCTYPE html>
<html lang="en-US"><head><title>Just a moment...</title>
<meta http-equiv="refresh" content="360"><meta name="robots" content="noindex,nofollow"></head>
<body><div class="main-wrapper"><h1>127.0.0.1</h1>
<h2>Checking if the site connection is secure</h2>
<noscript><div>Enable JavaScript and cookies to continue</div></noscript>
<p>127.0.0.1 needs to review the security of your connection before proceeding.</p>
<div class="footer">Ray ID: 8f1e2d3c4b5a6978 &middot; Performance &amp; security by Cloudflare</div>
</div></body></html>
"""


def _jsonld(article: FakeArticle, url: str) -> str:
    data = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": article.title,
        "description": article.summary,
        "url": url,
        "datePublished": article.published,
        "inLanguage": article.language,
        "author": [{"@type": "Person", "name": "Lee Wing-yan"}],
        "publisher": {"@type": "Organization", "name": "South China Morning Post"},
        "articleSection": "Economy",
    }
    return json.dumps(data, ensure_ascii=False).replace("</", "<\\/")


def article_html(article: FakeArticle, base: str, *, meta_charset: str | None = "utf-8") -> str:
    """A small SCMP-like article page: meta tags, JSON-LD NewsArticle, headline, paragraphs."""
    url = base + article.path
    charset = ""
    if meta_charset:
        charset = f'<meta http-equiv="Content-Type" content="text/html; charset={meta_charset}">'
    body = "\n".join(f"<p>{escape(p)}</p>" for p in article.paragraphs)
    return f"""<!DOCTYPE html>
<html lang="{article.language}"><head>{charset}
<title>{escape(article.title)} | South China Morning Post</title>
<meta property="og:title" content="{escape(article.title)}">
<meta property="og:type" content="article">
<meta property="og:url" content="{url}">
<link rel="canonical" href="{url}">
<script type="application/ld+json">{_jsonld(article, url)}</script>
</head><body>
<header><nav><a href="{base}/economy">Economy</a> <a href="{base}/business">Business</a></nav></header>
<main><article>
<h1>{escape(article.title)}</h1>
<div class="byline">Lee Wing-yan</div>
<section class="article-body">
{body}
</section>
</article></main>
<footer><a href="{base}/about">About us</a></footer>
</body></html>
"""


CHINESE_ARTICLES: dict[str, FakeArticle] = {
    GBK_META_ONLY_PATH: FakeArticle(9400, "gbk-meta-only", GBK_TITLE, GBK_PARAGRAPHS[0], GBK_PARAGRAPHS,
                                    language="zh-CN"),
    BIG5_WRONG_HEADER_PATH: FakeArticle(9401, "big5-wrong-header", BIG5_TITLE, BIG5_PARAGRAPHS[0],
                                        BIG5_PARAGRAPHS, language="zh-HK"),
    GBK_LATIN1_HEADER_PATH: FakeArticle(9402, "gbk-latin1-header", GBK_LATIN1_TITLE, GBK_LATIN1_PARAGRAPHS[0],
                                        GBK_LATIN1_PARAGRAPHS, language="zh-CN"),
}
# path -> (bytes encoding, Content-Type header, charset declared in a meta tag)
CHINESE_ENCODINGS: dict[str, tuple[str, str, str | None]] = {
    GBK_META_ONLY_PATH: ("gbk", "text/html", "gb2312"),
    BIG5_WRONG_HEADER_PATH: ("big5hkscs", "text/html; charset=utf-8", "big5"),
    GBK_LATIN1_HEADER_PATH: ("gbk", "text/html; charset=iso-8859-1", None),
}


def chinese_page_bytes(path: str, base: str) -> bytes:
    """The encoded body of one of the mis-declared Chinese pages (also used by the decode tests)."""
    encoding, _, meta = CHINESE_ENCODINGS[path]
    return article_html(CHINESE_ARTICLES[path], base, meta_charset=meta).encode(encoding)


def block_in_template_html(base: str) -> str:
    """A bot wall injected into the site's article template: article metadata, no article."""
    article = FakeArticle(9301, "bot-wall-in-template", "Exporters brace for a slower first quarter", "", ())
    url = base + article.path
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<title>Access to this page has been denied</title>
<meta property="og:title" content="{escape(article.title)}">
<meta property="og:type" content="article">
<script type="application/ld+json">{_jsonld(article, url)}</script>
</head><body><main><article><section class="article-body">
<h1>Access to this page has been denied</h1>
<p>Access to this page has been denied because we believe you are using automation tools to browse the
website.</p>
<p>Press &amp; Hold to confirm you are a human (and not a bot).</p>
<p>Reference ID 5c3e9a10-4b7d-11ef-a0c2-7f2d1e6b8a90</p>
</section></article></main></body></html>
"""


def truncated_html(base: str) -> bytes:
    """A good page cut off mid-tag inside its fourth paragraph (no closing tags at all)."""
    article = fault_article(9500, "truncated-page", "Shipping insurers raise premiums on longer routes",
                             "marine insurance")
    page = article_html(article, base)
    cut = page.index(article.paragraphs[3][:40]) + 40
    return (page[:cut] + '<a hre').encode("utf-8")


@cache
def gzip_bomb(size: int = BOMB_INFLATED_BYTES, *, prefix: bytes = b"<html><body><p>",
              suffix: bytes = b"</p></body></html>") -> bytes:
    """A small gzip body that inflates to about `size` bytes (mostly spaces).

    Built from one compressed MiB repeated as gzip members (a gzip stream may hold several, and every
    gzip reader concatenates them), so a 256 MiB bomb costs nothing to make.
    """
    chunk = 1 << 20
    member = gzip.compress(b" " * chunk, compresslevel=9, mtime=0)
    count = max(1, size // chunk)
    return (gzip.compress(prefix, mtime=0) + member * count + gzip.compress(suffix, mtime=0))


def sitemap_bomb() -> bytes:
    return gzip_bomb(prefix=b'<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">',
                     suffix=b"</urlset>")


# Article paths listed in the news sitemap, in order (the 503 first: its wait overlaps the others).
SITEMAP_PATHS: tuple[str, ...] = (
    RETRY_AFTER_SECONDS.path,
    *(a.path for a in GOOD_ARTICLES),
    RETRY_AFTER_DATE.path, SLOW_FOREVER_PATH, SLOW_ONCE.path, GZIP_BOMB_PATH, OFFSITE_REDIRECT_PATH,
    OLD_SLUG_PATH, LOOP_A_PATH, RETRY_AFTER_TOO_LONG_PATH, ALWAYS_500_PATH, ROBOTS_FORBIDDEN_PATH,
    PDF_PATH, PNG_PATH, JSON_PATH, BLOCK_PAGE_PATH, BLOCK_IN_TEMPLATE_PATH,
    GBK_META_ONLY_PATH, BIG5_WRONG_HEADER_PATH, GBK_LATIN1_HEADER_PATH, TRUNCATED_PATH,
)

# Item ids a correct crawl writes, each exactly once (9007 only once redirects keep their article).
CAPTURED_IDS: frozenset[str] = frozenset(
    [a.item_id for a in GOOD_ARTICLES]
    + [a.item_id for a in (RETRY_AFTER_SECONDS, RETRY_AFTER_DATE, SLOW_ONCE, CALENDAR_ARTICLE)]
    + ["scmp:9400", "scmp:9401", "scmp:9402", "scmp:9500"]
)
REDIRECTED_ID = REDIRECTED_SLUG.item_id
NEVER_CAPTURED_IDS: frozenset[str] = frozenset(
    f"scmp:{i}" for i in (9003, 9005, 9006, 9008, 9010, 9011, 9100, 9200, 9201, 9202, 9300)
)
# Carries article metadata around a bot wall: kept out only once block pages are detected.
BLOCKED_IN_TEMPLATE_ID = "scmp:9301"

ROBOTS_TXT = f"""User-agent: *
Disallow: {ROBOTS_FORBIDDEN_PATH.rsplit('/', 1)[0]}/
Disallow: /admin/
"""

PDF_BODY = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"
PNG_BODY = bytes.fromhex("89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c489") + b"\x00" * 64


def sitemap_index_xml(locs: list[str]) -> bytes:
    entries = "".join(f"<sitemap><loc>{escape(loc)}</loc></sitemap>" for loc in locs)
    return (f'<?xml version="1.0" encoding="UTF-8"?>'
            f'<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{entries}</sitemapindex>').encode()


def urlset_xml(locs: list[str]) -> bytes:
    entries = "".join(
        f"<url><loc>{escape(loc)}</loc><news:news><news:publication>"
        f"<news:name>South China Morning Post</news:name><news:language>en</news:language></news:publication>"
        f"<news:publication_date>2026-11-27T09:30:00+08:00</news:publication_date></news:news></url>"
        for loc in locs
    )
    return (f'<?xml version="1.0" encoding="UTF-8"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" '
            f'xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">{entries}</urlset>').encode()


def calendar_page(base: str, path: str) -> str:
    """An endless calendar: previous/next day and page 2 (never followed), plus article links."""
    day = path[len(CALENDAR_PREFIX):].split("?")[0]
    year, month, date = (int(x) for x in day.split("/")[:3])
    links = [
        (f"{base}{CALENDAR_PREFIX}{year}/{month}/{date - 1}", "Previous day"),
        (f"{base}{CALENDAR_PREFIX}{year}/{month}/{date + 1}", "Next day"),
        (f"{base}{CALENDAR_PREFIX}{year}/{month}/{date}?page=2", "More stories"),
        (base + CALENDAR_ARTICLE.path, CALENDAR_ARTICLE.title),
        (base + GOOD_ARTICLES[0].path + "?utm_source=calendar", GOOD_ARTICLES[0].title),
    ]
    items = "".join(f'<li><a href="{href}">{escape(text)}</a></li>' for href, text in links)
    return (f"<!DOCTYPE html><html><head><title>Economy calendar {day}</title></head>"
            f"<body><ul>{items}</ul></body></html>")
