"""Cleaning quality floors, pinned to the corpus they were measured on (tests/quality_floors.json).

    python -m benchmarks.quality_floors                # re-measure; refuses to lower a floor
    python -m benchmarks.quality_floors --allow-drop   # accept a lower floor (say why in the commit)

Each corpus entry records the sha256 of its files, the figures measured on them and the floors the
gate (tests/unit/clean/test_corpus_quality.py) holds. The gate fails when a corpus changed without
re-measuring, when a figure falls under its floor, and when a floor sits further than `MAX_SLACK`
under the measured figure (a floor lowered by hand). See docs/cleaning.md.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import math
from pathlib import Path
from typing import Any

from benchmarks.cleaning_bench import CORPUS, HOLDOUT, evaluate

PROJECT = Path(__file__).resolve().parents[1]
FLOORS_PATH = PROJECT / "tests" / "quality_floors.json"
CORPORA = {CORPUS.name: CORPUS, HOLDOUT.name: HOLDOUT}
METRICS = ("f1", "recall")
# A floor is set this far under the measured figure (rounded down to 0.01), and may sit no further.
MARGIN = 0.005
MAX_SLACK = 0.02


def corpus_sha256(folder: Path) -> str:
    """One hash over every file of the corpus (relative path and bytes), in path order."""
    digest = hashlib.sha256()
    for path in sorted(p for p in folder.rglob("*") if p.is_file() and p.suffix in {".html", ".json", ".txt"}):
        digest.update(path.relative_to(folder).as_posix().encode("utf-8") + b"\0")
        digest.update(hashlib.sha256(path.read_bytes()).digest())
    return digest.hexdigest()


def measure(folder: Path) -> dict[str, float]:
    overall = evaluate(folder)["overall"]["ours"]
    return {"f1": round(overall.f1, 4), "recall": round(overall.recall, 4), "precision": round(overall.precision, 4)}


def load() -> dict[str, Any]:
    return json.loads(FLOORS_PATH.read_text(encoding="utf-8"))


def update(allow_drop: bool) -> list[str]:
    """Re-measure every corpus and rewrite the file; the refusals (empty when written)."""
    old = load()["corpora"] if FLOORS_PATH.exists() else {}
    corpora: dict[str, Any] = {}
    refused: list[str] = []
    for name, folder in CORPORA.items():
        measured = measure(folder)
        floors = {m: math.floor((measured[m] - MARGIN) * 100) / 100 for m in METRICS}
        for metric, floor in floors.items():
            before = old.get(name, {}).get("floors", {}).get(metric)
            if before is not None and floor < before and not allow_drop:
                refused.append(f"{name} {metric}: floor {before} -> {floor} (measured {measured[metric]})")
        corpora[name] = {"path": folder.relative_to(PROJECT).as_posix(), "sha256": corpus_sha256(folder),
                         "measured": measured, "floors": floors}
    if not refused:
        text = json.dumps({"_note": __doc__.splitlines()[0], "corpora": corpora}, indent=2, ensure_ascii=False)
        FLOORS_PATH.write_text(text + "\n", encoding="utf-8")
    return refused


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--allow-drop", action="store_true", help="accept floors lower than the recorded ones")
    args = parser.parse_args(argv)
    refused = update(args.allow_drop)
    for line in refused:
        print(f"refused: {line}; rerun with --allow-drop to accept it")
    if not refused:
        print(f"wrote {FLOORS_PATH.relative_to(PROJECT)}")
    return 1 if refused else 0


if __name__ == "__main__":
    raise SystemExit(main())
