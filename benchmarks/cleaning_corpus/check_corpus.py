"""Validate the cleaning corpus: every page parses, every expected block is visible text of its page.

Usage: python benchmarks/cleaning_corpus/check_corpus.py   (needs lxml; exits 1 on any problem)
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

import lxml.html

ROOT = Path(__file__).resolve().parent
CLASSES = ("news", "blogs", "republished", "lists_tables")
SCMP_URL = re.compile(r"^https://www\.scmp\.com/(?:[a-z0-9-]+/)+article/\d+/[a-z0-9-]+$")
INVISIBLE = ("script", "style", "noscript", "template", "head")


def norm(text: str) -> str:
    return " ".join(text.split())


def visible_text(path: Path) -> str:
    tree = lxml.html.parse(str(path))
    root = tree.getroot()
    for element in root.xpath("|".join(f"//{tag}" for tag in INVISIBLE)):
        element.drop_tree()
    return norm(root.text_content())


def block_pieces(block: str) -> list[str]:
    """The strings of one expected block that must each be visible: a paragraph, list items, table cells."""
    lines = block.split("\n")
    if len(lines) == 1 and not lines[0].startswith("- "):
        return [lines[0]]
    if all(line.startswith("- ") for line in lines):
        return [line[2:] for line in lines]
    return [cell for line in lines for cell in line.split(" | ")]


def check_case(case: Path) -> list[str]:
    problems = []
    for name in ("page.html", "expected.txt", "input.json"):
        if not (case / name).is_file():
            problems.append(f"missing {name}")
    if problems:
        return problems
    meta = json.loads((case / "input.json").read_text(encoding="utf-8"))
    if set(meta) != {"url", "site"} or meta["site"] not in ("scmp", "generic"):
        problems.append(f"input.json: unexpected content {meta}")
    if meta.get("site") == "scmp" and not SCMP_URL.match(meta.get("url", "")):
        problems.append("input.json: site is scmp but the URL is not an SCMP article URL")
    expected = (case / "expected.txt").read_text(encoding="utf-8")
    if not expected.endswith("\n") or expected.endswith("\n\n") or "\n\n\n" in expected:
        problems.append("expected.txt: blocks must be separated by exactly one blank line, one final newline")
    if any(line != line.strip() for line in expected.splitlines()):
        problems.append("expected.txt: leading or trailing spaces on a line")
    try:
        text = visible_text(case / "page.html")
    except Exception as exc:  # noqa: BLE001 - report any parser failure
        return problems + [f"page.html does not parse: {exc}"]
    blocks = expected.rstrip("\n").split("\n\n")
    words = 0
    for block in blocks:
        words += len(block.split())
        for piece in block_pieces(block):
            if norm(piece) not in text:
                problems.append(f"not in visible text: {piece[:70]!r}")
    if not 250 <= words <= 900:
        problems.append(f"expected.txt has {words} words (want 250-900)")
    return problems


def main() -> int:
    cases = sorted(p.parent for cls in CLASSES for p in (ROOT / cls).glob("*/page.html"))
    failed = 0
    for case in cases:
        problems = check_case(case)
        status = "ok" if not problems else "FAIL"
        print(f"{status:4s} {case.relative_to(ROOT)}")
        for problem in problems:
            print(f"     {problem}")
        failed += bool(problems)
    print(f"{len(cases)} cases, {failed} failed")
    return 1 if failed or not cases else 0


if __name__ == "__main__":
    sys.exit(main())
