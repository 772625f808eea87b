"""Build shim for `scrapyd-deploy`, which runs `setup.py bdist_egg` (and writes its own setup.py when
there is none). All metadata, packages and the `scrapy` settings entry point are in pyproject.toml."""

from setuptools import setup

setup()
