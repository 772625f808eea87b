"""Byline strings -> person names (`crawler.extract.names`), as an example table."""

from __future__ import annotations

import pytest

from crawler.extract.names import clean_authors, names_from_byline

ROWS = [
    # (byline text, expected names)
    ("By Anna Lee", ["Anna Lee"]),
    ("by Tomas Varga and Mei Ling Ong", ["Tomas Varga", "Mei Ling Ong"]),
    ("By Priya Natarajan, Senior Economics Correspondent", ["Priya Natarajan"]),
    ("Written by Olaf Brandt Edited by Carla Ruiz", ["Olaf Brandt"]),
    ("By Liu Hanqing | China Daily | Updated: 2025-03-04 08:12", ["Liu Hanqing"]),
    ("By Zhou Min in Shanghai | chinadaily.com.cn | Updated: 2025-03-04", ["Zhou Min"]),
    ("GRETA HOLM and JONAS ECK", ["Greta Holm", "Jonas Eck"]),
    ("Darius Fenwick, NORTHERN LEDGER", ["Darius Fenwick"]),
    ("Colette Marin | colette.marin@example.org", ["Colette Marin"]),
    ("By Helen Okafor - 3 March 2025 Deputy Business Editor", ["Helen Okafor"]),
    ("Posted by Ravi Menon on March 4, 2025", ["Ravi Menon"]),
    ("Par Juliette Armand et Noé Castel", ["Juliette Armand", "Noé Castel"]),
    ("Por María José Ortega", ["María José Ortega"]),
    ("Sam Whitaker Senior Markets Editor", ["Sam Whitaker"]),
    ("Ines Carvalho, MD", ["Ines Carvalho"]),
    ("Curator: Wendell Ashby", ["Wendell Ashby"]),
    ("本报记者 王立群 陈思远", ["王立群", "陈思远"]),
    ("作者：赵一鸣", ["赵一鸣"]),
    ("记者 孙可欣 责任编辑：李卫", ["孙可欣"]),
    ("新华社记者 周建国", ["周建国"]),
    ("文/刘佳", ["刘佳"]),
    # No person
    ("By", []),
    ("Staff Reporter", []),
    ("admin", []),
    ("The Harbour Times", []),
    ("Northern Ledger Staff", []),
    ("Business Desk", []),
    ("Redaktion Außenhandel", []),
    ("Rédaction Économie", []),
    ("Veröffentlicht am 19. Juli 2014", []),
    ("Updated: 2025-03-04 10:00", []),
    ("Share this article", []),
    ("Follow us on Twitter", []),
    ("Kim Ostrander and Paul Vega contributed to this report.", []),
    ("Illustration by", []),
    ("https://example.org/author/jane", []),
    ("1046651", []),
]


@pytest.mark.parametrize(("text", "expected"), ROWS, ids=[row[0][:40] for row in ROWS])
def test_names_from_byline(text: str, expected: list[str]) -> None:
    assert names_from_byline(text) == expected


@pytest.mark.parametrize("byline", ["Reuters", "By AFP", "Xinhua", "(Bloomberg)", "新华社", "Associated Press"])
def test_agencies_are_no_authors_but_are_reported(byline: str) -> None:
    agencies: list[str] = []
    assert clean_authors([byline], agencies=agencies) == []
    assert len(agencies) == 1


def test_the_sites_own_name_is_no_author() -> None:
    assert clean_authors(["Harbour Daily Online", "Ada Quist"], site_names=["Harbour Daily Online"]) == ["Ada Quist"]


def test_names_are_deduplicated_across_values() -> None:
    assert clean_authors(["By Ada Quist", "ADA QUIST", "Ada Quist and Bo Lind"]) == ["Ada Quist", "Bo Lind"]
