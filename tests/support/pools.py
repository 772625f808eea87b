"""Run an `ExtractionPool` on a fresh event loop, started first and always closed after."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from typing import Any, TypeVar

T = TypeVar("T")


def run_with_pool(pool: Any, work: Callable[[Any], Awaitable[T]]) -> T:
    """Run `work(pool)` on a fresh event loop, with the pool started first and always closed after."""

    async def main() -> T:
        pool.spider_opened()
        try:
            return await work(pool)
        finally:
            pool.close()

    return asyncio.run(main())
