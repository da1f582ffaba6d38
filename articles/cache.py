"""The reader page cache: pages kept whole, refreshed by what changed.

Reader pages (front page, sections, tags, stories, feeds) are the same for every
reader, so they are cached whole. Each page declares the keys it shows; a change
to a story refreshes only the pages that carry one of the story's keys:

| key | carried by | changed by |
|---|---|---|
| `story-<id>` | the story's page | the story, or one of its translations, changing |
| `edition-<language>` | the edition's front page, its feed, sitemaps, and any page that declares no keys | any story of the edition changing |
| `section-<language>-<slug>` | the section's pages in that edition | a story of the section changing (or leaving it) |
| `tag-<language>-<slug>` | the tag's pages in that edition | a story with the tag changing |

The same keys go out with every page (`Surrogate-Key`, `xkey`), so that an HTTP
cache in front (Varnish, a CDN) is purged by them too (articles/edge.py).

Every key has a version in the shared cache (`articles:key:<key>`, a number that
only grows). A page is stored with the versions of its keys read before it was
rendered, and it is fresh while they are still the current ones and it is younger
than NEWSROOM_PAGE_CACHE_SECONDS. A change moves the versions of its keys and then
`articles:keys-changed`; each process asks for that one value at most every
NEWSROOM_PAGE_VERSION_CHECK_SECONDS and, when it moved, for the current versions
of the keys its pages carry (one MGET), so a change reaches every process within
that time. Versions read before the render make it safe: a change committed
during a render moves a version the page was stored without, so the page is
already stale when it is stored. A missing version (an evicted key; the cache
evicts least recently used keys, and a page's versions are read whenever the page
is) starts again from the clock in nanoseconds, above any number used before.

Two layers: the shared cache (Redis in production), which every web process
fills and reads, and a small store in each process's memory in front of it. A
warm page then costs no network round trip at all. A hand-written LRU of bytes,
not a second Django cache backend, because LocMemCache pickles every entry on
each read, which costs about as much as the Redis round trip it would save.

Stale while revalidate, single flight: a page that is stale (a key moved, or it
is older than its lifetime) is rendered again by one request at a time, per
process (a lock in memory) and across processes (`<page key>:render`, added with
a short timeout); every other request meanwhile gets the previous version. So a
publish costs one render per page, not one per request that arrives during it.
A stale copy is kept NEWSROOM_PAGE_STALE_SECONDS beyond its lifetime for this.

When the shared cache is down (newsroom/cache.py treats that as a miss), each
process goes on with the versions it knew, serves its warm pages from memory and
renders the others from the database. A page's key holds only the query
parameters its view reads, so a flood of made-up parameters (utm_*, fbclid,
junk) is one page, not one cache entry per address.
"""

from __future__ import annotations

import hashlib
import threading
import time
from collections import OrderedDict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from functools import wraps
from urllib.parse import quote, urlencode

from django.conf import settings
from django.core.cache import cache
from django.http import HttpResponse
from django.utils.translation import get_language, get_language_from_path

from newsroom.cache import CacheUnavailable

from .edge import http_cache_headers, not_modified
from .editions import current_edition, editions, is_latin
from .middleware import latin_response

VERSION_PREFIX = "articles:key:"
CHANGED_KEY = "articles:keys-changed"
# How long a render may hold the cross-process lock before another may try.
RENDER_LOCK_SECONDS = 10
# How long a key's version lives when it was only read, never moved. It is needed
# only while a page or fragment stored against it lives (an hour at most); one
# that expires starts again from the clock, above its old number, so what was
# stored against it is stale, never wrong. A made-up address (/tag/<junk>/) then
# leaves nothing in the cache for good.
READ_VERSION_SECONDS = 86400


def edition_key(edition: str) -> str:
    return f"edition-{edition}"


def story_key(article_id: int) -> str:
    return f"story-{article_id}"


def section_key(edition: str, slug: str) -> str:
    return f"section-{edition}-{quote(slug, safe='')}"


def tag_key(edition: str, slug: str) -> str:
    # Quoted: a key is a header value, and a tag's slug may be in any script.
    return f"tag-{edition}-{quote(slug, safe='')}"


@dataclass(frozen=True, slots=True)
class CachedPage:
    status: int
    headers: tuple[tuple[str, str], ...]
    content: bytes
    keys: tuple[str, ...]
    versions: tuple[int | None, ...]
    fresh_until: float  # wall-clock time, so that every process reads it alike

    def response(self) -> HttpResponse:
        response = HttpResponse(self.content, status=self.status)
        for name, value in self.headers:
            response[name] = value
        return response


