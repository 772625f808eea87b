"""RSS 2.0 and Atom feed parsing: links plus the fields worth carrying to the article request."""

from __future__ import annotations

from dataclasses import dataclass

from crawler.discovery.xml import child_text, local_name, parse_xml


@dataclass(frozen=True)
class FeedEntry:
    """One feed item."""

    link: str
    title: str | None = None
    published: str | None = None
    authors: tuple[str, ...] = ()
    summary: str | None = None


def _split_authors(raw: str | None) -> tuple[str, ...]:
    # SCMP joins names with a bare comma ("Xinyi Wu,Mia Nurmamat"); RSS <author> may be "mail (Name)".
    if not raw:
        return ()
    names = []
    for part in raw.split(","):
        part = part.strip()
        if "(" in part and part.endswith(")"):
            part = part[part.index("(") + 1 : -1].strip()
        if part and "@" not in part:
            names.append(part)
    return tuple(names)


def _rss_item(item) -> FeedEntry | None:
    link = child_text(item, "link")
    if not link:
        guid = next((c for c in item if local_name(c) == "guid"), None)
        if guid is not None and guid.get("isPermaLink", "true") != "false" and (guid.text or "").strip():
            link = (guid.text or "").strip()
    if not link:
        return None
    authors = _split_authors(child_text(item, "creator")) or _split_authors(child_text(item, "author"))
    return FeedEntry(
        link=link,
        title=child_text(item, "title"),
        published=child_text(item, "pubDate") or child_text(item, "date"),
        authors=authors,
        summary=child_text(item, "description"),
    )


def _atom_entry(entry) -> FeedEntry | None:
    link = None
    for child in entry:
        if local_name(child) == "link" and child.get("rel", "alternate") == "alternate" and child.get("href"):
            link = child.get("href").strip()
            break
    if not link:
        return None
    authors = tuple(
        name for child in entry if local_name(child) == "author" and (name := child_text(child, "name"))
    )
    return FeedEntry(
        link=link,
        title=child_text(entry, "title"),
        published=child_text(entry, "published") or child_text(entry, "updated"),
        authors=authors,
        summary=child_text(entry, "summary"),
    )


def parse_feed(body: bytes) -> list[FeedEntry] | None:
    """Entries of an RSS or Atom feed in document order; None when the body is not a feed."""
    root = parse_xml(body)
    if root is None:
        return None
    kind = local_name(root)
    if kind in ("rss", "RDF"):
        items = root.iter("item", "{*}item")
        return [entry for item in items if (entry := _rss_item(item))]
    if kind == "feed":
        return [entry for child in root if local_name(child) == "entry" and (entry := _atom_entry(child))]
    return None
