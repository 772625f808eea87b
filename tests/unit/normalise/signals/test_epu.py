"""The EPU tagger: each matching rule of the methods on its own sentence, and the term files' contract."""

from __future__ import annotations

import json
from importlib.resources import files
from typing import Any

import pytest

from crawler.normalise.signals.epu import load_term_sets, tag_epu

EPU_EN = "China's economic outlook is uncertain as Beijing weighs new policy."


def result(text: str, method: str, language: str = "en", title: str = "") -> dict[str, Any]:
    return next(r for r in tag_epu({"title": title, "text": text, "language": language}) if r["method"] == method)


def terms(res: dict[str, Any], name: str) -> list[str]:
    return [m["term"] for m in res["matches"][name]]


def test_every_set_matched_makes_an_epu_article() -> None:
    res = result(EPU_EN, "bbd_scmp_china")
    assert res["epu"] is True
    assert terms(res, "place") == ["China"] and terms(res, "economy") == ["economic"]
    assert terms(res, "uncertainty") == ["uncertain"] and set(terms(res, "policy")) == {"Beijing", "policy"}


@pytest.mark.parametrize(("text", "missing"), [
    ("The economic outlook is uncertain as officials weigh new policy.", "place"),
    ("China's outlook is uncertain as Beijing weighs new policy.", "economy"),
    ("China's economic outlook is clear as Beijing weighs new policy.", "uncertainty"),
    ("China's economic outlook is uncertain as exporters weigh new orders.", "policy"),
])
def test_one_set_missing_is_not_an_epu_article(text: str, missing: str) -> None:
    res = result(text, "bbd_scmp_china")
    assert res["epu"] is False and res["matches"][missing] == []


@pytest.mark.parametrize(("text", "matched"), [
    ("Uncertainties about the ECONOMY remain.", ["uncertainty"]),      # plural and case
    ("The policies of the bank", ["policy"]),                          # y -> ies plural
    ("New taxes were announced.", ["tax"]),                           # -es plural
    ("The People’s Bank of China acted.", ["People's Bank of China"]),  # curly apostrophe
])
def test_plurals_case_and_apostrophes(text: str, matched: list[str]) -> None:
    res = result(text, "bbd_scmp_china")
    found = [m["term"] for ms in res["matches"].values() for m in ms]
    assert set(matched) <= set(found)


@pytest.mark.parametrize("text", [
    "He took a taxi to the economics faculty.",        # tax inside taxi: whole words only
    "The reformatted budgetary spreadsheet.",          # reform / budget inside longer words
    "An uncertainly worded note.",                     # uncertainly is not a plural of uncertain
    "Chinatown's restaurants were busy.",              # China inside Chinatown
])
def test_whole_words_only(text: str) -> None:
    res = result(text, "bbd_scmp_china")
    found = {m["term"] for ms in res["matches"].values() for m in ms}
    assert not found & {"tax", "reform", "budget", "uncertain", "China"}


def test_a_longer_term_wins_over_one_inside_it() -> None:
    res = result("The central bank of China kept interest rates on hold.", "bbd_scmp_china")
    assert terms(res, "policy") == ["central bank", "interest rates"]


def test_title_is_searched_with_offsets_in_the_title() -> None:
    res = result("The economy is uncertain and policy unclear.", "bbd_scmp_china", title="China braces")
    place = res["matches"]["place"][0]
    assert res["epu"] and place["field"] == "title" and (place["start"], place["end"]) == (0, 5)


def test_offsets_point_at_the_match() -> None:
    text = "Policy uncertainty clouds China's economy."
    res = result(text, "bbd_scmp_china")
    for ms in res["matches"].values():
        for m in ms:
            assert text[m["start"]:m["end"]] == m["text"]


def test_chinese_sets_match_as_substrings() -> None:
    text = "在外部环境不确定性上升的情况下，货币政策将保持稳健，以支持经济增长。"
    res = result(text, "dls_mainland_china", language="zh")
    assert res["epu"] is True
    assert terms(res, "uncertainty") == ["不确定"] and "经济" in terms(res, "economy")
    assert {"政策", "货币"} <= set(terms(res, "policy"))


def test_chinese_article_gets_chinese_methods_only() -> None:
    methods = {r["method"] for r in tag_epu({"title": "", "text": "经济", "language": "zh-Hans"})}
    assert methods == {"dls_mainland_china", "dls_trade_policy"}
    methods = {r["method"] for r in tag_epu({"title": "", "text": "经济政策不确定", "language": None})}
    assert methods == {"dls_mainland_china", "dls_trade_policy"}


def test_trade_policy_needs_a_trade_term() -> None:
    text = "Economic uncertainty grew as the government changed policy."
    assert result(text, "bbd_trade_policy")["epu"] is False
    assert result(text + " New tariffs loom.", "bbd_trade_policy")["epu"] is True


def test_every_term_file_cites_its_source_and_says_what_is_confirmed() -> None:
    folder = files("crawler.normalise.signals").joinpath("terms")
    names = sorted(p.name for p in folder.iterdir() if p.name.endswith(".json"))
    assert names == ["bbd_scmp_china.json", "bbd_trade_policy.json", "dls_mainland_china.json", "dls_trade_policy.json"]
    for name in names:
        data = json.loads(folder.joinpath(name).read_text(encoding="utf-8"))
        citation = data["citation"]
        assert citation["authors"] and citation["title"] and citation["year"] and citation["url"]
        assert citation["table"] and citation["confirmed"] and data["differences"]
        assert data["method"] == name.removesuffix(".json")
    assert len(load_term_sets()) == 4
