"""
Where counted views go first: one small interface, two implementations.

The database store (embedded profile) writes every counted view straight into the
story's daily row and total with an upsert. The Redis store (production) keeps the
hot path off SQL: a counted view is one Lua call that sets the visitor's dedupe key,
adds the view to a pending-views hash and to hourly and daily rankings (site-wide
and per section); a Celery beat task moves the pending views to the database in
batches (services.views_flush). Which store runs is a setting (ANALYTICS_STORE).

The package: the interface and what both stores share (base.py), the database
store (database.py), the Redis store (redis.py, whose docstring lists every key
it keeps) and the Redis store's Lua scripts (lua/, read once when the process
starts). `get_store()` returns the store the settings name.
"""

from __future__ import annotations

import threading

from django.conf import settings

from .base import (
    DAY,
    HOUR,
    Batch,
    CounterStore,
    Hit,
    StoreUnavailable,
    Window,
    day_key,
    flushed_total,
    hour_key,
)
from .database import DatabaseCounterStore, database_top
from .redis import RedisCounterStore, RedisKeys

__all__ = [
    "DAY",
    "HOUR",
    "Batch",
    "CounterStore",
    "DatabaseCounterStore",
    "Hit",
    "RedisCounterStore",
    "RedisKeys",
    "StoreUnavailable",
    "Window",
    "build_store",
    "database_top",
    "day_key",
    "flushed_total",
    "get_store",
    "hour_key",
]

_stores: dict[tuple, CounterStore] = {}
_stores_lock = threading.Lock()


def get_store() -> CounterStore:
    """The store the settings name, built once per process (and per settings)."""
    config = (
        settings.ANALYTICS_STORE,
        settings.ANALYTICS_REDIS_URL,
        settings.ANALYTICS_KEY_PREFIX,
        settings.ANALYTICS_VIEW_WINDOW_SECONDS,
        settings.NEWSROOM_REDIS_OUTAGE_PAUSE,
    )
    store = _stores.get(config)
    if store is None:
        with _stores_lock:
            store = _stores.get(config)
            if store is None:
                store = _stores[config] = build_store(*config)
    return store


def build_store(
    kind: str,
    redis_url: str,
    prefix: str,
    window_seconds: int,
    outage_pause: float = 5.0,
) -> CounterStore:
    if kind == "redis":
        return RedisCounterStore(
            url=redis_url,
            prefix=prefix,
            window_seconds=window_seconds,
            outage_pause=outage_pause,
        )
    if kind == "database":
        return DatabaseCounterStore(window_seconds=window_seconds)
    raise ValueError(f"ANALYTICS_STORE must be 'redis' or 'database', not {kind!r}.")
