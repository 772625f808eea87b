"""Staged records are found by URL and fingerprint through indexes, with the answers of a scan."""

from __future__ import annotations

import random
from pathlib import Path

from crawler.state.store import Record, StateStore


def _scan_url(store: StateStore, url: str) -> Record | None:
    return next((r for r in store._staged.values() if r.canonical_url == url), None)


def _scan_fingerprint(store: StateStore, fingerprint: str, exclude_id: str) -> Record | None:
    return next((r for r in store._staged.values() if r.fingerprint == fingerprint and r.id != exclude_id), None)


def test_first_in_staging_order_wins(tmp_path: Path) -> None:
    store = StateStore(tmp_path / "state.sqlite")
    for n in (3, 1, 2):
        store.stage(Record(f"site:{n}", "site", "https://a.example/same", "f-same"))
    assert store.staged_by_url("https://a.example/same").id == "site:3"
    assert store.staged_by_fingerprint("f-same", exclude_id="site:3").id == "site:1"
    store.stage(Record("site:3", "site", "https://a.example/moved", "f-other"))  # staged again: keeps its place
    assert store.staged_by_url("https://a.example/same").id == "site:1"
    assert store.staged_by_url("https://a.example/moved").id == "site:3"
    assert store.staged_by_fingerprint("f-same", exclude_id="site:9").id == "site:1"


def test_same_answers_as_a_scan_through_stage_commit_and_discard(tmp_path: Path) -> None:
    rng = random.Random(17)
    store = StateStore(tmp_path / "state.sqlite")
    urls = [f"https://a.example/{n}" for n in range(6)]
    fingerprints = [f"f{n}" for n in range(5)]
    ids = [f"site:{n}" for n in range(12)]
    for step in range(600):
        action = rng.random()
        if action < 0.6:
            store.stage(Record(rng.choice(ids), "site", rng.choice(urls), rng.choice(fingerprints)))
        elif action < 0.75:
            store.commit(rng.sample(ids, 3))
        elif action < 0.85:
            store.discard_staged(rng.sample(ids, 2))
        elif action < 0.87:
            store.discard_staged()
        for url in urls:
            if _scan_url(store, url) is not None:  # a staged record wins over the database
                assert store.by_url(url) == _scan_url(store, url), step
            assert store.staged_by_url(url) == _scan_url(store, url), step
        for fingerprint in fingerprints:
            exclude = rng.choice(ids)
            assert store.staged_by_fingerprint(fingerprint, exclude_id=exclude) == \
                _scan_fingerprint(store, fingerprint, exclude), step
    assert store._staged_urls.keys() == {r.canonical_url for r in store._staged.values()}
