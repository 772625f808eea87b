"""Spiders: discovery only. Each site is a short subclass of `NewsSpider` pointing at its profile."""
