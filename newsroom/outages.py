"""
Redis that goes away: stop waiting on it, say so once, and let the caller fall back.

A Redis server that is down costs every request that asks it a connection attempt
(or, if it hangs, the whole socket timeout). A circuit stops that: after a
failure the server is left alone for a few seconds, and callers are told at once
that it is unavailable, so that they serve from the database or from memory
instead. The outage is logged once when it begins and once when it ends, not
once per request.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from typing import TypeVar

import redis

logger = logging.getLogger(__name__)

T = TypeVar("T")


class RedisUnavailable(Exception):
    """A Redis server cannot be reached now; the caller falls back."""


class Circuit:
    """Calls to one Redis server, short-circuited for `pause` seconds after a failure."""

    def __init__(
        self,
        *,
        name: str,
        pause: float,
        error: type[RedisUnavailable] = RedisUnavailable,
    ) -> None:
        self.name = name
        self.pause = pause
        self.error = error
        self._open_until = 0.0
        self._down = False
        self._lock = threading.Lock()

    @property
    def available(self) -> bool:
        """False while the server is known to be down and not due to be tried."""
        return time.monotonic() >= self._open_until

    def call(self, operation: Callable[..., T], *args, **kwargs) -> T:
        if time.monotonic() < self._open_until:
            raise self.error(f"{self.name} failed moments ago; not tried again yet.")
        try:
            result = operation(*args, **kwargs)
        except redis.RedisError as failure:
            with self._lock:
                self._open_until = time.monotonic() + self.pause
                began, self._down = not self._down, True
            if began:
                logger.error(
                    "%s is unreachable (%s); asked again every %s s until it answers.",
                    self.name,
                    failure,
                    self.pause,
                )
            raise self.error(str(failure)) from failure
        if self._down:
            with self._lock:
                ended, self._down = self._down, False
            if ended:
                logger.warning("%s answers again.", self.name)
        return result
