"""The reader page cache and the number that makes all of it stale at once.

Reader pages (front page, sections, tags, stories, the feed) are the same for
every reader, so they are cached whole for NEWSROOM_PAGE_CACHE_SECONDS. Every
cache key carries a generation number; bumping it (`reader_cache_refresh`) makes
every cached page stale in one step, without knowing which pages showed what.
The desk bumps it when a story changes, when a scheduled story's time comes (a
Celery task timed for that moment) and, as a safety net, from a periodic sweep.
"""

import hashlib
import time
from functools import wraps

from django.conf import settings
from django.core.cache import cache
from django.utils.translation import get_language

GENERATION_KEY = "articles:reader-generation"


def reader_cache_generation() -> int:
    # A time-based first value: if the cache ever loses this key, the new number
    # is far above any number used before, so no old page is served again.
    return cache.get_or_set(GENERATION_KEY, time.time_ns(), timeout=None)


def reader_cache_refresh() -> None:
    """Make every cached reader page stale."""
    try:
        cache.incr(GENERATION_KEY)
    except ValueError:  # the key is missing: nothing cached under it either
        cache.set(GENERATION_KEY, time.time_ns(), timeout=None)


def cache_reader_page(view):
    """Cache a reader view's successful GET responses under the current generation."""

    @wraps(view)
    def wrapped(request, *args, **kwargs):
        seconds = settings.NEWSROOM_PAGE_CACHE_SECONDS
        if not seconds or request.method not in ("GET", "HEAD"):
            return view(request, *args, **kwargs)
        address = f"{request.scheme}://{request.get_host()}{request.get_full_path()}"
        digest = hashlib.sha256(address.encode()).hexdigest()
        key = f"articles:page:{reader_cache_generation()}:{get_language()}:{digest}"
        response = cache.get(key)
        if response is not None:
            return response
        response = view(request, *args, **kwargs)
        if hasattr(response, "render") and callable(response.render):
            response = response.render()
        # Only a plain 200 that sets no cookie is the same for everyone.
        if (
            response.status_code == 200
            and not response.streaming
            and not response.cookies
        ):
            cache.set(key, response, seconds)
        return response

    return wrapped
