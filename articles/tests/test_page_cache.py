"""The reader page cache: shared across processes, with each process's own copy in front."""

import pytest
from django.core.cache import cache

from articles.cache import GENERATION_KEY, reader_cache_refresh
from articles.models import Article
from conftest import CACHE_REDIS

from .factories import ArticleFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def page_cache(settings):
    settings.NEWSROOM_PAGE_CACHE_SECONDS = 300
    settings.NEWSROOM_PAGE_GENERATION_CHECK_SECONDS = 60


def test_a_warm_story_page_costs_no_query(
    client, page_cache, django_assert_num_queries
):
    """Once cached, a story page is served without touching the database."""
    story = ArticleFactory(headline="Cached headline")
    assert "Cached headline" in client.get(story.get_absolute_url()).text
    with django_assert_num_queries(0):
        again = client.get(story.get_absolute_url())
    assert again.status_code == 200
    assert "Cached headline" in again.text
    assert again["Content-Type"] == "text/html; charset=utf-8"


def test_a_refresh_in_this_process_shows_the_change_at_once(client, page_cache):
    """The desk's refresh drops this process's pages and generation immediately."""
    story = ArticleFactory(headline="Before the fix")
    client.get(story.get_absolute_url())
    Article.objects.filter(pk=story.pk).update(headline="After the fix")
    assert "Before the fix" in client.get(story.get_absolute_url()).text
    reader_cache_refresh()
    assert "After the fix" in client.get(story.get_absolute_url()).text


def test_a_refresh_by_another_process_arrives_within_the_check_interval(
    client, page_cache, settings, wait_for
):
    """Another process's refresh (the shared generation moves) is seen within the interval."""
    settings.NEWSROOM_PAGE_GENERATION_CHECK_SECONDS = 0.3
    story = ArticleFactory(headline="Before the fix")
    client.get(story.get_absolute_url())
    Article.objects.filter(pk=story.pk).update(headline="After the fix")
    cache.incr(GENERATION_KEY)  # what reader_cache_refresh does in another process
    assert "Before the fix" in client.get(story.get_absolute_url()).text
    # The interval is on the monotonic clock, which only real time moves.
    assert wait_for(
        lambda: "After the fix" in client.get(story.get_absolute_url()).text,
        timeout=3,
    )


def test_a_warm_page_does_not_ask_the_shared_cache(client, page_cache, monkeypatch):
    """A page warm in this process's memory is served without a shared-cache call
    (in production, without a Redis round trip)."""
    story = ArticleFactory()
    client.get(story.get_absolute_url())
    calls = []
    for name in ("get", "get_or_set", "set", "add", "incr"):
        method = getattr(cache, name)
        monkeypatch.setattr(
            cache,
            name,
            lambda *a, _m=method, _n=name, **k: calls.append(_n) or _m(*a, **k),
        )
    assert client.get(story.get_absolute_url()).status_code == 200
    assert calls == []
    cache.incr(GENERATION_KEY)
    reader_cache_refresh()
    calls.clear()
    client.get(story.get_absolute_url())
    assert "get_or_set" in calls  # after a refresh the generation is asked again


def test_the_key_keeps_only_the_parameters_the_page_reads(rf):
    """utm_*, fbclid and made-up parameters are not part of a page's address."""
    from articles.cache import page_address

    request = rf.get("/en/section/politics/?utm_source=x&page=1&fbclid=y&page=2")
    assert page_address(request, ["page"]) == (
        "http://testserver/en/section/politics/?page=2"
    )
    assert page_address(request, []) == "http://testserver/en/section/politics/"


def test_a_flood_of_unique_addresses_is_one_cached_page(
    client, page_cache, settings, redis_server, section
):
    """
    A thousand story and section addresses made unique by junk parameters fill
    one cache entry each, not one per address: the cache Redis's keys and memory
    stay where one reader's visit puts them.
    """
    server = redis_server(*CACHE_REDIS).start()
    settings.CACHES = {
        "default": {
            "BACKEND": "newsroom.cache.RedisCache",
            "LOCATION": server.url(),
        }
    }
    story = ArticleFactory(section=section)
    section_url = story.section.get_absolute_url()
    for url in (story.get_absolute_url(), section_url, f"{section_url}?page=1"):
        assert client.get(url).status_code == 200
    keys = server.client().dbsize()
    memory = server.client().info("memory")["used_memory"]
    # The story, the section and its page 1 (besides the generation and rankings).
    assert len(server.client().keys("*articles:page:*")) == 3
    for n in range(1_000):
        junk = f"utm_source=feed{n}&fbclid=IwAR{n:08d}&x{n}={n}"
        assert client.get(f"{story.get_absolute_url()}?{junk}").status_code == 200
        assert client.get(f"{section_url}?{junk}").status_code == 200
    assert server.client().dbsize() == keys
    # Other ways of writing a page number are not pages (404), so not cached.
    for number in ("01", "0001", "+1", "1.0", "1&page=1&page=1"):
        client.get(f"{section_url}?page={number}")
    assert server.client().dbsize() == keys
    assert server.client().info("memory")["used_memory"] < memory + 64 * 1024