class _Process:
    """What one process knows: its pages, the versions of their keys, its renders."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.pages: OrderedDict[str, CachedPage] = OrderedDict()
        self.versions: dict[str, int] = {}
        self.checked_at: float | None = None  # monotonic
        self.changed_seen: object = None
        self.rendering: set[str] = set()
        # Renders done by this process (the tests count them).
        self.renders = 0


_process = _Process()


def reader_cache_forget_local() -> None:
    """Drop this process's pages, fragments and its copy of the versions."""
    global _process
    from .fragments import fragments_forget_local

    _process = _Process()
    fragments_forget_local()


def reader_cache_renders() -> int:
    """How many reader pages this process has rendered for the cache."""
    return _process.renders


def _shared_versions(keys: Iterable[str]) -> dict[str, int]:
    """The versions of `keys` in the shared cache; missing ones are started."""
    wanted = {VERSION_PREFIX + key: key for key in keys}
    if not wanted:
        return {}
    found = cache.get_many(list(wanted))
    if not getattr(cache, "available", True):
        return {}
    versions = {wanted[name]: value for name, value in found.items()}
    for name, key in wanted.items():
        if key not in versions:
            start = time.time_ns()
            cache.add(name, start, timeout=READ_VERSION_SECONDS)
            versions[key] = cache.get(name, start)
    return versions


def key_versions(keys: Sequence[str]) -> tuple[int | None, ...]:
    """
    The versions of `keys` as this process knows them: the shared cache is asked
    whether anything changed at most once per check interval, and for a key this
    process has not met yet.
    """
    state = _process
    now = time.monotonic()
    if (
        state.checked_at is None
        or now - state.checked_at >= settings.NEWSROOM_PAGE_VERSION_CHECK_SECONDS
    ):
        state.checked_at = now
        changed = cache.get(CHANGED_KEY)
        if getattr(cache, "available", True) and changed != state.changed_seen:
            known = list(state.versions)
            fresh = _shared_versions(known) if known else {}
            if fresh or not known:
                state.versions = dict(fresh)
                state.changed_seen = changed
    missing = [key for key in keys if key not in state.versions]
    if missing:
        state.versions.update(_shared_versions(missing))
        if len(state.versions) > 8 * settings.NEWSROOM_PAGE_LOCAL_ENTRIES:
            state.versions = {key: state.versions[key] for key in keys}
    return tuple(state.versions.get(key) for key in keys)


def reader_pages_changed(keys: Iterable[str]) -> None:
    """
    Make the pages carrying any of `keys` stale, in this process at once and in
    the others within the check interval; every other page stays warm.
    """
    keys = sorted(set(keys))
    if not keys:
        return
    try:
        for key in keys:
            try:
                cache.incr(VERSION_PREFIX + key)
            except ValueError:  # never used, or evicted: start above any old number
                cache.set(VERSION_PREFIX + key, time.time_ns(), timeout=None)
        try:
            cache.incr(CHANGED_KEY)
        except ValueError:
            cache.set(CHANGED_KEY, time.time_ns(), timeout=None)
    except CacheUnavailable:
        # The cache is down (logged once by it): other processes' pages in memory
        # stay until they expire (NEWSROOM_PAGE_CACHE_SECONDS).
        pass
    state = _process
    with state.lock:
        for key in keys:
            state.versions.pop(key, None)
        for address in [a for a, p in state.pages.items() if set(p.keys) & set(keys)]:
            del state.pages[address]


def article_page_keys(article) -> set[str]:
    """The keys of the pages that show `article`, as it is and as it was loaded."""
    from .models import Article, Section

    languages = {article.language, *article.loaded("language")}
    keys = {story_key(article.pk), *(edition_key(edition) for edition in languages)}
    keys |= {
        story_key(pk)
        for pk in Article.objects.filter(
            translation_group=article.translation_group
        ).values_list("pk", flat=True)
    }
    sections = {article.section_id, *article.loaded("section_id")}
    for section in Section.objects.filter(pk__in=sections):
        keys |= {section_key(e, section.slug_in(e)) for e in languages}
    # A tag taken off the story in this change (Article.remember_tags) still
    # lists it on its page until that page is refreshed too.
    tags = {*article.tags.values_list("slug", flat=True)}
    for slugs in article.loaded("tag_slugs"):
        tags.update(slugs)
    for slug in tags:
        keys |= {tag_key(e, slug) for e in languages}
    return keys


