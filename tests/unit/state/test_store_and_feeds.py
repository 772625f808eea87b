"""State store and atomic feed storage as units."""

from __future__ import annotations

import json
from pathlib import Path

from crawler.feeds import AtomicFileFeedStorage
from crawler.state.fingerprint import content_fingerprint
from crawler.state.store import Record, StateStore


def record(i: int, fp: str = "0123456789abcdef", ts: float | None = 100.0) -> Record:
    return Record(id=f"scmp:{i}", site="scmp", canonical_url=f"https://x.example/article/{i}", fingerprint=fp,
                  discovery_ts=ts)


def test_staged_records_are_visible_but_only_durable_after_commit(tmp_path: Path) -> None:
    path = tmp_path / "s.sqlite"
    store = StateStore(path)
    store.stage(record(1))
    assert store.get("scmp:1") is not None
    store.close()  # a crash before the feed closed
    assert StateStore(path).get("scmp:1") is None


def test_commit_persists_and_lookups_work(tmp_path: Path) -> None:
    path = tmp_path / "s.sqlite"
    store = StateStore(path)
    store.stage(record(1))
    assert store.commit() == 1
    store.close()
    again = StateStore(path)
    assert again.get("scmp:1") == record(1)
    assert again.by_url("https://x.example/article/1") == record(1)
    assert again.by_fingerprint("0123456789abcdef", exclude_id="scmp:2") == record(1)
    assert again.by_fingerprint("0123456789abcdef", exclude_id="scmp:1") is None


def test_discovery_date_never_goes_backwards(tmp_path: Path) -> None:
    store = StateStore(tmp_path / "s.sqlite")
    store.stage(record(1, ts=200.0))
    store.commit()
    store.stage(record(1, ts=150.0))
    store.commit()
    assert store.get("scmp:1").discovery_ts == 200.0  # type: ignore[union-attr]


def test_reset_forgets(tmp_path: Path) -> None:
    path = tmp_path / "s.sqlite"
    store = StateStore(path)
    store.stage(record(1))
    store.commit()
    store.close()
    assert StateStore(path, reset=True).count() == 0


def test_fingerprint_ignores_formatting_but_not_words() -> None:
    a = content_fingerprint("Title", "The yuan  rose 0.2 per cent.\n\nExporters sold dollars.")
    b = content_fingerprint("title", "The yuan rose 0.2 per cent. Exporters sold “dollars”")
    c = content_fingerprint("Title", "The yuan rose 0.3 per cent. Exporters sold dollars.")
    assert a == b != c


def test_feed_is_written_under_a_part_name_and_renamed_on_close(tmp_path: Path) -> None:
    final = tmp_path / "feeds" / "run.jsonl"
    storage = AtomicFileFeedStorage(str(final), feed_options={"overwrite": True})
    handle = storage.open(None)
    handle.write(b'{"id": "a"}\n')
    assert not final.exists() and (tmp_path / "feeds" / "run.jsonl.part").exists()
    storage.store(handle)
    assert final.read_bytes() == b'{"id": "a"}\n'
    assert not (tmp_path / "feeds" / "run.jsonl.part").exists()


def test_append_mode_appends_on_close(tmp_path: Path) -> None:
    final = tmp_path / "run.jsonl"
    final.write_bytes(b'{"id": "old"}\n')
    storage = AtomicFileFeedStorage(str(final), feed_options={"overwrite": False})
    handle = storage.open(None)
    handle.write(b'{"id": "new"}\n')
    storage.store(handle)
    assert [json.loads(line)["id"] for line in final.read_text().splitlines()] == ["old", "new"]


def test_commit_of_some_ids_writes_those_staged_records_only(tmp_path: Path) -> None:
    # A closed feed file holds some of the staged articles; the others sit in a file still open.
    path = tmp_path / "s.sqlite"
    store = StateStore(path)
    for i in range(5):
        store.stage(record(i, fp=f"{i:016x}"))
    assert store.commit(["scmp:0", "scmp:1", "scmp:2", "scmp:9"]) == 3
    store.close()
    reopened = StateStore(path)
    assert [reopened.get(f"scmp:{i}") is not None for i in range(5)] == [True, True, True, False, False]


def test_write_now_keeps_the_newest_discovery_date(tmp_path: Path) -> None:
    store = StateStore(tmp_path / "s.sqlite")
    store.stage(record(1, ts=300.0))
    store.commit()
    store.write_now(record(1, ts=200.0))
    assert store.get("scmp:1").discovery_ts == 300.0  # type: ignore[union-attr]
