"""A Redis that can go away and come back, for tests. It stands in for the client behind Django's
`RedisCache` (the connection to the server), so every cache backend and caller above it runs unchanged,
and while it is away every call fails the way a stopped Redis makes it fail (the `redis` fixture is
shared through the root conftest.py)."""

import uuid

import pytest
from django.core.cache import caches
from django.core.cache.backends.locmem import LocMemCache
from redis.exceptions import ConnectionError as RedisConnectionError

from core import cache as core_cache


class FakeRedis:
    def __init__(self):
        self.store = LocMemCache(f"fake-redis-{uuid.uuid4().hex}", {})
        self.away = False
        self.calls_while_away = 0
        self.now = 1_000.0

    def __getattr__(self, name):
        method = getattr(self.store, name)

        def call(*args, **kwargs):
            if self.away:
                self.calls_while_away += 1
                raise RedisConnectionError("Error 111 connecting to 127.0.0.1:6379. Connection refused.")
            return method(*args, **kwargs)

        return call

    def go_away(self):
        self.away = True

    def come_back(self):
        """Redis answers again, and the app servers' pause before asking it again is over."""
        self.away = False
        self.wait(core_cache.PAUSE_SECONDS + 1)

    def wait(self, seconds):
        self.now += seconds


@pytest.fixture
def redis(settings, monkeypatch):
    """Both caches on one fake Redis, configured as in production (`core.cache.redis_caches`)."""
    fake = FakeRedis()
    monkeypatch.setattr(core_cache, "monotonic", lambda: fake.now)
    settings.CACHES = core_cache.redis_caches(f"redis://fake-redis-{uuid.uuid4().hex}:6379/0")
    for alias in settings.CACHES:
        caches[alias]._cache = fake
    return fake
