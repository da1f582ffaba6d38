"""Writes with side effects: filing readers' reports, resolving and applying them,
and telling the desk."""

from __future__ import annotations

import datetime
import logging

import reversion
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.db.models import F, Max, Q
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from articles.models import Article, ArticleImage
from articles.services import article_changed, correction_add
from articles.translit import to_latin

from .models import ErrorReport
from .quotes import Document, Span, TextQuote, locate
from .selectors import article_caption_image, article_part_document, error_report_locate

logger = logging.getLogger(__name__)


class ErrorReportInvalid(Exception):
    """A report the endpoint refuses, with a message for the reader."""

    def __init__(self, message: str, *, field: str):
        super().__init__(message)
        self.message = message
        self.field = field


class ErrorReportNotApplicable(Exception):
    """A suggestion that cannot be applied, with a message for the desk."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


def locate_in_latin(document: Document, quote: TextQuote) -> Span | None:
    """
    A quote a reader took from a Kazakh page in Latin script (/kk-latn/), found
    in the stored Cyrillic: the text is transliterated letter by letter, with
    where each Latin letter came from, so the span found maps back. Letter by
    letter misses the few rules that look at a neighbour (сц, the long щ, Ю and Я
    in capitals); a quote across one of those is refused like any quote not found.
    """
    letters: list[str] = []
    origins: list[int] = []
    for index, char in enumerate(document.text):
        for letter in to_latin(char):
            letters.append(letter)
            origins.append(index)
    span = locate("".join(letters), quote)
    if span is None:
        return None
    return Span(origins[span.start], origins[span.end - 1] + 1)


def error_report_submit(
    *,
    article_id: int,
    part: str,
    quote: TextQuote,
    suggestion: str = "",
    comment: str = "",
) -> ErrorReport:
    """
    File a reader's report after checking the quote against the story's current
    text; a report of a spot already open joins it and counts one more reader.
    """
    article = Article.objects.live().filter(pk=article_id).first()
    if article is None:
        raise ErrorReportInvalid(_("There is no such story."), field="article")
    image = article_caption_image(article=article, part=part)
    document = article_part_document(article=article, part=part, image=image)
    if document is None:
        raise ErrorReportInvalid(
            _("The story has no such part to quote from."), field="part"
        )
    span = document.locate(quote)
    if span is None and article.language == "kk":
        span = locate_in_latin(document, quote)
    if span is None:
        raise ErrorReportInvalid(
            _(
                "The selected text was not found in the story as it is now. "
                "Reload the page and select it again."
            ),
            field="exact",
        )
    # Store the server's own context, so that reports of one spot group together
    # even when a reader's page was a little out of date.
    canonical = document.quote_at(span)
    if suggestion == canonical.exact:
        suggestion = ""
    with transaction.atomic():
        report = _file_report(
            article=article,
            part=part,
            image=image,
            quote=canonical,
            suggestion=suggestion,
            comment=comment,
        )
    from .tasks import notify_desk  # tasks import this module

    report_id = report.pk

    def queue_notify_desk():
        notify_desk.delay(report_id)

    # Only once the report is committed; a broker outage must not turn a stored
    # report into an error for the reader: the beat sweep notifies later. The
    # callback is a function, not a functools.partial: Django logs a robust
    # callback's failure by its __qualname__, which a partial lacks.
    transaction.on_commit(queue_notify_desk, robust=True)
    return report


def _file_report(*, article, part, image, quote, suggestion, comment) -> ErrorReport:
    now = timezone.now()
    spot = {
        "article": article,
        "part": part,
        "exact": quote.exact,
        "prefix": quote.prefix,
        "suffix": quote.suffix,
    }
    for _attempt in range(3):
        head = ErrorReport.objects.open().heads().filter(**spot).first()
        if head is None:
            report = ErrorReport(
                **spot, image=image, suggestion=suggestion, comment=comment
            )
            # The story and photo were just read; the constraint is the database's.
            report.full_clean(
                exclude=["article", "image", "group"], validate_constraints=False
            )
            try:
                with transaction.atomic():
                    report.save()
                return report
            except IntegrityError:
                continue  # another reader's report of this spot got in first
        if (not suggestion and not comment) or (
            head.suggestion == suggestion and head.comment == comment
        ):
            same = head
        else:
            same = head.members.filter(suggestion=suggestion, comment=comment).first()
        if same is None:
            report = ErrorReport(
                **spot,
                image=image,
                suggestion=suggestion,
                comment=comment,
                group=head,
                status=ErrorReport.Status.DUPLICATE,
            )
            report.full_clean(
                exclude=["article", "image", "group"], validate_constraints=False
            )
            report.save()
        else:
            ErrorReport.objects.filter(pk=same.pk).update(
                count=F("count") + 1, last_reported_at=now
            )
            report = same
        if report.pk != head.pk:
            ErrorReport.objects.filter(pk=head.pk).update(last_reported_at=now)
        return report
    raise IntegrityError("Could not file the report of a contended spot.")


def error_report_resolve(*, report: ErrorReport, status: str, user=None) -> int:
    """Set the status of a report and of every report of the same spot with it."""
    head_id = report.group_id or report.pk
    return ErrorReport.objects.filter(Q(pk=head_id) | Q(group_id=head_id)).update(
        status=status,
        resolved_at=None if status == ErrorReport.Status.NEW else timezone.now(),
        resolved_by=None if status == ErrorReport.Status.NEW else user,
    )


def error_report_apply(*, report: ErrorReport, user, correction: str = "") -> Article:
    """
    Replace exactly the reported occurrence with the reader's suggestion, save the
    story through its normal save (sanitizing included, as a revision), and mark the
    spot fixed. With `correction`, a public correction note is appended as well.
    """
    if not report.is_open:
        raise ErrorReportNotApplicable(_("This report has already been dealt with."))
    if not report.suggestion:
        raise ErrorReportNotApplicable(_("This report has no suggested correction."))
    with transaction.atomic(), reversion.create_revision():
        reversion.set_user(user)
        reversion.set_comment(_("Applied a reader's error report."))
        article = Article.objects.select_for_update().get(pk=report.article_id)
        report.article = article
        if report.part.startswith("caption-") and report.image_id:
            report.image = ArticleImage.objects.select_for_update().get(
                pk=report.image_id
            )
        located = error_report_locate(report=report)
        if located is None:
            raise ErrorReportNotApplicable(
                _("The quote is no longer in the story, or no longer only once.")
            )
        value = located.document.replace(located.span, report.suggestion)
        if report.part.startswith("caption-"):
            target, field = report.image, "caption"
        else:
            target, field = article, report.part
        try:
            value = target._meta.get_field(field).clean(value, target)
        except ValidationError as error:
            raise ErrorReportNotApplicable(" ".join(error.messages))
        setattr(target, field, value)
        target.save()
        if target is not article:
            article.save()  # the story changed: its updated time says so
        error_report_resolve(report=report, status=ErrorReport.Status.FIXED, user=user)
        if correction.strip():
            try:
                correction_add(article=article, text=correction, user=user)
            except ValidationError as error:
                raise ErrorReportNotApplicable(" ".join(error.messages))
        article_changed(article=article)
    return article


def error_report_correction_text(*, report: ErrorReport) -> str:
    """The correction note the desk is offered when applying a report."""
    return _("An earlier version of this story said “%(was)s” instead of “%(is)s”.") % {
        "was": report.exact,
        "is": report.suggestion,
    }


# --- Telling the desk ------------------------------------------------------------


def error_report_recipients(*, article: Article) -> list[str]:
    """The section's editors when it has any with an address, else the newsroom's list."""
    editors = article.section.editors.filter(is_active=True).exclude(email="")
    addresses = sorted({user.email for user in editors})
    return addresses or list(settings.NEWSROOM_ERROR_REPORT_RECIPIENTS)


def _pending(queryset):
    return (
        queryset.open()
        .filter(count__gt=F("notified_count"))
        .order_by("created_at", "pk")
    )


def _absolute(path: str) -> str:
    return settings.NEWSROOM_SITE_URL.rstrip("/") + path


def _one_line(text: str) -> str:
    return " ".join(text.split())


def error_report_email(
    *, article: Article, reports: list[ErrorReport]
) -> tuple[str, str]:
    """The subject and plain-text body of the desk's e-mail about these reports."""
    headline = _one_line(article.headline)
    subject = ngettext(
        "[%(site)s] %(count)d error report: %(headline)s",
        "[%(site)s] %(count)d error reports: %(headline)s",
        len(reports),
    ) % {"site": settings.NEWSROOM_NAME, "count": len(reports), "headline": headline}
    # The desk reads every edition: the subject names the story's, in capitals.
    subject = f"[{article.language.upper()}] {subject}"
    lines = [
        _("Readers reported errors in “%(headline)s”.") % {"headline": headline},
        _("Edition: %(language)s") % {"language": article.get_language_display()},
        _absolute(article.get_absolute_url()),
        "",
    ]
    for number, report in enumerate(reports, start=1):
        readers = ngettext("%(n)d reader", "%(n)d readers", report.count) % {
            "n": report.count
        }
        lines.append(f"{number}. {report.part}, {readers}")
        lines.append(
            "   "
            + _("Quote: %(quote)s")
            % {"quote": f"…{report.prefix}[{report.exact}]{report.suffix}…"}
        )
        if report.suggestion:
            lines.append("   " + _("Suggested: %(text)s") % {"text": report.suggestion})
        if report.comment:
            lines.append("   " + _("Comment: %(text)s") % {"text": report.comment})
        lines.append(
            "   "
            + _absolute(reverse("admin:reports_errorreport_change", args=[report.pk]))
        )
        lines.append("")
    lines.append(
        _("All new reports on this story: %(url)s")
        % {
            "url": _absolute(
                reverse("admin:reports_errorreport_changelist")
                + f"?article__id__exact={article.pk}&status__exact=new"
            )
        }
    )
    return subject, "\n".join(lines) + "\n"


