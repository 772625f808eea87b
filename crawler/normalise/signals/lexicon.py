"""Words of the figure finder, as data: indicator names, look-alikes that block them, places, cues.

Each table maps a regular expression to what it means. Indicators and look-alikes are matched
together and the longest match at a place wins, so "retail sales" is an indicator while "car sales"
is a look-alike, and "core CPI" blocks "CPI". See docs/signals.md (figures) for the contract.
"""

from __future__ import annotations

# --- Indicators: (id, English pattern, Chinese pattern) ------------------------------------------
INDICATORS: tuple[tuple[str, str, str], ...] = (
    ("gdp_growth",
     r"gross domestic product|GDP|economic growth|(?:China|Hong Kong|Singapore|Japan|Malaysia|the country|the city|the nation|the economy)'s (?:economic )?growth|growth of (?:the|its) economy|(?:the |its |city's |country's |nation's )?economy(?=,? (?:\w+ )?(?:grew|grow|grows|growing|expanded|expand|expands|expanding|contracted|contract|contracts|shrank|shrink|shrinks|shrinking|is (?:expected|forecast|projected|likely|set) to|will|would|could|to grow|to expand))|(?:annual |economic )?growth target|growth goal|growth rate",
     r"本地生产总值|国内生产总值|GDP|经济增长|经济增速|地区生产总值|经济增长目标|增长目标"),
    ("cpi",
     r"consumer price index|consumer prices|consumer price inflation|CPI|headline inflation|inflation rate|inflation",
     r"居民消费价格指数|居民消费价格|消费者物价指数|消费物价指数|消费价格|CPI|通胀率|通胀|通货膨胀"),
    ("ppi",
     r"producer price index|producer prices|producer price inflation|factory-gate prices|factory gate prices|factory-gate inflation|PPI",
     r"工业生产者出厂价格指数|工业生产者出厂价格|出厂价格|生产者物价指数|PPI"),
    ("pmi",
     r"(?:official |Caixin |composite |services |manufacturing |non-manufacturing |S&P Global )*purchasing managers'? index|(?:official |Caixin |composite |services |manufacturing |non-manufacturing )*PMI",
     r"(?:制造业|非制造业|综合|财新|官方)*采购经理(?:人)?指数|(?:制造业|非制造业|综合|财新|官方)*PMI"),
    ("unemployment_rate",
     r"(?:youth |urban |surveyed |overall |seasonally adjusted )*(?:unemployment|jobless) rate|(?:youth )?unemployment",
     r"(?:城镇|全国城镇|青年|16-24岁劳动力|青年人)*(?:调查)?失业率"),
    ("retail_sales",
     r"retail sales|retail sales of consumer goods|total retail sales|retail spending",
     r"社会消费品零售总额|社零总额|社零|零售销售额|零售额|零售销售"),
    ("industrial_output",
     r"industrial output|industrial production|factory output|value-added industrial output|industrial value-added output|value added of industry",
     r"规模以上工业增加值|规上工业增加值|工业增加值|工业生产|工业产出"),
    ("exports",
     r"exports|export growth|export sales|outbound shipments|overseas shipments|shipments abroad|NODX|non-oil domestic exports",
     r"出口额|出口总额|出口总值|出口"),
    ("imports",
     r"imports|import growth|inbound shipments",
     r"进口额|进口总额|进口总值|进口"),
    ("trade_balance",
     r"trade (?:surplus|deficit|balance)|merchandise trade (?:surplus|deficit)",
     r"贸易顺差|贸易逆差|贸易差额|顺差|逆差"),
    ("fdi",
     r"foreign direct investment|FDI|inbound direct investment|actual use of foreign capital",
     r"实际使用外资金额|实际使用外资|外商直接投资|利用外资"),
    ("fixed_asset_investment",
     r"fixed[- ]asset investment|fixed[- ]asset investments|FAI",
     r"固定资产投资"),
    ("budget_revenue",
     r"(?:general public )?budget revenue|fiscal revenue|government revenue|public revenue|tax revenue",
     r"一般公共预算收入|财政收入|预算收入|税收收入"),
    ("budget_deficit",
     r"budget deficit|fiscal deficit|deficit[- ]to[- ]GDP ratio|deficit ratio|consolidated deficit|(?<!trade )(?<!account )deficit",
     r"财政赤字率|赤字率|财政赤字|预算赤字|赤字"),
    ("lpr",
     r"(?:one-year |five-year |1-year |5-year )?loan prime rates?|(?:one-year |five-year |1-year |5-year )?LPRs?",
     r"(?:1年期|5年期以上|一年期|五年期以上)?贷款市场报价利率|(?:1年期|5年期以上|一年期|五年期以上)?LPR"),
    ("rrr",
     r"reserve requirement ratios?|reserve requirements?|RRR",
     r"存款准备金率|准备金率|降准"),
    ("hibor",
     r"(?:one-month |three-month |overnight |1-month |3-month )?(?:HIBOR|Hibor)|Hong Kong interbank offered rate",
     r"香港银行同业拆息|银行同业拆息|HIBOR|Hibor"),
    ("policy_rate",
     r"base rate|(?:federal|fed) funds rate|(?:Fed|Federal Reserve)'s (?:benchmark |policy )?(?:interest )?rate|benchmark (?:interest )?rate|overnight policy rate|OPR|Bank Rate|policy rate|repo rate|(?:seven|7)-day reverse repo(?:urchase)? rate|(?:seven|7)-day reverse repo(?:urchase)?s?|reverse repo rate|medium-term lending facility(?: rate)?|MLF(?: rate)?|key (?:interest |policy )?rate|(?:short-term )?policy interest rate",
     r"政策利率|基本利率|联邦基金利率|7天期逆回购(?:操作)?利率|7天期逆回购|七天期逆回购|逆回购利率|中期借贷便利(?:利率)?|MLF(?:利率)?|隔夜政策利率"),
    ("home_prices",
     r"(?:new |existing |resale |second-hand |HDB resale |private )*(?:home|house|housing|flat|property) prices|home price index|HDB resale prices",
     r"新建商品住宅销售价格|二手住宅销售价格|商品住宅销售价格|住宅价格|房价|楼价"),
)

