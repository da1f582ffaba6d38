"""
The counter Redis restarted mid-stream, on a server of the test's own.

Run as README's "Redis" section says (append-only file, `everysec`, noeviction),
a Redis that stops, or crashes, and comes back has every view it acknowledged and
every dedupe key: the OS has each write before the reader has the answer, and the
disk has it within a second. Run as the development Redis (no persistence), it
loses them, and the rankings are rebuilt from the database by the next flush.
"""

import pytest
from django.core.management import call_command

from analytics.models import ViewTotal
from analytics.services import views_flush
from analytics.stores import Window
from analytics.tasks import flush_views
from conftest import COUNTERS_REDIS

pytestmark = pytest.mark.django_db


def read(store, stories, visitors: range) -> int:
    """Each visitor reads each story once; returns how many views were counted."""
    counted = 0
    for article in stories:
        for n in visitors:
            hit = store.record(
                article_id=article.pk, section_id=article.section_id, visitor=f"r{n}"
            )
            counted += hit.counted
    return counted


def shown(store, stories) -> list[int]:
    return [store.total(article_id=article.pk) for article in stories]


@pytest.fixture
def stories(make_article, section, economy):
    return [make_article(section=section), make_article(section=economy)]


@pytest.mark.parametrize("crash", [False, True], ids=["stopped", "killed"])
def test_an_append_only_redis_keeps_every_acknowledged_view(
    redis_server, store_on, stories, crash
):
    """Stopped or killed mid-stream and started again: no view lost, none counted twice."""
    server = redis_server(*COUNTERS_REDIS).start()
    store = store_on(server)
    assert read(store, stories, range(0, 120)) == 240
    views_flush()  # some views in the database, the rest pending in Redis
    assert read(store, stories, range(120, 200)) == 160
    top_before = store.top(window=Window.DAY, limit=5)

    server.stop(crash=crash)
    server.start()

    assert shown(store, stories) == [200, 200]
    # The dedupe keys came back too: the same readers again count nothing.
    assert read(store, stories, range(0, 200)) == 0
    assert store.top(window=Window.DAY, limit=5) == top_before
    views_flush()
    assert sorted(ViewTotal.objects.values_list("views", flat=True)) == [200, 200]


def test_a_redis_without_persistence_loses_them(redis_server, store_on, stories):
    """The development Redis, restarted, forgets pending views and dedupe keys."""
    server = redis_server().start()
    store = store_on(server)
    read(store, stories, range(0, 50))
    views_flush()
    read(store, stories, range(50, 80))
    server.stop()
    server.start()
    assert shown(store, stories) == [50, 50]  # 30 views each lost
    assert read(store, stories, range(0, 10)) == 20  # counted again


def test_lost_rankings_are_rebuilt_from_the_database_by_the_flush(
    redis_server, store_on, stories, section
):
    """After Redis lost its rankings, the next flush puts them back from PostgreSQL."""
    server = redis_server().start()
    store = store_on(server)
    first, second = stories
    read(store, [first], range(0, 30))
    read(store, [second], range(0, 20))
    flush_views()
    rankings = {
        (window, section_id): store.top(window=window, limit=5, section_id=section_id)
        for window in Window
        for section_id in (None, section.pk)
    }
    assert rankings[Window.DAY, None] == [(first.pk, 30), (second.pk, 20)]

    server.stop()
    server.start()
    assert store.top(window=Window.DAY, limit=5) == []
    read(store, [second], range(100, 115))  # read again since: 35 now
    flush_views()
    assert store.top(window=Window.DAY, limit=5) == [(second.pk, 35), (first.pk, 30)]
    assert (
        store.top(window=Window.MONTH, limit=5, section_id=section.pk)
        == (rankings[Window.MONTH, section.pk])
    )
    # Rebuilt once: the next flush finds the marker and leaves the rankings alone.
    read(store, [first], range(200, 210))
    flush_views()
    assert store.top(window=Window.DAY, limit=5) == [(first.pk, 40), (second.pk, 35)]


def test_the_rebuild_command_forces_it(redis_server, store_on, stories, capsys):
    """`manage.py rebuild_most_viewed` rebuilds even when Redis kept its marker."""
    server = redis_server().start()
    store = store_on(server)
    read(store, stories[:1], range(0, 7))
    flush_views()
    for key in server.client().scan_iter(store.keys.hour("*")):
        server.client().delete(key)
    call_command("rebuild_most_viewed", "--dry-run")
    assert "would be rebuilt" in capsys.readouterr().out
    assert store.top(window=Window.DAY, limit=5) == []
    call_command("rebuild_most_viewed")
    assert store.top(window=Window.DAY, limit=5) == [(stories[0].pk, 7)]
