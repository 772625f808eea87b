"""Scrapy commands of the project, registered through the `scrapy.commands` entry point (pyproject.toml).

`scrapy crawl` is Scrapy's own, made to exit with the run's exit code and to report usage errors in
one line; see docs/operations.md.
"""
