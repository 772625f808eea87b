"""Is this page an article? What its markup declares, and how much text a page of that kind needs.

A news brief of two paragraphs is an article when the page says so (JSON-LD, `og:type`, microdata,
`itemprop="articleBody"`, `article:published_time`, one `<article>` element, a byline or date under
the headline); a section page with one teaser is not. See docs/cleaning.md (Articles and briefs).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import urljoin, urlsplit

from lxml import etree
from lxml.html import HtmlElement

from crawler.extract.meta import PageMeta

# Sizes are in characters, a CJK character counting three (`text_size`).
# Strongly declared (structured data, article microdata, `article:published_time`, `og:type` article
# outside CMS static pages): a brief counts.
MIN_DECLARED_TEXT_CHARS = 80
# Weakly declared (`og:type` on a CMS static page, one <article> element, a byline naming someone,
# a publication date): two paragraphs, and a publication date or a byline.
MIN_WEAK_TEXT_CHARS = 150
MIN_WEAK_PARAGRAPHS = 2
# Undeclared pages must carry at least this much body text.
MIN_UNDECLARED_TEXT_CHARS = 400
# This many article items (teaser cards, microdata items) make a listing.
LISTING_ITEMS = 3

_ARTICLE_ITEMTYPE = re.compile(
    r"schema\.org/(?:News|Reportage|Analysis|Opinion|Background)?Article\b|schema\.org/(?:BlogPosting|LiveBlogPosting)\b",
    re.IGNORECASE,
)
_HEADINGS = ("h1", "h2", "h3", "h4")
# `//*[@itemscope and @itemtype]` and `//*[@itemprop]`, written from the attribute: libxml2 finds the
# elements holding an attribute in half the time it takes to test every element for it.
_ITEMSCOPES = etree.XPath("//@itemtype/parent::*[@itemscope]")
_ITEMPROPS = etree.XPath("//@itemprop/..")


@dataclass(frozen=True)
class Markup:
    """What the page's markup says it is."""

    strong: str | None
    """The strongest article declaration found (`jsonld`, `microdata`, `article_body`, `published_time`...)."""
    weak: str | None
    """A weaker one (`og_type`, `article_element`), or None."""
    listing_items: int
    """Teaser cards / article items: a listing has several."""
    cards: int = 0
    """<article> elements whose heading links to another page."""

    def refusal(self, chars: int, paragraphs: int, *, dated: bool, signed: bool) -> tuple[str, str] | None:
        """`(reason, detail)` when the page is not an article, given the size of its cleaned text
        (`text_size`), its paragraphs, whether a publication date was found and whether a byline names
        someone.

        Teaser cards only take away the short-page allowance of weak markup: a long page with
        related-story cards is judged by its text, as any undeclared page."""
        listing = self.listing_items >= LISTING_ITEMS
        if self.strong is not None and not (listing and self.strong == "og_type"):  # (og:type: a CMS default)
            if chars >= MIN_DECLARED_TEXT_CHARS:
                return None
            return "not_article_page", f"{chars} characters of text ({self.strong} declares an article)"
        signed = signed and not self.cards
        # A byline or a date under the headline stands for markup; not beside a teaser card, whose
        # byline and date are the card's (a listing's layout is judged by `crawler.extract.verdict`).
        weak = self.weak or ("byline" if signed else "dated" if dated and not self.cards else None)
        if weak is not None and not listing and chars >= MIN_WEAK_TEXT_CHARS and paragraphs >= MIN_WEAK_PARAGRAPHS \
                and (dated or signed):
            return None
        if chars >= MIN_UNDECLARED_TEXT_CHARS:
            return None
        if listing:
            return "listing_page", f"{chars} characters of text and {self.listing_items} article items"
        declared = f"only {weak}" if weak else "no article markup"
        return "not_article_page", f"{chars} characters of text and {declared}"


_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]")
CJK_WEIGHT = 3


def text_size(text: str) -> int:
    """Characters, a CJK character counting `CJK_WEIGHT` (it carries about as much as a short word)."""
    return len(text) + (CJK_WEIGHT - 1) * len(_CJK.findall(text))


def _is_teaser_card(element: HtmlElement, url: str) -> bool:
    """An <article> whose heading links elsewhere: a card on a listing, not the page's own story."""
    for heading in element.iter(*_HEADINGS):
        link = next(heading.iter("a"), None)
        if link is None:
            link = heading.getparent() if heading.getparent() is not None and heading.getparent().tag == "a" else None
        href = (link.get("href") or "").strip() if link is not None else ""
        if not href or href.startswith("#"):
            return False
        target = urlsplit(urljoin(url, href))
        return target.path.rstrip("/") != urlsplit(url).path.rstrip("/") or target.netloc != urlsplit(url).netloc
    return False


_STATIC_PAGE_CLASS = re.compile(r"(?:^|\s)(?:page-id-\d+|type-page|page-template(?:-[\w-]+)?)(?:\s|$)")


def static_page(tree: HtmlElement) -> bool:
    """A CMS page, not a post (WordPress marks `<body class="page page-id-2 page-template-...">`,
    `<article class="type-page">`): such pages carry `og:type` article too."""
    body = next(tree.iter("body"), None)
    marked = [body] if body is not None else []
    marked += list(tree.iter("article"))[:1]
    return any(_STATIC_PAGE_CLASS.search(e.get("class") or "") for e in marked)


def read_markup(tree: HtmlElement, url: str, meta: PageMeta, *, jsonld: bool, next_data: bool) -> Markup:
    """The article declarations of one page, read on the page as fetched (furniture included)."""
    article_elements = [e for e in tree.iter("article") if not any(a.tag == "article" for a in e.iterancestors())]
    cards = sum(_is_teaser_card(e, url) for e in article_elements)
    items = [e for e in _ITEMSCOPES(tree) if _ARTICLE_ITEMTYPE.search(e.get("itemtype") or "")]
    if jsonld or next_data:
        strong: str | None = "jsonld" if jsonld else "next_data"
    else:
        body_props = [e for e in _ITEMPROPS(tree) if (e.get("itemprop") or "").lower() == "articlebody"]
        strong = ("microdata" if len(items) == 1 or (items and len(body_props) == 1)
                  else "article_body" if len(body_props) == 1
                  else "published_time" if meta.first("article:published_time") else None)
    og_type = (meta.first("og:type") or "").lower()
    own_articles = len(article_elements) - cards
    if strong is None and og_type == "article" and not static_page(tree):
        strong = "og_type"
    weak = ("og_type" if og_type == "article" else "article_element" if own_articles == 1 and cards < 2
            else None)
    return Markup(strong, weak, max(cards, len(items) if len(items) > 1 else 0), cards)
