"""Cleaning what trafilatura leaves: promos, widgets, republisher footers, cross-page templates."""

from __future__ import annotations

from crawler.clean.paragraphs import CleanResult, clean_paragraphs

__all__ = ["CleanResult", "clean_paragraphs"]
