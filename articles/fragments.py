"""
The lists a page shows, cached apart from the page: "Most viewed", latest news,
relevant news, the sections' menu. Each has its own lifetime and, optionally,
keys (articles/cache.py's table): a fragment stored under the versions of its
keys is not used once one of them moves. So a page rendered again (a story
corrected) takes its lists from here instead of querying for them, and a list
that changes with every publish does not make every page that shows it stale.

The same two layers as the page cache: the shared cache, and each process's
memory in front of it (a fragment is read by many pages, so the round trip would
otherwise come back on every render). Keys hold the active language, so Kazakh
pages in Latin script (whose links are Latin) have fragments of their own.
Apps that must not import each other's models (analytics, for "Most viewed")
use `cached_fragment` with a function that computes the HTML.
"""

from __future__ import annotations

import hashlib
import threading
import time
from collections import OrderedDict
from collections.abc import Callable, Sequence
from typing import TypeVar

from django.conf import settings
from django.core.cache import cache
from django.utils.translation import get_language

from .cache import key_versions

T = TypeVar("T")

LOCAL_ENTRIES = 1000
_lock = threading.Lock()
# key -> (wall-clock expiry, value), least recently used first.
_local: OrderedDict[str, tuple[float, object]] = OrderedDict()


def fragments_forget_local() -> None:
    with _lock:
        _local.clear()


def cached_fragment(
    name: str,
    *parts: object,
    seconds: float,
    compute: Callable[[], T],
    keys: Sequence[str] = (),
) -> T:
    """
    `compute()`, kept for `seconds` under name, parts, language and key versions;
    computed every time while the reader page cache is off (the embedded profile's
    NEWSROOM_PAGE_CACHE_SECONDS = 0), of which fragments are a part. None (nothing
    found: a section or tag that does not exist) is not kept, so that made-up
    addresses do not fill the cache.
    """
    if not settings.NEWSROOM_PAGE_CACHE_SECONDS:
        return compute()
    versions = key_versions(keys) if keys else ()
    # Parts may hold any text (a photo's sizes): the key holds their digest.
    what = ":".join([get_language() or "", *map(str, parts), *map(str, versions)])
    digest = hashlib.blake2b(what.encode(), digest_size=16).hexdigest()
    key = f"articles:fragment:{name}:{digest}"
    now = time.time()
    with _lock:
        entry = _local.get(key)
        if entry is not None and entry[0] > now:
            _local.move_to_end(key)
            return entry[1]
    entry = cache.get(key)
    if entry is None or entry[0] <= now:
        entry = (now + seconds, compute())
        if entry[1] is None:
            return None
        if None not in versions:
            cache.set(key, entry, seconds)
    with _lock:
        _local[key] = entry
        _local.move_to_end(key)
        while len(_local) > LOCAL_ENTRIES:
            _local.popitem(last=False)
    return entry[1]
