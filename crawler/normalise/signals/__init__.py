"""Economic signals of an article: policy-uncertainty tags and stated indicator figures.

`epu.tag_epu(article)` matches the published EPU/TPU term sets (`terms/*.json`, one per method and
language, each with its citation); `figures.find_figures(article)` finds indicator figures (GDP
growth, CPI, PMI, policy rates...) reusing the article's `amounts` and `dates`. `normaliser.NORMALISER`
fills the article's `signals` in the extraction worker. Pure functions: no Scrapy, no I/O but the
term files. See docs/signals.md.
"""

from __future__ import annotations

from crawler.normalise.signals.epu import load_term_sets, tag_epu
from crawler.normalise.signals.figures import find_figures

__all__ = ["find_figures", "load_term_sets", "tag_epu"]
