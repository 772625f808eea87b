"""The publication's home country: the site profile's, else what the page tells.

In order: the site profile (`SiteProfile.country`), the JSON-LD publisher's address, the
country-code domain (`.sg`, `.com.hk`; a saved page: the host it names), then the region of
`og:locale` or `<html lang>` ("en_SG", "zh-Hant-TW"). None when nothing tells: a bare "$" on such a
page is left without a currency. See docs/amounts.md (Country hints).
"""

from __future__ import annotations

import re
from typing import Any

# Two-letter domains sold as generic names: no country in them.
_GENERIC_TLDS = frozenset(
    "io co tv me ai fm ly cc ws to gg nu tk ml ga cf gq la im am sh ac gl so vc gd ms st eu su "
    "app dev".split()
)
_TLD_COUNTRY = {"uk": "GB"}
_REGION = re.compile(r"^[A-Za-z]{2}$")


def _code(value: Any) -> str | None:
    if isinstance(value, str) and _REGION.match(value.strip()):
        return value.strip().upper()
    return None


def publisher_country(jsonld: dict[str, Any] | None) -> str | None:
    """`publisher.address.addressCountry` (a code, or `{"name": code}`) of the article's JSON-LD."""
    publisher = (jsonld or {}).get("publisher")
    publishers = publisher if isinstance(publisher, list) else [publisher]
    for node in publishers:
        address = node.get("address") if isinstance(node, dict) else None
        for place in address if isinstance(address, list) else [address]:
            if isinstance(place, dict):
                country = place.get("addressCountry")
                code = _code(country.get("name") if isinstance(country, dict) else country)
                if code:
                    return code
    return None


def domain_country(host: str | None) -> str | None:
    """The country of a country-code top-level domain ("news.example.com.sg" -> SG), or None."""
    if not host:
        return None
    tld = host.rstrip(".").rsplit(".", 1)[-1].lower()
    if len(tld) != 2 or not tld.isalpha() or tld in _GENERIC_TLDS:
        return None
    return _TLD_COUNTRY.get(tld, tld.upper())


def locale_country(tag: str | None) -> str | None:
    """The region of a locale or language tag ("en_SG" -> SG, "zh-Hant-TW" -> TW), or None."""
    if not tag:
        return None
    for part in re.split(r"[-_]", tag.strip())[1:]:
        if _REGION.match(part):
            return part.upper()
    return None


def infer_country(*, profile_country: str | None, jsonld: dict[str, Any] | None, host: str | None,
                  og_locale: str | None, lang: str | None) -> str | None:
    """The first country the sources give, in the documented order."""
    return (profile_country or publisher_country(jsonld) or domain_country(host) or locale_country(og_locale)
            or locale_country(lang))
