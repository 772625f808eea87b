"""Body-text quality: this project's extraction + cleaning against trafilatura alone.

    python -m benchmarks.cleaning_bench [--corpus benchmarks/cleaning_corpus]

For every page of the corpus (`<class>/<case>/{page.html, input.json, expected.txt}`, hand-written
expected text), token precision / recall / F1 of the body against the expected text, micro-averaged
per page class and overall, for `crawler.extract.extract_article` and for plain
`trafilatura.extract` (comments off, tables on). Tokens are case-folded words; CJK characters count
one token each.
"""

from __future__ import annotations

import argparse
import json
import re
from collections import Counter
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import trafilatura

from crawler.extract import NotAnArticle, extract_article

CORPUS = Path(__file__).parent / "cleaning_corpus"
# Written without sight of the rules, after they were tuned on CORPUS: the honest estimate.
HOLDOUT = Path(__file__).parent / "cleaning_holdout"
_TOKEN = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]|[^\W_]+", re.UNICODE)
NOW = datetime(2026, 1, 1, tzinfo=UTC)


def tokens(text: str) -> Counter[str]:
    return Counter(t.casefold() for t in _TOKEN.findall(text or ""))


@dataclass
class Score:
    overlap: int = 0
    predicted: int = 0
    gold: int = 0

    def add(self, predicted: str, gold: str) -> None:
        p, g = tokens(predicted), tokens(gold)
        self.overlap += sum((p & g).values())
        self.predicted += sum(p.values())
        self.gold += sum(g.values())

    @property
    def precision(self) -> float:
        return self.overlap / self.predicted if self.predicted else 0.0

    @property
    def recall(self) -> float:
        return self.overlap / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


def ours(html: bytes, url: str, site: str) -> str:
    try:
        return extract_article(html, url, site=site, now=NOW).article.text
    except NotAnArticle:
        return ""


def baseline(html: bytes, url: str) -> str:
    return trafilatura.extract(html, url=url, include_comments=False, include_tables=True) or ""


def cases(corpus: Path) -> list[tuple[str, Path]]:
    return sorted((p.parent.parent.name, p.parent) for p in corpus.glob("*/*/page.html"))


def evaluate(corpus: Path = CORPUS) -> dict[str, dict[str, Score]]:
    """{class: {"ours": Score, "trafilatura": Score}}, plus an "overall" class."""
    results: dict[str, dict[str, Score]] = {}
    for page_class, folder in cases(corpus):
        spec = json.loads((folder / "input.json").read_text(encoding="utf-8"))
        html = (folder / "page.html").read_bytes()
        gold = (folder / "expected.txt").read_text(encoding="utf-8")
        for name in (page_class, "overall"):
            scores = results.setdefault(name, {"ours": Score(), "trafilatura": Score()})
            scores["ours"].add(ours(html, spec["url"], spec.get("site", "generic")), gold)
            scores["trafilatura"].add(baseline(html, spec["url"]), gold)
    return results


def table(results: dict[str, dict[str, Score]], corpus: Path) -> str:
    counts = Counter(page_class for page_class, _ in cases(corpus))
    counts["overall"] = sum(counts.values())
    lines = ["| class | pages | ours P | ours R | ours F1 | trafilatura P | trafilatura R | trafilatura F1 |",
             "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"]
    for name in sorted(results, key=lambda n: (n == "overall", n)):
        o, t = results[name]["ours"], results[name]["trafilatura"]
        lines.append(f"| {name} | {counts[name]} | {o.precision:.3f} | {o.recall:.3f} | {o.f1:.3f} | "
                     f"{t.precision:.3f} | {t.recall:.3f} | {t.f1:.3f} |")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, action="append",
                        help=f"corpus folder, repeatable (default: {CORPUS.name} and {HOLDOUT.name})")
    parser.add_argument("--pages", action="store_true", help="also print per-page F1")
    args = parser.parse_args(argv)
    for corpus in args.corpus or [c for c in (CORPUS, HOLDOUT) if c.is_dir()]:
        print(f"\n## {corpus.name}\n")
        report(corpus, args.pages)
    return 0


def report(corpus: Path, pages: bool) -> None:
    if pages:
        for page_class, folder in cases(corpus):
            spec = json.loads((folder / "input.json").read_text(encoding="utf-8"))
            html, gold = (folder / "page.html").read_bytes(), (folder / "expected.txt").read_text(encoding="utf-8")
            o, t = Score(), Score()
            o.add(ours(html, spec["url"], spec.get("site", "generic")), gold)
            t.add(baseline(html, spec["url"]), gold)
            print(f"{page_class}/{folder.name}: ours F1 {o.f1:.3f} (P {o.precision:.3f} R {o.recall:.3f}), "
                  f"trafilatura F1 {t.f1:.3f} (P {t.precision:.3f} R {t.recall:.3f})")
    print(table(evaluate(corpus), corpus))


if __name__ == "__main__":
    raise SystemExit(main())
