"""
Writes: moving counted views from Redis into the database, exactly once.

A flush takes the pending views atomically (the pending hash is renamed to the
batch key in Redis, with a new batch id), writes them in one transaction, and only
then forgets the batch. The transaction also records the batch id. So:

- a worker that dies after taking the batch and before the commit leaves the batch
  in Redis; the next flush finds it, sees that its id was never recorded, and
  applies it;
- a worker that dies after the commit and before forgetting the batch leaves it in
  Redis too; the next flush finds its id recorded and only forgets it.

The flush also adds each batch to the hour's rows (HourlyViews), which it keeps
for two days: when Redis has lost the "Most viewed" rankings (a restart without
its append-only file), they are rebuilt from these rows and the daily ones
(`most_viewed_rebuild`, run by the beat task when Redis's marker key is gone and
by `manage.py rebuild_most_viewed`).

Each batch is written with one statement per table, whatever the number of
stories in it: the rows travel as arrays (PostgreSQL's unnest) or as one JSON
document (SQLite's json_each), never as one statement per story. The SQL is put
together from the models' table names and fixed text only; every value is a
parameter.
"""

from __future__ import annotations

import datetime
import json
import logging
from dataclasses import dataclass

from django.db import connection, transaction
from django.utils import timezone

from articles.models import Article

from .models import DailyViews, FlushedBatch, HourlyViews, ViewTotal
from .stores import Batch, CounterStore, RedisCounterStore, get_store

logger = logging.getLogger(__name__)

# How long a batch id is remembered; batches live in Redis for at most 7 days.
BATCH_MEMORY = datetime.timedelta(days=31)
# How long hourly rows are kept: enough to rebuild the 24-hour ranking.
HOURLY_MEMORY = datetime.timedelta(hours=48)


@dataclass(frozen=True, slots=True)
class FlushResult:
    batch_id: str
    stories: int
    views: int
    applied: bool  # False: an earlier flush had committed it already


def _rows_param(rows: list[tuple]) -> tuple[str, list]:
    """A FROM clause yielding `rows` as (c0, c1, ...), and its one or few parameters."""
    width = len(rows[0]) if rows else 0
    if connection.vendor == "postgresql":
        types = [
            "date" if isinstance(rows[0][i], datetime.date) else "bigint"
            for i in range(width)
        ]
        columns = ", ".join(f"c{i}" for i in range(width))
        arrays = ", ".join(f"%s::{kind}[]" for kind in types)
        params = [[row[i] for row in rows] for i in range(width)]
        return f"unnest({arrays}) AS b({columns})", params
    columns = ", ".join(
        f"json_extract(j.value, '$[{i}]') AS c{i}" for i in range(width)
    )
    document = json.dumps(
        [
            [v.isoformat() if isinstance(v, datetime.date) else v for v in row]
            for row in rows
        ]
    )
    return f"(SELECT {columns} FROM json_each(%s) AS j) AS b", [document]  # noqa: S608


def view_batch_apply(*, batch: Batch) -> tuple[bool, dict[int, int]]:
    """
    Write a batch's views to the database once: (whether it was written now, the
    stories' totals). Views of stories deleted meanwhile are dropped.
    """
    qn = connection.ops.quote_name
    daily = qn(DailyViews._meta.db_table)
    hourly = qn(HourlyViews._meta.db_table)
    totals = qn(ViewTotal._meta.db_table)
    batches = qn(FlushedBatch._meta.db_table)
    articles = qn(Article._meta.db_table)
    per_story: dict[int, int] = {}
    for (pk, _day), views in batch.views.items():
        per_story[pk] = per_story.get(pk, 0) + views
    now = timezone.now()
    hour = now.replace(minute=0, second=0, microsecond=0)
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(
            f"INSERT INTO {batches} (batch_id, flushed_at, stories, views) "  # noqa: S608
            f"VALUES (%s, %s, %s, %s) ON CONFLICT (batch_id) DO NOTHING "
            f"RETURNING batch_id",
            [
                batch.batch_id,
                connection.ops.adapt_datetimefield_value(now),
                len(per_story),
                batch.total,
            ],
        )
        story_source, story_params = _rows_param(sorted(per_story.items()))
        if cursor.fetchone() is None:  # committed by an earlier flush
            cursor.execute(
                f"SELECT t.article_id, t.views FROM {totals} t "  # noqa: S608
                f"JOIN {story_source} ON t.article_id = b.c0",
                story_params,
            )
            return False, dict(cursor.fetchall())
        # Sorted, so that concurrent writers lock rows in the same order.
        day_source, day_params = _rows_param(
            sorted((pk, day, views) for (pk, day), views in batch.views.items())
        )
        cursor.execute(
            f"INSERT INTO {daily} (article_id, day, views) "  # noqa: S608
            f"SELECT b.c0, b.c1, b.c2 FROM {day_source} "
            f"WHERE EXISTS (SELECT 1 FROM {articles} a WHERE a.id = b.c0) "
            f"ON CONFLICT (article_id, day) "
            f"DO UPDATE SET views = {daily}.views + excluded.views",
            day_params,
        )
        cursor.execute(
            f"INSERT INTO {hourly} (article_id, hour, views) "  # noqa: S608
            f"SELECT b.c0, %s, b.c1 FROM {story_source} "
            f"WHERE EXISTS (SELECT 1 FROM {articles} a WHERE a.id = b.c0) "
            f"ON CONFLICT (article_id, hour) "
            f"DO UPDATE SET views = {hourly}.views + excluded.views",
            [connection.ops.adapt_datetimefield_value(hour), *story_params],
        )
        cursor.execute(
            f"INSERT INTO {totals} (article_id, views) "  # noqa: S608
            f"SELECT b.c0, b.c1 FROM {story_source} "
            f"WHERE EXISTS (SELECT 1 FROM {articles} a WHERE a.id = b.c0) "
            f"ON CONFLICT (article_id) "
            f"DO UPDATE SET views = {totals}.views + excluded.views "
            f"RETURNING article_id, views",
            story_params,
        )
        new_totals = dict(cursor.fetchall())
        cursor.execute(
            f"DELETE FROM {batches} WHERE flushed_at < %s",  # noqa: S608
            [connection.ops.adapt_datetimefield_value(now - BATCH_MEMORY)],
        )
        cursor.execute(
            f"DELETE FROM {hourly} WHERE hour < %s",  # noqa: S608
            [connection.ops.adapt_datetimefield_value(hour - HOURLY_MEMORY)],
        )
    return True, new_totals


