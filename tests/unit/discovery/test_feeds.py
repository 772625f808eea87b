"""RSS and Atom parsing, with SCMP's feed quirks.

Pure functions on in-memory fixture strings: the URLs below are only parsed, never fetched.
"""

from __future__ import annotations

from crawler.discovery.feeds import parse_feed

RSS = b"""<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel><title>China Economy</title>
<item><title>Exports beat forecasts</title>
<link>https://www.scmp.com/economy/china-economy/article/3300001/a?utm_source=rss_feed</link>
<guid isPermaLink="true">https://www.scmp.com/economy/china-economy/article/3300001/a?utm_source=rss_feed</guid>
<description></description><pubDate>Wed, 07 Aug 2019 10:44:05 +0000</pubDate>
<author>Xinyi Wu,Mia Nurmamat</author><dc:creator>Xinyi Wu,Mia Nurmamat</dc:creator></item>
<item><title>Wire story</title><guid isPermaLink="true">https://www.scmp.com/business/article/3300002/b</guid>
<author>Reuters</author></item>
<item><title>No link at all</title></item>
</channel></rss>"""

ATOM = b"""<feed xmlns="http://www.w3.org/2005/Atom"><title>Blog</title>
<entry><title>Post</title><link rel="alternate" href="https://blog.example/2025/01/02/post/"/>
<published>2025-01-02T08:00:00Z</published><author><name>Lee Ka-ming</name></author><summary>S</summary></entry>
</feed>"""


def test_rss_items_with_comma_joined_authors() -> None:
    entries = parse_feed(RSS)
    assert entries is not None and len(entries) == 2
    assert entries[0].authors == ("Xinyi Wu", "Mia Nurmamat")
    assert entries[0].published == "Wed, 07 Aug 2019 10:44:05 +0000"
    assert entries[0].summary is None


def test_rss_guid_permalink_stands_in_for_missing_link() -> None:
    entries = parse_feed(RSS)
    assert entries is not None
    assert entries[1].link == "https://www.scmp.com/business/article/3300002/b"
    assert entries[1].authors == ("Reuters",)


def test_atom_entries() -> None:
    entries = parse_feed(ATOM)
    assert entries is not None
    assert entries[0].link == "https://blog.example/2025/01/02/post/"
    assert entries[0].authors == ("Lee Ka-ming",)
    assert entries[0].published == "2025-01-02T08:00:00Z"


def test_non_feed_documents_give_none() -> None:
    assert parse_feed(b"<html><body>Access denied</body></html>") is None
    assert parse_feed(b"not xml at all") is None
