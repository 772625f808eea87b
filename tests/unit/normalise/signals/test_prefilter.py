"""`Prefiltered` finds exactly what its pattern finds, only faster (literal prefilter, anchored scan)."""

from __future__ import annotations

import re

import pytest

from crawler.normalise.signals import lexicon
from crawler.normalise.signals.figures import _patterns, _places
from crawler.normalise.signals.prefilter import AnyOf, KeyIndex, Prefiltered, fold, requirement

TEXTS = [
    "China's GDP grew 5.2 per cent in 2025, while retail sales rose 3 per cent.",
    "The economy expanded, and the economy, analysts said, is expected to slow.",
    "Caixin manufacturing PMI rose to 50.4; the official purchasing managers' index fell.",
    "Retail Sales and RETAIL SALES and retail\u00a0sales in one sentence.",
    "In\ufb01ation is not inflation; \u0130NFLATION and \u017fales and \u212aey rate (case equivalents).",
    "Hong Kong's exports to the US fell; Hong Kong interbank offered rate HIBOR rose.",
    "GDPR is not GDP, and neither is subGDP; the seven-day reverse repo rate was cut.",
    "",
    "\u017fales only (long s)",
    "\u0130NFLATION only (dotted capital I)",
    "\u212aey rate only (Kelvin sign)",
    "国内生产总值同比增长5.2%，居民消费价格上涨0.3%，出口增长7%。全国城镇调查失业率为5.1%。",
]

PATTERNS = [
    (r"(?<![\w])retail sales|retail spending(?![\w])", re.I),
    (r"(?:the |its )?economy(?=,? (?:\w+ )?(?:grew|expanded|is expected))", re.I),
    (r"(?:official |Caixin |manufacturing )*(?:PMI|purchasing managers'? index)", re.I),
    (r"inflation|sales|key rate", re.I),
    (r"a?", 0),  # can match the empty string: no prefilter, no anchor
    (r"(?i:gdp)|exports", 0),  # inline flags: scanned as usual
    (r"[Gg]DP|\bexports\b", 0),
    (r"国内(?!生产总值)|出口|失业率", 0),
]


def _spans(matches: object) -> list[tuple[int, int, str]]:
    return [(m.start(), m.end(), m.group()) for m in matches]  # type: ignore[attr-defined]


def _cases() -> list[tuple[str, int]]:
    cases = list(PATTERNS)
    for family in ("en", "zh"):
        cases += [(p.pattern.pattern, p.pattern.flags) for _, p in _patterns(family)]
        cases += [(p.pattern.pattern, p.pattern.flags) for p, _ in _places(family)]
    return cases


@pytest.mark.parametrize(("source", "flags"), _cases(), ids=lambda v: str(v)[:40])
def test_same_matches_as_the_pattern(source: str, flags: int) -> None:
    compiled, prefiltered = re.compile(source, flags), Prefiltered.compile(source, flags)
    for text in TEXTS:
        assert _spans(prefiltered.finditer(text)) == _spans(compiled.finditer(text)), text
        for lo, hi in ((0, len(text) // 2), (len(text) // 3, len(text)), (5, max(5, len(text) - 5))):
            expected = _spans(compiled.finditer(text, lo, hi))
            assert _spans(prefiltered.finditer(text, lo, hi, fold(text[lo:hi]))) == expected, (text, lo, hi)


def test_requirement_reads_the_literals() -> None:
    assert requirement(re.compile(r"(?<!\w)retail sales|retail spending", re.I)) == (("retail sales", "retail spending"),)
    assert requirement(re.compile(r"core (?:CPI|inflation)", re.I)) == (("core ",), ("cpi", "inflation"))
    assert requirement(re.compile(r"a?")) == ()


def test_a_pattern_without_its_literals_is_not_run() -> None:
    pattern = Prefiltered.compile(lexicon.INDICATORS[0][1], re.I)
    assert not pattern.possible("Shares rose on Monday.")
    assert pattern.possible("GDP rose.")


@pytest.mark.parametrize("family", ["en", "zh"])
def test_any_of_is_false_only_where_no_pattern_can_match(family: str) -> None:
    patterns = [p for indicator, p in _patterns(family) if indicator]
    any_of = AnyOf(patterns)
    verdicts = []
    for text in [*TEXTS, "Shares rose on Monday.", "股市周一上涨。"]:
        matched = any(next(p.pattern.finditer(text), None) for p in patterns)
        verdicts.append(any_of.possible(text, fold(text)))
        assert verdicts[-1] or not matched, text
    assert False in verdicts  # the filter does skip sentences


def test_any_of_reads_case_sensitive_literals_on_the_text_itself() -> None:
    any_of = AnyOf([Prefiltered.compile(r"OPR"), Prefiltered.compile(r"retail sales", re.I)])
    assert any_of.possible("The OPR stays.", fold("The OPR stays."))
    assert not any_of.possible("the opr stays.", fold("the opr stays."))
    assert any_of.possible("RETAIL SALES fell", fold("RETAIL SALES fell"))
    assert AnyOf([Prefiltered.compile(r"a?")]).possible("", "")  # no literal known: always possible


def _all_patterns() -> list[Prefiltered]:
    from crawler.normalise.signals.epu import load_term_sets

    patterns = [Prefiltered.compile(source, flags) for source, flags in PATTERNS]
    for family in ("en", "zh"):
        patterns += [p for _, p in _patterns(family)] + [p for p, _ in _places(family)]
    patterns += [p for ts in load_term_sets() for _, terms in ts.sets for _, p in terms]
    return patterns


def _sentences() -> list[str]:
    """The test texts, and each sentence of the figure finder's development table (both languages)."""
    from tests.unit.normalise.signals.figure_table import rows

    return [*TEXTS, "Shares rose on Monday.", "股市周一上涨。", *(row["text"] for row in rows())]


def test_the_key_index_keeps_every_pattern_that_can_match_a_sentence() -> None:
    patterns = _all_patterns()
    index = KeyIndex(patterns)
    skipped = 0
    for text in _sentences():
        candidates = index.candidates(text, fold(text))
        assert candidates == sorted(set(candidates)), "ascending, each once"
        for number, pattern in enumerate(patterns):
            if number not in candidates:
                skipped += 1
                assert next(pattern.pattern.finditer(text), None) is None, (pattern.pattern.pattern, text)
    assert skipped > len(_sentences()) * len(patterns) // 2  # and most patterns are skipped


def test_the_key_index_reads_case_and_keeps_patterns_without_literals() -> None:
    patterns = [Prefiltered.compile(r"OPR"), Prefiltered.compile(r"retail sales", re.I), Prefiltered.compile(r"a?")]
    index = KeyIndex(patterns)
    assert index.candidates("The OPR and RETAIL SALES.", fold("The OPR and RETAIL SALES.")) == [0, 1, 2]
    assert index.candidates("the opr and retail sale.", fold("the opr and retail sale.")) == [2]
