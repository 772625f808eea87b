"""Decide, paragraph by paragraph, what is article and what is page furniture.

The result keeps every decision with the rule that made it, for stats (`clean/removed/<rule>`)
and for `scrapy explain`, which shows people tuning rules why a paragraph went.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from crawler.clean.rules import GENERIC_RULES, ParagraphRule, rule
from crawler.sites.profile import SiteProfile

# A `cut_rest` rule only ends the article when it sits in the last part of the body.
TAIL_FRACTION = 0.4
TAIL_MIN_PARAGRAPHS = 4


@dataclass(frozen=True)
class Decision:
    """One paragraph and why it was removed (`rule` is None when kept)."""

    text: str
    rule: str | None = None


@dataclass
class CleanResult:
    """Kept paragraphs, every decision, and the original publisher a footer named (if any)."""

    decisions: list[Decision] = field(default_factory=list)
    footer_publisher: str | None = None

    @property
    def paragraphs(self) -> list[str]:
        return [d.text for d in self.decisions if d.rule is None]

    @property
    def removed(self) -> list[Decision]:
        return [d for d in self.decisions if d.rule is not None]


_SITE_RULES: dict[str, tuple[ParagraphRule, ...]] = {}


def site_rules(profile: SiteProfile) -> tuple[ParagraphRule, ...]:
    """A profile's `boilerplate_patterns`, compiled once and named `<site>/<rule>`."""
    compiled = _SITE_RULES.get(profile.name)
    if compiled is None:
        compiled = tuple(rule(f"{profile.name}/{name}", regex) for name, regex in profile.boilerplate_patterns)
        _SITE_RULES[profile.name] = compiled
    return compiled


def credit_rule(publishers: Iterable[str]) -> ParagraphRule | None:
    """'Source: <publisher>' credit lines naming one of `publishers` (a republisher's footer).

    Only known news publishers: "Source: National Bureau of Statistics" under a table is content.
    """
    names = sorted({re.escape(p) for p in publishers if p}, key=len, reverse=True)
    if not names:
        return None
    return rule("republisher/source_credit",
                rf"(?:source|via|credit|courtesy of)\s*[:：-]?\s*(?:the )?(?:{'|'.join(names)})(?:\s*\([^)]*\))?\.?")


def rules_for(profiles: Iterable[SiteProfile]) -> tuple[ParagraphRule, ...]:
    """Generic rules plus the site rules of every profile given (own site, original publisher)."""
    profiles = list(profiles)
    seen: list[ParagraphRule] = list(GENERIC_RULES)
    credit = credit_rule(p.publisher for p in profiles if p.publisher)
    if credit is not None:
        seen.append(credit)
    for profile in profiles:
        seen.extend(r for r in site_rules(profile) if r not in seen)
    return tuple(seen)


def _fold(text: str) -> str:
    return " ".join(text.split())


def _match(text: str, rules: Sequence[ParagraphRule]) -> tuple[ParagraphRule, re.Match[str]] | None:
    folded = _fold(text).strip(" \u00a0")
    for candidate in rules:
        found = candidate.pattern.fullmatch(folded)
        if found:
            return candidate, found
    return None


def clean_paragraphs(paragraphs: Sequence[str], rules: Sequence[ParagraphRule] = GENERIC_RULES) -> CleanResult:
    """Apply `rules` to `paragraphs`; furniture after a late `cut_rest` paragraph goes too."""
    result = CleanResult()
    tail_start = min(len(paragraphs) - TAIL_MIN_PARAGRAPHS, int(len(paragraphs) * (1 - TAIL_FRACTION)))
    cut_by: str | None = None
    for index, text in enumerate(paragraphs):
        if cut_by is not None:
            result.decisions.append(Decision(text, f"after/{cut_by}"))
            continue
        matched = _match(text, rules)
        if matched is None:
            result.decisions.append(Decision(text))
            continue
        found_rule, found = matched
        result.decisions.append(Decision(text, found_rule.name))
        publisher = found.groupdict().get("publisher")
        if publisher and result.footer_publisher is None:
            result.footer_publisher = _fold(publisher).strip(" .")
        if found_rule.cut_rest and index >= tail_start:
            cut_by = found_rule.name
    return result
