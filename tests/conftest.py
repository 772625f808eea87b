"""Fixtures shared by every test folder (their code lives in tests/support/)."""

from __future__ import annotations

from tests.support.crawl import sample_site
from tests.support.no_web import no_web
from tests.support.sources import source_sites

__all__ = ["no_web", "sample_site", "source_sites"]
