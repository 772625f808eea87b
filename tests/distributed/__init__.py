"""Distributed crawling on Redis: frontier, adapter, shared state, multi-worker crawls."""
