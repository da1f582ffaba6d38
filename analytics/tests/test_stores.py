"""The contract both counter stores keep, run against each (the Redis one on real Redis)."""

import threading

import pytest
from django.db import connection

from analytics.models import DailyViews, ViewTotal
from analytics.selectors import most_viewed_stories
from analytics.services import views_flush
from analytics.stores import Window
from articles.models import Article

pytestmark = pytest.mark.django_db


def settle(store):
    """Move whatever is pending to the database (a no-op for the database store)."""
    views_flush(store=store)


@pytest.mark.django_db(transaction=True)  # the threads use connections of their own
def test_twenty_threads_of_distinct_visitors_count_exactly(store, article):
    """20 threads x 500 views by distinct visitors count exactly 10,000, none lost."""
    errors = []

    def reader(thread):
        try:
            for n in range(500):
                store.record(
                    article_id=article.pk,
                    section_id=article.section_id,
                    visitor=f"visitor-{thread}-{n}",
                )
        except Exception as error:  # pragma: no cover - reported below
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=reader, args=(t,)) for t in range(20)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    assert store.total(article_id=article.pk) == 10_000
    settle(store)
    assert ViewTotal.objects.get(article=article).views == 10_000
    assert DailyViews.objects.get(article=article).views == 10_000
    assert store.total(article_id=article.pk) == 10_000


def test_a_visitor_counts_once_per_window(store_kind, settings, article, wait_for):
    """The same visitor counts once per story per window, then again after it."""
    from analytics.stores import get_store

    settings.ANALYTICS_VIEW_WINDOW_SECONDS = 1
    store = get_store()
    store.total(article_id=article.pk)  # as the story page does when it is rendered
    hits = [
        store.record(article_id=article.pk, section_id=article.section_id, visitor="a")
        for _ in range(3)
    ]
    assert [hit.counted for hit in hits] == [True, False, False]
    assert [hit.views for hit in hits] == [1, 1, 1]
    other = store.record(
        article_id=article.pk, section_id=article.section_id, visitor="b"
    )
    assert (other.counted, other.views) == (True, 2)
    # The window is a TTL in Redis or the cache, which only real time moves.
    assert wait_for(
        lambda: (
            store.record(
                article_id=article.pk, section_id=article.section_id, visitor="a"
            ).counted
        )
    )
    assert store.total(article_id=article.pk) == 3


def test_the_window_is_per_story(store, article, make_article):
    """A visitor who read one story still counts on another."""
    second = make_article(section=article.section)
    for each in (article, second, article, second):
        store.record(article_id=each.pk, section_id=each.section_id, visitor="a")
    assert store.total(article_id=article.pk) == 1
    assert store.total(article_id=second.pk) == 1


def test_total_is_flushed_plus_pending(store, article):
    """The count readers see adds views not yet flushed to those in the database."""
    for n in range(3):
        store.record(
            article_id=article.pk, section_id=article.section_id, visitor=str(n)
        )
    settle(store)
    for n in range(3, 5):
        store.record(
            article_id=article.pk, section_id=article.section_id, visitor=str(n)
        )
    assert store.total(article_id=article.pk) == 5
    settle(store)
    assert ViewTotal.objects.get(article=article).views == 5
    assert store.total(article_id=article.pk) == 5


def read(store, article, visitors: int, start: int = 0):
    for n in range(start, start + visitors):
        store.record(
            article_id=article.pk, section_id=article.section_id, visitor=f"v{n}"
        )


@pytest.mark.parametrize("window", list(Window))
def test_top_ranks_stories_by_views_in_the_window(store, window, make_article, section):
    """Every window ranks the stories read in it, most views first, up to the limit."""
    stories = [make_article(section=section) for _ in range(4)]
    for views, article in zip([2, 5, 1, 3], stories, strict=True):
        read(store, article, views)
    top = store.top(window=window, limit=3)
    assert top == [(stories[1].pk, 5), (stories[3].pk, 3), (stories[0].pk, 2)]


def test_top_per_section(store, make_article, section, economy):
    """A section's ranking holds only that section's stories."""
    vote = make_article(section=section)
    prices = make_article(section=economy)
    budget = make_article(section=economy)
    read(store, vote, 9)
    read(store, prices, 4)
    read(store, budget, 6)
    assert store.top(window=Window.DAY, limit=5, section_id=economy.pk) == [
        (budget.pk, 6),
        (prices.pk, 4),
    ]
    assert store.top(window=Window.WEEK, limit=5, section_id=section.pk) == [
        (vote.pk, 9)
    ]


def test_most_viewed_lists_per_section(store, make_article, section, economy):
    """The section's "Most viewed" list shows its own live stories, most read first."""
    vote = make_article(section=section)
    prices = make_article(section=economy)
    budget = make_article(section=economy)
    for article, views in ((vote, 9), (prices, 4), (budget, 6)):
        read(store, article, views)
    [(window, listed)] = most_viewed_stories(
        windows=[Window.DAY], section=economy, limit=5
    )
    assert listed == [budget, prices]
    [(window, listed)] = most_viewed_stories(windows=[Window.DAY], limit=2)
    assert listed == [vote, budget]


def test_unpublished_and_deleted_stories_leave_the_lists_at_once(store, make_article):
    """A story unpublished or deleted after it was ranked is never listed again."""
    first, second, third = (make_article() for _ in range(3))
    for article, views in ((first, 5), (second, 4), (third, 3)):
        read(store, article, views)
    lists = most_viewed_stories(windows=[Window.DAY, Window.MONTH], limit=3)
    assert [stories for _window, stories in lists] == [[first, second, third]] * 2
    # The ranking is cached for a minute; the stories' status is not.
    Article.objects.filter(pk=first.pk).update(status=Article.Status.DRAFT)
    third.delete()
    lists = most_viewed_stories(windows=[Window.DAY, Window.MONTH], limit=3)
    assert [stories for _window, stories in lists] == [[second]] * 2


def test_scheduled_stories_are_not_listed(store, make_article):
    """A story whose publish time is still ahead is not listed, however read."""
    import datetime

    from django.utils import timezone

    later = make_article(published_at=timezone.now() + datetime.timedelta(hours=2))
    now = make_article()
    read(store, later, 7)
    read(store, now, 1)
    [(_window, listed)] = most_viewed_stories(windows=[Window.DAY], limit=5)
    assert listed == [now]


def test_pending_reports_views_not_yet_in_the_database(store, article, make_article):
    """pending() is what the database does not have yet: nothing for the database store."""
    quiet = make_article()
    read(store, article, 4)
    pending = store.pending([article.pk, quiet.pk])
    db_total = ViewTotal.objects.filter(article=article).first()
    assert pending.get(article.pk, 0) + (db_total.views if db_total else 0) == 4
    assert pending.get(quiet.pk, 0) == 0
