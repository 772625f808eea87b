"""Date candidates from markup: JSON-LD nodes, meta keys, microdata and `<time>`, links (invented snippets)."""

from __future__ import annotations

import json

import lxml.html
import pytest

from crawler.dates.markup import jsonld_candidates, link_urls, meta_candidates, time_candidates
from crawler.dates.model import DateCandidate

C = DateCandidate


def page(head: str = "", body: str = "") -> lxml.html.HtmlElement:
    return lxml.html.document_fromstring(f"<html><head>{head}</head><body><h1>Headline</h1>{body}</body></html>")


def ld(data: object, wrap: str = "") -> str:
    text = json.dumps(data)
    if wrap == "cdata":
        text = f"//<![CDATA[\n{text}\n//]]>"
    elif wrap == "comment":
        text = f"<!--{text}-->"
    return f'<script type="application/ld+json">{text}</script>'


def test_jsonld_webpage_node_of_a_graph() -> None:
    graph = {"@graph": [{"@type": "WebPage", "datePublished": "2025-06-02T07:30:00+07:00"},
                        {"@type": "Article", "headline": "x"}]}
    assert jsonld_candidates(page(ld(graph))) == [C("jsonld", "published", "2025-06-02T07:30:00+07:00")]


@pytest.mark.parametrize("wrap", ["cdata", "comment"])
def test_jsonld_wrapped_in_cdata_or_comment(wrap: str) -> None:
    tree = page(ld({"@type": "NewsArticle", "datePublished": "2025-06-02"}, wrap))
    assert jsonld_candidates(tree) == [C("jsonld", "published", "2025-06-02")]


def test_article_node_beats_webpage_node_and_keeps_its_modified_date() -> None:
    graph = [{"@type": "WebPage", "datePublished": "2025-06-01"},
             {"@type": "BlogPosting", "datePublished": "2025-06-02", "dateModified": "2025-06-03"}]
    assert jsonld_candidates(page(ld(graph))) == [
        C("jsonld", "published", "2025-06-02"), C("jsonld", "modified", "2025-06-03"),
        C("jsonld", "published", "2025-06-01")]


def test_report_type_counts_as_an_article() -> None:
    tree = page(ld({"@type": "Report", "datePublished": "2025-06-02"}))
    assert jsonld_candidates(tree) == [C("jsonld", "published", "2025-06-02")]


def test_video_upload_date_only_on_a_video_page() -> None:
    video = {"@type": "VideoObject", "uploadDate": "2025-05-01"}
    assert jsonld_candidates(page(ld(video))) == [C("jsonld", "published", "2025-05-01")]
    # Beside an article, a VideoObject is an embedded clip: its date is not the page's.
    article = {"@type": "NewsArticle", "headline": "x"}
    assert jsonld_candidates(page(ld(video) + ld(article))) == []


def test_item_list_stories_are_not_the_page() -> None:
    listing = {"@type": "ItemList", "itemListElement": [
        {"@type": "ListItem", "item": {"@type": "NewsArticle", "datePublished": "2025-05-30"}}]}
    assert jsonld_candidates(page(ld(listing))) == []


def test_date_created_is_a_created_candidate() -> None:
    tree = page(ld({"@type": "NewsArticle", "dateCreated": "2017-11-17T10:41:09Z"}))
    assert jsonld_candidates(tree) == [C("jsonld", "created", "2017-11-17T10:41:09Z")]


def test_meta_every_key_of_a_tag_counts() -> None:
    # A tag named by property AND itemprop (as some publishers write them) is read by both.
    head = ('<meta property="article:published" itemprop="datePublished" content="2017-01-13T00:00:04-05:00">'
            '<meta property="og:updated_time" content="2017-01-13T03:38:38-05:00">')
    assert meta_candidates(page(head)) == [C("meta", "published", "2017-01-13T00:00:04-05:00"),
                                           C("meta", "modified", "2017-01-13T03:38:38-05:00")]


def test_meta_itemprop_in_head_is_page_level_in_body_it_is_microdata() -> None:
    assert meta_candidates(page('<meta itemprop="datePublished" content="2025-02-18">')) == [
        C("meta", "published", "2025-02-18")]
    body = '<div itemscope itemtype="https://schema.org/ItemList"><meta itemprop="datePublished" content="2024-01-01"></div>'
    assert meta_candidates(page(body=body)) == []


def test_article_modified_time_is_a_modified_date() -> None:
    head = '<meta property="article:modified_time" content="2025-03-06T10:00:00+08:00">'
    assert meta_candidates(page(head)) == [C("meta", "modified", "2025-03-06T10:00:00+08:00")]


def test_wordpress_entry_date_published_updated_is_the_publication_date() -> None:
    body = ('<time class="entry-date published updated" datetime="2025-03-04T09:15:00+08:00">4 March</time>'
            '<time class="updated" datetime="2025-03-06T10:00:00+08:00">6 March</time>')
    assert time_candidates(page(body=body)) == [C("time", "published", "2025-03-04T09:15:00+08:00"),
                                                C("time", "modified", "2025-03-06T10:00:00+08:00")]


def test_article_scope_microdata_beats_related_items_before_it() -> None:
    body = ('<ul class="dv-list" itemscope itemtype="https://schema.org/ItemList">'
            '<li><meta itemprop="datePublished" content="2014-11-20T16:00:49Z"></li></ul>'
            '<div itemscope itemtype="https://schema.org/NewsArticle">'
            '<time itemprop="datePublished" datetime="2014-12-29T16:00-05:00">Published December 29, 2014</time></div>')
    assert time_candidates(page(body=body))[0] == C("time", "published", "2014-12-29T16:00-05:00")


def test_microdata_on_any_element_reads_content_then_text() -> None:
    body = ('<div itemscope itemtype="https://schema.org/Article"><span itemprop="datePublished" '
            'content="2025-02-18">18 February</span><span itemprop="dateModified">2025-02-19</span></div>')
    assert time_candidates(page(body=body)) == [C("time", "published", "2025-02-18"),
                                                C("time", "modified", "2025-02-19")]


def test_time_elements_in_furniture_are_skipped() -> None:
    body = ('<div class="related-stories"><time datetime="2025-01-01">1 Jan</time></div>'
            '<div id="comments"><time class="published" datetime="2025-01-02">2 Jan</time></div>'
            '<time datetime="2025-02-18">18 Feb</time>')
    assert time_candidates(page(body=body)) == [C("time", "published", "2025-02-18")]


def test_hinted_time_before_bare_time() -> None:
    body = '<time datetime="2025-01-05">5 Jan</time><time pubdate datetime="2025-02-18">18 Feb</time>'
    assert time_candidates(page(body=body))[0] == C("time", "published", "2025-02-18")


def test_a_long_list_of_times_is_capped() -> None:
    body = "".join(f'<time class="published" datetime="2025-01-{day:02d}">x</time>' for day in range(1, 20))
    assert len(time_candidates(page(body=body))) == 3


def test_canonical_link_and_og_url() -> None:
    head = ('<link rel="canonical" href="https://news.example/2017/11/16/story/">'
            '<meta property="og:url" content="https://news.example/en/20150512-story">')
    assert link_urls(page(head)) == ["https://news.example/2017/11/16/story/", "https://news.example/en/20150512-story"]
