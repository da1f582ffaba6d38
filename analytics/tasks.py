from celery import shared_task

from .services import most_viewed_rebuild, views_flush


@shared_task(ignore_result=True)
def flush_views() -> None:
    """
    Move pending views from Redis to the database (Celery beat, every 30 s), and
    rebuild "Most viewed" if Redis has lost it.
    """
    views_flush()
    most_viewed_rebuild()
