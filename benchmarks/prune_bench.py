"""trafilatura's pruning XPaths against their Python equivalents: the same elements, and the time.

Run from the repository root:  python -m benchmarks.prune_bench [PAGES_DIR ...] [--pages 200]

Reads every `*.html` under the directories given (e.g. a local copy of a public collection of news
pages; nothing is copied into the repository) and the generated benchmark pages, as parsed for
extraction, before and after trafilatura's tag conversion. For each expression
`crawler/extract/prune_equivalents.py` replaces: the trees where the two disagree (must be 0), the
elements matched, and the milliseconds per tree of each. Run it after a trafilatura upgrade.
"""

from __future__ import annotations

import argparse
import logging
import sys
import time
from copy import deepcopy
from pathlib import Path

from lxml import etree

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from trafilatura import xpaths  # noqa: E402
from trafilatura.htmlprocessing import convert_tags, tree_cleaning  # noqa: E402
from trafilatura.settings import Extractor  # noqa: E402

from benchmarks.crawl_site import BenchSite  # noqa: E402
from crawler.extract.parse import parse_html  # noqa: E402
from crawler.extract.prune_equivalents import PRUNE_LISTS, PythonPrune, install  # noqa: E402


def trees(directories: list[Path], generated: int) -> list[etree._Element]:
    pages = [path.read_bytes() for directory in directories for path in sorted(directory.rglob("*.html"))]
    site = BenchSite("https://www.scmp.com", max(generated, 1))
    pages += [site.page(i) for i in range(generated)]
    options = Extractor(precision=True)
    found = []
    for page in pages:
        tree = parse_html(page)
        if tree is not None:
            found += [tree, converted(tree, options)]
    return found


def converted(tree: etree._Element, options: Extractor) -> etree._Element:
    """A copy of `tree` as trafilatura's later pruning sees it: cleaned, tags converted (`list`, `item`...)."""
    return convert_tags(tree_cleaning(deepcopy(tree), options), options)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("directories", nargs="*", type=Path, help="folders of saved pages (*.html, recursive)")
    parser.add_argument("--pages", type=int, default=200, help="generated benchmark pages (default 200)")
    args = parser.parse_args()
    for directory in args.directories:
        if not directory.is_dir():
            parser.error(f"PAGES_DIR {directory}: no such folder")
    logging.disable(logging.CRITICAL)
    install()
    sample = trees(args.directories, args.pages)
    print(f"{len(sample)} trees ({len(sample) // 2} pages, each as parsed and after trafilatura's conversion)")
    print("| expression | trees differing | elements matched | XPath ms/tree | Python ms/tree |")
    print("| --- | ---: | ---: | ---: | ---: |")
    for name in PRUNE_LISTS:
        for index, prune in enumerate(getattr(xpaths, name, [])):
            if not isinstance(prune, PythonPrune):
                continue
            xpath = prune.released
            assert xpath is not None  # set by `install`
            started = time.perf_counter()
            expected = [xpath(tree) for tree in sample]
            xpath_s = time.perf_counter() - started
            started = time.perf_counter()
            found = [prune(tree) for tree in sample]
            python_s = time.perf_counter() - started
            differing = sum(a != b for a, b in zip(expected, found, strict=True))
            print(f"| {name}[{index}] | {differing} | {sum(map(len, expected))} | "
                  f"{xpath_s * 1000 / len(sample):.3f} | {python_s * 1000 / len(sample):.3f} |")


if __name__ == "__main__":
    main()
