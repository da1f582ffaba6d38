"""
Where counted views go first: one small interface, two implementations.

The database store (embedded profile) writes every counted view straight into the
story's daily row and total with an upsert. The Redis store (production) keeps the
hot path off SQL: a counted view is one Lua call that sets the visitor's dedupe key,
adds the view to a pending-views hash and to hourly and daily rankings (site-wide
and per section); a Celery beat task moves the pending views to the database in
batches (services.views_flush). Which store runs is a setting (ANALYTICS_STORE).

Redis keys, all under ANALYTICS_KEY_PREFIX ("views" below), and how long they live:

    views:seen:<story>:<visitor>     the dedupe window (30 minutes by default)
    views:pending                    hash "<story>:<YYYYMMDD>" -> views not yet flushed;
                                     7 days from its newest field (the flush renames
                                     it every 30 seconds)
    views:flushing                   the batch being flushed (the pending hash,
                                     renamed) plus a "_batch" field with its id;
                                     deleted by the flush, with the same TTL meanwhile
    views:total:<story>              the story's flushed total, so that the hit path
                                     can answer with the fresh count without SQL;
                                     31 days since a view of the story last counted
    views:hour:<YYYYMMDDHH>[:s<id>]  hourly ranking (UTC hours), site-wide and per
                                     section: 26 hours
    views:day:<YYYYMMDD>[:s<id>]     daily ranking (newsroom days): 32 days
    views:rankings                   marker: the rankings are whole; its absence
                                     (Redis lost its data) has the flush rebuild
                                     them from the database; 32 days, renewed
                                     by every flush

So memory is bounded by the stories read in the last 31 days and the visitors of
the last half hour, never by the number of views.
"""

from __future__ import annotations

import datetime
import enum
import threading
import time
import uuid
from collections.abc import Iterable, Mapping
from contextlib import ExitStack, nullcontext
from dataclasses import dataclass
from typing import Protocol

import redis
from django.conf import settings
from django.core.cache import cache
from django.db import IntegrityError, connection, transaction
from django.db.models import Sum
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from redis.backoff import NoBackoff
from redis.retry import Retry

from newsroom.outages import Circuit, RedisUnavailable

from .models import DailyViews, HourlyViews, ViewTotal

HOUR = 60 * 60
DAY = 24 * HOUR


class Window(enum.StrEnum):
    """The periods "Most viewed" is ranked over."""

    DAY = "24h"
    WEEK = "7d"
    MONTH = "30d"

    @property
    def label(self) -> str:
        return {
            Window.DAY: _("24 hours"),
            Window.WEEK: _("7 days"),
            Window.MONTH: _("30 days"),
        }[self]

    @property
    def days(self) -> int:
        return {Window.DAY: 1, Window.WEEK: 7, Window.MONTH: 30}[self]


@dataclass(frozen=True, slots=True)
class Hit:
    """What recording a view did: whether it counted, and the story's fresh total."""

    counted: bool
    views: int | None  # None when the store cannot tell without SQL


@dataclass(frozen=True, slots=True)
class Batch:
    """Pending views taken from Redis for one flush: {(story, day): views}."""

    batch_id: str
    views: dict[tuple[int, datetime.date], int]
    resumed: bool  # a batch an earlier flush took but did not finish

    @property
    def total(self) -> int:
        return sum(self.views.values())


class StoreUnavailable(RedisUnavailable):
    """The counter store cannot be reached; the view is not counted."""


class CounterStore(Protocol):
    def record(self, *, article_id: int, section_id: int, visitor: str) -> Hit: ...

    def total(self, *, article_id: int) -> int: ...

    def pending(self, article_ids: Iterable[int]) -> dict[int, int]: ...

    def top(
        self, *, window: Window, limit: int, section_id: int | None = None
    ) -> list[tuple[int, int]]: ...

    def load_history(
        self,
        *,
        section_ids: Mapping[int, int],
        hourly: Mapping[datetime.datetime, Mapping[int, int]],
        daily: Mapping[datetime.date, Mapping[int, int]],
        totals: Mapping[int, int],
    ) -> None: ...


