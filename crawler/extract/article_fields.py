"""One small function per field of an article, each reading a `Page` (web-poet's shape, no framework).

Each field takes the first value found in a documented order: JSON-LD, then the Next.js payload,
then OpenGraph/meta tags, then the feed or sitemap entry (`page.hints`).
"""

from __future__ import annotations

import logging
from copy import deepcopy
from dataclasses import dataclass
from urllib.parse import urlsplit

from lxml.html import HtmlElement

from crawler.clean.bylines import mark_bylines
from crawler.clean.original import source_link
from crawler.clean.paragraphs import CleanResult, clean_paragraphs, rules_for
from crawler.dates.model import PublicationDates
from crawler.extract import jsonld as ld
from crawler.extract import nextdata as nd
from crawler.extract.blocked import page_block_reason
from crawler.extract.body import drop_nodes, main_paragraphs, matches_any, reading_copy
from crawler.extract.bylines import page_authors, structured_authors
from crawler.extract.country import infer_country
from crawler.extract.date_candidates import article_dates
from crawler.extract.fields import clean_keywords, normalise_language, squash
from crawler.extract.kind import Markup, read_markup, text_size
from crawler.extract.limits import MAX_TREE_ELEMENTS, truncate_tree
from crawler.extract.names import clean_authors
from crawler.extract.page import Page
from crawler.extract.saved import origin_host
from crawler.sites import SiteProfile, site_for_publisher, site_for_url
from crawler.sites.generic import GENERIC
from crawler.urls import absolute, host_of, same_site, strip_tracking, url_key

logger = logging.getLogger(__name__)

_TITLE_SEPARATORS = ("--", " - ", " – ", " — ", " | ", "|", "_", "｜", " · ")


# --- what the page is ---------------------------------------------------------------------------

def title(page: Page) -> str | None:
    h1 = next((squash(h.text_content()) for h in page.tree.iter("h1")), None)
    page_title = squash(page.tree.findtext(".//title"))
    # "<headline> | Site" / "<headline>--经济·科技--人民网": the <h1> is the headline without the suffix.
    if page_title and h1 and page_title != h1 and page_title.startswith(h1) and \
            page_title[len(h1):].lstrip().startswith(tuple(s.strip() for s in _TITLE_SEPARATORS)):
        page_title = h1
    candidates = [
        ld.first_text(page.ld.get("headline")),
        page.next.get("headline"),
        page.meta.first("og:title", "twitter:title"),
        page_title,
        h1,
        page.hints.feed_title,
    ]
    return next((text for c in candidates if isinstance(c, str) and (text := squash(c))), None)


def block_page(page: Page, headline: str | None) -> str | None:
    """Why this is a block page or bot wall (see `crawler.extract.blocked`), or None."""
    return page_block_reason(page.tree, page.tree.findtext(".//title") or headline or "")


def markup(page: Page) -> Markup:
    """What the page declares itself, read on the page as fetched."""
    return read_markup(page.tree, page.url, page.meta, jsonld=page.jsonld is not None,
                       next_data=page.next_article is not None)


def locked(page: Page) -> bool:
    """The story is behind a paywall (whatever the page shows of it)."""
    free = page.ld.get("isAccessibleForFree")
    if free is False or (isinstance(free, str) and free.lower() == "false"):
        return True
    if page.next.get("paywallTypes"):
        return True
    if page.profile.is_paywall_url(page.url):
        return True
    return matches_any(page.tree, page.profile.paywall_selectors, page.names)


def publication_dates(page: Page) -> PublicationDates:
    dates = article_dates(page.tree, page.url, tz=page.profile.timezone, now=page.now, next_article=page.next_article,
                          hints=page.hints, served_at=page.served_at, fetched_at=page.fetched_at,
                          earliest=page.profile.online_since)
    page.events.extend(f"dates/{issue}" for issue in dates.issues)
    return dates


# --- the body -------------------------------------------------------------------------------------

def original_url(page: Page) -> str | None:
    """The source link of a republished copy (read before the page's furniture is dropped)."""
    return source_link(page.tree, page.url)


