"""Benchmark date-mention finding: precision, recall and F1 on a table of sentences, and speed.

    python benchmarks/dates_bench.py [--failures] [--repeat N] [--no-speed]   # the project's own tables
    python benchmarks/dates_bench.py --table PATH.jsonl [--failures] [--repeat N] [--no-speed]

Without `--table` the project's two tables are scored: the example table
(tests/unit/normalise/date_mentions/mention_table.py), for our finder and for dateparser's
`search_dates` (languages ["en"] or ["zh"], RELATIVE_BASE = the reference, a fixed 2000-01-01 when a
row has none, so that it never reads the clock), and the development table (dev_table.jsonl).

`--table` scores any JSON Lines table, one row a line (the format of dev_table.jsonl; docs/dates.md):
{"id", "text", "published" (ISO 8601 with an offset, or null: no publication date known),
"language" ("en" or "zh"; optional), "category" (optional; scores are also given per category),
"mentions": [{"text" (exactly as in "text", in order), "date" ("YYYY-MM-DD", the first day of the
period, or null: a relative mention without a publication date), "granularity" (day, week, month,
quarter, half or year)}]}. A row without mentions is a negative.

Scoring: a predicted mention matches a gold one when their spans overlap and the predicted date
lies in the gold period (the gold date plus one unit of its granularity; for calendar periods that
is "the predicted date truncated to the gold granularity equals the gold date", and it also scores
fiscal years that start on 1 April), with a granularity no coarser than the gold one; or when both
dates are null. Matching is one-to-one; gold spans are found in the text in order.

Speed: CPU milliseconds per long article (the text of the crawl benchmark's generated pages of
1,500 words or more, title included) and per 1,000 words (Latin-script words and CJK characters),
best of `--repeat` passes, with and without the prefilter that runs each rule only near the words it
needs (`find_date_mentions(..., prefilter=False)` runs every rule over the whole text).
"""

from __future__ import annotations

import argparse
import calendar
import inspect
import json
import re
import sys
import time
import warnings
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from crawler.normalise.date_mentions.mentions import find_date_mentions  # noqa: E402

DEV_TABLE = Path(__file__).resolve().parents[1] / "tests/unit/normalise/date_mentions/dev_table.jsonl"
NO_REFERENCE_BASE = datetime(2000, 1, 1)
ORDER = ("day", "week", "month", "quarter", "half", "year")
MONTHS_IN = {"month": 1, "quarter": 3, "half": 6, "year": 12}
WORD_RE = re.compile(r"[A-Za-z0-9]+|[\u3400-\u9fff]")
LONG_ARTICLE_WORDS = 1500

Span = tuple[int, int, date | None, str | None]  # start, end, date, granularity (None: a full datetime)


@dataclass(frozen=True)
class Gold:
    text: str
    date: date | None
    granularity: str


@dataclass(frozen=True)
class TableRow:
    id: str
    text: str
    published: datetime | None
    language: str | None
    category: str
    mentions: tuple[Gold, ...]


def load_jsonl(path: Path) -> list[TableRow]:
    rows = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        raw = json.loads(line)
        try:
            rows.append(
                TableRow(
                    id=str(raw["id"]),
                    text=raw["text"],
                    published=datetime.fromisoformat(raw["published"]) if raw.get("published") else None,
                    language=raw.get("language"),
                    category=raw.get("category") or "-",
                    mentions=tuple(
                        Gold(m["text"], date.fromisoformat(m["date"]) if m.get("date") else None, m["granularity"])
                        for m in raw["mentions"]
                    ),
                )
            )
        except (KeyError, TypeError, ValueError) as exc:
            raise SystemExit(f"{path}:{number}: not a table row ({exc!r})") from exc
    return rows


def example_table() -> list[TableRow]:
    """The example table of the unit tests, as table rows (category: english or chinese)."""
    from tests.unit.normalise.date_mentions.mention_table import ROWS

    return [
        TableRow(
            id=r.id,
            text=r.text,
            published=datetime.fromisoformat(r.reference) if r.reference else None,
            language=r.language,
            category="chinese" if (r.language or "").startswith("zh") else "english",
            mentions=tuple(Gold(text, date.fromisoformat(day) if day else None, granularity)
                           for text, day, granularity, _ in r.expected),
        )
        for r in ROWS
    ]


