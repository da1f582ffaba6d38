"""A fixed-window request counter in the Django cache (Redis in production)."""

from __future__ import annotations

import math
import time

from django.core.cache import cache


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
    if count <= limit:
        return None
    return max(1, math.ceil(window_start + window - now))
