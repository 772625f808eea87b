"""人民网 财经 (People's Daily Online, finance.people.com.cn): mainland economy news in Chinese, as data.

Why this source: the Party paper's site republishes People's Daily economy pages and ministry briefings
(NBS, MOF, MOFCOM figures) the day they are announced, in Simplified Chinese; the feed schema has to
carry Chinese titles, 亿元 amounts and 年月日 dates like any English source. It is also the one source
whose pages are served as GBK, which is the point of picking it over a UTF-8 site.

Verified with public code (search corpus, November 2026):
- Article URLs `/n1/<yyyy>/<mmdd>/c<channel>-<id>.html`, finance channel c1004
  (`finance.people.com.cn/n1/2026/0306/c1004-40676058.html`), also c452688; older `/n/` prefix.
- `<meta name="contentid">` equals the URL's id; `<meta name="publishdate" content="2026-10-08">`;
  `<meta name="author">` holds a numeric staff id, not a name; `<meta name="source" content="来源：…">`.
- `<title>` ends with the channel and site: "…--经济·科技--人民网"; the page has `div.rm_txt` >
  `h1`, `div.author`, `div.rm_txt_con` > `div#rm_txt_zw` > `p`; RSSHub removes `.paper_num` and
  `#rwb_tjyd` and reads the time from "2025年02月18日09:30" in the page.
- Encoding: www. pages and (in 2023) finance. articles are GBK ("curl 需按 GBK 解码"); other
  channels have served UTF-8; a crawler falls back to GB18030 on mojibake. Decode by declaration.
- Channel listings `/GB/<n>/index.html` (a public Scrapy spider reads
  `finance.people.com.cn/GB/153179/153180/index.html`); RSS `www.people.com.cn/rss/finance.xml`
  (an older script), `/rss/politics.xml` and `/rss/world.xml` (many current lists).
- Noise a public crawler strips: paragraphs starting 来源, 责编, 编辑, 分享, 扫码, 相关阅读, 原标题,
  版权, 声明, 【纠错】, 上一篇/下一篇, (责任编辑; containers share_con, txt_float, edit_bar, copyright.

*(unverified)*: the charset declaration form (`<meta charset>` vs http-equiv GB2312; the sample uses
`<meta charset="gbk">`), the absence of OpenGraph/JSON-LD, the exact footer wording, the feed's current
state, robots.txt (no public copy found).
"""

from __future__ import annotations

from crawler.sites.profile import SiteProfile

PEOPLEDAILY = SiteProfile(
    name="peopledaily",
    publisher="人民网",
    hosts=("people.com.cn",),
    timezone="Asia/Shanghai",
    language="zh",
    sitemaps=(),
    feeds=("http://www.people.com.cn/rss/finance.xml",),
    article_url_patterns=(r"^/n1?/\d{4}/\d{4}/c\d+-\d+\.html$",),
    non_article_url_patterns=(r"^/(?:GB|rss|img|mediafile)(?:/|$)",),
    article_id_pattern=r"^/n1?/\d{4}/\d{4}/c\d+-(\d+)\.html$",
    drop_selectors=(
        ".rm_txt h1",  # the headline repeated inside the content block
        ".paper_num",
        "#rwb_tjyd",
        ".share_con",
        ".txt_float",
        ".edit_bar",
        ".edit",
        ".copyright",
    ),
    boilerplate_patterns=(
        ("editor_credit", r"[(（]\s*(?:责编|责任编辑|编辑)\s*[:：].{1,60}[)）]"),
        ("source_line", r"(?:来源|原标题)\s*[:：].{1,80}"),
        ("share_prompt", r"(?:分享让更多人看到|扫码.{0,20}|点击.{0,10}分享.{0,20})"),
        ("correction_link", r"【纠错】.{0,40}"),
        ("copyright_footer", r"人民网版权所有[,，]?\s*未经书面授权禁止使用"),
        ("copyright_line", r"Copyright\s*©.{0,60}people\.com\.cn.{0,40}"),
    ),
    # No sitemap is known: a default run also reads the finance channel's listing, one level deep.
    listings=("http://finance.people.com.cn/GB/153179/153180/index.html",),
)
