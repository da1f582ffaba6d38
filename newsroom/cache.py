"""
The shared cache on a Redis that may go away (production profile).

Django's Redis cache raises when its server is down, so every page that asks the
cache would fail with it. The cache holds nothing that cannot be computed again,
so here an unreachable server is a miss: reads return the default, writes are
dropped, and the server is left alone for NEWSROOM_REDIS_OUTAGE_PAUSE seconds
after a failure (newsroom/outages.py), so readers do not wait on it request after
request. Counting operations (`incr`, `decr`) raise CacheUnavailable instead,
because no made-up number is right: their callers decide (articles/cache.py,
newsroom/ratelimit.py).

django-redis's IGNORE_EXCEPTIONS does the first half, but it tries the server on
every call and logs every failure; the circuit is the part that matters in an
outage, and it is a few lines over Django's own backend.
"""

from __future__ import annotations

from django.conf import settings
from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.core.cache.backends.redis import RedisCache as DjangoRedisCache
from redis.backoff import NoBackoff
from redis.retry import Retry

from .outages import Circuit, RedisUnavailable

# A page waits at most half a second on a hung server; a connection that went
# stale in a restart is made again at once, instead of failing one request.
REDIS_OPTIONS = {
    "socket_timeout": 0.5,
    "socket_connect_timeout": 0.5,
    "retry": Retry(NoBackoff(), 1),
}


class CacheUnavailable(RedisUnavailable):
    """The shared cache cannot count now (incr/decr during an outage)."""


class RedisCache(DjangoRedisCache):
    def __init__(self, server, params):
        super().__init__(server, params)
        self._options = {**REDIS_OPTIONS, **self._options}
        self.circuit = Circuit(
            name="The cache Redis",
            pause=settings.NEWSROOM_REDIS_OUTAGE_PAUSE,
            error=CacheUnavailable,
        )

    @property
    def available(self) -> bool:
        return self.circuit.available

    def _or(self, fallback, operation, *args, **kwargs):
        try:
            return self.circuit.call(operation, *args, **kwargs)
        except CacheUnavailable:
            return fallback

    def get(self, key, default=None, version=None):
        return self._or(default, super().get, key, default, version)

    def get_many(self, keys, version=None):
        return self._or({}, super().get_many, keys, version)

    def has_key(self, key, version=None):
        return self._or(False, super().has_key, key, version)

    def add(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        return self._or(False, super().add, key, value, timeout, version)

    def set(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        self._or(None, super().set, key, value, timeout, version)

    def set_many(self, data, timeout=DEFAULT_TIMEOUT, version=None):
        return self._or(list(data), super().set_many, data, timeout, version)

    def touch(self, key, timeout=DEFAULT_TIMEOUT, version=None):
        return self._or(False, super().touch, key, timeout, version)

    def delete(self, key, version=None):
        return self._or(False, super().delete, key, version)

    def delete_many(self, keys, version=None):
        self._or(None, super().delete_many, keys, version)

    def clear(self):
        return self._or(False, super().clear)

    def incr(self, key, delta=1, version=None):  # decr() calls this too
        return self.circuit.call(super().incr, key, delta, version)
