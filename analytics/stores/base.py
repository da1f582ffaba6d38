"""The counter stores' interface and what both implementations share."""

from __future__ import annotations

import datetime
import enum
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Protocol

from django.utils.translation import gettext_lazy as _

from newsroom.outages import RedisUnavailable

from ..models import ViewTotal

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
    """What the hit endpoint, the page tags, the flush and the demo need of a store."""

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

    # Flushing: views counted but not yet in the database leave the store in
    # batches (services.views_flush). A store that writes the database at once
    # has no batch to give.

    def claim_batch(self) -> Batch | None: ...

    def finish_batch(self, batch: Batch, totals: Mapping[int, int]) -> None: ...


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
