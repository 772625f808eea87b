"""Show, for one saved page, every body paragraph and whether cleaning kept it, and why not.

    python -m crawler.explain page.html --url https://www.scmp.com/.../article/3300001/slug [--site scmp]

For people tuning site rules: each line is KEPT or the rule that removed the paragraph
(`generic` rules by family, site rules as `<site>/<rule>`, `after/<rule>` for furniture after a
footer), then the detected original publisher of a republished copy.
"""

from __future__ import annotations

import argparse
import sys
import textwrap
from pathlib import Path

from crawler.extract import NotAnArticle, extract_article
from crawler.sites import site_for_url, site_names


def explain(html: bytes, url: str, site: str, width: int = 100) -> str:
    """The explanation text for one page."""
    try:
        extraction = extract_article(html, url, site=site)
    except NotAnArticle as exc:
        return f"not an article: {exc}"
    lines = [f"title: {extraction.article.title}", f"site profile: {site}", ""]
    for decision in extraction.decisions:
        verdict = "KEPT" if decision.rule is None else f"DROPPED [{decision.rule}]"
        preview = textwrap.shorten(decision.text, width=width, placeholder=" ...")
        lines.append(f"{verdict:<48} {preview}")
    kept = sum(1 for d in extraction.decisions if d.rule is None)
    lines += ["", f"paragraphs: {len(extraction.decisions)} found, {kept} kept",
              f"original: {extraction.article.original}", f"paywalled: {extraction.article.paywalled}"]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Explain which paragraphs of a saved page cleaning keeps.")
    parser.add_argument("page", type=Path, help="saved HTML file")
    parser.add_argument("--url", help="the page's URL (default: its file:// URL)")
    parser.add_argument("--site", choices=site_names(), help="site profile (default: from the URL's host)")
    args = parser.parse_args(argv)
    url = args.url or args.page.resolve().as_uri()
    site = args.site or getattr(site_for_url(url), "name", "generic")
    try:
        html = args.page.read_bytes()
    except OSError as exc:
        parser.error(f"cannot read {args.page}: {exc.strerror}")
    sys.stdout.write(explain(html, url, site) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