def day_key(day: datetime.date) -> str:
    return day.strftime("%Y%m%d")


def hour_key(moment: datetime.datetime) -> str:
    return moment.astimezone(datetime.UTC).strftime("%Y%m%d%H")


def flushed_total(*, article_id: int) -> int:
    """The story's views as written to the database (0 before its first)."""
    views = (
        ViewTotal.objects.filter(article_id=article_id)
        .values_list("views", flat=True)
        .first()
    )
    return views or 0


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


# One Lua call per counted view. KEYS: seen, pending, flushing, total, hour, day,
# hour of the section, day of the section. ARGV: dedupe window (ms), today's and
# yesterday's pending fields, story id, pending/hour/day/total TTLs (s).
RECORD_LUA = """
local counted = 0
if redis.call('SET', KEYS[1], '1', 'NX', 'PX', ARGV[1]) then
  counted = 1
  -- A field or member seen for the first time may be in a new key: give it its
  -- TTL then (a key that already exists has one).
  if redis.call('HINCRBY', KEYS[2], ARGV[2], 1) == 1 then
    redis.call('EXPIRE', KEYS[2], ARGV[5])
  end
  for i = 5, 8 do
    if tonumber(redis.call('ZINCRBY', KEYS[i], 1, ARGV[4])) == 1 then
      redis.call('EXPIRE', KEYS[i], i % 2 == 1 and ARGV[6] or ARGV[7])
    end
  end
end
local p = redis.call('HMGET', KEYS[2], ARGV[2], ARGV[3])
local f = redis.call('HMGET', KEYS[3], ARGV[2], ARGV[3])
local unflushed = 0
for _, v in ipairs({p[1], p[2], f[1], f[2]}) do
  if v then unflushed = unflushed + tonumber(v) end
end
local total = redis.call('GET', KEYS[4])
if total then
  if counted == 1 then redis.call('EXPIRE', KEYS[4], ARGV[8]) end
  total = tonumber(total)
else
  total = -1
end
return {counted, unflushed, total}
"""

# The story's total for display. KEYS: pending, flushing, total. ARGV: today's and
# yesterday's pending fields.
READ_LUA = """
local p = redis.call('HMGET', KEYS[1], ARGV[1], ARGV[2])
local f = redis.call('HMGET', KEYS[2], ARGV[1], ARGV[2])
local unflushed = 0
for _, v in ipairs({p[1], p[2], f[1], f[2]}) do
  if v then unflushed = unflushed + tonumber(v) end
end
local total = redis.call('GET', KEYS[3])
if total then total = tonumber(total) else total = -1 end
return {unflushed, total}
"""

# Flushed totals only grow, so a write never lowers one: a page render that read
# the database just before a flush committed cannot undo the flush's higher
# figure. ARGV: TTL, key prefix, then story id and total pairs.
SET_TOTALS_LUA = """
for i = 3, #ARGV, 2 do
  local key = ARGV[2] .. ARGV[i]
  local current = tonumber(redis.call('GET', key) or '-1')
  if tonumber(ARGV[i + 1]) > current then
    redis.call('SET', key, ARGV[i + 1], 'EX', ARGV[1])
  else
    redis.call('EXPIRE', key, ARGV[1])
  end
end
return 1
"""

# Take the pending views for a flush. If an earlier flush took a batch and did not
# finish it, that batch is returned again, with its id, so that it is applied at
# most once. KEYS: pending, flushing. ARGV: a new batch id, the TTL.
CLAIM_LUA = """
if redis.call('EXISTS', KEYS[2]) == 1 then
  return {redis.call('HGET', KEYS[2], '_batch'), 1}
end
if redis.call('EXISTS', KEYS[1]) == 0 then
  return false
end
redis.call('RENAME', KEYS[1], KEYS[2])
redis.call('HSET', KEYS[2], '_batch', ARGV[1])
redis.call('EXPIRE', KEYS[2], ARGV[2])
return {ARGV[1], 0}
"""

