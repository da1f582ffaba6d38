"""The HTTP cache in front (Varnish, a CDN): what reader pages tell it, and purges.

A reader page says how long browsers (`max-age`) and shared caches (`s-maxage`)
may keep it, that a stale copy may be served while a fresh one is fetched
(`stale-while-revalidate`) or while the site fails (`stale-if-error`), and which
keys it carries (`Surrogate-Key` for CDNs, `xkey` for Varnish's xkey module;
articles/cache.py has the table). Its `ETag` is a digest of its bytes, so that a
browser or cache that has the page gets a 304 without the body. Anything else
the site answers is `private, no-store` unless its view says otherwise
(newsroom/middleware.py).

When stories change, `http_cache_purge` asks every configured HTTP cache
(NEWSROOM_HTTP_CACHE_PURGE_URLS) to drop the pages carrying their keys: one
`PURGE` request per cache with the keys in `xkey-purge` (deploy/varnish/default.vcl)
and `Surrogate-Key`. The desk's change is committed and the page cache refreshed
before the purge is sent, so a cache that fetches again at once gets the new page.
"""

from __future__ import annotations

import hashlib
import logging
import urllib.request
from collections.abc import Iterable

from django.conf import settings
from django.utils.cache import get_conditional_response
from django.utils.http import http_date

logger = logging.getLogger(__name__)


def http_cache_headers(response, *, keys: Iterable[str]) -> None:
    """Make a reader page cacheable by browsers and shared caches, with its keys."""
    response["Cache-Control"] = (
        f"public, max-age={settings.NEWSROOM_HTTP_MAX_AGE}, "
        f"s-maxage={settings.NEWSROOM_HTTP_S_MAXAGE}, "
        f"stale-while-revalidate={settings.NEWSROOM_HTTP_STALE_WHILE_REVALIDATE}, "
        f"stale-if-error={settings.NEWSROOM_HTTP_STALE_IF_ERROR}"
    )
    digest = hashlib.blake2b(response.content, digest_size=12).hexdigest()
    response["ETag"] = f'"{digest}"'
    response["Last-Modified"] = http_date()
    surrogate = " ".join(keys)
    response["Surrogate-Key"] = surrogate
    response["xkey"] = surrogate


def not_modified(request, response):
    """A 304 when the reader's copy (If-None-Match, If-Modified-Since) is current."""
    if request.method not in ("GET", "HEAD") or "ETag" not in response:
        return None
    answer = get_conditional_response(request, etag=response["ETag"], response=response)
    return answer if answer is not response else None


def http_cache_purge(*, keys: Iterable[str]) -> int:
    """
    Ask every configured HTTP cache to drop the pages carrying `keys`; how many
    caches were asked (0 when none is configured). Raises OSError when one does
    not answer 200, so that the task tries again.
    """
    keys = " ".join(sorted(set(keys)))
    urls = settings.NEWSROOM_HTTP_CACHE_PURGE_URLS
    if not keys or not urls:
        return 0
    for url in urls:
        # The operator's own configured addresses (http or https), not readers'.
        request = urllib.request.Request(  # noqa: S310
            url, method="PURGE", headers={"xkey-purge": keys, "Surrogate-Key": keys}
        )
        with urllib.request.urlopen(request, timeout=5) as answer:  # noqa: S310
            if answer.status != 200:
                raise OSError(f"{url} answered {answer.status} to a purge")
    logger.info("Purged %s at %d HTTP caches.", keys, len(urls))
    return len(urls)
