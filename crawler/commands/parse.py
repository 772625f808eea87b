"""`scrapy parse --spider=NAME URL`: Scrapy's own command, able to run our spiders on one page.

Our spiders need something to crawl (`article` refuses to start without `-a urls=`), and follow
only the hosts they were given: the URL being parsed is given to the spider as `urls`. The page is
extracted inline (`EXTRACTION_WORKERS=0`, same output as the workers) unless `-s` says otherwise.
"""

from __future__ import annotations

import argparse

from scrapy.commands.parse import Command as ScrapyParseCommand
from scrapy.settings import SETTINGS_PRIORITIES


class Command(ScrapyParseCommand):
    def process_options(self, args: list[str], opts: argparse.Namespace) -> None:
        super().process_options(args, opts)
        assert self.settings is not None
        if args:
            opts.spargs.setdefault("urls", args[0])
        # One page: starting worker processes would cost more than extracting it here.
        if (self.settings.getpriority("EXTRACTION_WORKERS") or 0) < SETTINGS_PRIORITIES["cmdline"]:
            self.settings.set("EXTRACTION_WORKERS", 0, priority="cmdline")
