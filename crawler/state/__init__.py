"""Crawl state between runs: what was delivered, with which content, so scheduled runs emit only news."""
