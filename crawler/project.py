"""The project's settings for the commands that are not `scrapy ...` (the demo).

`get_project_settings()` finds `crawler.settings` through a `scrapy.cfg` above the working folder; a
scheduler or a console script may start anywhere, and without it Scrapy's defaults would apply
(none of our components, and Scrapy's remote-control endpoints switched on).
"""

from __future__ import annotations

import os

from scrapy.settings import Settings
from scrapy.utils.project import ENVVAR, get_project_settings

SETTINGS_MODULE = "crawler.settings"


def project_settings() -> Settings:
    """This project's settings, from whatever folder the process was started in."""
    os.environ.setdefault(ENVVAR, SETTINGS_MODULE)
    return get_project_settings()
