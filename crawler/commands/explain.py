"""`scrapy explain PAGE`: every body paragraph of a saved page, and the rule that removed it if any.

For people tuning site rules; see docs/cleaning.md.
"""

from __future__ import annotations

import argparse
import sys
import textwrap
from pathlib import Path

from scrapy.commands import ScrapyCommand
from scrapy.exceptions import UsageError

from crawler.extract import NotAnArticle, extract_article
from crawler.sites import site_for_url, site_names


def explain(html: bytes, url: str, site: str, width: int = 100) -> str:
    """The explanation text for one page: KEPT or `DROPPED [rule]` per paragraph, then the verdicts."""
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


class Command(ScrapyCommand):
    requires_project = False
    requires_crawler_process = False
    default_settings = {"LOG_ENABLED": False}

    def syntax(self) -> str:
        return "[options] PAGE"

    def short_desc(self) -> str:
        return "Show which paragraphs of a saved page cleaning keeps, and which rule drops the others"

    def long_desc(self) -> str:
        return ("Show which paragraphs of a saved page cleaning keeps. Each line is KEPT or the rule that "
                "removed the paragraph (generic rules by family, site rules as <site>/<rule>, after/<rule> "
                "for furniture after a footer), then the original publisher of a republished copy.")

    def add_options(self, parser: argparse.ArgumentParser) -> None:
        super().add_options(parser)
        parser.add_argument("--url", help="the page's URL (default: its file:// URL)")
        parser.add_argument("--site", choices=site_names(), help="site profile (default: from the URL's host)")

    def run(self, args: list[str], opts: argparse.Namespace) -> None:
        if len(args) != 1:
            raise UsageError("give exactly one saved page (PAGE)", print_help=False)
        page = Path(args[0])
        url = opts.url or page.resolve().as_uri()
        site = opts.site or getattr(site_for_url(url), "name", "generic")
        try:
            html = page.read_bytes()
        except OSError as exc:
            raise UsageError(f"cannot read {page}: {exc.strerror}", print_help=False) from None
        sys.stdout.write(explain(html, url, site) + "\n")
