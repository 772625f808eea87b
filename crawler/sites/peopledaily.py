"""人民网 财经 (People's Daily Online, finance.people.com.cn): mainland economy news in Chinese, as data.

What public code confirmed about the site, and what is unverified: docs/sources.md.
"""

from __future__ import annotations

from crawler.sites.profile import SiteProfile

PEOPLEDAILY = SiteProfile(
    name="peopledaily",
    publisher="人民网",
    hosts=("people.com.cn",),
    timezone="Asia/Shanghai",
    language="zh",
    country="CN",
    currency="CNY",
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
