"""Reads: a story's count, its daily history, and the "Most viewed" lists."""

from __future__ import annotations

import datetime
import time
from collections.abc import Sequence

from django.conf import settings
from django.core.cache import cache
from django.utils import timezone

from articles.editions import current_edition, editions
from articles.models import Article, Section

from .models import DailyViews
from .stores import (
    CounterStore,
    StoreUnavailable,
    Window,
    database_top,
    flushed_total,
    get_store,
)

# A ranking keeps more stories than a list shows, so that stories unpublished
# since it was computed can be left out and the list still be full.
#
# The store ranks stories of every edition together (its keys are per window and
# section, not per language), and an edition's list is the ranking filtered to
# its language by the same one query that applies live(). So the ranking keeps
# this many candidates per edition: a list stays full unless one edition's
# stories take nearly all the top places, and the cost stays bounded (one
# ZREVRANGE of at most 30 x editions ids, one query with that many ids). Keys
# per edition would need the language in every hit token and counter key; not
# worth it while the editions are of comparable size.
RANKING_CANDIDATES = 30
RANKING_KEY = "analytics:most-viewed:{window}:{section}"


def article_views(*, article_id: int) -> int:
    """The count readers see: flushed plus pending views (flushed only, if Redis is down)."""
    try:
        return get_store().total(article_id=article_id)
    except StoreUnavailable:  # the store logs the outage once
        return flushed_total(article_id=article_id)


def ranking(
    *, store: CounterStore, window: Window, limit: int, section_id: int | None = None
) -> list[tuple[int, int]]:
    """A ranking from the store, or from the database's rows while Redis is down."""
    try:
        return store.top(window=window, limit=limit, section_id=section_id)
    except StoreUnavailable:
        return database_top(
            window=window, limit=limit, section_id=section_id, hourly=True
        )


def daily_views(*, article_id: int, days: int = 30) -> list[tuple[datetime.date, int]]:
    """The story's views per day for the last `days` days, oldest first, zeros included."""
    today = timezone.localdate()
    since = today - datetime.timedelta(days=days - 1)
    rows = dict(
        DailyViews.objects.filter(article_id=article_id, day__gte=since).values_list(
            "day", "views"
        )
    )
    days_ = (since + datetime.timedelta(days=offset) for offset in range(days))
    return [(day, rows.get(day, 0)) for day in days_]


def most_viewed_rankings(
    *, windows: Sequence[Window], section_id: int | None = None
) -> dict[Window, list[int]]:
    """
    Story ids by views, per window, computed at most once a minute.

    A ranking is kept in the cache with the time it was computed. Once it is older
    than ANALYTICS_MOST_VIEWED_SECONDS, the first request to take a short lock
    computes it again while the others go on with the older copy; only a ranking
    that is not in the cache at all is computed by whoever asks.
    """
    fresh_for = settings.ANALYTICS_MOST_VIEWED_SECONDS
    keys = {
        window: RANKING_KEY.format(window=window.value, section=section_id or "all")
        for window in windows
    }
    cached = cache.get_many(list(keys.values()))
    now = time.time()
    rankings = {}
    store = get_store()
    for window, key in keys.items():
        entry = cached.get(key)
        if entry is not None and (
            now - entry[0] < fresh_for or not cache.add(f"{key}:lock", 1, fresh_for)
        ):
            rankings[window] = entry[1]
            continue
        top = ranking(
            store=store,
            window=window,
            limit=RANKING_CANDIDATES * len(editions()),
            section_id=section_id,
        )
        rankings[window] = [pk for pk, _views in top]
        cache.set(key, (now, rankings[window]), timeout=fresh_for * 10)
    return rankings


def most_viewed_stories(
    *,
    windows: Sequence[Window],
    section: Section | None = None,
    limit: int,
    edition: str | None = None,
) -> list[tuple[Window, list[Article]]]:
    """
    The live stories of one edition (the one being read) read most in each
    window, at most `limit` each; one query.
    """
    rankings = most_viewed_rankings(
        windows=windows, section_id=section.pk if section else None
    )
    wanted = {pk for ranking in rankings.values() for pk in ranking}
    stories = {}
    if wanted:
        live = (
            Article.objects.live()
            .in_edition(edition or current_edition())
            .filter(pk__in=wanted)
        )
        if section is not None:  # a story may have moved since it was read
            live = live.filter(section=section)
        stories = {
            story.pk: story for story in live.only("pk", "slug", "headline", "language")
        }
    return [
        (window, [stories[pk] for pk in rankings[window] if pk in stories][:limit])
        for window in windows
    ]


def most_viewed_for_editors(
    *, window: Window, section_id: int | None = None, limit: int = 25
) -> list[tuple[Article, int]]:
    """The stories read most in a window, fresh from the store, whatever their status."""
    top = ranking(store=get_store(), window=window, limit=limit, section_id=section_id)
    stories = Article.objects.select_related("section").in_bulk(
        [pk for pk, _views in top]
    )
    return [(stories[pk], views) for pk, views in top if pk in stories]
