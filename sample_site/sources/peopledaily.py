"""人民网财经's sample site: four invented mainland-economy stories in Simplified Chinese, written as GBK.

Page shape (see crawler/sites/peopledaily.py for what is verified): GBK bytes declared only by
`<meta charset="gbk">` (the sample server sends `text/html` without a charset), a `<title>` ending in
"--经济·科技--人民网", `contentid`/`publishdate`/numeric `author`/`source` metas and no OpenGraph or
JSON-LD, `div.rm_txt` > `h1`, `div.author`, a "2025年02月18日09:30 | 来源：" line, `div.rm_txt_con` >
`div#rm_txt_zw` > `p` with full-width indents, then the print-edition line, the editor credit, the share
prompt, "推荐阅读" and the copyright footer. Discovery: the finance RSS feed (GBK XML) and the finance
channel listing `/GB/153179/153180/index.html`.
"""

from __future__ import annotations

from datetime import datetime
from html import escape
from pathlib import Path
from typing import Any

from sample_site.sources.common import SourceManifest, rfc822, rss, write

NAME = "peopledaily"
ENCODING = "gbk"
LISTING_PATH = "/GB/153179/153180/index.html"
SHARE_PROMPT = "分享让更多人看到"
FOOTER = "人民网版权所有，未经书面授权禁止使用"

