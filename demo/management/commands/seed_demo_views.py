"""Believable view histories for the demo newsroom, so counters and lists mean something."""

import datetime
import math
import random

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.db.models import Exists, OuterRef
from django.utils import timezone

from analytics.models import DailyViews, HourlyViews, ViewTotal
from analytics.stores import get_store
from articles.models import Article

# Readers by hour of the day in the newsroom's time zone: a morning and an evening peak.
DIURNAL = [1, 1, 1, 1, 1, 2, 4, 7, 9, 9, 8, 7, 7, 7, 6, 6, 7, 8, 9, 8, 6, 4, 2, 1]


def story_history(
    story: Article, days: int, today: datetime.date
) -> dict[datetime.date, int]:
    """Daily views since publication: a peak on the first days, then a long tail."""
    rng = random.Random(story.pk)  # the same story always gets the same history
    popularity = min(rng.paretovariate(1.3), 60) * 120
    published = timezone.localdate(story.published_at)
    views = {}
    for back in range(days):
        day = today - datetime.timedelta(days=back)
        age = (day - published).days
        if age < 0:
            continue
        expected = popularity * math.exp(-age / 3) + popularity * 0.02
        views[day] = max(0, round(expected * rng.uniform(0.7, 1.3)))
    return views


def hourly_from_daily(
    daily: dict[datetime.date, int], now: datetime.datetime
) -> dict[datetime.datetime, int]:
    """The last 24 hours' buckets, each a share of its day by the hour's readership."""
    hours = {}
    for back in range(24):
        moment = now - datetime.timedelta(hours=back)
        local = timezone.localtime(moment)
        share = DIURNAL[local.hour] / sum(DIURNAL)
        hours[moment] = round(daily.get(local.date(), 0) * share)
    return hours


class Command(BaseCommand):
    help = (
        "Give stories that have no view history yet a believable one for the last "
        "30 days (daily rows, totals and the Most viewed rankings). Stories that have "
        "views are left alone, so running it again changes nothing. For demo data: "
        "with DEBUG off it refuses unless --allow-production is given."
    )

    def add_arguments(self, parser):
        parser.add_argument("--days", type=int, default=30)
        parser.add_argument(
            "--dry-run",
            action="store_true",
            help="Say what would be written, write nothing.",
        )
        parser.add_argument("--allow-production", action="store_true")

    def handle(self, *args, days, dry_run, allow_production, **options):
        if not settings.DEBUG and not allow_production:
            raise CommandError(
                "This writes made-up view counts; with DEBUG off, pass "
                "--allow-production if that is really what you want."
            )
        if not 1 <= days <= 30:
            raise CommandError("--days must be between 1 and 30.")
        stories = (
            Article.objects.live()
            .exclude(Exists(ViewTotal.objects.filter(article=OuterRef("pk"))))
            .exclude(Exists(DailyViews.objects.filter(article=OuterRef("pk"))))
            .only("pk", "section_id", "published_at")
            .order_by("pk")
        )
        now = timezone.now()
        today = timezone.localdate(now)
        daily_rows, hourly_rows, totals = [], [], []
        section_ids, by_day, by_hour = {}, {}, {}
        for story in stories:
            history = story_history(story, days, today)
            section_ids[story.pk] = story.section_id
            # A story published before the window was read before it, too.
            window_start = today - datetime.timedelta(days=days - 1)
            earlier = 0
            if timezone.localdate(story.published_at) < window_start:
                share = random.Random(-story.pk).uniform(0.5, 3)
                earlier = round(sum(history.values()) * share)
            totals.append(
                ViewTotal(article_id=story.pk, views=sum(history.values()) + earlier)
            )
            for day, views in history.items():
                if views:
                    daily_rows.append(
                        DailyViews(article_id=story.pk, day=day, views=views)
                    )
                    by_day.setdefault(day, {})[story.pk] = views
            for moment, views in hourly_from_daily(history, now).items():
                if views:
                    by_hour.setdefault(moment, {})[story.pk] = views
                    # What the flush keeps, to rebuild the rankings from.
                    hour = moment.replace(minute=0, second=0, microsecond=0)
                    hourly_rows.append(
                        HourlyViews(article_id=story.pk, hour=hour, views=views)
                    )
        summary = (
            f"{len(totals)} stories, {sum(t.views for t in totals)} views, "
            f"{len(daily_rows)} daily rows"
        )
        if dry_run:
            self.stdout.write(f"Would give a view history to {summary}.")
            return
        with transaction.atomic():
            DailyViews.objects.bulk_create(daily_rows, batch_size=1000)
            ViewTotal.objects.bulk_create(totals, batch_size=1000)
            HourlyViews.objects.bulk_create(hourly_rows, batch_size=1000)
        get_store().load_history(
            section_ids=section_ids,
            hourly=by_hour,
            daily=by_day,
            totals={total.article_id: total.views for total in totals},
        )
        self.stdout.write(self.style.SUCCESS(f"Gave a view history to {summary}."))
