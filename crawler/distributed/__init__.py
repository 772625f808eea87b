"""Distributed crawling: many `scrapy crawl` processes on many machines share one frontier in Redis.

Switched on by `REDIS_URL` through `crawler.distributed.addon.RedisAddon`; without it nothing here
imports `redis`. See docs/distributed.md.
"""
