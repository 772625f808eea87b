"""Why a page yields no article: raised by extraction, counted by the spider as `extract/<reason>`."""

from __future__ import annotations


class NotAnArticle(Exception):  # noqa: N818 - it is an outcome, not an error
    """The page is not an article (or nothing usable could be read from it)."""

    def __init__(self, reason: str, detail: str = "") -> None:
        super().__init__(f"{reason}: {detail}" if detail else reason)
        self.reason = reason
        self.detail = detail
