"""Scrapy commands of the project, registered through the `scrapy.commands` entry point (pyproject.toml).

`scrapy crawl` (Scrapy's own, checking settings and arguments first and exiting with the run's exit code),
`scrapy crawlall`, `scrapy explain`, `scrapy frontier`, `scrapy indices`; see docs/operations.md and docs/signals.md.
"""
