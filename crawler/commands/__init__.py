"""Scrapy commands of the project, registered through the `scrapy.commands` entry point."""
