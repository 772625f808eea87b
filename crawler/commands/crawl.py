"""`scrapy crawl`, exiting with the run's code (`crawler.exit_codes`) and reporting usage errors in one line.

Spider arguments and settings are checked before anything starts (`crawler.validation`): a bad one
is a single line on stderr naming it, and exit code 64 (65 for an unreadable state file), never a
traceback. After the crawl, the process exits with `exit_code(stats)`. See docs/operations.md.
"""

from __future__ import annotations

import asyncio
import difflib
import logging
import sys
from typing import TYPE_CHECKING, Any, NoReturn

from scrapy.commands.crawl import Command as ScrapyCrawlCommand
from scrapy.exceptions import UsageError as ScrapyUsageError
from scrapy.spiderloader import get_spider_loader

from crawler import exit_codes
from crawler.errors import UsageError
from crawler.validation import check_settings

if TYPE_CHECKING:
    import argparse

    from scrapy.crawler import Crawler

logger = logging.getLogger(__name__)


class Command(ScrapyCrawlCommand):
    def long_desc(self) -> str:
        return ("Run a spider of the current project, by name. Exits with 0, or the code of what went wrong: "
                "64 bad usage, 65 unreadable state, 69 nothing reachable, 73 cannot write, 75 state locked, "
                "1 failed checks (docs/operations.md).")

    def process_options(self, args: list[str], opts: argparse.Namespace) -> None:
        try:
            super().process_options(args, opts)
            self._warnings = self._check(args, opts)
        except ScrapyUsageError as exc:  # Scrapy's own (-a without "=", bad -o): exit 64, not argparse's 2
            self._usage_exit(str(exc) or "scrapy crawl [options] <spider>", exit_codes.USAGE)
        except UsageError as exc:
            self._usage_exit(str(exc), exc.exit_code)

    def _check(self, args: list[str], opts: argparse.Namespace) -> list[str]:
        assert self.settings is not None
        if len(args) != 1:
            raise UsageError("give exactly one spider name: scrapy crawl [options] <spider>")
        loader = get_spider_loader(self.settings)
        try:
            spidercls = loader.load(args[0])
        except KeyError:
            names = loader.list()
            close = difflib.get_close_matches(args[0], names, n=1)
            hint = f"did you mean {close[0]!r}?" if close else "spiders: " + ", ".join(sorted(names))
            raise UsageError(f"no spider named {args[0]!r} ({hint})") from None
        warnings = check_settings(self.settings)
        check_arguments = getattr(spidercls, "check_arguments", None)
        if check_arguments is not None:
            check_arguments(opts.spargs)
        return warnings

    @staticmethod
    def _usage_exit(message: str, code: int) -> NoReturn:
        print(f"scrapy crawl: error: {message}", file=sys.stderr)
        sys.exit(code)

    def run(self, args: list[str], opts: argparse.Namespace) -> None:
        assert self.crawler_process is not None
        for warning in getattr(self, "_warnings", []):
            logger.warning("%s", warning)
        crawler = self._create_crawler(args[0])
        usage: list[UsageError] = []
        started = self.crawler_process.crawl(crawler, **opts.spargs)
        if isinstance(started, asyncio.Future):
            started.add_done_callback(lambda task: self._bootstrapped(task, usage))
        self.crawler_process.start()
        if usage:  # raised while the crawl started (a component's own check): still one line
            print(f"scrapy crawl: error: {usage[0]}", file=sys.stderr)
            self.exitcode = usage[0].exit_code
        elif self.crawler_process.bootstrap_failed:
            self.exitcode = 1
        else:
            self.exitcode = exit_codes.exit_code(self._stats(crawler))

    @staticmethod
    def _bootstrapped(task: asyncio.Future[Any], usage: list[UsageError]) -> None:
        if task.cancelled():
            return
        error = task.exception()  # retrieved here, so asyncio does not print it as "never retrieved"
        if isinstance(error, UsageError):
            usage.append(error)
        elif error is not None:
            logger.error("The crawl could not start", exc_info=error)

    @staticmethod
    def _stats(crawler: Crawler) -> dict[str, Any]:
        return crawler.stats.get_stats() if crawler.stats is not None else {}
