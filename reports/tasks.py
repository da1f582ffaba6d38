"""Celery tasks for readers' reports: thin, taking ids, calling a service."""

from smtplib import SMTPException

from celery import shared_task

from .models import ErrorReport
from .services import error_report_notify_desk, error_reports_pending_article_ids


@shared_task(autoretry_for=(SMTPException, OSError), retry_backoff=True, max_retries=5)
def notify_desk(report_id: int) -> None:
    """E-mail the desk about a new report's story (batched per story)."""
    article_id = (
        ErrorReport.objects.filter(pk=report_id)
        .values_list("article_id", flat=True)
        .first()
    )
    if article_id is not None:  # it may have been deleted before the worker ran
        error_report_notify_desk(article_id=article_id)


@shared_task
def notify_desk_pending() -> None:
    """Beat: send what arrived during each story's quiet interval, once it is over."""
    for article_id in error_reports_pending_article_ids():
        notify_desk_for_article.delay(article_id)


@shared_task(autoretry_for=(SMTPException, OSError), retry_backoff=True, max_retries=5)
def notify_desk_for_article(article_id: int) -> None:
    """E-mail the desk about one story's reports (batched per story)."""
    error_report_notify_desk(article_id=article_id)
