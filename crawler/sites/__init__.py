"""Site knowledge as data: one module per site, each a `SiteProfile`; `get_site` looks one up by name."""

from __future__ import annotations

from crawler.sites.profile import SiteProfile
from crawler.sites.registry import get_site, site_for_publisher, site_for_url, site_names

__all__ = ["SiteProfile", "get_site", "site_for_publisher", "site_for_url", "site_names"]
