"""Imported by the fork server only: the warm-up page run once there, for every worker forked from it.

The fork server (`EXTRACTION_START_METHOD = "forkserver"`) imports `crawler.workers.pool.PRELOAD`
before it forks any worker, and a forked worker starts with whatever the fork server had loaded.
Importing this module runs the warm-up page with the project's default `NORMALISERS`, so the lazy
imports and compiled patterns are there already, and each worker's own warm-up (with the crawl's
settings) takes ~20 ms instead of ~0.8 s (docs/performance.md).

Nothing here may raise: the fork server skips a preload module that fails to import, but dies on any
other exception, and then no worker could start. A warm-up that fails leaves the work to the
worker's own warm-up, which reports its errors.
"""

from __future__ import annotations

import contextlib

from crawler.workers.jobs import JobOptions, warm_up


def default_options() -> JobOptions:
    """The `NORMALISERS` of `crawler.settings`, with the default values of the settings they read."""
    from crawler import settings as defaults

    return JobOptions.reading(tuple(defaults.NORMALISERS), lambda name: getattr(defaults, name))


with contextlib.suppress(Exception):
    warm_up(default_options())
