"""URL hygiene shared by discovery, extraction and dedupe: tracking parameters out, stable ids."""

from __future__ import annotations

import hashlib
import re
from urllib.parse import parse_qsl, urlencode, urljoin, urlsplit, urlunsplit

# Parameters that identify a campaign or a click, never a page.
_TRACKING_PARAM = re.compile(
    r"^(?:utm_\w+|fbclid|gclid|dclid|msclkid|yclid|mc_cid|mc_eid|igshid|_ga|_gl|ref_src|cmpid|share|amp;utm_\w+)$",
    re.IGNORECASE,
)


def strip_tracking(url: str, ignored: tuple[str, ...] = ()) -> str:
    """`url` without tracking parameters (and the site's `ignored` ones) or fragment; scheme and host lower-cased."""
    parts = urlsplit(url.strip())
    query = [(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True)
             if not _TRACKING_PARAM.match(k) and k not in ignored]
    return urlunsplit(
        (parts.scheme.lower(), parts.netloc.lower(), parts.path or "/", urlencode(query, doseq=True), "")
    )


def absolute(url: str | None, base: str) -> str | None:
    """`url` resolved against `base`; None for empty or non-web values (javascript:, mailto:, file:).

    For URLs read from page content: a page never makes the crawler use a local path.
    """
    if not url or not url.strip():
        return None
    joined = urljoin(base, url.strip())
    return joined if urlsplit(joined).scheme in ("http", "https") else None


def url_key(url: str) -> str:
    """A short stable hash of a canonical URL, for ids of sites without native article ids."""
    return hashlib.sha1(strip_tracking(url).encode("utf-8")).hexdigest()[:20]


def host_of(url: str) -> str:
    """Lower-case host name of `url` ('' for file:// URLs)."""
    return (urlsplit(url).hostname or "").lower()


def _under(host: str, domain: str) -> bool:
    return host == domain or host.endswith(f".{domain}")


def same_site(url: str, other: str, hosts: tuple[str, ...] = ()) -> bool:
    """True when two web URLs are on one site: the same host but for `www.`, one host a subdomain of
    the other (`m.news.example`, `news.example`), or both under one of `hosts` (a site profile's)."""
    a, b = host_of(url).removeprefix("www."), host_of(other).removeprefix("www.")
    if not a or not b:
        return False
    return _under(a, b) or _under(b, a) or any(_under(a, h) and _under(b, h) for h in hosts)
