"""
The Redis counter store: the hot path off SQL, one Lua call per counted view.

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
import time
import uuid
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

import redis
from django.utils import timezone
from redis.backoff import NoBackoff
from redis.retry import Retry

from newsroom.outages import Circuit

from .base import (
    DAY,
    HOUR,
    Batch,
    Hit,
    StoreUnavailable,
    Window,
    day_key,
    flushed_total,
    hour_key,
)

LUA = Path(__file__).with_name("lua")


def lua(name: str) -> str:
    """A script of lua/, read when the process starts (the store registers it)."""
    return (LUA / f"{name}.lua").read_text()


RECORD_LUA = lua("record")  # count one view (the hot path)
READ_LUA = lua("read")  # a story's total for display
SET_TOTALS_LUA = lua("set_totals")  # remember flushed totals, never lowering one
CLAIM_LUA = lua("claim")  # take the pending views for a flush
FORGET_LUA = lua("forget")  # drop a flushed batch
TOP_LUA = lua("top")  # a ranking over several buckets


@dataclass(frozen=True, slots=True)
class RedisKeys:
    """Every key of the Redis store (the table above), spelt here and nowhere else."""

    prefix: str

    @property
    def pending(self) -> str:
        return f"{self.prefix}:pending"

    @property
    def flushing(self) -> str:
        return f"{self.prefix}:flushing"

    @property
    def rankings(self) -> str:
        return f"{self.prefix}:rankings"

    @property
    def scratch_top(self) -> str:
        return f"{self.prefix}:scratch:top"

    @property
    def total_prefix(self) -> str:
        """Story totals are this and the story's id (SET_TOTALS_LUA adds the id)."""
        return f"{self.prefix}:total:"

    def seen(self, article_id: int, visitor: str) -> str:
        return f"{self.prefix}:seen:{article_id}:{visitor}"

    def total(self, article_id: int) -> str:
        return f"{self.total_prefix}{article_id}"

    def hour(self, bucket: str, section_id: int | None = None) -> str:
        """An hourly ranking; `bucket` is hour_key()'s YYYYMMDDHH."""
        suffix = f":s{section_id}" if section_id is not None else ""
        return f"{self.prefix}:hour:{bucket}{suffix}"

    def day(self, bucket: str, section_id: int | None = None) -> str:
        """A daily ranking; `bucket` is day_key()'s YYYYMMDD."""
        suffix = f":s{section_id}" if section_id is not None else ""
        return f"{self.prefix}:day:{bucket}{suffix}"


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
        self.keys = RedisKeys(prefix)
        self.pending_key = self.keys.pending
        self.flushing_key = self.keys.flushing
        self.rankings_key = self.keys.rankings
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
        return self.keys.total(article_id)

    def hour_key(self, moment: datetime.datetime, section_id: int | None = None) -> str:
        return self.keys.hour(hour_key(moment), section_id)

    def day_key(self, day: datetime.date, section_id: int | None = None) -> str:
        return self.keys.day(day_key(day), section_id)

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
        keys = [
            self.keys.seen(article_id, visitor),
            self.keys.pending,
            self.keys.flushing,
            self.keys.total(article_id),
            self.keys.hour(hour),
            self.keys.day(today),
            self.keys.hour(hour, section_id),
            self.keys.day(today, section_id),
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
            args: list = [self.total_ttl, self.keys.total_prefix]
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
        keys = [self.keys.scratch_top]
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
