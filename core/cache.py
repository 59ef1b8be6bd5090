"""Redis holds two kinds of things, and they fail differently.

Most of it is only a cache, a copy of what the database holds: site data (`site_cache`), whole pages
(`page_cache`), template fragments and Wagtail's renditions. While Redis cannot be reached these are
simply not there (`TolerantRedisCache`, the `default` alias) and pages are built from the database. The
rest must hold or it protects nothing: the rate limits, the page-password throttle and the comment form's
spent start marks use the `limits` alias (`limits_cache`), a plain `RedisCache` whose errors reach the
caller, which answers with a calm 503 and keeps what the reader typed.

Django's RedisCache cannot do the first part itself, and django-redis's IGNORE_EXCEPTIONS asks Redis on
every call (a hanging Redis would add its socket timeout to each) and logs every failed call.
"""

import logging
import threading
from time import monotonic
from urllib.parse import urlsplit

from django.core.cache import caches
from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.core.cache.backends.redis import RedisCache
from django.utils.connection import ConnectionProxy
from redis.exceptions import ConnectionError as RedisConnectionError, TimeoutError as RedisTimeoutError

logger = logging.getLogger(__name__)

# A refused or lost connection, a timeout, a server still loading its data (a ConnectionError too).
REDIS_UNAVAILABLE = (RedisConnectionError, RedisTimeoutError)
# After a failure a process leaves Redis alone this long, so a hanging Redis costs one socket timeout
# per pause rather than one per call.
PAUSE_SECONDS = 5
LIMITS = "limits"

# The cache for what must hold; its errors reach the caller.
limits_cache = ConnectionProxy(caches, LIMITS)


def redis_caches(location, key_prefix="", options=None):
    """CACHES for one Redis: `default` is only a cache, `limits` is what must hold."""
    return {
        "default": {
            "BACKEND": "core.cache.TolerantRedisCache",
            "LOCATION": location,
            "KEY_PREFIX": key_prefix,
            "OPTIONS": dict(options or {}),
        },
        LIMITS: {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": location,
            "KEY_PREFIX": key_prefix,
            "OPTIONS": dict(options or {}),
        },
    }


class Outages:
    """How one Redis server fares in this process: whether it is away and when to ask it again. Every
    outage is logged once when it starts and once when it ends, never per call."""

    count = 0  # outages this process has seen, of any server (`outages_seen`)

    def __init__(self, server):
        split = urlsplit(server)
        self.server = split.netloc.rpartition("@")[2] or split.path  # never the password in a URL
        self.lock = threading.Lock()
        self.away_since = None
        self.ask_again_at = 0.0

    def pausing(self):
        return self.away_since is not None and monotonic() < self.ask_again_at

    def failed(self, error):
        with self.lock:
            now = monotonic()
            if self.away_since is None:
                self.away_since = now
                Outages.count += 1
                logger.warning(
                    "Redis at %s unreachable (%s: %s): pages are built without the shared cache, and posts "
                    "that need the rate limits are refused with 503, until it answers again",
                    self.server,
                    type(error).__name__,
                    error,
                )
            self.ask_again_at = now + PAUSE_SECONDS

    def answered(self):
        if self.away_since is None:
            return
        with self.lock:
            if self.away_since is not None:
                logger.warning(
                    "Redis at %s answers again after %.0f s", self.server, monotonic() - self.away_since
                )
                self.away_since = None


_outages = {}
_outages_lock = threading.Lock()


def outages_of(server):
    with _outages_lock:
        return _outages.setdefault(server, Outages(server))


def outages_seen():
    """How many times this process has found Redis away; the site cache starts a new generation after
    each (`site_cache.generation`)."""
    return Outages.count


class TolerantRedisCache(RedisCache):
    """Django's Redis cache for what is only a copy: while Redis cannot be reached, reads miss and writes
    are dropped. After a failure the process does not ask Redis again for `PAUSE_SECONDS`."""

    NOT_ANSWERED = object()

    def __init__(self, server, params):
        super().__init__(server, params)
        self.outages = outages_of(server if isinstance(server, str) else ",".join(server))

    def attempt(self, fallback, operation, *args):
        if self.outages.pausing():
            return fallback
        try:
            result = operation(*args)
        except REDIS_UNAVAILABLE as error:
            self.outages.failed(error)
            return fallback
        self.outages.answered()
        return result

    def get(self, key, default=None, version=None):
        return self.attempt(default, super().get, key, default, version)

    def get_many(self, keys, version=None):
        return self.attempt({}, super().get_many, keys, version)

    def has_key(self, key, version=None):
        return self.attempt(False, super().has_key, key, version)

    def add(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        return self.attempt(False, super().add, key, value, timeout, version)

    def set(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        self.attempt(None, super().set, key, value, timeout, version)

    def set_many(self, data, timeout=DEFAULT_TIMEOUT, version=None):
        return self.attempt(list(data), super().set_many, data, timeout, version)

    def touch(self, key, timeout=DEFAULT_TIMEOUT, version=None):
        return self.attempt(False, super().touch, key, timeout, version)

    def delete(self, key, version=None):
        return self.attempt(False, super().delete, key, version)

    def delete_many(self, keys, version=None):
        self.attempt(None, super().delete_many, keys, version)

    def incr(self, key, delta=1, version=None):
        """As if the key were missing while Redis is away (ValueError), as Django's caches say it."""
        value = self.attempt(self.NOT_ANSWERED, super().incr, key, delta, version)
        if value is self.NOT_ANSWERED:
            raise ValueError(f"Key '{key}' not found: Redis is unreachable.")
        return value

    def clear(self):
        return self.attempt(False, super().clear)
