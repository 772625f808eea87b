"""`RedisTemplateCounter`: shared between workers, bounded, same answers as `TemplateCounter`."""

from __future__ import annotations

from typing import cast

import pytest
import redis

from crawler.clean.redis_templates import RedisTemplateCounter
from crawler.clean.templates import TemplateCounter
from pipelines.templates import strip_templates

FOLLOW = "Follow us on WeChat for more business news."


def page(i: int) -> list[str]:
    return [f"Unique story paragraph number {i} about port throughput.", FOLLOW]


def counter(url: str, **kwargs: int) -> RedisTemplateCounter:
    return RedisTemplateCounter(redis.Redis.from_url(url), "bot:templates", min_pages=3, **kwargs)


def test_workers_learn_templates_from_each_others_pages(redis_url: str) -> None:
    first, second = counter(redis_url), counter(redis_url)
    first.observe("x.example", page(1))
    second.observe("x.example", page(2))
    assert not second.is_template("x.example", FOLLOW)
    first.observe("x.example", page(3))
    assert first.is_template("x.example", FOLLOW)
    assert second.is_template("x.example", FOLLOW)  # not cached for second: read from Redis
    assert not first.is_template("x.example", page(3)[0])
    assert not first.is_template("other.example", FOLLOW)


@pytest.mark.parametrize("pages", [[page(1)] * 2, [page(i) for i in range(1, 6)]])
def test_same_answers_as_the_in_memory_counter(redis_url: str, pages: list[list[str]]) -> None:
    shared, local = cast(TemplateCounter, counter(redis_url)), TemplateCounter(min_pages=3)
    for paragraphs in pages:
        text = "\n\n".join(paragraphs)
        assert strip_templates(shared, "x.example", text) == strip_templates(local, "x.example", text)


def test_a_paragraph_counts_once_per_page(redis_url: str) -> None:
    shared = counter(redis_url)
    for _ in range(2):
        shared.observe("x.example", [FOLLOW, FOLLOW, FOLLOW])
    assert not shared.is_template("x.example", FOLLOW)


def test_bounded_per_host_and_expiring(redis_url: str) -> None:
    client = redis.Redis.from_url(redis_url)
    shared = counter(redis_url, max_per_host=10, ttl=3600)
    for i in range(50):
        shared.observe("x.example", page(i))
    assert shared.size() == 10
    assert shared.is_template("x.example", FOLLOW)  # the frequent paragraph survives the trimming
    assert 0 < client.ttl("bot:templates:x.example") <= 3600
