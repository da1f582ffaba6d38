from django.db import models
from django.utils.translation import gettext_lazy as _

from articles.models import Article


class DailyViews(models.Model):
    """A story's counted views on one day (the newsroom's time zone): one row per day."""

    article = models.ForeignKey(
        Article,
        on_delete=models.CASCADE,
        related_name="daily_views",
        verbose_name=_("story"),
    )
    day = models.DateField(_("day"))
    views = models.PositiveBigIntegerField(_("views"), default=0)

    class Meta:
        verbose_name = _("daily views")
        verbose_name_plural = _("daily views")
        constraints = [
            models.UniqueConstraint(
                fields=["article", "day"], name="analytics_daily_views_unique_day"
            )
        ]
        # Windows ("the last 7 days") read by day first, then group by story.
        indexes = [models.Index(fields=["day", "article"])]

    def __str__(self):
        return f"{self.article_id} {self.day}: {self.views}"


class HourlyViews(models.Model):
    """
    A story's views flushed in one hour (UTC): what "Most viewed, 24 hours" is
    rebuilt from when Redis has lost its hourly rankings. A view lands in the hour
    of the flush that wrote it, at most a flush interval after it counted. Rows
    older than two days are deleted by the flush.
    """

    article = models.ForeignKey(
        Article,
        on_delete=models.CASCADE,
        related_name="hourly_views",
        verbose_name=_("story"),
    )
    hour = models.DateTimeField(_("hour"))
    views = models.PositiveBigIntegerField(_("views"), default=0)

    class Meta:
        verbose_name = _("hourly views")
        verbose_name_plural = _("hourly views")
        constraints = [
            models.UniqueConstraint(
                fields=["article", "hour"], name="analytics_hourly_views_unique_hour"
            )
        ]
        indexes = [models.Index(fields=["hour", "article"])]

    def __str__(self):
        return f"{self.article_id} {self.hour:%Y-%m-%d %H}h: {self.views}"


class ViewTotal(models.Model):
    """A story's counted views since it was published (the counter readers see)."""

    article = models.OneToOneField(
        Article,
        on_delete=models.CASCADE,
        primary_key=True,
        related_name="view_total",
        verbose_name=_("story"),
    )
    views = models.PositiveBigIntegerField(_("views"), default=0, db_index=True)

    class Meta:
        verbose_name = _("view total")
        verbose_name_plural = _("view totals")

    def __str__(self):
        return f"{self.article_id}: {self.views}"


class FlushedBatch(models.Model):
    """
    A batch of pending views the flush has written to the database.

    The row is inserted in the same transaction as the counts, so a flush that is
    retried after a crash finds it and does not apply the batch a second time.
    """

    batch_id = models.CharField(_("batch"), max_length=64, primary_key=True)
    flushed_at = models.DateTimeField(_("flushed"), auto_now_add=True, db_index=True)
    stories = models.PositiveIntegerField(_("stories"), default=0)
    views = models.PositiveBigIntegerField(_("views"), default=0)

    class Meta:
        verbose_name = _("flushed batch")
        verbose_name_plural = _("flushed batches")

    def __str__(self):
        return self.batch_id


class MostViewedStory(Article):
    """The admin's "Most viewed" page hangs off this proxy; it stores nothing."""

    class Meta:
        proxy = True
        verbose_name = _("most viewed story")
        verbose_name_plural = _("most viewed stories")
