"""Article or other page, from how the page is laid out (`crawler.extract.layout`) and what it is called.

Runs after the markup test (`crawler.extract.kind`): markup says a page may be an article, these
signals say when a page carrying article markup is still a listing, a service page, a media page
or a data page. Each test is general (no site names); thresholds were set on the invented pages of
tests/fixtures/page_kinds and checked against real articles. See docs/cleaning.md (Articles and
other pages).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from urllib.parse import unquote, urlsplit

from crawler.extract.kind import Markup
from crawler.extract.layout import Layout

# Layout tests apply to bodies shorter than this: a longer text is an article among dense navigation.
LAYOUT_TEXT_CHARS = 1000
# Body text drawn from teaser cards (headline link + snippet) beyond this share: a listing.
TEASER_SHARE = 0.4
# An undeclared, undated, unsigned page with this many links in headings to other pages: a listing.
LISTING_HEADING_LINKS = 3
# A page whose text is mostly tables of figures (rates, quotes, calendars) is a data page.
DATA_TABLE_SHARE = 0.5
DATA_DIGIT_SHARE = 0.2
# A media page's text is a short description: at most this many paragraphs.
MEDIA_MAX_PARAGRAPHS = 5
# A page named as media (below) with a player or this many captions is a media page.
GALLERY_CAPTIONS = 3
_MEDIA_TITLE = re.compile(r"^\s*(?:video|videos|watch|photos?|pictures|in pictures|gallery|slideshow|podcast|listen|"
                          r"episode\s*\d+|视频|图集|组图|動画|写真特集|영상|포토)\s*[:：|]", re.IGNORECASE)
_MEDIA_FOLDERS = frozenset({"video", "videos", "gallery", "galleries", "photos", "podcast", "podcasts", "multimedia",
                            "tv", "slideshow", "fotos", "bildergalerie", "videos-tv"})
# Structured data read as an article declaration, enough for a page with a player or captions.
_STRUCTURED = frozenset({"jsonld", "next_data", "microdata", "article_body"})

# Words of the names of a site's service pages (about, policies, contact, account, errors), in the
# languages of the sites we crawl; a title or URL slug made of these words alone names such a page.
_SERVICE_WORDS = frozenset("""
about contact privacy policy policies cookie cookies terms conditions editorial standards guidelines
ethics corrections clarifications investor investors relations
newsroom masthead staff team advertise advertising careers impressum datenschutz
datenschutzerklärung faq faqs help login signin register registration subscribe subscriptions
newsletters 404 error disclaimer legal accessibility sitemap imprint kontakt mentions légales
légal confidentialité inscription connexion contacto aviso privacidad cookies-policy
""".split())
# Words allowed beside them ("About us", "Terms of use", "Page not found").
_FILLER_WORDS = frozenset("""
us our we the and of use service services with page not found notice statement sign log in up
information info a de la et nous qui sommes y el la política
""".split())
_SERVICE_CJK = re.compile(r"^(?:关于我们|联系我们|隐私政策|隐私声明|版权声明|免责声明|用户协议|服务条款|网站地图|"
                          r"個人情報保護方針|プライバシーポリシー|お問い合わせ|会社概要|利用規約|"
                          r"이용약관|개인정보처리방침|회사소개)$")
# Folders of a site that hold no articles (accounts, help, jobs, events).
_SERVICE_FOLDERS = frozenset({"account", "accounts", "my", "user", "users", "help", "support", "careers", "jobs",
                              "events", "event", "compte", "konto", "karriere", "veranstaltungen"})
# Titles of quote and rate pages.
_DATA_TITLE = re.compile(r"\b(?:share|stock) price today\b|\bstock quote\b|\bexchange rates? today\b|"
                         r"汇率|牌价|株価|주가", re.IGNORECASE)
_TITLE_SPLIT = re.compile(r"\s+[|\-–—:·»]\s+|_|\s*--\s*|\s*\|\s*")
_WORD_SPLIT = re.compile(r"[\s\-_.,:;!?/()&+]+")


@dataclass(frozen=True)
class Signals:
    """What the verdict reads besides the layout: markup, the page's title and URL, the body."""

    markup: Markup
    titles: tuple[str, ...]
    """The headline and the document's <title>."""
    url: str
    text: str
    paragraphs: int
    dated: bool
    signed: bool
    static_page: bool = False


def service_name(text: str) -> bool:
    """`text` (a title, a URL slug) names a service page: about, policies, contact, account, errors."""
    text = text.strip().casefold()
    if _SERVICE_CJK.match(text):
        return True
    words = [w for w in _WORD_SPLIT.split(text) if w]
    if not words or len(words) > 5:
        return False
    core = [w for w in words if w not in _FILLER_WORDS]
    return bool(core) and all(w in _SERVICE_WORDS for w in core)


def _named_service(title: str, url: str) -> bool:
    """The page's title (its first part, before the site name) or its URL's last segment names a
    service page."""
    head = _TITLE_SPLIT.split(title.strip())[0] if title else ""
    segments = [s for s in unquote(urlsplit(url).path).split("/") if s]
    slug = re.sub(r"\.\w{2,5}$", "", segments[-1]) if segments else ""
    folders = {seg.casefold() for seg in segments[:-1]}
    return service_name(head) or bool(slug and service_name(slug)) or bool(folders & _SERVICE_FOLDERS)


def _media_named(titles: tuple[str, ...], url: str) -> bool:
    """A title starting "Video:", "Photos:", "Episode 12:"..., or a URL folder of videos, galleries
    or podcasts."""
    if any(_MEDIA_TITLE.match(t) for t in titles if t):
        return True
    return any(s.casefold() in _MEDIA_FOLDERS for s in urlsplit(url).path.split("/")[:-1] if s)


def verdict(read_layout: Callable[[], Layout], signals: Signals) -> tuple[str, str] | None:
    """`(reason, detail)` when the page is not an article by its layout or name, else None.

    The layout is read (`read_layout()`) only for a short text: most pages never pay for it.
    """
    markup, text = signals.markup, signals.text
    if any(_named_service(title, signals.url) for title in signals.titles):
        return "not_article_page", "service_page: the title or URL names a service page"
    structured = markup.strong in _STRUCTURED
    if len(text) >= LAYOUT_TEXT_CHARS:
        return None  # a long text is judged by its markup alone: real articles sit among dense navigation
    layout = read_layout()
    share, cards, _ = layout.teaser_share(text)
    if share >= TEASER_SHARE:
        return "listing_page", f"teaser_cards: {share:.0%} of the text from {cards} teaser card(s)"
    if markup.strong is None and not signals.dated and not signals.signed \
            and layout.heading_links >= LISTING_HEADING_LINKS:
        return "listing_page", f"heading_links: {layout.heading_links} headline links in headings, no date, no byline"
    if not structured and signals.paragraphs <= MEDIA_MAX_PARAGRAPHS and _media_named(signals.titles, signals.url) and (
            layout.players or layout.captions >= GALLERY_CAPTIONS):
        return "not_article_page", "media_page: a video, gallery or podcast page without structured article data"
    if not structured and (any(_DATA_TITLE.search(t) for t in signals.titles) or (
            layout.table_chars >= DATA_TABLE_SHARE * layout.text_chars
            and layout.numeric_table_chars >= DATA_DIGIT_SHARE * layout.table_chars)):
        return "not_article_page", "data_page: a quote or rate page, or mostly tables of figures"
    return None
