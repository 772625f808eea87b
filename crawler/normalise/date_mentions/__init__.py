"""Date mentions in an article's title and text, resolved against its publication date.

`find_date_mentions(text, field, reference=..., language=...)` for one field; `normaliser.NORMALISER`
fills an article's `dates`. See docs/dates.md.
"""

from __future__ import annotations

from crawler.normalise.date_mentions.mentions import find_date_mentions

__all__ = ["find_date_mentions"]
