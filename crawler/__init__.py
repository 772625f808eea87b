"""Regional economic news crawler: Scrapy project (settings, spiders, page extraction)."""