def body(page: Page, headline: str, original: str | None, byline: Byline | None = None,
         site_names: tuple[str | None, ...] = ()) -> tuple[CleanResult, SiteProfile | None, int]:
    """The cleaned body paragraphs, the original's profile when a copy names a known site, and the
    size of the page's text (the larger of the two extraction modes, cleaned: `kind.text_size`).

    Works on copies of the page without the site's furniture (`reading_copy` for trafilatura's
    precision mode, the whole page when its comparisons run): the page's tree stays as fetched for
    every other field and for the layout read. Byline and dateline lines at the head or foot of the
    body go too (`crawler.clean.bylines`).
    """
    profile = page.profile
    removed = truncate_tree(page.tree)  # trafilatura is quadratic on 100,000 cells or paragraphs
    if removed:
        page.events.append("limits/elements")
        logger.warning("%s: %d elements after the first %d removed before extracting the body", page.url, removed,
                       MAX_TREE_ELEMENTS)
    selectors = GENERIC.drop_selectors + (profile.drop_selectors if profile is not GENERIC else ())

    def without_furniture(tree: HtmlElement) -> HtmlElement:
        drop_nodes(tree, selectors, page.names)
        return tree

    paragraphs, other = main_paragraphs(without_furniture(reading_copy(page.tree)), page.url,
                                        whole=lambda: without_furniture(deepcopy(page.tree)))
    if not paragraphs and page.next_article:
        paragraphs = nd.body_paragraphs(page.next_article)
    cleaned, original_profile = _clean(_without_headline(paragraphs, headline), profile, original)
    mark_bylines(cleaned, byline.authors if byline else (), (*site_names, byline.agency if byline else None))
    page.events.extend(f"clean/removed/{d.rule}" for d in cleaned.removed)
    extent = text_size("\n\n".join(cleaned.paragraphs))
    if other:
        alternative, _ = _clean(_without_headline(other, headline), profile, original)
        extent = max(extent, text_size("\n\n".join(alternative.paragraphs)))
    return cleaned, original_profile, extent


def _without_headline(paragraphs: list[str], headline: str) -> list[str]:
    """trafilatura keeps an <h1> that sits inside the content block: the headline is not body text."""
    if paragraphs and paragraphs[0].casefold() == headline.casefold():
        return paragraphs[1:]
    return paragraphs


def _clean(paragraphs: list[str], profile: SiteProfile, original: str | None) -> tuple[CleanResult, SiteProfile | None]:
    """Clean with generic + own rules, plus the original publisher's rules once a copy names it.

    A copy carries its original's promos (SCMP's "SCMP Knowledge" box on a republisher blog), so
    recognising the original by its URL or by the publisher a footer names brings in its rules.
    """
    original_profile = site_for_url(original) if original else None
    if original_profile is profile:
        original_profile = None
    profiles = [profile] + ([original_profile] if original_profile else [])
    result = clean_paragraphs(paragraphs, rules_for(profiles))
    if original_profile is None and result.footer_publisher:
        named = site_for_publisher(result.footer_publisher)
        if named is not None and named is not profile:
            original_profile = named
            footer = result.footer_publisher
            result = clean_paragraphs(paragraphs, rules_for([profile, named]))
            result.footer_publisher = result.footer_publisher or footer
    return result, original_profile


# --- identity and provenance ----------------------------------------------------------------------

def canonical_claims(page: Page) -> tuple[str, str | None]:
    """(canonical URL, a canonical the page claims on another site or None).

    rel=canonical, og:url, JSON-LD url (and, last, a saved page's "saved from url" comment): the first
    web URL on the page's own site (a saved file:// page may name any). One on another site is a
    republished copy naming its original: never this page's canonical URL, id or state record.
    """
    candidates = [page.meta.canonical, page.meta.first("og:url"), ld.first_text(page.ld.get("url")),
                  page.saved_from]
    saved_page = urlsplit(page.url).scheme == "file"
    elsewhere = None
    for candidate in candidates:
        resolved = absolute(candidate, page.url)
        if resolved is None:
            continue
        if saved_page or same_site(resolved, page.url, page.profile.hosts):
            return strip_tracking(resolved), elsewhere
        elsewhere = elsewhere or resolved
    return strip_tracking(page.url), elsewhere


