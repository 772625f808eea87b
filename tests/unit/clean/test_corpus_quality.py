"""Quality gate on the cleaning corpora: never worse than trafilatura alone, and no regression.

The floors live in tests/quality_floors.json with the sha256 of the corpus they were measured on
(`python -m benchmarks.quality_floors` re-measures them and refuses a lower floor without
`--allow-drop`). The corpora (hand-written expected text; see benchmarks/cleaning_bench.py) are read
from that file, so a corpus missing from the checkout fails here instead of being skipped.
"""

from __future__ import annotations

from typing import Any

import pytest

from benchmarks.cleaning_bench import evaluate
from benchmarks.quality_floors import CORPORA, MAX_SLACK, METRICS, corpus_sha256, load
from tests.support.paths import PROJECT

FLOORS: dict[str, Any] = load()["corpora"]


def test_every_corpus_has_floors() -> None:
    assert set(FLOORS) == set(CORPORA)


@pytest.fixture(scope="module", params=sorted(FLOORS))
def corpus(request: pytest.FixtureRequest) -> tuple[str, dict[str, Any], dict[str, Any]]:
    name = request.param
    entry = FLOORS[name]
    return name, entry, evaluate(PROJECT / entry["path"])


def test_the_corpus_is_the_one_the_floors_were_measured_on(corpus) -> None:
    name, entry, _ = corpus
    assert corpus_sha256(PROJECT / entry["path"]) == entry["sha256"], (
        f"{entry['path']} changed since its floors were measured: run `python -m benchmarks.quality_floors`, "
        "review the new figures and commit tests/quality_floors.json with the corpus change")


def test_every_page_class_is_at_least_as_good_as_trafilatura(corpus) -> None:
    _, _, results = corpus
    for page_class, pair in results.items():
        assert pair["ours"].f1 >= pair["trafilatura"].f1, page_class


def test_overall_f1_is_higher_than_trafilatura(corpus) -> None:
    _, _, results = corpus
    assert results["overall"]["ours"].f1 > results["overall"]["trafilatura"].f1


@pytest.mark.parametrize("metric", METRICS)
def test_no_figure_falls_under_its_floor(corpus, metric: str) -> None:
    name, entry, results = corpus
    assert getattr(results["overall"]["ours"], metric) >= entry["floors"][metric], f"{name} {metric}"


@pytest.mark.parametrize("metric", METRICS)
def test_no_floor_was_lowered_by_hand(corpus, metric: str) -> None:
    name, entry, results = corpus
    assert entry["floors"][metric] >= getattr(results["overall"]["ours"], metric) - MAX_SLACK, (
        f"{name} {metric}: the floor is more than {MAX_SLACK} under the measured figure; "
        "floors move with `python -m benchmarks.quality_floors` (a drop needs --allow-drop)")
