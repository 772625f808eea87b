"""Scrapy extensions of the project (signals-driven, enabled in settings.EXTENSIONS)."""
