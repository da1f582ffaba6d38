"""
The Redis store's flush: exactly once through crashes, bounded memory, and a
constant number of SQL statements however many stories a batch holds.

A crash is a worker killed at a given point: `WorkerKilled` is raised there and
nothing of the flush runs after it, as after a SIGKILL. The database transaction
the worker had open is rolled back, as PostgreSQL does for a dead connection.
"""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from analytics.models import DailyViews, FlushedBatch, ViewTotal
from analytics.services import views_flush
from analytics.stores import RedisCounterStore, Window
from articles.models import Article, Section

pytestmark = pytest.mark.django_db


class WorkerKilled(BaseException):
    """The worker process died here (a BaseException: no `except Exception` stops it)."""


def read(store, article, visitors: int, prefix: str = "v"):
    for n in range(visitors):
        store.record(
            article_id=article.pk, section_id=article.section_id, visitor=f"{prefix}{n}"
        )


def database_views(*stories) -> list[int]:
    totals = dict(ViewTotal.objects.values_list("article_id", "views"))
    return [totals.get(article.pk, 0) for article in stories]


@pytest.fixture
def stories(make_article, section):
    """Three stories read 300, 200 and 100 times: 600 views pending in Redis."""
    return [make_article(section=section) for _ in range(3)]


@pytest.fixture
def pending_views(redis_store, stories):
    for article, views in zip(stories, (300, 200, 100), strict=True):
        read(redis_store, article, views)
    return stories


def test_flush_moves_pending_views_into_daily_rows_and_totals(
    redis_store, pending_views
):
    """A flush writes each story's daily row and total, and empties the pending hash."""
    [result] = views_flush()
    assert (result.stories, result.views, result.applied) == (3, 600, True)
    assert database_views(*pending_views) == [300, 200, 100]
    today = timezone.localdate()
    assert sorted(
        DailyViews.objects.filter(day=today).values_list("views", flat=True)
    ) == [100, 200, 300]
    assert not redis_store.redis.exists(redis_store.pending_key)
    assert not redis_store.redis.exists(redis_store.flushing_key)
    assert views_flush() == []  # nothing left
    assert [redis_store.total(article_id=s.pk) for s in pending_views] == [
        300,
        200,
        100,
    ]


def test_worker_killed_between_rename_and_commit(
    redis_store, pending_views, monkeypatch
):
    """Killed after taking the batch, mid-transaction: the next flush applies it once."""
    article = pending_views[0]

    def die_on_totals(execute, sql, params, many, context):
        if "analytics_viewtotal" in sql and sql.lstrip().startswith("INSERT"):
            raise WorkerKilled  # the daily rows are written, the commit never comes
        return execute(sql, params, many, context)

    with pytest.raises(WorkerKilled), connection.execute_wrapper(die_on_totals):
        views_flush()
    # Nothing committed; the batch waits in Redis; readers still see every view.
    assert database_views(*pending_views) == [0, 0, 0]
    assert DailyViews.objects.count() == 0
    assert redis_store.redis.exists(redis_store.flushing_key)
    assert redis_store.total(article_id=article.pk) == 300
    # Views counted meanwhile go to a new pending hash, not into the stuck batch.
    read(redis_store, article, 5, prefix="late")
    results = views_flush()
    assert [(r.views, r.applied) for r in results] == [(600, True), (5, True)]
    assert database_views(*pending_views) == [305, 200, 100]
    assert FlushedBatch.objects.count() == 2
    assert redis_store.total(article_id=article.pk) == 305


def test_worker_killed_between_commit_and_delete(
    redis_store, pending_views, monkeypatch
):
    """Killed after the commit, before forgetting the batch: the batch is not re-applied."""

    def killed(self, batch, totals):
        raise WorkerKilled

    with monkeypatch.context() as patched:
        patched.setattr(RedisCounterStore, "finish_batch", killed)
        with pytest.raises(WorkerKilled):
            views_flush()
    assert database_views(*pending_views) == [300, 200, 100]  # committed
    assert redis_store.redis.exists(redis_store.flushing_key)  # but still in Redis
    [retry] = views_flush()
    assert (retry.views, retry.applied) == (600, False)
    assert database_views(*pending_views) == [300, 200, 100]  # not 600, 400, 200
    assert DailyViews.objects.get(article=pending_views[0]).views == 300
    assert not redis_store.redis.exists(redis_store.flushing_key)
    assert [redis_store.total(article_id=s.pk) for s in pending_views] == [
        300,
        200,
        100,
    ]


def test_a_deleted_story_does_not_stop_the_flush(redis_store, pending_views):
    """Views of a story deleted before the flush are dropped; the others are written."""
    gone = pending_views[1]
    Article.objects.filter(pk=gone.pk).delete()
    [result] = views_flush()
    assert result.applied
    assert database_views(*pending_views) == [300, 0, 100]
    assert not ViewTotal.objects.filter(article_id=gone.pk).exists()


