"""Whole-paragraph rules: boilerplate goes, article sentences that quote boilerplate stay."""

from __future__ import annotations

import pytest

from crawler.clean.paragraphs import clean_paragraphs, rules_for
from crawler.sites import get_site

SCMP_RULES = rules_for([get_site("scmp")])
GENERIC_ONLY = rules_for([])

REMOVED = [
    pytest.param("Source link", "republisher/source_link", id="source-link"),
    pytest.param("Leave a Response", "comments/form", id="leave-a-response"),
    pytest.param("Leave a Reply Cancel reply", "comments/form", id="leave-a-reply-cancel"),
    pytest.param("Your email address will not be published. Required fields are marked *", "comments/form_field",
                 id="email-notice"),
    pytest.param("Please enter your comment!", "comments/form_field", id="enter-comment"),
    pytest.param("This article originally appeared in the South China Morning Post (SCMP), the most authoritative "
                 "voice reporting on China and Asia for more than a century. Copyright © 2025 South China Morning "
                 "Post Publishers Ltd. All rights reserved.", "republisher/originally_appeared", id="originally-appeared"),
    pytest.param("The entry Yuan slips past 7.3 as exporters sell dollars was first published in Asia Financial Daily.",
                 "republisher/first_published", id="entry-first-published"),
    pytest.param("Read the original article at South China Morning Post", "republisher/read_original",
                 id="read-original"),
    pytest.param("Copyright (c) 2025. South China Morning Post Publishers Ltd. All rights reserved.",
                 "footer/copyright", id="copyright-c"),
    pytest.param("© 2024 Lion Business Daily. All rights reserved.", "footer/copyright", id="copyright-symbol"),
    pytest.param("Share this:", "widget/share", id="share-this"),
    pytest.param("Facebook | Twitter | WhatsApp", "widget/share", id="share-bar"),
    pytest.param("Related Articles", "widget/related", id="related-articles"),
    pytest.param("Read more: Hong Kong retail sales slip for a third month", "widget/related", id="read-more-link"),
    pytest.param("Back to top button", "navigation/back_to_top", id="back-to-top"),
    pytest.param("Advertisement", "promo/advertisement", id="advertisement"),
    pytest.param("Sign up for our free Asia markets newsletter", "promo/newsletter", id="newsletter"),
    pytest.param("- Tweet this\n- Link this\n- Share this\n- Digg this\n- Reprints", "widget/share_list",
                 id="share-list"),
    pytest.param("Harbour-Wire ™ & © 2024 Harbour Media Group Ltd. All rights reserved.", "footer/copyright",
                 id="copyright-after-a-name"),
    pytest.param("Write to Ada Quist at ada.quist@harbourdaily.example", "credit/contact", id="write-to"),
    pytest.param("To contact the reporter on this story: Bo Lind in Oslo at blind@example.org", "credit/contact",
                 id="contact-reporter"),
    pytest.param("（责任编辑：卢志鹏）", "credit/editor", id="cn-editor"),
    pytest.param("(Reporting by Ana Reyes; Editing by Tom Hale)", "credit/reporting", id="reporting-editing"),
]

SCMP_REMOVED = [
    pytest.param("Do you have questions about the biggest topics and trends from around the world? Get the answers "
                 "with SCMP Knowledge, our new platform of curated content with explainers, FAQs, analyses and "
                 "infographics brought to you by our award-winning team.", "scmp/knowledge_promo", id="knowledge"),
    pytest.param("Why you can trust SCMP", "scmp/trust_label", id="trust-label"),
    pytest.param("Reading Time:1 minute", "scmp/reading_time", id="reading-time"),
    pytest.param("Select Voice Choose your listening speed Get through articles 2-3x faster 220 WPM Slow Normal Fast",
                 "scmp/listening_widget", id="listening-widget"),
    pytest.param("If you would like to see more of our reporting, please consider subscribing.", "scmp/subscribe",
                 id="subscribe"),
    pytest.param("SCMP+ Unlock more stories like this one with a subscription.", "scmp/plus_line", id="plus-line"),
]

KEPT = [
    pytest.param("The lender's new platform urged users to \"sign up now\" for a deposit rate of 3.1 per cent, "
                 "well above what rivals offer.", id="quotes-sign-up-now"),
    pytest.param("Copyright disputes between streaming platforms and film studios in Shanghai doubled last year, "
                 "court figures show.", id="copyright-disputes"),
    pytest.param("The publisher said its SCMP Knowledge platform had drawn 2 million readers since launch, and that "
                 "explainers on trade were the most read.", id="mentions-scmp-knowledge"),
    pytest.param("Residents were invited to leave a reply to the consultation by March 31.", id="leave-a-reply-in-prose"),
    pytest.param("Source: National Bureau of Statistics", id="data-source-line"),
    pytest.param("Exports rose.", id="one-short-sentence"),
    pytest.param("Share prices of property developers rose 4 per cent on Tuesday.", id="share-prices"),
    pytest.param("Advertising revenue at the broadcaster fell by a fifth in the first half.", id="advertising-revenue"),
    pytest.param("Customers can email complaints to the regulator at help@regulator.example, it said.",
                 id="email-in-prose"),
    pytest.param("编辑部表示，今年将增加版面。", id="cn-editorial-word-in-prose"),
    pytest.param("Reporting by the central bank showed loans rose 8 per cent in the year to March, a faster pace "
                 "than analysts had expected.", id="reporting-by-in-prose"),
    pytest.param("Share, print and email volumes all rose at the firm last year.", id="share-words-in-prose"),
]


@pytest.mark.parametrize(("paragraph", "rule"), REMOVED)
def test_generic_boilerplate_is_removed_by_its_rule(paragraph: str, rule: str) -> None:
    result = clean_paragraphs(["A real opening paragraph of the story.", paragraph], GENERIC_ONLY)
    assert result.decisions[1].rule == rule
    assert result.paragraphs == ["A real opening paragraph of the story."]


@pytest.mark.parametrize(("paragraph", "rule"), SCMP_REMOVED)
def test_scmp_boilerplate_is_removed_by_its_site_rule(paragraph: str, rule: str) -> None:
    assert clean_paragraphs([paragraph], SCMP_RULES).decisions[0].rule == rule


@pytest.mark.parametrize("paragraph", [*KEPT])
def test_article_sentences_quoting_boilerplate_are_kept(paragraph: str) -> None:
    assert clean_paragraphs([paragraph], SCMP_RULES).paragraphs == [paragraph]


def test_scmp_rules_do_not_apply_to_other_sites_by_default() -> None:
    assert clean_paragraphs(["Why you can trust SCMP"], GENERIC_ONLY).paragraphs == ["Why you can trust SCMP"]


def test_footer_publisher_is_read() -> None:
    result = clean_paragraphs(["Body.", "This story was first published in Nikkei Asia, and is republished here."])
    assert result.footer_publisher == "Nikkei Asia"


def test_furniture_after_a_late_footer_goes_too() -> None:
    body = [f"Paragraph {i} of the story." for i in range(8)]
    result = clean_paragraphs([*body, "Source link", "Jane Doe", "March 3, 2025 at 4:12 pm"])
    assert result.paragraphs == body
    assert [d.rule for d in result.removed] == ["republisher/source_link", "after/republisher/source_link",
                                                "after/republisher/source_link"]


def test_an_early_footer_like_line_does_not_cut_the_article() -> None:
    body = ["Intro.", "Source link", *[f"Paragraph {i} of the story." for i in range(8)]]
    result = clean_paragraphs(body)
    assert len(result.paragraphs) == 9
