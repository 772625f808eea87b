"""The share of a body found in teaser cards counts each body sentence once."""

from __future__ import annotations

from crawler.extract.layout import Layout

SHARED = "The developer did not respond to a request for comment."
OTHER = "Officials pledged more support, but investors remain cautious."
BODY = " ".join([SHARED, "Exports fell 5.3 per cent last month, the customs agency said on Tuesday.",
                 OTHER, "Analysts had expected a smaller fall, citing weaker demand from Europe."])


def test_a_sentence_repeated_by_several_cards_counts_once() -> None:
    layout = Layout(cards=[[SHARED], [SHARED], [OTHER], [OTHER]], card_sizes=[120, 130, 140, 150])
    share, cards, top = layout.teaser_share(BODY)
    assert cards == 4
    assert share == (len(SHARED) + len(OTHER)) / len(BODY)
    assert top == len(OTHER) / len(BODY)


def test_a_listing_body_made_of_its_cards_is_all_teaser() -> None:
    teasers = [SHARED, OTHER]
    layout = Layout(cards=[[t] for t in teasers], card_sizes=[len(t) for t in teasers])
    share, cards, _ = layout.teaser_share("\n\n".join(teasers))
    assert cards == 2 and share > 0.95