def views_flush(*, store: CounterStore | None = None) -> list[FlushResult]:
    """
    Move pending views from Redis to the database (the beat task calls this).

    Finishes a batch an earlier flush left behind first, then takes the views
    pending now. The database store has no batches: there it does nothing.
    """
    store = store or get_store()
    results = []
    # At most two rounds: a batch left behind, then the current one. Views counted
    # during this flush wait for the next.
    for _round in range(2):
        batch = store.claim_batch()
        if batch is None:
            break
        if batch.views:
            applied, new_totals = view_batch_apply(batch=batch)
        else:  # nothing but the batch id
            applied, new_totals = False, {}
        store.finish_batch(batch, new_totals)
        result = FlushResult(
            batch_id=batch.batch_id,
            stories=len({pk for pk, _day in batch.views}),
            views=batch.total,
            applied=applied,
        )
        logger.info(
            "Views batch %s: %s views of %s stories %s.",
            result.batch_id,
            result.views,
            result.stories,
            "written" if applied else "had been written already",
        )
        results.append(result)
        if not batch.resumed:
            break
    return results


@dataclass(frozen=True, slots=True)
class RebuildResult:
    hours: int
    days: int
    stories: int


def most_viewed_rebuild(
    *, store: RedisCounterStore | None = None, force: bool = False
) -> RebuildResult | None:
    """
    Put the "Most viewed" rankings back into Redis from the database, if Redis
    has lost them (its marker key is gone) or when forced; None if not needed.

    Scores are only ever raised (ZADD GT): views counted since Redis came back,
    and not flushed yet, are kept, and nothing is counted twice.
    """
    store = store or get_store()
    if not isinstance(store, RedisCounterStore):
        return None
    if not force and store.rankings_kept():
        return None
    now = timezone.now()
    hourly: dict[datetime.datetime, dict[int, int]] = {}
    since_hour = now - datetime.timedelta(seconds=store.hour_ttl)
    for pk, hour, views in HourlyViews.objects.filter(hour__gt=since_hour).values_list(
        "article_id", "hour", "views"
    ):
        hourly.setdefault(hour, {})[pk] = views
    daily: dict[datetime.date, dict[int, int]] = {}
    since_day = timezone.localdate(now) - datetime.timedelta(
        days=store.day_ttl // (24 * 60 * 60) - 1
    )
    for pk, day, views in DailyViews.objects.filter(day__gte=since_day).values_list(
        "article_id", "day", "views"
    ):
        daily.setdefault(day, {})[pk] = views
    stories = {pk for rows in [*hourly.values(), *daily.values()] for pk in rows}
    section_ids = dict(
        Article.objects.filter(pk__in=stories).values_list("pk", "section_id")
    )
    store.load_history(
        section_ids=section_ids,
        hourly={
            moment: {pk: n for pk, n in views.items() if pk in section_ids}
            for moment, views in hourly.items()
        },
        daily={
            day: {pk: n for pk, n in views.items() if pk in section_ids}
            for day, views in daily.items()
        },
        totals={},
        raise_only=True,
    )
    store.mark_rankings_kept()
    logger.warning(
        "Most viewed rebuilt from the database: %s hours, %s days, %s stories.",
        len(hourly),
        len(daily),
        len(section_ids),
    )
    return RebuildResult(hours=len(hourly), days=len(daily), stories=len(section_ids))
