"""Scrapy commands of the project, registered through the `scrapy.commands` entry point (pyproject.toml).

`scrapy crawlall`, `scrapy explain`, `scrapy frontier`, `scrapy indices`; see docs/operations.md and docs/signals.md.
"""