ARTICLES: tuple[dict[str, Any], ...] = (
    {
        "id": 40421234, "channel": 1004, "published": "2025-02-18T09:30:00+08:00",
        "title": "财政部下达1600亿元超长期特别国债资金 支持设备更新和消费品以旧换新",
        "summary": "财政部2025年2月18日宣布，第一批1600亿元超长期特别国债资金已下达地方。",
        "author_line": "本报记者 王晓冬", "editors": "李洋、张岩", "page": 10,
        "keywords": ["超长期特别国债", "设备更新", "以旧换新"],
        "paragraphs": [
            "人民网北京2月18日电（记者王晓冬）财政部2025年2月18日对外发布，今年第一批用于支持大规模设备更新和消费品以旧换新的"
            "超长期特别国债资金1600亿元已于近日下达各地，较去年同期提前约两个月。",
            "财政部经济建设司有关负责人介绍，此次下达的资金中，约810亿元用于支持工业、能源、交通、医疗等领域设备更新改造，"
            "约790亿元用于支持汽车、家电、手机等消费品以旧换新，资金将按照项目进度分批拨付到位。",
            "据测算，去年全年安排的1500亿元以旧换新资金带动相关产品销售额超过1.3万亿元。今年中央财政将进一步扩大支持范围，"
            "把手机、平板电脑、智能手表等数码产品纳入补贴，单件补贴比例为售价的15%，最高不超过500元。",
            "这位负责人表示，各地要加强资金监管，严禁截留挪用，对虚开发票、以次充好等骗取补贴行为一经查实，将依法依规严肃处理。",
            "专家认为，资金提前下达有利于稳定市场预期。中国宏观经济研究院一位研究员表示，一季度是全年经济开局的关键时期，"
            "政策靠前发力将带动设备投资和居民消费同步回升，预计全年拉动社会消费品零售总额增长约0.5个百分点。",
            "多地已着手落实配套措施。江苏、广东等省份表示，将在2月底前完成首批补贴资金的分配，并通过线上平台简化申领流程，"
            "让消费者在购买时即可享受立减优惠，商家垫付的资金在审核后15个工作日内拨付到账。",
        ],
    },
    {
        "id": 40422519, "channel": 1004, "published": "2025-02-19T16:05:00+08:00",
        "title": "商务部：1月份我国对外非金融类直接投资220.7亿美元 同比增长12.4%",
        "summary": "1月份，我国境内投资者共对全球142个国家和地区的2150家境外企业进行了非金融类直接投资。",
        "author_line": "本报记者 罗珊珊", "editors": "王震、杨曦", "page": 3,
        "keywords": ["对外投资", "商务部", "一带一路"],
        "paragraphs": [
            "本报北京2月19日电（记者罗珊珊）商务部2月19日发布数据显示，1月份，我国境内投资者共对全球142个国家和地区的"
            "2150家境外企业进行了非金融类直接投资，累计投资220.7亿美元，同比增长12.4%。折合人民币1587.6亿元。",
            "从行业看，流向租赁和商务服务业、制造业、批发和零售业的投资分别为68.3亿美元、49.6亿美元和31.2亿美元，"
            "其中制造业投资同比增长21.8%，主要集中在汽车制造、电气机械和专用设备领域。",
            "同期，我国企业在共建“一带一路”国家非金融类直接投资41.5亿美元，同比增长9.7%，占同期总额的18.8%。",
            "对外承包工程方面，1月份新签合同额1127.3亿元，完成营业额645.2亿元。商务部有关负责人表示，"
            "将继续完善对外投资合作服务保障体系，引导企业合理有序开展跨境投资，防范化解境外风险。",
            "业内人士指出，在全球产业链加快重构的背景下，国内企业“出海”由单纯的产品输出转向产能和品牌布局，"
            "对外投资结构持续优化，有助于带动国内装备、技术和标准走出去。",
            "商务部研究院一位专家表示，今年对外投资有望保持平稳增长，但也要看到部分国家和地区投资审查趋严，"
            "企业应加强合规经营和风险评估，用好双边投资协定等制度保障。",
        ],
    },
    {
        "id": 40423876, "channel": 1004, "published": "2025-02-20T08:40:00+08:00",
        "title": "长三角一季度重大项目集中开工 计划总投资超2.3万亿元",
        "summary": "沪苏浙皖一季度集中开工重大项目3860个，计划总投资超过2.3万亿元。",
        "author_line": "本报记者 刘颖", "editors": "刘佳、胡永秋", "page": 2,
        "keywords": ["长三角", "重大项目", "投资"],
        "paragraphs": [
            "人民网上海2月20日电（记者刘颖）记者从长三角区域合作办公室获悉，2025年一季度，上海、江苏、浙江、安徽三省一市"
            "集中开工重大项目3860个，计划总投资超过2.3万亿元，项目数量和投资规模均创历年同期新高。",
            "从投向看，先进制造业项目1420个，计划投资8960亿元；新型基础设施项目510个，计划投资3270亿元；"
            "交通、水利等重大基础设施项目计划投资超过6000亿元。其中，沪苏湖铁路配套工程、"
            "合肥综合性国家科学中心多个大科学装置项目将于年内陆续开工。",
            "上海市发展改革委有关负责人表示，今年将对总投资超过10亿元的项目实行“一项目一专班”服务，"
            "在用地、用能、融资等方面加强要素保障，力争全年完成重大项目投资2300亿元以上。",
            "江苏省在开工项目中安排了300亿元专项债券资金作为项目资本金，浙江、安徽也分别设立省级重大项目推进基金。",
            "分析人士认为，重大项目集中开工释放了稳投资、扩内需的积极信号，对巩固长三角经济回升向好态势具有重要支撑作用。",
            "据了解，三省一市还将建立重大项目跨区域协调机制，对涉及省际交界地区的交通、能源和生态环保项目实行联合审批、"
            "同步推进，预计可将项目前期工作时间平均缩短3个月以上。",
        ],
    },
    {
        "id": 40425102, "channel": 1004, "published": "2025-02-21T10:15:00+08:00",
        "title": "海关总署：1月份我国货物贸易进出口3.42万亿元",
        "summary": "据海关统计，1月份我国货物贸易进出口总值3.42万亿元，同比增长2.3%。",
        "author_line": "本报记者 杜海涛", "editors": "孙阳、王震", "page": 1,
        "keywords": ["外贸", "海关总署", "进出口"],
        "paragraphs": [
            "人民网北京2月21日电（记者杜海涛）海关总署2月21日发布数据，1月份，我国货物贸易进出口总值3.42万亿元，"
            "同比增长2.3%。其中，出口2.03万亿元，增长5.6%；进口1.39万亿元，下降2.1%；贸易顺差6400亿元。",
            "按美元计价，1月份我国进出口总值4775.3亿美元，同比增长1.8%。",
            "从贸易伙伴看，东盟继续保持我国第一大贸易伙伴地位，1月份我国与东盟贸易总值为5620亿元，增长6.1%；"
            "对欧盟、美国分别进出口4470亿元和3860亿元。",
            "机电产品出口1.21万亿元，增长7.9%，占出口总值的59.6%。其中，集成电路、汽车、船舶出口分别增长18.2%、"
            "13.5%和41.7%，劳动密集型产品出口同比下降3.4%。",
            "海关总署统计分析司负责人表示，今年春节在1月下旬，企业节前集中出运，对当月数据有一定影响，"
            "综合1、2月份数据观察更能反映外贸运行的实际情况。",
            "从企业类型看，民营企业进出口1.91万亿元，增长5.4%，占我国外贸总值的55.8%，比去年同期提升1.6个百分点；"
            "外商投资企业进出口9870亿元，下降0.8%；国有企业进出口5230亿元，增长0.9%。",
            "业内专家表示，当前外部环境的复杂性、严峻性和不确定性上升，但我国外贸产业基础雄厚、市场多元化成效明显，"
            "随着稳外贸政策持续显效，预计一季度进出口将延续平稳增长态势。",
        ],
    },
)


def article_path(article: dict[str, Any]) -> str:
    published = datetime.fromisoformat(article["published"])
    return f"/n1/{published:%Y}/{published:%m%d}/c{article['channel']}-{article['id']}.html"


def _paragraphs(paragraphs: list[str]) -> str:
    return "\n".join(f"<p>\u3000\u3000{escape(p)}</p>" for p in paragraphs)