def error_report_notify_desk(*, article_id: int) -> int:
    """
    E-mail the desk what readers reported on one story since the last e-mail, at
    most once per NEWSROOM_ERROR_REPORT_NOTIFY_INTERVAL; returns how many it listed.

    Within the interval it sends nothing: the beat sweep (notify_desk_pending)
    comes back for the rest once the interval is over.
    """
    interval = datetime.timedelta(
        seconds=settings.NEWSROOM_ERROR_REPORT_NOTIFY_INTERVAL
    )
    with transaction.atomic():
        # The story's row lock makes concurrent workers take turns, so two of them
        # cannot both decide that the interval is over.
        article = (
            Article.objects.select_for_update()
            .select_related("section")
            .filter(pk=article_id)
            .first()
        )
        if article is None:
            return 0
        reports = ErrorReport.objects.filter(article=article)
        last = reports.aggregate(last=Max("notified_at"))["last"]
        now = timezone.now()
        if last is not None and now - last < interval:
            return 0
        pending = list(_pending(reports))
        if not pending:
            return 0
        recipients = error_report_recipients(article=article)
        if recipients:
            # In the desk's language, whichever edition the story is in and
            # whether a worker or (eager) the reader's request sends it.
            with translation.override(settings.LANGUAGE_CODE):
                subject, body = error_report_email(article=article, reports=pending)
            send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, recipients)
        else:
            logger.warning(
                "No one to tell about %d error reports on story %d: set "
                "NEWSROOM_ERROR_REPORT_RECIPIENTS or the section's editors.",
                len(pending),
                article.pk,
            )
        for report in pending:
            report.notified_at = now
            report.notified_count = report.count
        ErrorReport.objects.bulk_update(pending, ["notified_at", "notified_count"])
    return len(pending)


def error_reports_pending_article_ids() -> list[int]:
    """Stories with reports the desk has not been told about."""
    return list(
        _pending(ErrorReport.objects.all())
        .order_by()
        .values_list("article_id", flat=True)
        .distinct()
    )
