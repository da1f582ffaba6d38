from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class ErrorReportQuerySet(models.QuerySet):
    def open(self):
        """
        Reports the desk has not dealt with yet: a spot's first report while it is
        new, and the other readers' variants that joined it while it is new.

        The one definition of "open": the grouping of new reports, the desk's
        count and e-mail, and the "Apply suggestion" button all use it.
        """
        return self.filter(
            Q(status=ErrorReport.Status.NEW)
            | Q(
                status=ErrorReport.Status.DUPLICATE,
                group__status=ErrorReport.Status.NEW,
            )
        )

    def heads(self):
        """One row per spot in a story: the first report, which others join."""
        return self.filter(group__isnull=True)


class ErrorReport(models.Model):
    """A reader's report of a mistake in a story: a quote, and perhaps a fix."""

    class Status(models.TextChoices):
        NEW = "new", _("New")
        FIXED = "fixed", _("Fixed")
        REJECTED = "rejected", _("Rejected")
        DUPLICATE = "duplicate", _("Duplicate")

    article = models.ForeignKey(
        "articles.Article",
        on_delete=models.CASCADE,
        related_name="error_reports",
        verbose_name=_("story"),
    )
    part = models.CharField(
        _("part"),
        max_length=20,
        help_text=_("Where in the story: headline, lead, body or caption-N."),
    )
    image = models.ForeignKey(
        "articles.ArticleImage",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="error_reports",
        verbose_name=_("photo"),
        help_text=_("The photo whose caption was quoted."),
    )
    exact = models.CharField(_("quote"), max_length=300)
    prefix = models.CharField(_("text before"), max_length=32, blank=True)
    suffix = models.CharField(_("text after"), max_length=32, blank=True)
    suggestion = models.CharField(
        _("suggested correction"), max_length=1000, blank=True
    )
    comment = models.CharField(_("comment"), max_length=1000, blank=True)
    count = models.PositiveIntegerField(
        _("readers"),
        default=1,
        help_text=_("How many readers sent this same report."),
    )
    status = models.CharField(
        _("status"),
        max_length=20,
        choices=Status.choices,
        default=Status.NEW,
        db_index=True,
    )
    group = models.ForeignKey(
        "self",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="members",
        verbose_name=_("same spot as"),
        help_text=_(
            "The first report of this spot, when this one came later with "
            "another suggestion or comment."
        ),
    )
    created_at = models.DateTimeField(_("received"), default=timezone.now)
    last_reported_at = models.DateTimeField(_("last received"), default=timezone.now)
    notified_at = models.DateTimeField(_("desk notified"), null=True, blank=True)
    notified_count = models.PositiveIntegerField(
        _("readers the desk was told about"), default=0, editable=False
    )
    resolved_at = models.DateTimeField(_("resolved"), null=True, blank=True)
    resolved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("resolved by"),
    )

    objects = ErrorReportQuerySet.as_manager()

    class Meta:
        # The model began in the articles app; its table and rows stayed where
        # they were when it moved here (migrations/0001).
        db_table = "articles_errorreport"
        ordering = ["-last_reported_at", "-pk"]
        verbose_name = _("error report")
        verbose_name_plural = _("error reports")
        constraints = [
            # One open report per spot; readers who report it again join it.
            models.UniqueConstraint(
                fields=["article", "part", "exact", "prefix", "suffix"],
                condition=models.Q(status="new", group__isnull=True),
                name="errorreport_one_open_per_spot",
            )
        ]
        indexes = [
            models.Index(
                fields=["article", "status"], name="articles_er_article_f56961_idx"
            )
        ]

    def __str__(self):
        return f"“{self.exact[:60]}” ({self.article_id})"

    @property
    def is_open(self) -> bool:
        """Whether the desk has still to deal with it (ErrorReportQuerySet.open)."""
        return (
            self.pk is not None
            and ErrorReport.objects.open().filter(pk=self.pk).exists()
        )
