"""Item pipelines: small, single-purpose, ordered in `crawler.settings.ITEM_PIPELINES`."""
