"""URL hygiene and spider argument parsing.

Pure functions on in-memory fixture strings: the URLs below are only parsed, never fetched.
"""

from __future__ import annotations

import pytest

from crawler.sites import get_site
from crawler.spiders.arguments import ArgumentError, url_list
from crawler.urls import strip_tracking


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        pytest.param("https://www.scmp.com/a/article/1/x?utm_source=rss_feed", "https://www.scmp.com/a/article/1/x", id="utm"),
        pytest.param("https://Ex.COM/p?id=3&fbclid=abc#top", "https://ex.com/p?id=3", id="fbclid-fragment-case"),
        pytest.param("https://ex.com/p?page=2&utm_medium=x&utm_campaign=y", "https://ex.com/p?page=2", id="keeps-real-params"),
        pytest.param("https://ex.com", "https://ex.com/", id="empty-path"),
    ],
)
def test_strip_tracking(url: str, expected: str) -> None:
    assert strip_tracking(url) == expected


SCMP = get_site("scmp")


@pytest.mark.parametrize(
    ("url", "is_article"),
    [
        pytest.param("https://www.scmp.com/economy/china-economy/article/3300001/slug", True, id="section-article"),
        pytest.param("https://www.scmp.com/plus/economy/article/3300001/slug", True, id="plus-article"),
        pytest.param("https://www.scmp.com/article/974387/old-slug", True, id="legacy"),
        pytest.param("https://www.scmp.com/china/some-slug/article/3021830", True, id="id-last"),
        pytest.param("https://www.scmp.com/economy/china-economy", False, id="section"),
        pytest.param("https://www.scmp.com/topics/china-economy", False, id="topic"),
        pytest.param("https://www.scmp.com/video/economy/3300999/slug", False, id="video"),
        pytest.param("https://www.scmp.com/live/markets", False, id="live"),
        pytest.param("https://www.scmp.com/print/economy/article/3300001/slug", False, id="print"),
        pytest.param("https://www.scmp.com/rss/92/feed", False, id="rss"),
    ],
)
def test_scmp_article_urls(url: str, is_article: bool) -> None:
    assert SCMP.is_article_url(url) is is_article


def test_scmp_article_id_from_each_url_shape() -> None:
    assert SCMP.article_id("https://www.scmp.com/china/some-slug/article/3021830") == "3021830"
    assert SCMP.article_id("https://www.scmp.com/article/974387/old-slug") == "974387"


def test_url_list_commas_files_and_paths(tmp_path) -> None:
    listing = tmp_path / "urls.txt"
    listing.write_text("# seeds\nhttps://a.example/1\n\nhttps://b.example/2\n")
    page = tmp_path / "page.html"
    page.write_text("<html></html>")
    urls = url_list(f"https://a.example/1, @{listing},{page}", "urls")
    assert urls == ["https://a.example/1", "https://b.example/2", page.resolve().as_uri()]


@pytest.mark.parametrize("value", ["ftp://x.example/a", "not a url", "@/nonexistent/file.txt"])
def test_url_list_rejects_bad_values_with_the_argument_name(value: str) -> None:
    with pytest.raises(ArgumentError, match="urls"):
        url_list(value, "urls")
