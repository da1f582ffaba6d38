"""A fixed-window request counter in the Django cache (Redis in production)."""

from __future__ import annotations

import math
import threading
import time

from django.core.cache import cache

from newsroom.cache import CacheUnavailable
from newsroom.visitors import network_hash, visitor_hash

# While the shared cache is down, each process counts on its own: the limit then
# holds per process rather than not at all. Bounded: ended windows are dropped.
LOCAL_MAX_KEYS = 10_000
_local_counts: dict[str, tuple[float, int]] = {}
_local_lock = threading.Lock()


def _local_incr(key: str, expires: float) -> int:
    now = time.time()
    with _local_lock:
        if len(_local_counts) >= LOCAL_MAX_KEYS:
            for stale in [k for k, (end, _n) in _local_counts.items() if end <= now]:
                del _local_counts[stale]
            if len(_local_counts) >= LOCAL_MAX_KEYS:
                _local_counts.clear()
        end, count = _local_counts.get(key, (expires, 0))
        _local_counts[key] = (end, count + 1)
        return count + 1


def rate_limit_hit(*, scope: str, key: str, limit: int, window: int) -> int | None:
    """
    Count one request for `key`; None while within `limit` per `window` seconds,
    else the seconds until the window ends (for Retry-After).

    Windows are aligned to the clock, so the count is one atomic INCR on one key
    and every web process agrees on it.
    """
    now = time.time()
    window_start = math.floor(now / window) * window
    cache_key = f"ratelimit:{scope}:{key}:{window_start}"
    cache.add(cache_key, 0, timeout=window + 1)
    try:
        count = cache.incr(cache_key)
    except ValueError:  # expired between add and incr: this is a new window
        cache.add(cache_key, 1, timeout=window + 1)
        count = 1
    except CacheUnavailable:
        count = _local_incr(cache_key, window_start + window)
    if count <= limit:
        return None
    return max(1, math.ceil(window_start + window - now))


def reader_rate_limit(
    request, *, scope: str, limit: int, address_limit: int, window: int
) -> int | None:
    """
    Count one reader request against two limits: `limit` per visitor (address and
    user agent) and `address_limit`, set higher, per network address (an IPv4
    address, an IPv6 /64), so that changing the user agent on every request buys
    nothing. None while within both, else the seconds until both allow it again.
    """
    waits = [
        rate_limit_hit(
            scope=scope, key=visitor_hash(request), limit=limit, window=window
        ),
        rate_limit_hit(
            scope=f"{scope}:address",
            key=network_hash(request),
            limit=address_limit,
            window=window,
        ),
    ]
    waits = [wait for wait in waits if wait is not None]
    return max(waits) if waits else None
