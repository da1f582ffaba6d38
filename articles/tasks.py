"""Celery tasks for stories: thin, taking ids, calling a service."""

from celery import shared_task

from . import edge, services
from .models import ArticleImage


@shared_task(ignore_result=True)
def article_go_live(article_id: int) -> None:
    """Queued with an ETA at the story's publish time (services.article_changed)."""
    services.article_went_live(article_id=article_id)


@shared_task(ignore_result=True)
def scheduled_sweep() -> None:
    """Run by beat every minute, in case a timed task was lost."""
    services.scheduled_sweep()


@shared_task(
    ignore_result=True, autoretry_for=(OSError,), retry_backoff=True, max_retries=3
)
def photo_make_renditions(image_id: int) -> None:
    image = ArticleImage.objects.filter(pk=image_id).first()
    if image is not None:  # it may have been deleted before the worker ran
        services.photo_renditions_make(image=image)


@shared_task(
    ignore_result=True, autoretry_for=(OSError,), retry_backoff=True, max_retries=5
)
def purge_http_caches(keys: list[str]) -> None:
    """Queued once a change is committed (services.article_pages_refresh)."""
    edge.http_cache_purge(keys=keys)
