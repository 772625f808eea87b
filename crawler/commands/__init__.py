"""Scrapy commands of the project, registered through the `scrapy.commands` entry point (pyproject.toml).

`scrapy crawlall`, `scrapy explain`, `scrapy frontier`; see docs/operations.md.
"""
