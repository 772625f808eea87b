"""Boilerplate rules that hold on any site, as data.

Every rule matches a WHOLE paragraph (whitespace folded, case-insensitive): a sentence of the
article that merely quotes "sign up now" or mentions a copyright dispute is never touched. Rules
flagged `cut_rest` mark the start of page furniture (a "Source link" footer, a comment form):
what follows them at the end of the body goes too. Each rule's fixture is named beside it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True)
class ParagraphRule:
    """A named whole-paragraph pattern."""

    name: str
    pattern: re.Pattern[str]
    cut_rest: bool = False


def rule(name: str, regex: str, *, cut_rest: bool = False) -> ParagraphRule:
    """Compile `regex` to match a whole folded paragraph, case-insensitively."""
    return ParagraphRule(name, re.compile(rf"(?:{regex})", re.IGNORECASE | re.DOTALL), cut_rest)


# Publisher name in a footer: up to the first "(", "," or "." that ends the name.
_PUBLISHER = r"(?:the )?(?P<publisher>[A-Z0-9][^,.(\n]{1,80}?)"

_SHARE_ITEM = (r"(?:share|tweet|e-?mail|print|reprints?|digg|link|save|pin|bookmark|whatsapp|facebook|twitter|linkedin"
               r"|telegram|reddit|copy link|comments?)(?: (?:this|it|article|story|on \w+|via \w+))?")

GENERIC_RULES: tuple[ParagraphRule, ...] = (
    # Seed copy, tests/fixtures/pages/republished-scmp-copy: auto-blog template `<a href=...>Source link </a>`.
    rule("republisher/source_link", r"source link|source url|original source|source:\s*link", cut_rest=True),
    # Seed copy: "This article originally appeared in the South China Morning Post (SCMP), ... All rights reserved."
    rule("republisher/originally_appeared",
         rf"this (?:article|story|post|report) (?:was )?(?:originally |first )?(?:appeared|published|ran) "
         rf"(?:in|on|at|by) {_PUBLISHER}(?:\s*\([^)]*\))?(?:[,.;:].{{0,600}})?"),
    # "The entry <title> was first published in Asia Financial Daily."
    rule("republisher/first_published",
         rf"the (?:entry|post|article) .{{1,300}}? (?:was )?first (?:published|appeared) (?:in|on) {_PUBLISHER}\.?"),
    rule("republisher/read_original",
         rf"(?:read|view|see) the (?:original|full) (?:article|story|report|post)(?: here)?(?: (?:at|on|in) {_PUBLISHER})?\.?",
         cut_rest=True),
    # Syndication copyright lines: "Copyright (c) 2025. South China Morning Post Publishers Ltd. All rights reserved."
    rule("footer/copyright",
         r"(?:copyright|©|\(c\))\s*(?:©|\(c\))?\s*(?:\d{4}(?:\s*[-–]\s*\d{4})?)?\.?\s*.{0,160}?all rights reserved\.?"
         r"|(?:copyright|©)\s*\d{4}.{0,120}"
         # "The-CNN-Wire ™ & © 2013 Cable News Network, Inc. ... All rights reserved."
         r"|.{1,60}?(?:©|\(c\)|copyright)\s*\d{4}.{0,160}?all rights reserved\.?"),
    # "Write to Ada Quist at ada.quist@example.com", "Contact the reporter: ...@..."
    rule("credit/contact",
         r"(?:to )?(?:write to|contact|e-?mail|reach)(?: (?:the )?(?:author|reporter|writer|editor)s?)?(?: on this story)?"
         r"\s*[:,]?\s*.{0,80}?(?:at|:)?\s*\S+@\S+?\.?"),
    # WordPress comment forms (core "Leave a Reply", themes "Leave a Response"): tests/fixtures/pages/blog-*.
    rule("comments/form", r"leave a (?:reply|response|comment)(?: to .{1,120})?(?:\s*cancel reply)?", cut_rest=True),
    rule("comments/form_field",
         r"cancel reply|post comment|submit comment|your email address will not be published\.?.{0,80}"
         r"|required fields are marked ?\*?|please enter (?:your|an) (?:comment|name here|valid email address)[!.]?"
         r"|you must be logged in to post a comment\.?|(?:\d+ )?comments?(?: \(\d+\))?|no comments yet\.?"
         r"|save my name, email, and website in this browser for the next time i comment\.?",
         cut_rest=False),
    rule("widget/share",
         r"share (?:this|on|via)(?:[: ].{0,60})?|like this:?|loading\.\.\.|(?:share|tweet|email|print|whatsapp|"
         r"facebook|twitter|linkedin|telegram|copy link)(?:\s*[|/·]\s*(?:share|tweet|email|print|whatsapp|facebook|"
         r"twitter|linkedin|telegram|copy link))*"),
    # Share bars kept as a list: "- Tweet this - Link this - Share this - Digg this - Reprints".
    rule("widget/share_list",
         rf"(?:[-|/·•]\s*)?{_SHARE_ITEM}(?:\s*[-|/·•]\s*{_SHARE_ITEM})+"),
    rule("widget/related",
         r"(?:related (?:articles?|posts?|stories|news|reading)|you may also like|more on this|more from .{1,40}"
         r"|recommended(?: for you)?|most (?:read|popular))\s*:?"
         r"|(?:read more|also read|see also|related)\s*:\s*.{1,200}"),
    rule("navigation/back_to_top", r"back to top(?: button)?|scroll to top|skip to (?:main )?content"),
    rule("promo/advertisement", r"advertisement|advertising|sponsored(?: content)?|scroll to continue(?: with content)?"),
    # Optional lead-in question ("Enjoyed this post? Sign up for ... newsletter").
    rule("promo/newsletter",
         r"(?:[^.?!]{1,60}[?!]\s*)?(?:(?:sign up|subscribe)(?: now)? (?:for|to) (?:our|the|my) .{0,60}newsletters?.{0,120}"
         r"|get (?:the|our) .{0,40}newsletter.{0,80}|newsletter sign[- ]?up)"),
    # Jetpack's subscription box: "Discover more from <blog>" / "Subscribe to get the latest posts ...".
    rule("promo/subscribe_box",
         r"discover more from .{1,80}|subscribe to get the latest posts(?: sent)? to your e-?mail\.?"
         r"|type your email(?:…|\.\.\.)?|continue reading"),
    # Credit lines closing a story: "（责任编辑：卢志鹏）", "(Reporting by A; Editing by B)".
    rule("credit/editor", r"[(（]?\s*(?:责任编辑|責任編輯|责编|責編|编辑|編輯|校对|校對)\s*[:：]\s*[^()（）]{1,40}[)）]?"),
    rule("credit/reporting",
         r"\(\s*(?:(?:additional )?reporting|writing|editing|compiled|translated) by [^()]{1,200}\)\.?"
         r"|(?:(?:additional )?reporting|writing|editing|compiled|translated) by [^.;()]{1,45}"
         r"(?:;\s*(?:writing|editing) by [^.;()]{1,45})*\.?"),
    rule("promo/follow_us", r"follow us on .{1,80}|(?:join|follow) (?:us|our channel) on (?:telegram|whatsapp|x|twitter)\b.{0,60}"),
)
