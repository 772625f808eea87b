"""Turn one HTML page into one `Article`: a pure function of (html, url), no Scrapy, no I/O.

The page is parsed once; metadata readers (JSON-LD, `__NEXT_DATA__`, meta tags) and trafilatura all
work on that one tree. Each field takes the first value found in a documented order:
JSON-LD, then the Next.js payload, then OpenGraph/meta tags, then the feed or sitemap entry.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field, fields
from datetime import UTC, datetime
from typing import Any
from urllib.parse import urlsplit

from trafilatura.utils import load_html

from crawler.clean.original import source_link
from crawler.clean.paragraphs import CleanResult, Decision, clean_paragraphs, rules_for
from crawler.dates.publication import resolve_publication_dates
from crawler.extract import jsonld as ld
from crawler.extract import nextdata as nd
from crawler.extract.blocked import block_page_reason, visible_text
from crawler.extract.body import body_paragraphs, drop_nodes, matches_any
from crawler.extract.date_candidates import collect_date_candidates
from crawler.extract.decode import decode_html, strip_stray_end_tags
from crawler.extract.errors import NotAnArticle
from crawler.extract.fields import clean_authors, clean_keywords, normalise_language, squash
from crawler.extract.hints import Hints
from crawler.extract.meta import PageMeta, read_meta
from crawler.extract.surrogates import scrub
from crawler.items import Article
from crawler.sites import SiteProfile, get_site, site_for_publisher, site_for_url
from crawler.sites.generic import GENERIC
from crawler.urls import absolute, host_of, same_site, strip_tracking, url_key

# A page that does not declare itself an article must carry at least this much body text.
MIN_UNDECLARED_TEXT_CHARS = 400
# A locked story showing fewer words than this is a teaser.
TEASER_MAX_WORDS = 250


@dataclass
class Extraction:
    """The article plus what happened on the way, as stat suffixes (`extract/<event>`)."""

    article: Article
    events: list[str] = field(default_factory=list)
    decisions: list[Decision] = field(default_factory=list)
    """Every body paragraph and the rule that removed it (None: kept), for `crawler.explain`."""

    def item(self) -> dict[str, Any]:
        return asdict(self.article)


@dataclass
class _Sources:
    jsonld: dict[str, Any] | None
    next_article: dict[str, Any] | None
    meta: PageMeta
    hints: Hints


_TITLE_SEPARATORS = ("--", " - ", " – ", " — ", " | ", "|", "_", "｜", " · ")


def _title(src: _Sources, tree) -> str | None:
    h1 = next((squash(h.text_content()) for h in tree.iter("h1")), None)
    page_title = squash(tree.findtext(".//title"))
    # "<headline> | Site" / "<headline>--经济·科技--人民网": the <h1> is the headline without the suffix.
    if page_title and h1 and page_title != h1 and page_title.startswith(h1) and \
            page_title[len(h1):].lstrip().startswith(tuple(s.strip() for s in _TITLE_SEPARATORS)):
        page_title = h1
    candidates = [
        ld.first_text((src.jsonld or {}).get("headline")),
        (src.next_article or {}).get("headline"),
        src.meta.first("og:title", "twitter:title"),
        page_title,
        h1,
        src.hints.feed_title,
    ]
    return next((text for c in candidates if isinstance(c, str) and (text := squash(c))), None)


def _canonical(src: _Sources, url: str, profile: SiteProfile) -> tuple[str, str | None]:
    """(canonical URL, a canonical the page claims on another site or None).

    rel=canonical, og:url, JSON-LD url: the first web URL on the page's own site (a saved file://
    page may name any). One on another site is a republished copy naming its original: never this
    page's canonical URL, id or state record (a copy must not take the original's place).
    """
    candidates = [src.meta.canonical, src.meta.first("og:url"), ld.first_text((src.jsonld or {}).get("url"))]
    saved_page = urlsplit(url).scheme == "file"
    elsewhere = None
    for candidate in candidates:
        resolved = absolute(candidate, url)
        if resolved is None:
            continue
        if saved_page or same_site(resolved, url, profile.hosts):
            return strip_tracking(resolved), elsewhere
        elsewhere = elsewhere or resolved
    return strip_tracking(url), elsewhere


def _site_name(profile: SiteProfile, url: str) -> str:
    if profile.name != "generic":
        return profile.name
    host = host_of(url)
    return host.removeprefix("www.") if host else "file"


def _is_declared_article(src: _Sources) -> bool:
    og_type = (src.meta.first("og:type") or "").lower()
    return src.jsonld is not None or src.next_article is not None or og_type == "article"


def _locked(src: _Sources, profile: SiteProfile, tree, url: str) -> bool:
    free = (src.jsonld or {}).get("isAccessibleForFree")
    if free is False or (isinstance(free, str) and free.lower() == "false"):
        return True
    if (src.next_article or {}).get("paywallTypes"):
        return True
    if profile.is_paywall_url(url):
        return True
    return matches_any(tree, profile.paywall_selectors)


def _clean_body(
    paragraphs: list[str], profile: SiteProfile, original_url: str | None
) -> tuple[CleanResult, SiteProfile | None]:
    """Clean with generic + own rules, plus the original publisher's rules once a copy names it.

    A copy carries its original's promos (SCMP's "SCMP Knowledge" box on a republisher blog), so
    recognising the original by its URL or by the publisher a footer names brings in its rules.
    """
    original_profile = site_for_url(original_url) if original_url else None
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


def _original(
    result: CleanResult, original_profile: SiteProfile | None, original_url: str | None, own_publisher: str | None
) -> dict[str, str | None] | None:
    """`{publisher, url}` of the original for a republished copy; None for an original page."""
    publisher = (original_profile.publisher if original_profile else None) or result.footer_publisher
    if original_url is None and publisher is None:
        return None
    if publisher and own_publisher and publisher.casefold() == own_publisher.casefold():
        return None
    if publisher is None and original_url:
        publisher = host_of(original_url).removeprefix("www.") or None
    return {"publisher": publisher, "url": original_url}


def extract_article(
    html: str | bytes,
    url: str,
    *,
    site: str = "generic",
    hints: dict[str, Any] | Hints | None = None,
    fetched_at: str | None = None,
    now: datetime | None = None,
) -> Extraction:
    """Extract the article on `html` fetched from `url`, or raise `NotAnArticle(reason)`."""
    profile = get_site(site)
    hints = hints if isinstance(hints, Hints) else Hints.from_meta(hints)
    now = now or datetime.now(UTC)
    if isinstance(html, bytes):
        # Saved pages: BOM, then the page's own declaration (gb2312 read as GB18030), then detection.
        html = decode_html(html, None)[0]
    tree = load_html(strip_stray_end_tags(html))
    if tree is None:
        raise NotAnArticle("unparseable")
    events: list[str] = []
    jsonld_node, broken = ld.find_article_jsonld(tree)
    if broken:
        events.append("broken_jsonld")
    src = _Sources(jsonld_node, nd.find_next_article(tree, profile.next_data_article_path), read_meta(tree), hints)
    title = _title(src, tree)
    blocked = block_page_reason(tree.findtext(".//title") or title or "", visible_text(tree))
    if blocked is not None:
        raise NotAnArticle("block_page", blocked)
    if not title:
        raise NotAnArticle("no_title")

    dates = resolve_publication_dates(
        collect_date_candidates(
            tree, url, jsonld=src.jsonld, next_article=src.next_article, meta=src.meta, hints=hints
        ),
        tz=profile.timezone,
        now=now,
    )
    events.extend(f"dates/{issue}" for issue in dates.issues)
    locked = _locked(src, profile, tree, url)

    canonical, claimed_elsewhere = _canonical(src, url, profile)
    if claimed_elsewhere:
        events.append("canonical_offsite")
    original_url = source_link(tree, url) or claimed_elsewhere
    drop_nodes(tree, GENERIC.drop_selectors + (profile.drop_selectors if profile is not GENERIC else ()))
    paragraphs = body_paragraphs(tree, url)
    if not paragraphs and src.next_article:
        paragraphs = nd.body_paragraphs(src.next_article)
    # trafilatura keeps an <h1> that sits inside the content block: the headline is not body text.
    if paragraphs and paragraphs[0].casefold() == title.casefold():
        paragraphs = paragraphs[1:]
    cleaned, original_profile = _clean_body(paragraphs, profile, original_url)
    events.extend(f"clean/removed/{d.rule}" for d in cleaned.removed)
    text = "\n\n".join(cleaned.paragraphs)
    if not text:
        raise NotAnArticle("no_text")
    if not _is_declared_article(src) and len(text) < MIN_UNDECLARED_TEXT_CHARS:
        raise NotAnArticle("not_article_page", f"{len(text)} characters of text and no article markup")

    jl = src.jsonld or {}
    na = src.next_article or {}
    site_name = _site_name(profile, url)
    native_id = profile.article_id(canonical) or profile.article_id(url)
    publisher = next(iter(ld.names(jl.get("publisher"))), None) or src.meta.first("og:site_name") or profile.publisher
    original = _original(cleaned, original_profile, original_url, publisher)
    if original is not None:
        events.append("republished_copy")
    paywalled = locked and len(text.split()) < TEASER_MAX_WORDS
    if paywalled:
        events.append("paywalled_teaser")

    article = Article(
        id=f"{site_name}:{native_id}" if native_id else f"{site_name}:u{url_key(canonical)}",
        url=url,
        canonical_url=canonical,
        site=site_name,
        publisher=squash(publisher),
        original=original,
        title=title,
        text=text,
        fetched_at=fetched_at or now.astimezone(UTC).isoformat(timespec="seconds"),
        summary=squash(
            ld.first_text(jl.get("description")) or na.get("summary") or src.meta.first("og:description", "description")
            or hints.feed_summary
        ),
        authors=clean_authors(
            ld.names(jl.get("author")) or nd.names(na.get("authors")) or src.meta.all("author")
            or src.meta.all("article:author") or list(hints.feed_authors),
            site_names=(publisher, profile.publisher, site_name),
        ),
        section=squash(
            next(iter(ld.text_list(jl.get("articleSection"))), None) or next(iter(nd.labels(na.get("sections"))), None)
            or src.meta.first("article:section")
        ),
        keywords=clean_keywords(
            ld.text_list(jl.get("keywords")) or nd.labels(na.get("keywords"))
            or src.meta.all("news_keywords") or src.meta.all("keywords") or src.meta.all("article:tag")
            or ([hints.sitemap_keywords] if hints.sitemap_keywords else [])
        ),
        language=normalise_language(
            ld.first_text(jl.get("inLanguage")) or src.meta.lang or src.meta.first("og:locale") or profile.language
        ),
        published_at=dates.published_at,
        published_at_raw=dates.published_at_raw,
        published_at_source=dates.published_at_source,
        modified_at=dates.modified_at,
        paywalled=paywalled,
    )
    if article.published_at is None:
        events.append("missing_date")
    removed = 0
    for spec in fields(article):
        value, count = scrub(getattr(article, spec.name))
        if count:
            setattr(article, spec.name, value)
            removed += count
    events.extend(["lone_surrogates"] * removed)
    return Extraction(article, events, cleaned.decisions)
