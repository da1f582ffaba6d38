"""The database counter store, for the embedded profile: no Redis, little traffic."""

from __future__ import annotations

import datetime
import threading
from collections.abc import Iterable, Mapping
from contextlib import ExitStack, nullcontext

from django.core.cache import cache
from django.db import IntegrityError, connection, transaction
from django.db.models import Sum
from django.utils import timezone

from ..models import DailyViews, HourlyViews, ViewTotal
from .base import Batch, Hit, Window, flushed_total


def database_top(
    *, window: Window, limit: int, section_id: int | None = None, hourly: bool = False
) -> list[tuple[int, int]]:
    """
    A ranking from the database's rows. "24 hours" is the last 24 hourly rows
    when the flush writes them (`hourly`, the Redis store), else today and
    yesterday, the finest grain of the daily rows.
    """
    if window is Window.DAY and hourly:
        since = timezone.now() - datetime.timedelta(hours=24)
        rows = HourlyViews.objects.filter(hour__gt=since)
    else:
        since = timezone.localdate() - datetime.timedelta(days=window.days)
        if window is not Window.DAY:
            since += datetime.timedelta(days=1)
        rows = DailyViews.objects.filter(day__gte=since)
    if section_id is not None:
        rows = rows.filter(article__section_id=section_id)
    ranked = (
        rows.values("article_id")
        .annotate(window_views=Sum("views"))
        .order_by("-window_views", "-article_id")[:limit]
    )
    return [(row["article_id"], row["window_views"]) for row in ranked]


class DatabaseCounterStore:
    """
    Views written straight to the database: an upsert of the story's daily row and
    of its total per counted view (one statement on PostgreSQL, one transaction on
    SQLite). The dedupe window is kept in the cache. For the embedded profile, where
    there is no Redis and little traffic.
    """

    def __init__(self, *, window_seconds: int) -> None:
        self.window_seconds = window_seconds
        # SQLite takes one writer at a time: threads of one process queue here
        # instead of failing on, or spinning around, the database's own lock.
        self._sqlite_writes = threading.Lock()

    def record(self, *, article_id: int, section_id: int, visitor: str) -> Hit:
        seen = f"analytics:seen:{article_id}:{visitor}"
        if not cache.add(seen, 1, timeout=self.window_seconds):
            return Hit(counted=False, views=self.total(article_id=article_id))
        daily = connection.ops.quote_name(DailyViews._meta.db_table)
        totals = connection.ops.quote_name(ViewTotal._meta.db_table)
        day = connection.ops.adapt_datefield_value(timezone.localdate())
        upsert_day = (
            f"INSERT INTO {daily} (article_id, day, views) VALUES (%s, %s, 1) "  # noqa: S608
            f"ON CONFLICT (article_id, day) DO UPDATE SET views = {daily}.views + 1"
        )
        upsert_total = (
            f"INSERT INTO {totals} (article_id, views) VALUES (%s, 1) "  # noqa: S608
            f"ON CONFLICT (article_id) DO UPDATE SET views = {totals}.views + 1 "
            f"RETURNING views"
        )
        if connection.vendor == "postgresql":
            # One statement (a data-modifying WITH), atomic by itself: one round trip.
            statements = [
                (
                    f"WITH day_row AS ({upsert_day} RETURNING 1) {upsert_total}",
                    [article_id, day, article_id],
                )
            ]
            guard = (
                transaction.atomic() if connection.in_atomic_block else nullcontext()
            )
        else:
            statements = [(upsert_day, [article_id, day]), (upsert_total, [article_id])]
            guard = ExitStack()
            guard.enter_context(self._sqlite_writes)
            guard.enter_context(transaction.atomic())
        try:
            with guard, connection.cursor() as cursor:
                for sql, params in statements:
                    cursor.execute(sql, params)
                (views,) = cursor.fetchone()
        except IntegrityError:  # the story was deleted since its page was served
            cache.delete(seen)
            return Hit(counted=False, views=None)
        return Hit(counted=True, views=views)

    def total(self, *, article_id: int) -> int:
        return flushed_total(article_id=article_id)

    def pending(self, article_ids: Iterable[int]) -> dict[int, int]:
        return {}  # every view is in the database as soon as it counts

    def top(
        self, *, window: Window, limit: int, section_id: int | None = None
    ) -> list[tuple[int, int]]:
        return database_top(window=window, limit=limit, section_id=section_id)

    def load_history(
        self,
        *,
        section_ids: Mapping[int, int],
        hourly: Mapping[datetime.datetime, Mapping[int, int]],
        daily: Mapping[datetime.date, Mapping[int, int]],
        totals: Mapping[int, int],
    ) -> None:
        """Rankings and totals are read from the rows, which the caller has written."""

    def claim_batch(self) -> Batch | None:
        return None  # every view is in the database as soon as it counts

    def finish_batch(self, batch: Batch, totals: Mapping[int, int]) -> None:
        """Nothing to finish: there are no batches."""