def canonical_url(page: Page) -> str:
    return canonical_claims(page)[0]


def site_name(page: Page) -> str:
    """The profile's name; for the generic profile, the host (a saved page's: the one it names)."""
    if page.profile.name != "generic":
        return page.profile.name
    host = host_of(page.url) or origin_host(page.url, page.meta, page.jsonld, page.saved_from)
    return host.removeprefix("www.") if host else "file"


def article_id(page: Page, canonical: str, site: str) -> str:
    """`<site>:<native id>`, else `<site>:u<hash of the canonical URL>`."""
    native_id = page.profile.article_id(canonical) or page.profile.article_id(page.url)
    return f"{site}:{native_id}" if native_id else f"{site}:u{url_key(canonical)}"


def publisher(page: Page) -> str | None:
    return next(iter(ld.names(page.ld.get("publisher"))), None) or page.meta.first("og:site_name") \
        or page.profile.publisher


def original(
    cleaned: CleanResult, original_profile: SiteProfile | None, original_link: str | None, own_publisher: str | None,
    agency: str | None = None,
) -> dict[str, str | None] | None:
    """`{publisher, url}` of the original for a republished copy (or a wire story: the agency its
    byline credits); None for an original page."""
    name = (original_profile.publisher if original_profile else None) or cleaned.footer_publisher or agency
    if original_link is None and name is None:
        return None
    if name and own_publisher and name.casefold() == own_publisher.casefold():
        return None
    if name is None and original_link:
        name = host_of(original_link).removeprefix("www.") or None
    return {"publisher": name, "url": original_link}


# --- descriptive fields ---------------------------------------------------------------------------

def summary(page: Page) -> str | None:
    return squash(
        ld.first_text(page.ld.get("description")) or page.next.get("summary")
        or page.meta.first("og:description", "description") or page.hints.feed_summary
    )


@dataclass
class Byline:
    """The people who wrote the article, and the news agency it credits, if any."""

    authors: list[str]
    agency: str | None = None


def byline(page: Page, headline: str, *site_names: str | None) -> Byline:
    """People; placeholders and the site's own names (`site_names`) removed; an agency apart.

    Structured data first, then the feed entry, then the page's visible byline
    (`crawler.extract.bylines`), read on the page as fetched.
    """
    agencies: list[str] = []
    for candidates in (lambda: structured_authors(page.jsonld, page.next_article, page.meta),
                       lambda: list(page.hints.feed_authors),
                       lambda: page_authors(page.tree, headline)):
        found = clean_authors(candidates(), site_names=site_names, agencies=agencies)
        if found or agencies:
            return Byline(found, agencies[0] if agencies else None)
    return Byline([])


def section(page: Page) -> str | None:
    return squash(
        next(iter(ld.text_list(page.ld.get("articleSection"))), None)
        or next(iter(nd.labels(page.next.get("sections"))), None) or page.meta.first("article:section")
    )


def keywords(page: Page) -> list[str]:
    return clean_keywords(
        ld.text_list(page.ld.get("keywords")) or nd.labels(page.next.get("keywords"))
        or page.meta.all("news_keywords") or page.meta.all("keywords") or page.meta.all("article:tag")
        or ([page.hints.sitemap_keywords] if page.hints.sitemap_keywords else [])
    )


def country(page: Page) -> str | None:
    """The publication's home country (`crawler.extract.country`)."""
    host = host_of(page.url) or origin_host(page.url, page.meta, page.jsonld, page.saved_from)
    return infer_country(profile_country=page.profile.country, jsonld=page.jsonld, host=host,
                         og_locale=page.meta.first("og:locale"), lang=page.meta.lang)


def language(page: Page) -> str | None:
    return normalise_language(
        ld.first_text(page.ld.get("inLanguage")) or page.meta.lang or page.meta.first("og:locale")
        or page.profile.language
    )