def _local_get(address: str) -> CachedPage | None:
    state = _process
    with state.lock:
        page = state.pages.get(address)
        if page is not None:
            state.pages.move_to_end(address)
        return page


def _local_set(address: str, page: CachedPage) -> None:
    state = _process
    with state.lock:
        state.pages[address] = page
        state.pages.move_to_end(address)
        while len(state.pages) > settings.NEWSROOM_PAGE_LOCAL_ENTRIES:
            state.pages.popitem(last=False)


def _is_fresh(page: CachedPage | None, versions: tuple) -> bool:
    return (
        page is not None
        and page.versions == versions
        and None not in versions
        and time.time() < page.fresh_until
    )


def _claim(address: str) -> bool:
    """Whether this request renders the page now (single flight); else serve stale."""
    state = _process
    with state.lock:
        if address in state.rendering:
            return False
        state.rendering.add(address)
    if cache.add(f"{address}:render", 1, RENDER_LOCK_SECONDS) or not getattr(
        cache, "available", True
    ):
        return True
    with state.lock:
        state.rendering.discard(address)
    return False


def _release(address: str) -> None:
    cache.delete(f"{address}:render")
    with _process.lock:
        _process.rendering.discard(address)


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


def _render(view, request, args, kwargs, keys) -> HttpResponse:
    response = view(request, *args, **kwargs)
    if hasattr(response, "render") and callable(response.render):
        response = response.render()
    if is_latin():
        # Kept in Latin script, so that a cached page is not transliterated
        # on every request (articles/middleware.py).
        response = latin_response(response)
    # Only a plain 200 that sets no cookie is the same for everyone.
    if response.status_code == 200 and not response.streaming and not response.cookies:
        http_cache_headers(response, keys=keys)
    return response


def _answer(request, response: HttpResponse) -> HttpResponse:
    """A conditional GET for the page the reader already has is a 304."""
    if response.status_code == 200:
        return not_modified(request, response) or response
    return response


def cache_reader_page(
    view=None,
    *,
    reads: Sequence[str] = (),
    keys: Callable[..., Sequence[str]] | None = None,
):
    """
    Cache a reader view's successful GET responses, refreshed by their keys.

    `reads` names the query parameters the view reads; every other one is left out
    of the key, since it cannot change the page. `keys(request, *args, **kwargs)`
    names the page's keys (the module's table); a page that names none carries its
    edition's key, so that any change in the edition refreshes it (every
    edition's, outside the editions' prefixes).
    """
    if view is None:
        return lambda view: cache_reader_page(view, reads=reads, keys=keys)

    def page_keys(request, args, kwargs) -> tuple[str, ...]:
        named = keys(request, *args, **kwargs) if keys is not None else ()
        if named:
            return tuple(named)
        if get_language_from_path(request.path_info):
            return (edition_key(current_edition()),)
        # A page outside the editions' prefixes (a sitemap index, robots.txt) may
        # list any edition's stories: any publish refreshes it.
        return tuple(edition_key(edition) for edition in editions())

    @wraps(view)
    def wrapped(request, *args, **kwargs):
        seconds = settings.NEWSROOM_PAGE_CACHE_SECONDS
        names = page_keys(request, args, kwargs)
        if not seconds or request.method not in ("GET", "HEAD"):
            return _answer(request, _render(view, request, args, kwargs, names))
        digest = hashlib.sha256(page_address(request, reads).encode()).hexdigest()
        address = f"articles:page:{get_language()}:{digest}"
        versions = key_versions(names)
        page = _local_get(address)
        if _is_fresh(page, versions):
            return _answer(request, page.response())
        shared = cache.get(address)
        if _is_fresh(shared, versions):
            _local_set(address, shared)
            return _answer(request, shared.response())
        stale = page or shared
        claimed = stale is not None and stale.keys == names
        if claimed and not _claim(address):
            return _answer(request, stale.response())  # another request renders it
        try:
            _process.renders += 1
            response = _render(view, request, args, kwargs, names)
            if "ETag" in response:  # a page that may be cached (http_cache_headers)
                fresh = CachedPage(
                    status=response.status_code,
                    headers=tuple(response.items()),
                    content=response.content,
                    keys=names,
                    versions=versions,
                    fresh_until=time.time() + seconds,
                )
                cache.set(
                    address, fresh, seconds + settings.NEWSROOM_PAGE_STALE_SECONDS
                )
                _local_set(address, fresh)
        finally:
            if claimed:
                _release(address)
        return _answer(request, response)

    return wrapped