def gold_spans(row: TableRow) -> list[Span]:
    spans: list[Span] = []
    cursor = 0
    for m in row.mentions:
        start = row.text.find(m.text, cursor)
        if start < 0:
            start = row.text.find(m.text)
        if start < 0:
            raise SystemExit(f"row {row.id}: gold mention {m.text!r} is not in the text")
        spans.append((start, start + len(m.text), m.date, m.granularity))
        cursor = start + len(m.text)
    return spans


def ours(row: TableRow, **options: Any) -> list[Span]:
    found = find_date_mentions(row.text, reference=row.published, language=row.language, **options)
    return [
        (m["start"], m["end"], date.fromisoformat(m["date"]) if m["date"] else None, m["granularity"])
        for m in found
    ]


def dateparser_search(row: TableRow) -> list[Span]:
    from dateparser.search import search_dates

    base = row.published.replace(tzinfo=None) if row.published else NO_REFERENCE_BASE
    languages = ["zh"] if (row.language or "").startswith("zh") else ["en"]
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # the benchmark reports; it does not police the library
        results = search_dates(row.text, languages=languages, settings={"RELATIVE_BASE": base}) or []
    spans: list[Span] = []
    cursor = 0
    for text, value in results:
        start = row.text.find(text, cursor)
        if start < 0:
            continue
        spans.append((start, start + len(text), value.date(), None))
        cursor = start + len(text)
    return spans


def _period_after(start: date, granularity: str) -> date:
    """The day after the period of `granularity` that starts on `start`."""
    if granularity == "day":
        return start + timedelta(days=1)
    if granularity == "week":
        return start + timedelta(weeks=1)
    year, month0 = divmod(start.month - 1 + MONTHS_IN[granularity], 12)
    year += start.year
    return date(year, month0 + 1, min(start.day, calendar.monthrange(year, month0 + 1)[1]))


def matches(gold: Span, predicted: Span) -> bool:
    g_start, g_end, g_date, g_granularity = gold
    p_start, p_end, p_date, p_granularity = predicted
    if not (p_start < g_end and g_start < p_end):
        return False
    if g_date is None or p_date is None:
        return g_date is None and p_date is None
    granularity = g_granularity or "day"
    if not g_date <= p_date < _period_after(g_date, granularity):
        return False
    return p_granularity is None or ORDER.index(p_granularity) <= ORDER.index(granularity)


@dataclass
class Counts:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    def add(self, other: Counts) -> None:
        self.tp, self.fp, self.fn = self.tp + other.tp, self.fp + other.fp, self.fn + other.fn

    def prf(self) -> tuple[float, float, float]:
        p = self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0
        r = self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0
        return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def score_row(gold: list[Span], predicted: list[Span]) -> tuple[Counts, list[Span], list[Span]]:
    """Counts for one row, with the gold spans missed and the predictions left unmatched."""
    used: set[int] = set()
    missed = []
    for g in gold:
        hit = next((i for i, p in enumerate(predicted) if i not in used and matches(g, p)), None)
        if hit is None:
            missed.append(g)
        else:
            used.add(hit)
    extra = [p for i, p in enumerate(predicted) if i not in used]
    return Counts(len(gold) - len(missed), len(extra), len(missed)), missed, extra


def score(system: Callable[[TableRow], list[Span]], rows: Iterable[TableRow]) -> dict[str, Counts]:
    """Counts per category and overall ("all")."""
    totals: dict[str, Counts] = {"all": Counts()}
    for row in rows:
        counts, _, _ = score_row(gold_spans(row), system(row))
        totals.setdefault(row.category, Counts()).add(counts)
        totals["all"].add(counts)
    return totals


def print_scores(name: str, totals: dict[str, Counts]) -> None:
    for category in ["all", *sorted(c for c in totals if c != "all")]:
        c = totals[category]
        p, r, f = c.prf()
        print(f"{name:<24}{category:<20}{p:>7.3f}{r:>7.3f}{f:>7.3f}{c.tp:>6}{c.fp:>6}{c.fn:>6}")


def print_failures(rows: list[TableRow]) -> None:
    def show(spans: list[Span], text: str) -> str:
        return "; ".join(f"{text[s:e]!r}={d} {g}" for s, e, d, g in spans)

    for row in rows:
        counts, missed, extra = score_row(gold_spans(row), ours(row))
        if missed or extra:
            published = row.published.date() if row.published else None
            print(f"- {row.id} [{published}] {row.text}")
            if missed:
                print(f"    missed: {show(missed, row.text)}")
            if extra:
                print(f"    wrong:  {show(extra, row.text)}")


