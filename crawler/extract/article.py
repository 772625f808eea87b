"""Turn one HTML page into one `Article`: a pure function of (html, url), no Scrapy, no I/O.

The page is parsed once (`crawler.extract.page.Page`); each field is one small function of it
(`crawler.extract.article_fields`), and `extract_article` composes them.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field, fields
from datetime import UTC, datetime
from typing import Any

from crawler.clean.paragraphs import Decision
from crawler.extract import article_fields as f
from crawler.extract.errors import NotAnArticle
from crawler.extract.fields import squash
from crawler.extract.hints import Hints
from crawler.extract.kind import static_page
from crawler.extract.layout import read_layout
from crawler.extract.page import Page
from crawler.extract.surrogates import scrub
from crawler.extract.verdict import Signals, verdict
from crawler.items import Article
from crawler.sites import get_site

# A locked story showing fewer words than this is a teaser.
TEASER_MAX_WORDS = 250


@dataclass
class Extraction:
    """The article plus what happened on the way, as stat suffixes (`extract/<event>`)."""

    article: Article
    events: list[str] = field(default_factory=list)
    decisions: list[Decision] = field(default_factory=list)
    """Every body paragraph and the rule that removed it (None: kept), for `scrapy explain`."""

    def item(self) -> dict[str, Any]:
        return asdict(self.article)


def extract_article(
    html: str | bytes,
    url: str,
    *,
    site: str = "generic",
    hints: dict[str, Any] | Hints | None = None,
    fetched_at: str | None = None,
    now: datetime | None = None,
    served_at: str | None = None,
) -> Extraction:
    """Extract the article on `html` fetched from `url`, or raise `NotAnArticle(reason)`.

    `served_at` is the response's `Date` header: what "3 hours ago" on the page counts from.
    """
    now = now or datetime.now(UTC)
    page = Page.parse(html, url, get_site(site), hints if isinstance(hints, Hints) else Hints.from_meta(hints), now,
                      served_at=served_at, fetched_at=fetched_at)

    # What the page is. The body step works on copies, so these reads see the page as fetched.
    title = f.title(page)
    blocked = f.block_page(page, title)
    if blocked is not None:
        raise NotAnArticle("block_page", blocked)
    if not title:
        raise NotAnArticle("no_title")
    dates = f.publication_dates(page)
    markup = f.markup(page)
    locked = f.locked(page)
    # A canonical on another site names this copy's original: never its own URL or id.
    canonical, claimed_elsewhere = f.canonical_claims(page)
    if claimed_elsewhere:
        page.events.append("canonical_offsite")
    original_url = f.original_url(page) or claimed_elsewhere
    site_name = f.site_name(page)
    publisher = f.publisher(page)
    byline = f.byline(page, title, publisher, page.profile.publisher, site_name)

    cleaned, original_profile, extent = f.body(page, title, original_url, byline,
                                         (publisher, page.profile.publisher, site_name))
    text = "\n\n".join(cleaned.paragraphs)
    if not text:
        raise NotAnArticle("no_text")
    dated = dates.published_at is not None
    signed = bool(byline.authors) and not any(a in title for a in byline.authors)
    signals = Signals(markup, (title, squash(page.tree.findtext(".//title")) or ""), url, text,
                      len(cleaned.paragraphs), dated, signed, static_page(page.tree))
    refused = markup.refusal(extent, len(cleaned.paragraphs), dated=dated, signed=signed) or verdict(
        lambda: read_layout(page.tree, url, (canonical, page.meta.first("og:url"))), signals)
    if refused is not None and not (locked and (markup.strong or markup.weak) and refused[0] == "not_article_page"):
        raise NotAnArticle(*refused)  # (a declared paywall teaser is short by design)

    original = f.original(cleaned, original_profile, original_url, publisher, byline.agency)
    if original is not None:
        page.events.append("republished_copy")
    paywalled = locked and len(text.split()) < TEASER_MAX_WORDS
    if paywalled:
        page.events.append("paywalled_teaser")

    article = Article(
        id=f.article_id(page, canonical, site_name),
        url=url,
        canonical_url=canonical,
        site=site_name,
        publisher=squash(publisher),
        original=original,
        title=title,
        text=text,
        fetched_at=fetched_at or now.astimezone(UTC).isoformat(timespec="seconds"),
        summary=f.summary(page),
        authors=byline.authors,
        section=f.section(page),
        keywords=f.keywords(page),
        language=f.language(page),
        country=f.country(page),
        published_at=dates.published_at,
        published_at_raw=dates.published_at_raw,
        published_at_source=dates.published_at_source,
        modified_at=dates.modified_at,
        paywalled=paywalled,
    )
    if article.published_at is None:
        page.events.append("missing_date")
    removed = 0
    for spec in fields(article):
        value, count = scrub(getattr(article, spec.name))
        if count:
            setattr(article, spec.name, value)
            removed += count
    page.events.extend(["lone_surrogates"] * removed)
    return Extraction(article, page.events, cleaned.decisions)
