"""Name -> `SiteProfile` lookup, so that extraction can run from a site name alone (e.g. in a worker)."""

from __future__ import annotations

from crawler.sites.chinadaily import CHINADAILY
from crawler.sites.generic import GENERIC
from crawler.sites.peopledaily import PEOPLEDAILY
from crawler.sites.profile import SiteProfile
from crawler.sites.scmp import SCMP
from crawler.sites.straitstimes import STRAITSTIMES
from crawler.sites.thestandard import THESTANDARD
from crawler.urls import host_of

_SITES: dict[str, SiteProfile] = {
    profile.name: profile
    for profile in (GENERIC, SCMP, CHINADAILY, THESTANDARD, STRAITSTIMES, PEOPLEDAILY)
}


def get_site(name: str) -> SiteProfile:
    """The profile called `name`; unknown names fall back to the generic profile."""
    return _SITES.get(name, GENERIC)


def site_for_url(url: str) -> SiteProfile | None:
    """The profile whose hosts cover `url`'s host, if any (to recognise an original publisher)."""
    host = host_of(url)
    for profile in _SITES.values():
        if any(host == h or host.endswith(f".{h}") for h in profile.hosts):
            return profile
    return None


def site_for_publisher(name: str) -> SiteProfile | None:
    """The profile whose publisher name appears in `name` ("the South China Morning Post (SCMP)")."""
    folded = name.casefold()
    for profile in _SITES.values():
        if profile.publisher and profile.publisher.casefold() in folded:
            return profile
    return None


def site_names() -> list[str]:
    """Every registered site name."""
    return sorted(_SITES)