def words(text: str) -> int:
    return len(WORD_RE.findall(text))


def long_articles(count: int = 12) -> list[TableRow]:
    """Title and text of the crawl benchmark's generated pages of at least LONG_ARTICLE_WORDS words."""
    from benchmarks.crawl_site import BenchSite
    from crawler.extract import extract_article

    site = BenchSite("https://www.scmp.com", 200)
    now = datetime(2026, 11, 29).astimezone()
    articles: list[TableRow] = []
    for index in range(200):
        html, meta = site.page(index), site.meta(index)
        article = extract_article(html, meta.url, site="scmp", now=now, fetched_at=now.isoformat()).article
        text = f"{article.title}\n\n{article.text}"
        if words(text) >= LONG_ARTICLE_WORDS:
            articles.append(TableRow(meta.url, text, meta.published, "en", "long", ()))
        if len(articles) == count:
            break
    return articles


def cpu_ms(work: Callable[[TableRow], object], rows: list[TableRow], repeat: int) -> float:
    """Best of `repeat` passes over `rows`, in CPU milliseconds per pass."""
    for row in rows[:3]:
        work(row)
    best = float("inf")
    for _ in range(max(1, repeat)):
        started = time.process_time()
        for row in rows:
            work(row)
        best = min(best, (time.process_time() - started) * 1000)
    return best


def print_speed(rows: list[TableRow], repeat: int) -> None:
    variants: list[tuple[str, Callable[[TableRow], object]]] = [("ours", ours)]
    if "prefilter" in inspect.signature(find_date_mentions).parameters:
        variants.append(("ours, no prefilter", lambda row: ours(row, prefilter=False)))
    articles = long_articles()
    article_words = sum(words(a.text) for a in articles)
    table_words = sum(words(r.text) for r in rows)
    print(f"speed (CPU, best of {max(1, repeat)}): {len(articles)} long articles of "
          f"{article_words / len(articles):,.0f} words on average; table {table_words:,} words")
    print(f"{'variant':<24}{'ms/article':>12}{'ms/1k words':>13}{'table ms/1k words':>19}")
    for name, work in variants:
        per_pass = cpu_ms(work, articles, repeat)
        table_pass = cpu_ms(work, rows, repeat)
        print(f"{name:<24}{per_pass / len(articles):>12.2f}{per_pass / article_words * 1000:>13.2f}"
              f"{table_pass / table_words * 1000:>19.2f}")


def run_table(name: str, rows: list[TableRow], *, compare: bool, failures: bool) -> None:
    gold_count = sum(len(r.mentions) for r in rows)
    print(f"table: {name}: {len(rows)} rows, {gold_count} gold mentions, "
          f"{sum(1 for r in rows if not r.mentions)} rows without one, "
          f"{sum(1 for r in rows if r.published is None)} without a publication date")
    print(f"{'system':<24}{'subset':<20}{'P':>7}{'R':>7}{'F1':>7}{'TP':>6}{'FP':>6}{'FN':>6}")
    print_scores("ours", score(ours, rows))
    if compare:
        print_scores("dateparser.search_dates", score(dateparser_search, rows))
    if failures:
        print_failures(rows)
    print()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--table", type=Path, help="a JSON Lines table to score (see the module docstring)")
    parser.add_argument("--failures", action="store_true", help="print the rows with misses or wrong mentions")
    parser.add_argument("--repeat", type=int, default=20, help="passes for the speed figures (best is kept)")
    parser.add_argument("--no-speed", action="store_true", help="skip the speed figures")
    args = parser.parse_args(argv)
    if args.table is not None and not args.table.is_file():
        parser.error(f"--table: no such file: {args.table}")
    if args.table is not None:
        tables = [(str(args.table), load_jsonl(args.table), False)]
    else:
        tables = [
            ("example table (mention_table.py)", example_table(), True),
            (f"development table ({DEV_TABLE.name})", load_jsonl(DEV_TABLE), False),
        ]
    for name, rows, compare in tables:
        run_table(name, rows, compare=compare, failures=args.failures)
    if not args.no_speed:
        print_speed([row for _, rows, _ in tables for row in rows], args.repeat)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
