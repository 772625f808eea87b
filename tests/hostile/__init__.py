"""Hostile sites (issue 6): a fault-injection server and the tests that the crawler survives it."""