# --- Look-alikes: mentions that are NOT one of our indicators (a value nearest to one is dropped) --
BLOCKERS_EN = (
    r"core (?:CPI|inflation|consumer prices|consumer price index)",
    r"M[012]\b|money supply|broad money|narrow money",
    r"(?:bond |treasury |government bond |10-year |two-year |\w+-year )?yields?|coupon",
    r"stakes?|holdings?|market share|shares?|share of|stock|equity",
    r"(?:property|real estate|home|housing|car|vehicle|smartphone|duty-free|online|land) (?:investment|sales)",
    r"profits?|earnings|net income|revenue|turnover|sales|orders|bookings",
    r"rents?|rental",
    r"tariffs?|tax(?:es)?|levy|levies|duty|duties",
    r"(?:prime|deposit|mortgage|lending|savings|interbank) rates?",
    r"loans?|lending|credit|total social financing|debt|borrowing|leverage",
    r"(?:foreign exchange |FX )?reserves",
    r"(?:the )?(?:yuan|renminbi|dollar|ringgit|rupee|yen|won|baht|rupiah|peso|euro|sterling)",
    r"sub-?index|new (?:export )?orders|confidence|sentiment",
    r"total trade|trade volume|foreign trade|trade value",
    r"spending|expenditure|outlays|budget spending",
    r"population|respondents|voters|earners",
    r"wages?|salar(?:y|ies)|income",
    r"Hang Seng(?: Index)?|CSI 300|Shanghai Composite|Nikkei(?: 225)?|Straits Times Index|S&P 500|index",
    r"prices?|costs?|valuation",
    r"(?:steel|car|crude|oil|coal|chip|power|electricity|grain) (?:output|production|imports|exports)",
    r"investment|capex|capital expenditure",
    r"visitor arrivals|arrivals|footfall|visitors|tourists",
    r"ratio|rate",
)
BLOCKERS_ZH = (
    r"核心CPI|核心通胀|核心消费价格",
    r"M[012]|广义货币|狭义货币|货币供应",
    r"收益率|票面利率",
    r"股份|股权|持股|份额|占比|比重|占",
    r"房地产开发投资|房地产投资|商品房销售|销售额|销售|营收|营业收入|利润|订单",
    r"租金",
    r"关税|税率",
    r"(?:贷款|存款|房贷|按揭|最优惠)利率",
    r"贷款|信贷|社会融资|社融|债务|杠杆率",
    r"外汇储备|储备",
    r"人民币|美元|港元|汇率",
    r"分项指数|新出口订单|新订单|信心指数|景气指数",
    r"进出口总值|进出口总额|货物贸易进出口|进出口|外贸",
    r"支出",
    r"人口|居民收入|收入|工资",
    r"上证指数|恒生指数|恒指|指数",
    r"价格",
    r"拉动|带动|贡献",
)

# --- Neutral phrases: consumed so that their words are neither indicators nor look-alikes ---------
NEUTRAL_EN = r"in (?:US )?dollar terms|in yuan terms|in value terms|in real terms|in volume terms|in local currency terms"
NEUTRAL_ZH = r"按不变价格计算|按可比价格计算|按美元计价|按人民币计价|以美元计|以人民币计"

