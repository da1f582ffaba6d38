"""The demo newsroom's view histories."""

import datetime
from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.utils import timezone

from analytics.models import DailyViews, ViewTotal
from analytics.selectors import most_viewed_stories
from analytics.stores import Window
from articles.models import Article

pytestmark = pytest.mark.django_db


def seed(*args) -> str:
    out = StringIO()
    call_command("seed_demo_views", *args, stdout=out)
    return out.getvalue()


def snapshot():
    return (
        sorted(ViewTotal.objects.values_list("article_id", "views")),
        sorted(DailyViews.objects.values_list("article_id", "day", "views")),
    )


@pytest.fixture
def newsroom(make_article, section, economy):
    now = timezone.now()
    return [
        make_article(section=section, published_at=now - datetime.timedelta(hours=5)),
        make_article(section=economy, published_at=now - datetime.timedelta(days=3)),
        make_article(section=economy, published_at=now - datetime.timedelta(days=90)),
        make_article(section=section, status=Article.Status.DRAFT, published_at=None),
    ]


def test_live_stories_get_a_history_and_a_second_run_changes_nothing(
    store, newsroom, settings
):
    """Every live story gets daily rows and a total; running it again adds nothing."""
    settings.DEBUG = True
    assert "3 stories" in seed()
    first = snapshot()
    totals = dict(first[0])
    assert set(totals) == {article.pk for article in newsroom[:3]}
    for article in newsroom[:3]:
        daily = DailyViews.objects.filter(article=article)
        assert daily.exists()
        assert min(daily.values_list("day", flat=True)) >= timezone.localdate(
            article.published_at
        )
    # The old story has views from before the 30 days as well.
    old = newsroom[2]
    assert totals[old.pk] > sum(
        DailyViews.objects.filter(article=old).values_list("views", flat=True)
    )
    assert "0 stories" in seed()
    assert snapshot() == first
    lists = dict(most_viewed_stories(windows=list(Window), limit=5))
    assert len(lists[Window.MONTH]) == 3
    assert lists[Window.DAY]
    assert store.total(article_id=old.pk) == totals[old.pk]


def test_stories_with_real_views_are_left_alone(store, newsroom, settings):
    """A story that has been read keeps its own counts."""
    settings.DEBUG = True
    read = newsroom[0]
    store.record(article_id=read.pk, section_id=read.section_id, visitor="reader")
    from analytics.services import views_flush

    views_flush()
    seed()
    assert ViewTotal.objects.get(article=read).views == 1


def test_dry_run_writes_nothing(store, newsroom, settings):
    """--dry-run says what it would write and writes nothing."""
    settings.DEBUG = True
    assert "Would give a view history to 3 stories" in seed("--dry-run")
    assert snapshot() == ([], [])


def test_refuses_without_debug_unless_told(newsroom, settings):
    """Made-up counts stay out of production unless asked for explicitly."""
    settings.DEBUG = False
    with pytest.raises(CommandError):
        seed()
    assert snapshot() == ([], [])


def test_the_demo_history_can_rebuild_the_24_hour_ranking(
    redis_store, newsroom, settings
):
    """The seeded hourly rows are what a rebuild puts back when Redis lost its hours."""
    from analytics.services import most_viewed_rebuild

    settings.DEBUG = True
    seed()
    before = redis_store.top(window=Window.DAY, limit=5)
    assert before
    for key in redis_store.redis.scan_iter(redis_store.keys.hour("*")):
        redis_store.redis.delete(key)
    assert redis_store.top(window=Window.DAY, limit=5) == []
    most_viewed_rebuild(store=redis_store, force=True)
    assert redis_store.top(window=Window.DAY, limit=5) == before