def article_page(article: dict[str, Any], url: str, base: str, recommended: list[tuple[str, str]],
                 charset: str = '<meta charset="gbk">') -> str:
    """One 人民网-shaped article page (to be encoded as GBK)."""
    published = datetime.fromisoformat(article["published"])
    source_link = '<a href="http://paper.people.com.cn/rmrb/" target="_blank">人民网－人民日报</a>'
    recommended_html = "".join(f'<li><a href="{u}" target="_blank">{escape(t)}</a></li>' for u, t in recommended)
    return f"""<!DOCTYPE html>
<html>
<head>
{charset}
<title>{escape(article['title'])}--经济·科技--人民网</title>
<meta name="keywords" content="{escape(','.join(article['keywords']))}">
<meta name="description" content="{escape(article['summary'])}">
<meta name="catalogs" content="{article['channel']}">
<meta name="contentid" content="{article['id']}">
<meta name="publishdate" content="{published:%Y-%m-%d}">
<meta name="author" content="104665">
<meta name="source" content="来源：人民网－人民日报">
</head>
<body>
<div class="header"><a href="http://www.people.com.cn/">人民网</a> &gt;&gt; <a href="{base}/">经济·科技</a></div>
<div class="main">
<div class="rm_txt cf">
<div class="col col-1 fl">
<h1>{escape(article['title'])}</h1>
<div class="author cf">{escape(article['author_line'])}</div>
<div class="channel cf"><div class="col-1-1 fl">{published:%Y年%m月%d日%H:%M} | 来源：{source_link}</div>
<div class="col-1-2 fr"><a href="#">小字号</a></div></div>
<div class="rm_txt_con cf">
<div id="rm_txt_zw">
{_paragraphs(article['paragraphs'])}
</div>
<div class="paper_num">《 人民日报 》（ {published:%Y年%m月%d日} 第 {article['page']:02d} 版）</div>
<div class="edit cf">(责编：{escape(article['editors'])})</div>
</div>
<div class="share_con">{SHARE_PROMPT}</div>
<div id="rwb_tjyd"><h2>推荐阅读</h2><ul>{recommended_html}</ul></div>
</div>
</div>
</div>
<div class="copyright"><p>人民日报社概况 | 关于人民网 | 报社招聘 | 招聘英才 | 广告服务 | 合作加盟 | 供稿服务</p>
<p>{FOOTER}</p><p>Copyright &copy; 1997-2025 by www.people.com.cn. all rights reserved</p></div>
</body>
</html>
"""


def listing_page(links: list[tuple[str, str, str]], base: str) -> str:
    """The finance channel listing (`ul.list_14`): headlines and dates, no article markup."""
    items = "".join(f'<li><a href="{u}" target="_blank">{escape(t)}</a> <em>{escape(d)}</em></li>' for u, t, d in links)
    return (f'<!DOCTYPE html><html><head><meta charset="gbk"><title>财经要闻--经济·科技--人民网</title></head>'
            f'<body><div class="header"><a href="{base}/">经济·科技</a></div><div class="ej_list_box">'
            f'<ul class="list_14 list_ej">{items}</ul></div>'
            f'<div class="copyright"><p>{FOOTER}</p></div></body></html>\n')


def build(root: Path, base_url: str) -> SourceManifest:
    """Write 人民网财经's sample site (GBK pages) under `root`; returns what a crawl should find."""
    manifest = SourceManifest(name=NAME, base_url=base_url, encoding=ENCODING)
    urls = {a["id"]: f"{base_url}{article_path(a)}" for a in ARTICLES}
    for article in ARTICLES:
        recommended = [(urls[o["id"]], o["title"]) for o in ARTICLES if o is not article]
        write(root, article_path(article), article_page(article, urls[article["id"]], base_url, recommended),
              encoding=ENCODING)
        manifest.article_ids.append(f"{NAME}:{article['id']}")
    links = [(urls[a["id"]], a["title"], a["published"][:10]) for a in ARTICLES]
    write(root, LISTING_PATH, listing_page(links, base_url), encoding=ENCODING)
    # The feed (GBK XML) carries three stories and a channel page; the listing carries all four.
    channel_page = f"{base_url}/GB/1004/index.html"
    write(root, "/GB/1004/index.html", listing_page(links, base_url), encoding=ENCODING)
    manifest.non_article_urls = [channel_page]
    items = [{"title": a["title"], "link": urls[a["id"]], "description": a["summary"],
              "pubDate": rfc822(datetime.fromisoformat(a["published"]))} for a in ARTICLES[:3]]
    items.append({"title": "经济·科技频道", "link": channel_page, "pubDate": items[-1]["pubDate"]})
    write(root, "/rss/finance.xml", rss("人民网-经济·科技", base_url, items, encoding=ENCODING), encoding=ENCODING)
    write(root, "/robots.txt", "User-agent: *\nDisallow: /search\n")
    manifest.spider_args = {"feeds": f"{base_url}/rss/finance.xml", "urls": f"{base_url}{LISTING_PATH}"}
    return manifest
