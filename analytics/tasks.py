from celery import shared_task

from .services import views_flush


@shared_task(ignore_result=True)
def flush_views() -> None:
    """Move pending views from Redis to the database (Celery beat, every 30 s)."""
    views_flush()