def test_views_are_written_to_the_day_they_were_counted(redis_store, article):
    """Pending views keep their day: a batch spanning midnight fills two daily rows."""
    today = timezone.localdate()
    yesterday = today - datetime.timedelta(days=1)
    redis_store.redis.hset(
        redis_store.pending_key,
        mapping={
            f"{article.pk}:{yesterday:%Y%m%d}": 7,
            f"{article.pk}:{today:%Y%m%d}": 2,
        },
    )
    views_flush()
    assert dict(
        DailyViews.objects.filter(article=article).values_list("day", "views")
    ) == {yesterday: 7, today: 2}
    assert database_views(article) == [9]


def make_stories(count: int) -> list[int]:
    section = Section.objects.create(name=f"Bulk {count}", slug=f"bulk-{count}")
    now = timezone.now()
    Article.objects.bulk_create(
        Article(
            headline=f"Story {n}",
            slug=f"story-{n}",
            body="<p>Text.</p>",
            section=section,
            status=Article.Status.PUBLISHED,
            published_at=now,
        )
        for n in range(count)
    )
    return list(Article.objects.filter(section=section).values_list("pk", flat=True))


def fill_pending(store, story_ids: list[int], views: int) -> None:
    """`views` pending views spread evenly over the stories, as many hits would leave."""
    field_day = timezone.localdate().strftime("%Y%m%d")
    each, extra = divmod(views, len(story_ids))
    mapping = {
        f"{pk}:{field_day}": each + (1 if index < extra else 0)
        for index, pk in enumerate(story_ids)
    }
    store.redis.hset(store.pending_key, mapping=mapping)


def test_flush_statements_do_not_grow_with_stories(redis_store):
    """100,000 views over 5,000 stories take as many SQL statements as 10 over 5."""
    counts = {}
    for stories, views in ((5, 10), (5_000, 100_000)):
        story_ids = make_stories(stories)
        fill_pending(redis_store, story_ids, views)
        with CaptureQueriesContext(connection) as queries:
            [result] = views_flush()
        assert (result.stories, result.views) == (stories, views)
        counts[stories] = [
            query["sql"].split()[0]
            for query in queries
            # The test's own transaction turns the flush's into a savepoint.
            if "SAVEPOINT" not in query["sql"]
        ]
    # Record the batch id, upsert the daily, hourly and total rows, forget batch ids
    # older than a month and hourly rows older than two days: 6 statements,
    # whatever the size of the batch.
    assert (
        counts[5]
        == counts[5_000]
        == ["INSERT", "INSERT", "INSERT", "INSERT", "DELETE", "DELETE"]
    )
    assert sum(ViewTotal.objects.values_list("views", flat=True)) == 100_010


def test_every_redis_key_expires_or_is_deleted(redis_store, pending_views, economy):
    """Whatever counting leaves in Redis has a TTL; the flush deletes its batch."""
    read(redis_store, pending_views[0], 3, prefix="again")
    redis_store.top(window=Window.WEEK, limit=5)
    views_flush()
    read(redis_store, pending_views[1], 2, prefix="after")
    keys = list(redis_store.redis.scan_iter(match=f"{redis_store.prefix}:*"))
    kinds = {key.decode().split(":")[1] for key in keys}
    assert kinds == {"seen", "pending", "total", "hour", "day"}
    for key in keys:
        ttl = redis_store.redis.ttl(key)
        assert ttl > 0, key
    longest = max(redis_store.redis.ttl(key) for key in keys)
    assert longest <= 32 * 24 * 60 * 60


def test_the_flush_runs_on_celery_beat(settings):
    """Celery beat runs the flush every ANALYTICS_FLUSH_SECONDS (30 by default)."""
    entry = settings.CELERY_BEAT_SCHEDULE["analytics-flush-views"]
    assert entry["task"] == "analytics.tasks.flush_views"
    assert entry["schedule"] == settings.ANALYTICS_FLUSH_SECONDS == 30


def test_the_task_flushes(redis_store, pending_views):
    """The beat task is the flush."""
    from analytics.tasks import flush_views

    flush_views.apply()
    assert database_views(*pending_views) == [300, 200, 100]


@pytest.mark.django_db(transaction=True)  # two workers, two connections
def test_two_workers_flushing_at_once_write_each_view_once(redis_store, section):
    """Two flushes racing for the same batch write it once between them."""
    import threading

    article = Article.objects.create(
        headline="Raced", body="<p>Text.</p>", section=section, status="published"
    )
    read(redis_store, article, 50)
    start = threading.Barrier(2)
    results, errors = [], []

    def worker():
        try:
            start.wait()
            results.extend(views_flush())
        except Exception as error:  # pragma: no cover - reported below
            errors.append(error)
        finally:
            connection.close()

    workers = [threading.Thread(target=worker) for _ in range(2)]
    for thread in workers:
        thread.start()
    for thread in workers:
        thread.join()
    assert errors == []
    assert sum(result.applied for result in results) == 1
    assert database_views(article) == [50]
    assert not redis_store.redis.exists(redis_store.flushing_key)
