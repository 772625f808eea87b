"""Real pages: body text and bylines, ours beside trafilatura (default and favor_precision).

    python -m benchmarks.pages_bench [--manifest PATH] [--failures dev] [--cache DIR]

The corpus is a manifest of real pages with gold labels (one JSON object per line: `id`, `html`
path, `url` or null, `body` path to the gold text or null, `authors` gold person names, `[]` when
the page names no person, null when unknown) and a `split.json` beside it (`dev`: look at failures
only on these; `heldout`: scored, never inspected). Figures: docs/cleaning.md (Real pages).

Body: token precision / recall / F1 per page (case-folded words, each CJK character one token, as
in `benchmarks.cleaning_bench`), averaged over pages; a refused page is an empty text (P = R = 0).
Authors, over pages whose gold names people: how many pages get any name ("coverage") and how many
get at least one gold name ("hits"); name precision = returned names that are gold names / names
returned, over every page with known gold (a name on a `[]` page is wrong). Names match after
case-folding and dropping punctuation. trafilatura's byline is `extract_metadata(...).author`
split on ";" and ",". Per-page cost of each extractor is printed as well.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
import time
import warnings
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import trafilatura

from benchmarks.cleaning_bench import tokens
from crawler.extract import NotAnArticle, extract_article
from crawler.extract.prune_equivalents import trafilatura_as_released

MANIFEST = Path("/work/corpora/real/manifest.jsonl")
NOW = datetime(2026, 1, 1, tzinfo=UTC)
SPLITS = ("dev", "heldout")
_NAME_JUNK = re.compile(r"[^\w]+", re.UNICODE)


@dataclass
class Output:
    text: str
    authors: list[str]
    seconds: float = 0.0


def ours(html: bytes, url: str) -> Output:
    start = time.perf_counter()
    try:
        article = extract_article(html, url, now=NOW).article
        result = Output(article.text, list(article.authors))
    except NotAnArticle:
        result = Output("", [])
    result.seconds = time.perf_counter() - start
    return result


def _trafilatura(html: bytes, url: str, *, precision: bool) -> Output:
    start = time.perf_counter()
    with trafilatura_as_released():  # timed as released (our import put equivalents in its pruning)
        text = trafilatura.extract(html, url=url, include_comments=False, include_tables=True,
                                   favor_precision=precision) or ""
    result = Output(text, [])
    result.seconds = time.perf_counter() - start
    if not precision:  # the byline is the same in both modes: read it once
        metadata = trafilatura.extract_metadata(html, default_url=url)
        author = getattr(metadata, "author", None) or ""
        result.authors = [a.strip() for a in re.split(r"[;,]", author) if a.strip()]
    return result


def trafilatura_default(html: bytes, url: str) -> Output:
    return _trafilatura(html, url, precision=False)


def trafilatura_precision(html: bytes, url: str) -> Output:
    return _trafilatura(html, url, precision=True)


SYSTEMS: dict[str, Callable[[bytes, str], Output]] = {
    "ours": ours,
    "trafilatura": trafilatura_default,
    "trafilatura_precision": trafilatura_precision,
}
BYLINE_SYSTEMS = ("ours", "trafilatura")


def name_key(name: str) -> str:
    return _NAME_JUNK.sub(" ", name.casefold()).strip()


def body_prf(predicted: str, gold: str) -> tuple[float, float, float]:
    p, g = tokens(predicted), tokens(gold)
    overlap = sum((p & g).values())
    precision = overlap / sum(p.values()) if p else 0.0
    recall = overlap / sum(g.values()) if g else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


@dataclass
class Tally:
    """Scores of one system on one split."""

    body: list[tuple[float, float, float]] = field(default_factory=list)
    person_pages: int = 0
    covered: int = 0
    hits: int = 0
    names: int = 0
    right_names: int = 0
    seconds: float = 0.0
    pages: int = 0

    def add_authors(self, returned: list[str], gold: list[str] | None) -> None:
        if gold is None:
            return
        gold_keys = {name_key(g) for g in gold}
        keys = [name_key(r) for r in returned if name_key(r)]
        self.names += len(keys)
        self.right_names += sum(k in gold_keys for k in keys)
        if gold:
            self.person_pages += 1
            self.covered += bool(keys)
            self.hits += any(k in gold_keys for k in keys)

    def mean(self, index: int) -> float:
        return sum(s[index] for s in self.body) / len(self.body) if self.body else 0.0


def load(manifest: Path) -> tuple[list[dict[str, Any]], dict[str, str]]:
    pages = [json.loads(line) for line in manifest.read_text(encoding="utf-8").splitlines() if line.strip()]
    split = json.loads((manifest.parent / "split.json").read_text(encoding="utf-8"))
    where = {page_id: name for name in SPLITS for page_id in split.get(name, [])}
    return pages, where


def run_system(name: str, html: bytes, url: str, cache: Path | None) -> Output:
    """One system on one page; trafilatura results are cached by page hash when `cache` is set."""
    if cache is None or name == "ours":
        return SYSTEMS[name](html, url)
    key = hashlib.sha1(html + url.encode() + trafilatura.__version__.encode()).hexdigest()
    path = cache / f"{name}-{key}.json"
    if path.exists():
        data = json.loads(path.read_text(encoding="utf-8"))
        return Output(data["text"], data["authors"], data["seconds"])
    result = SYSTEMS[name](html, url)
    cache.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(result.__dict__), encoding="utf-8")
    return result


def evaluate(manifest: Path, cache: Path | None, failures: str | None) -> dict[str, dict[str, Tally]]:
    pages, where = load(manifest)
    results: dict[str, dict[str, Tally]] = {}
    for page in pages:
        split = where.get(page["id"])
        if split is None or (page["body"] is None and page["authors"] is None):
            continue
        html = Path(page["html"]).read_bytes()
        url = page["url"] or f"https://example.invalid/{page['id']}"
        gold_body = Path(page["body"]).read_text(encoding="utf-8") if page["body"] else None
        outputs = {name: run_system(name, html, url, cache) for name in SYSTEMS}
        for scope in (split, "all"):
            for name, out in outputs.items():
                tally = results.setdefault(scope, {}).setdefault(name, Tally())
                tally.seconds += out.seconds
                tally.pages += 1
                if gold_body is not None:
                    tally.body.append(body_prf(out.text, gold_body))
                if name in BYLINE_SYSTEMS:
                    tally.add_authors(out.authors, page["authors"])
        if failures == split:  # never the held-out pages
            show_failures(page, outputs, gold_body)
    return results


def show_failures(page: dict[str, Any], outputs: dict[str, Output], gold_body: str | None) -> None:
    line = [page["id"]]
    if gold_body is not None:
        ours_f1 = body_prf(outputs["ours"].text, gold_body)
        traf_f1 = body_prf(outputs["trafilatura"].text, gold_body)
        line.append(f"body ours P {ours_f1[0]:.2f} R {ours_f1[1]:.2f} F {ours_f1[2]:.2f}"
                    f" | traf F {traf_f1[2]:.2f}")
    if page["authors"] is not None:
        line.append(f"authors gold {page['authors']} ours {outputs['ours'].authors}"
                    f" traf {outputs['trafilatura'].authors}")
    print("  ".join(line))


def report(results: dict[str, dict[str, Tally]]) -> str:
    lines = []
    for scope in (*SPLITS, "all"):
        if scope not in results:
            continue
        tallies = results[scope]
        first = next(iter(tallies.values()))
        lines += [f"\n## {scope}: {len(first.body)} pages with gold body, {first.person_pages} naming persons\n",
                  "| system | body P | body R | body F1 | authors coverage | authors hits | name precision | ms/page |",
                  "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"]
        for name, t in tallies.items():
            byline = (f"{t.covered}/{t.person_pages} | {t.hits}/{t.person_pages} | "
                      f"{t.right_names / t.names if t.names else 0:.3f}") if name in BYLINE_SYSTEMS else "- | - | -"
            lines.append(f"| {name} | {t.mean(0):.3f} | {t.mean(1):.3f} | {t.mean(2):.3f} | {byline} | "
                         f"{1000 * t.seconds / max(t.pages, 1):.1f} |")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--manifest", type=Path, default=MANIFEST)
    parser.add_argument("--cache", type=Path, help="cache trafilatura's outputs here (by page hash)")
    parser.add_argument("--failures", choices=["dev"], help="print per-page scores of the dev split")
    args = parser.parse_args(argv)
    if not args.manifest.is_file():
        parser.error(f"--manifest: {args.manifest} not found")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # the benchmark reports; it does not police the libraries
        results = evaluate(args.manifest, args.cache, args.failures)
    print(report(results))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
