"""Crawlers for unit tests built on the project's settings as shipped (`crawler/settings.py`).

Components read their settings without inline defaults, so a bare `get_crawler()` would hand them
zeros; `project_crawler` starts from the project's values and applies the test's overrides.
Extensions, add-ons and pipelines are left out: a unit test builds the one component it tests.
"""

from __future__ import annotations

from typing import Any

from scrapy import Spider
from scrapy.crawler import Crawler
from scrapy.utils.test import get_crawler

import crawler.settings as shipped

# Components that would open files or connections of their own when the crawler is built.
_LEFT_OUT = {"EXTENSIONS": {}, "ADDONS": {}, "ITEM_PIPELINES": {}}


def project_values(**overrides: Any) -> dict[str, Any]:
    """The shipped settings (upper-case names of `crawler.settings`), then `overrides`."""
    values = {name: getattr(shipped, name) for name in dir(shipped) if name.isupper()}
    return {**values, **_LEFT_OUT, **overrides}


def project_crawler(spidercls: type[Spider] = Spider, **overrides: Any) -> Crawler:
    return get_crawler(spidercls, project_values(**overrides))
