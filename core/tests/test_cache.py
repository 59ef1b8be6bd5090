"""Redis as two caches: what is only a cache misses while Redis is away, what must hold says so."""

import logging

import pytest
from django.core.cache import cache, caches
from redis.exceptions import ConnectionError as RedisConnectionError

from core.cache import PAUSE_SECONDS, Outages, limits_cache


def test_while_redis_is_away_the_cache_misses_and_drops_writes(redis):
    cache.set("kept", "before")
    redis.go_away()

    assert cache.get("kept") is None
    assert cache.get("kept", "default") == "default"
    assert cache.get_many(["kept"]) == {}
    assert cache.add("new", 1) is False
    cache.set("new", 1)
    with pytest.raises(ValueError):
        cache.incr("kept")
    redis.come_back()

    assert cache.get("kept") == "before"
    assert cache.get("new") is None


def test_what_must_hold_says_that_redis_is_away(redis):
    redis.go_away()
    with pytest.raises(RedisConnectionError):
        limits_cache.get("rate:post-ip:x")
    with pytest.raises(RedisConnectionError):
        limits_cache.add("comments:start-mark-used:x", 1)


def test_a_redis_that_is_away_is_asked_once_per_pause_not_on_every_call(redis):
    redis.go_away()
    for _ in range(20):
        cache.get("page")
    assert redis.calls_while_away == 1

    redis.wait(PAUSE_SECONDS + 1)
    for _ in range(20):
        cache.get("page")
    assert redis.calls_while_away == 2


def test_an_outage_is_logged_once_when_it_starts_and_once_when_it_ends(redis, caplog):
    with caplog.at_level(logging.WARNING, logger="core.cache"):
        redis.go_away()
        for _ in range(3):
            cache.get("page")
            redis.wait(PAUSE_SECONDS + 1)
        redis.come_back()
        cache.get("page")
        cache.get("page")

    messages = [record.getMessage() for record in caplog.records]
    assert len(messages) == 2
    assert messages[0].startswith("Redis at fake-redis-") and "unreachable" in messages[0]
    assert "answers again after 2" in messages[1]


def test_the_password_in_the_redis_address_stays_out_of_the_log(settings, caplog):
    settings.CACHES = {
        "default": {
            "BACKEND": "core.cache.TolerantRedisCache",
            "LOCATION": "redis://:geheim@127.0.0.1:1/0",
            "OPTIONS": {"socket_connect_timeout": 1},
        }
    }
    with caplog.at_level(logging.WARNING, logger="core.cache"):
        assert caches["default"].get("page") is None
    assert "Redis at 127.0.0.1:1 unreachable" in caplog.text
    assert "geheim" not in caplog.text


def test_every_outage_is_counted_for_the_site_cache(redis):
    before = Outages.count
    redis.go_away()
    cache.get("page")
    redis.wait(PAUSE_SECONDS + 1)
    cache.get("page")  # the same outage
    redis.come_back()
    cache.get("page")
    redis.go_away()
    cache.get("page")  # a new one

    assert Outages.count == before + 2