# --- Places: pattern -> canonical English name ----------------------------------------------------
PLACES_EN: tuple[tuple[str, str], ...] = (
    (r"Hong Kong(?:'s)?|HKMA|Hong Kong Monetary Authority|Hibor|HIBOR|Hong Kong interbank", "Hong Kong"),
    (r"Shenzhen", "Shenzhen"), (r"Guangdong", "Guangdong"), (r"Shanghai", "Shanghai"),
    (r"Zhejiang", "Zhejiang"), (r"Jiangsu", "Jiangsu"), (r"Hainan", "Hainan"), (r"Hunan", "Hunan"),
    (r"Macau|Macao", "Macau"), (r"Taiwan", "Taiwan"),
    (r"Singapore(?:'s)?|MAS\b|Monetary Authority of Singapore|HDB|NODX", "Singapore"),
    (r"China(?:'s)?|Chinese|mainland|Beijing|NBS|National Bureau of Statistics|statistics bureau|PBOC|PBoC|People's Bank of China|Caixin|nationwide|LPR|loan prime rate", "China"),
    (r"United States|US(?!\$)\b|U\.S\.(?!\$)|America(?:n)?|Fed\b|Federal Reserve|federal funds", "United States"),
    (r"Japan(?:ese)?|BoJ|BOJ|Bank of Japan", "Japan"),
    (r"(?:South )?Korea(?:n)?|Bank of Korea", "South Korea"),
    (r"Britain|British|United Kingdom|UK\b|Bank of England|Bank Rate", "United Kingdom"),
    (r"Malaysia(?:n)?|Bank Negara|OPR|overnight policy rate", "Malaysia"),
    (r"Indonesia(?:n)?", "Indonesia"), (r"Thailand|Thai\b", "Thailand"), (r"Vietnam(?:ese)?", "Vietnam"),
    (r"India(?:n)?|RBI|Reserve Bank of India", "India"), (r"Philippines|Philippine", "Philippines"),
    (r"Australia(?:n)?|RBA", "Australia"), (r"euro zone|eurozone|euro area|ECB", "Euro area"),
    (r"Germany|German", "Germany"),
)
PLACES_ZH: tuple[tuple[str, str], ...] = (
    (r"香港|金管局|港府|本港|特区政府", "Hong Kong"),
    (r"深圳", "Shenzhen"), (r"广东", "Guangdong"), (r"上海", "Shanghai"), (r"浙江", "Zhejiang"),
    (r"江苏", "Jiangsu"), (r"海南", "Hainan"), (r"湖南", "Hunan"), (r"澳门", "Macau"),
    (r"新加坡", "Singapore"),
    (r"全国|我国|中国|国内(?!生产总值)|国家统计局|统计局|人民银行|人行|央行|内地|北京|财新|LPR|贷款市场报价利率", "China"),
    (r"美国|美联储", "United States"), (r"日本|日本央行", "Japan"), (r"韩国", "South Korea"),
    (r"英国|英伦银行", "United Kingdom"), (r"马来西亚", "Malaysia"), (r"欧元区", "Euro area"),
)

# --- Kind cues ------------------------------------------------------------------------------------
TARGET_EN = r"\b(?:target(?:s|ed|ing)?|goal|aims? (?:for|at|to)|aiming (?:for|at|to)|set (?:a|an|its) |plans? to keep|ceiling|pledged? to keep)\b"
FORECAST_EN = (r"\b(?:forecasts?|forecasters|forecasting|predict(?:s|ed|ing|ion|ions)?|expect(?:s|ed|ing|ation|ations)?|"
               r"projects?|projected|projection|projections|estimates? (?:for|of) (?:next|this|the coming)|outlook|"
               r"polled|consensus|estimated (?:at|to)|will|would|could|may|might|likely|set to|see(?:s)? (?:the|growth|inflation|it)|"
               r"anticipat\w+|revised (?:up|down)|upgraded|downgraded|cut its forecast|raised its forecast|"
               r"economists|analysts|IMF|World Bank|Asian Development Bank|ADB)\b")
TARGET_ZH = r"目标|预期目标|拟按|拟|安排|力争|控制在|以内"
FORECAST_ZH = r"预计|预测|预期(?!目标)|有望|或将|将会|料将|料|估计|展望|分析师|经济学家|机构|IMF|国际货币基金组织|世界银行"

# --- Sign cues ------------------------------------------------------------------------------------
DOWN_EN = (r"\b(?:fell|fall|falls|falling|dropped|drop|drops|dropping|declined|decline|declines|declining|decreased|"
           r"decrease|decreases|contracted|contract|contracts|contracting|contraction|shrank|shrink|shrinks|shrinking|"
           r"slid|slide|slides|sliding|slipped|slip|slips|slump(?:ed|s)?|plunged|plunge|plunges|tumbled|tumble|"
           r"sank|sink|lost|lose|cut|cuts|cutting|lowered|lower|lowers|lowering|reduced|reduce|reduces|reducing|"
           r"slashed|slash|trimmed|trim|down|lower than|deflation|negative|fallen|dipped|dip|dips|edged down|ticked down|retreated|shrunk|sunk)\b")
UP_EN = r"\b(?:rose|rise|rises|rising|grew|grow|grows|growing|increased|increase|increases|up|gained|gain|climbed|jumped|surged|expanded|raised|raise|hiked|hike)\b"
DOWN_ZH = r"下降|下跌|降低|减少|萎缩|回落|下调|调降|降准|收窄|负增长|降息|减速|下滑|跌"
UP_ZH = r"增长|上涨|上升|提高|上调|增加|扩大|回升|加息"
