"""Distributed crawling: many `scrapy crawl` processes on many machines share one frontier in Redis.

Everything here is switched on by one setting, `REDIS_URL`, through the `RedisAddon` add-on
(`crawler.distributed.addon`); without it no module of this package imports `redis` and a crawl is
exactly the single-machine crawl. The pieces, built on scrapy-redis:

- `scheduler.RedisScheduler`: scrapy-redis's scheduler with a *reliable* queue (a popped request
  stays in the worker's processing hash until the worker's feed is committed), worker heartbeats,
  the recovery of dead workers' requests, and a shared notion of "the run is finished".
- `dupefilter.RedisArticleDupeFilter`: scrapy-redis's shared duplicate filter, fingerprinting with
  the crawler's own `REQUEST_FINGERPRINTER_CLASS` (article keys), so every article is queued once.
- `crawler.state.redis_store.RedisStateStore` and `crawler.clean.redis_templates.RedisTemplateCounter`:
  the incremental state and the template counts, shared by all workers.

`scrapy frontier status SPIDER` shows the frontier (queue, workers, in-flight requests).
"""