# Forget a flushed batch, only if it is still the one named (never a newer one).
# KEYS: flushing. ARGV: the batch id.
FORGET_LUA = """
if redis.call('HGET', KEYS[1], '_batch') == ARGV[1] then
  return redis.call('DEL', KEYS[1])
end
return 0
"""

# A ranking over several buckets, without leaving the union behind.
# KEYS: a scratch key, then the buckets. ARGV: how many to return.
TOP_LUA = """
local n = #KEYS - 1
redis.call('ZUNIONSTORE', KEYS[1], n, unpack(KEYS, 2))
local top = redis.call('ZREVRANGE', KEYS[1], 0, tonumber(ARGV[1]) - 1, 'WITHSCORES')
redis.call('DEL', KEYS[1])
return top
"""

TOTALS_CHUNK = 5_000  # story totals per Lua call when a flush updates them


class RedisCounterStore:
    """Views counted in Redis in one round trip each; see the module docstring."""

    def __init__(
        self,
        *,
        url: str,
        prefix: str,
        window_seconds: int,
        pending_ttl: int = 7 * DAY,
        total_ttl: int = 31 * DAY,
        hour_ttl: int = 26 * HOUR,
        day_ttl: int = 32 * DAY,
        socket_timeout: float = 0.5,
        outage_pause: float = 5.0,
    ) -> None:
        self.redis = redis.Redis.from_url(
            url,
            socket_timeout=socket_timeout,
            socket_connect_timeout=socket_timeout,
            # A connection that went stale in a Redis restart is made again at
            # once rather than failing a reader (and opening the circuit).
            retry=Retry(NoBackoff(), 1),
        )
        self.prefix = prefix
        self.window_ms = window_seconds * 1000
        self.pending_ttl = pending_ttl
        self.total_ttl = total_ttl
        self.hour_ttl = hour_ttl
        self.day_ttl = day_ttl
        self.pending_key = f"{prefix}:pending"
        self.flushing_key = f"{prefix}:flushing"
        self.rankings_key = f"{prefix}:rankings"
        self._record = self.redis.register_script(RECORD_LUA)
        self._read = self.redis.register_script(READ_LUA)
        self._set_totals = self.redis.register_script(SET_TOTALS_LUA)
        self._claim = self.redis.register_script(CLAIM_LUA)
        self._forget = self.redis.register_script(FORGET_LUA)
        self._top = self.redis.register_script(TOP_LUA)
        self._bucket_memo: tuple[int, str, str, str] | None = None
        self.circuit = Circuit(
            name="The counter Redis", pause=outage_pause, error=StoreUnavailable
        )

    # Keys -------------------------------------------------------------------

    def total_key(self, article_id: int) -> str:
        return f"{self.prefix}:total:{article_id}"

    def hour_key(self, moment: datetime.datetime, section_id: int | None = None) -> str:
        suffix = f":s{section_id}" if section_id is not None else ""
        return f"{self.prefix}:hour:{hour_key(moment)}{suffix}"

    def day_key(self, day: datetime.date, section_id: int | None = None) -> str:
        suffix = f":s{section_id}" if section_id is not None else ""
        return f"{self.prefix}:day:{day_key(day)}{suffix}"

    @staticmethod
    def pending_fields(article_id: int, today: datetime.date) -> tuple[str, str]:
        """Today's and yesterday's pending fields: a view is shown until flushed."""
        yesterday = today - datetime.timedelta(days=1)
        return f"{article_id}:{day_key(today)}", f"{article_id}:{day_key(yesterday)}"

    def _run(self, script, keys: list, args: list):
        """
        Run a script for a reader's request. After a failure, Redis is left alone
        for a few seconds: a server that hangs would otherwise hold every page
        and every hit for the socket timeout.
        """
        return self.circuit.call(script, keys=keys, args=args)

    # Counting ---------------------------------------------------------------

    def _buckets(self) -> tuple[str, str, str]:
        """This hour's (UTC) and today's and yesterday's (newsroom days) key parts."""
        # Hours and days begin on a minute, so the strings change at most once a
        # minute: worked out once a minute rather than on every view.
        minute = int(time.time() // 60)
        if self._bucket_memo is None or self._bucket_memo[0] != minute:
            now = timezone.now()
            today = timezone.localdate(now)
            self._bucket_memo = (
                minute,
                hour_key(now),
                day_key(today),
                day_key(today - datetime.timedelta(days=1)),
            )
        return self._bucket_memo[1:]

    def record(self, *, article_id: int, section_id: int, visitor: str) -> Hit:
        hour, today, yesterday = self._buckets()
        prefix = self.prefix
        keys = [
            f"{prefix}:seen:{article_id}:{visitor}",
            self.pending_key,
            self.flushing_key,
            f"{prefix}:total:{article_id}",
            f"{prefix}:hour:{hour}",
            f"{prefix}:day:{today}",
            f"{prefix}:hour:{hour}:s{section_id}",
            f"{prefix}:day:{today}:s{section_id}",
        ]
        args = [
            self.window_ms,
            f"{article_id}:{today}",
            f"{article_id}:{yesterday}",
            article_id,
            self.pending_ttl,
            self.hour_ttl,
            self.day_ttl,
            self.total_ttl,
        ]
        counted, unflushed, flushed = self._run(self._record, keys, args)
        views = None if flushed < 0 else flushed + unflushed
        return Hit(counted=bool(counted), views=views)

    def total(self, *, article_id: int) -> int:
        """Flushed plus pending views; reads the database only if Redis lost the total."""
        today_field, yesterday_field = self.pending_fields(
            article_id, timezone.localdate()
        )
        keys = [self.pending_key, self.flushing_key, self.total_key(article_id)]
        unflushed, flushed = self._run(self._read, keys, [today_field, yesterday_field])
        if flushed < 0:
            flushed = flushed_total(article_id=article_id)
            self.set_totals({article_id: flushed})
        return flushed + unflushed

    def pending(self, article_ids: Iterable[int]) -> dict[int, int]:
        """Views not yet in the database, per story (today's and yesterday's)."""
        ids = list(article_ids)
        if not ids:
            return {}
        today = timezone.localdate()
        fields = [field for pk in ids for field in self.pending_fields(pk, today)]
        with self.redis.pipeline(transaction=True) as pipe:
            pipe.hmget(self.pending_key, fields)
            pipe.hmget(self.flushing_key, fields)
            pending, flushing = pipe.execute()
        result = {}
        for index, pk in enumerate(ids):
            values = pending[2 * index : 2 * index + 2]
            values += flushing[2 * index : 2 * index + 2]
            result[pk] = sum(int(value) for value in values if value is not None)
        return result

    def set_totals(self, totals: Mapping[int, int], *, client=None) -> None:
        """Remember flushed totals (never lowering one), in chunks."""
        items = list(totals.items())
        for start in range(0, len(items), TOTALS_CHUNK):
            args: list = [self.total_ttl, f"{self.prefix}:total:"]
            for pk, views in items[start : start + TOTALS_CHUNK]:
                args += [pk, views]
            self._set_totals(args=args, client=client)

    # Rankings ---------------------------------------------------------------

    def window_keys(
        self, window: Window, section_id: int | None, now: datetime.datetime
    ) -> list[str]:
        if window is Window.DAY:
            return [
                self.hour_key(now - datetime.timedelta(hours=back), section_id)
                for back in range(24)
            ]
        today = timezone.localdate(now)
        return [
            self.day_key(today - datetime.timedelta(days=back), section_id)
            for back in range(window.days)
        ]

    def top(
        self, *, window: Window, limit: int, section_id: int | None = None
    ) -> list[tuple[int, int]]:
        keys = [f"{self.prefix}:scratch:top"]
        keys += self.window_keys(window, section_id, timezone.now())
        flat = self._run(self._top, keys, [limit])
        return [
            (int(flat[index]), int(float(flat[index + 1])))
            for index in range(0, len(flat), 2)
        ]

    def load_history(
        self,
        *,
        section_ids: Mapping[int, int],
        hourly: Mapping[datetime.datetime, Mapping[int, int]],
        daily: Mapping[datetime.date, Mapping[int, int]],
        totals: Mapping[int, int],
        raise_only: bool = False,
    ) -> None:
        """
        Load a past into the rankings: a made-up one (demo data), whose buckets are
        set, not added to, or the database's after Redis lost its own
        (`raise_only`: a score is never lowered). The totals are those written to
        the database.
        """
        now = timezone.now()
        today = timezone.localdate(now)
        buckets = [
            (
                self.hour_key,
                moment,
                self.hour_ttl - (now - moment).total_seconds(),
                views,
            )
            for moment, views in hourly.items()
        ] + [
            (self.day_key, day, self.day_ttl - (today - day).days * DAY, views)
            for day, views in daily.items()
        ]
        with self.redis.pipeline(transaction=False) as pipe:
            for key_of, when, ttl, views in buckets:
                if ttl <= 0 or not views:
                    continue
                by_section: dict[int | None, dict[int, int]] = {None: dict(views)}
                for pk, count in views.items():
                    by_section.setdefault(section_ids[pk], {})[pk] = count
                for section_id, members in by_section.items():
                    key = key_of(when, section_id)
                    members = {str(pk): count for pk, count in members.items()}
                    pipe.zadd(key, members, gt=raise_only)
                    pipe.expire(key, int(ttl))
            pipe.execute()
        self.set_totals(totals)

    def rankings_kept(self) -> bool:
        """Whether Redis still has its rankings (the marker's TTL is renewed)."""
        return bool(self.redis.expire(self.rankings_key, self.day_ttl))

    def mark_rankings_kept(self) -> None:
        self.redis.set(self.rankings_key, 1, ex=self.day_ttl)

    # Flushing ---------------------------------------------------------------

    def claim_batch(self) -> Batch | None:
        """Take the pending views (renamed atomically), or an unfinished batch."""
        claimed = self._claim(
            keys=[self.pending_key, self.flushing_key],
            args=[uuid.uuid4().hex, self.pending_ttl],
        )
        if not claimed:
            return None
        batch_id, resumed = claimed[0].decode(), bool(claimed[1])
        views = {}
        for field, value in self.redis.hgetall(self.flushing_key).items():
            if field == b"_batch":
                continue
            story, day = field.decode().split(":")
            when = datetime.date(int(day[:4]), int(day[4:6]), int(day[6:]))
            views[(int(story), when)] = int(value)
        return Batch(batch_id=batch_id, views=views, resumed=resumed)

    def finish_batch(self, batch: Batch, totals: Mapping[int, int]) -> None:
        """After the batch is committed: remember the new totals, drop the batch."""
        # One MULTI, so readers see either the old totals and the batch, or the new
        # totals and no batch; never the new totals and the batch counted twice.
        with self.redis.pipeline(transaction=True) as pipe:
            self.set_totals(totals, client=pipe)
            self._forget(keys=[self.flushing_key], args=[batch.batch_id], client=pipe)
            pipe.execute()


_stores: dict[tuple, CounterStore] = {}
_stores_lock = threading.Lock()


def get_store() -> CounterStore:
    """The store the settings name, built once per process (and per settings)."""
    config = (
        settings.ANALYTICS_STORE,
        settings.ANALYTICS_REDIS_URL,
        settings.ANALYTICS_KEY_PREFIX,
        settings.ANALYTICS_VIEW_WINDOW_SECONDS,
        settings.NEWSROOM_REDIS_OUTAGE_PAUSE,
    )
    store = _stores.get(config)
    if store is None:
        with _stores_lock:
            store = _stores.get(config)
            if store is None:
                store = _stores[config] = build_store(*config)
    return store


def build_store(
    kind: str,
    redis_url: str,
    prefix: str,
    window_seconds: int,
    outage_pause: float = 5.0,
) -> CounterStore:
    if kind == "redis":
        return RedisCounterStore(
            url=redis_url,
            prefix=prefix,
            window_seconds=window_seconds,
            outage_pause=outage_pause,
        )
    if kind == "database":
        return DatabaseCounterStore(window_seconds=window_seconds)
    raise ValueError(f"ANALYTICS_STORE must be 'redis' or 'database', not {kind!r}.")
