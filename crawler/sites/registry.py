"""Name -> `SiteProfile` lookup, so that extraction can run from a site name alone (e.g. in a worker)."""

from __future__ import annotations

from crawler.sites.generic import GENERIC
from crawler.sites.profile import SiteProfile
from crawler.sites.scmp import SCMP

_SITES: dict[str, SiteProfile] = {profile.name: profile for profile in (GENERIC, SCMP)}


def get_site(name: str) -> SiteProfile:
    """The profile called `name`; unknown names fall back to the generic profile."""
    return _SITES.get(name, GENERIC)


def site_names() -> list[str]:
    """Every registered site name."""
    return sorted(_SITES)
