"""`scrapy indices FEED... --out DIR`: the same as `python -m crawler.indices` (see docs/signals.md)."""

from __future__ import annotations

import argparse
from typing import Any

from scrapy.commands import ScrapyCommand
from scrapy.exceptions import UsageError

from crawler.indices.__main__ import add_arguments, run


class Command(ScrapyCommand):
    requires_project = False
    requires_crawler_process = False
    default_settings = {"LOG_ENABLED": False}

    def syntax(self) -> str:
        return "FEED [FEED ...] [--out DIR] [--method M] [--base YYYY-MM:YYYY-MM] [--figures cpi,pmi]"

    def short_desc(self) -> str:
        return "Monthly EPU-style indices, figure summaries, plots and an HTML report from feed files"

    def add_options(self, parser: argparse.ArgumentParser) -> None:
        super().add_options(parser)
        add_arguments(parser)

    def process_options(self, args: list[str], opts: argparse.Namespace) -> None:
        super().process_options(args, opts)

    def run(self, args: list[str], opts: Any) -> None:
        if not opts.feeds:
            raise UsageError("give at least one feed file")
        self.exitcode = run(opts)
