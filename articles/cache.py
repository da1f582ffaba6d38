"""The reader page cache and the number that makes all of it stale at once.

Reader pages (front page, sections, tags, stories, the feed) are the same for
every reader, so they are cached whole for NEWSROOM_PAGE_CACHE_SECONDS. Every
cache key carries a generation number; bumping it (`reader_cache_refresh`) makes
every cached page stale in one step, without knowing which pages showed what.
The desk bumps it when a story changes, when a scheduled story's time comes (a
Celery task timed for that moment) and, as a safety net, from a periodic sweep.

Two layers: the shared cache (Redis in production), which every web process
fills and reads, and a small store in each process's memory in front of it. A
warm page then costs no network round trip at all: the process asks the shared
cache for the generation at most every NEWSROOM_PAGE_GENERATION_CHECK_SECONDS
(a change reaches every process within that time) and serves the page from its
own memory. A hand-written LRU of bytes, not a second Django cache backend,
because LocMemCache pickles every entry on each read, which costs about as much
as the Redis round trip it would save.

When the shared cache is down (newsroom/cache.py treats that as a miss), each
process goes on with the generation it knew, serves its warm pages from memory
and renders the others from the database. A page's key holds only the query
parameters its view reads, so a flood of made-up parameters (utm_*, fbclid,
junk) is one page, not one cache entry per address.
"""

import hashlib
import threading
import time
from collections import OrderedDict
from collections.abc import Sequence
from functools import wraps
from urllib.parse import urlencode

from django.conf import settings
from django.core.cache import cache
from django.http import HttpResponse
from django.utils.translation import get_language

from newsroom.cache import CacheUnavailable

from .editions import is_latin
from .middleware import latin_response

GENERATION_KEY = "articles:reader-generation"

_lock = threading.Lock()
# (monotonic time of the last check, generation) for this process.
_generation_memo: tuple[float, int] | None = None
# key -> (monotonic expiry, status, headers, content), least recently used first.
_local_pages: OrderedDict[str, tuple[float, int, list, bytes]] = OrderedDict()


def reader_cache_generation() -> int:
    # A time-based first value: if the cache ever loses this key, the new number
    # is far above any number used before, so no old page is served again.
    return cache.get_or_set(GENERATION_KEY, time.time_ns(), timeout=None)


def _current_generation() -> int:
    """The generation, asked of the shared cache at most once per check interval."""
    global _generation_memo
    now = time.monotonic()
    memo = _generation_memo
    if (
        memo is not None
        and now - memo[0] < settings.NEWSROOM_PAGE_GENERATION_CHECK_SECONDS
    ):
        return memo[1]
    generation = reader_cache_generation()
    if memo is not None and not getattr(cache, "available", True):
        generation = memo[1]  # the cache is down: this process's pages still serve
    _generation_memo = (now, generation)
    return generation


def reader_cache_forget_local() -> None:
    """Drop this process's pages and its copy of the generation."""
    global _generation_memo
    with _lock:
        _generation_memo = None
        _local_pages.clear()


def reader_cache_refresh() -> None:
    """Make every cached reader page stale (in other processes within a second)."""
    try:
        cache.incr(GENERATION_KEY)
    except ValueError:  # the key is missing: nothing cached under it either
        cache.set(GENERATION_KEY, time.time_ns(), timeout=None)
    except CacheUnavailable:
        # The cache is down (logged once by it): other processes' pages in memory
        # stay until they expire (NEWSROOM_PAGE_CACHE_SECONDS).
        pass
    reader_cache_forget_local()


def _local_get(key: str) -> HttpResponse | None:
    with _lock:
        entry = _local_pages.get(key)
        if entry is None:
            return None
        if entry[0] < time.monotonic():
            del _local_pages[key]
            return None
        _local_pages.move_to_end(key)
    _, status, headers, content = entry
    response = HttpResponse(content, status=status)
    for name, value in headers:
        response[name] = value
    return response


def _local_set(key: str, response: HttpResponse, seconds: int) -> None:
    entry = (
        time.monotonic() + seconds,
        response.status_code,
        list(response.items()),
        response.content,
    )
    with _lock:
        _local_pages[key] = entry
        _local_pages.move_to_end(key)
        while len(_local_pages) > settings.NEWSROOM_PAGE_LOCAL_ENTRIES:
            _local_pages.popitem(last=False)


def page_address(request, reads: Sequence[str]) -> str:
    """
    The page's address as its view sees it: only the query parameters it reads,
    with the value it reads (the last one, when a parameter is repeated).
    """
    query = urlencode(
        [(name, request.GET[name]) for name in reads if name in request.GET]
    )
    address = f"{request.scheme}://{request.get_host()}{request.path}"
    return f"{address}?{query}" if query else address


def cache_reader_page(view=None, *, reads: Sequence[str] = ()):
    """
    Cache a reader view's successful GET responses under the current generation.

    `reads` names the query parameters the view reads; every other one is left out
    of the key, since it cannot change the page.
    """
    if view is None:
        return lambda view: cache_reader_page(view, reads=reads)

    @wraps(view)
    def wrapped(request, *args, **kwargs):
        seconds = settings.NEWSROOM_PAGE_CACHE_SECONDS
        if not seconds or request.method not in ("GET", "HEAD"):
            return view(request, *args, **kwargs)
        address = page_address(request, reads)
        digest = hashlib.sha256(address.encode()).hexdigest()
        key = f"articles:page:{_current_generation()}:{get_language()}:{digest}"
        response = _local_get(key)
        if response is not None:
            return response
        response = cache.get(key)
        if response is not None:
            _local_set(key, response, seconds)
            return response
        response = view(request, *args, **kwargs)
        if hasattr(response, "render") and callable(response.render):
            response = response.render()
        if is_latin():
            # Kept in Latin script, so that a cached page is not transliterated
            # on every request (articles/middleware.py).
            response = latin_response(response)
        # Only a plain 200 that sets no cookie is the same for everyone.
        if (
            response.status_code == 200
            and not response.streaming
            and not response.cookies
        ):
            cache.set(key, response, seconds)
            _local_set(key, response, seconds)
        return response

    return wrapped
