"""Monthly indices from feeds: EPU-style series per source and overall, and figure summaries.

`feeds.read_articles(paths)` reads JSON Lines feeds (later versions of an id replace earlier ones,
copies of another site's article count once); `compute` is pure arithmetic following Baker, Bloom and
Davis step by step; `output` writes CSV, Parquet, plots and an HTML report. `python -m crawler.indices`
or `scrapy indices` runs all three. See docs/signals.md.
"""
