"""The reader page cache: shared across processes, with each process's own copy in front."""

import threading

import pytest
from django.core.cache import cache
from django.http import HttpResponse
from django.urls import resolve, reverse
from django.utils import translation

from articles import services
from articles.cache import (
    CHANGED_KEY,
    VERSION_PREFIX,
    cache_reader_page,
    reader_cache_renders,
    reader_pages_changed,
    story_key,
)
from articles.models import Article
from conftest import CACHE_REDIS

from .admin_forms import story_form
from .factories import ArticleFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def page_cache(settings):
    settings.NEWSROOM_PAGE_CACHE_SECONDS = 300
    settings.NEWSROOM_PAGE_VERSION_CHECK_SECONDS = 60


def changed_elsewhere(*keys):
    """What reader_pages_changed does in another process: the shared versions move."""
    for key in keys:
        try:
            cache.incr(VERSION_PREFIX + key)
        except ValueError:
            cache.set(VERSION_PREFIX + key, 1, timeout=None)
    try:
        cache.incr(CHANGED_KEY)
    except ValueError:
        cache.set(CHANGED_KEY, 1, timeout=None)


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


def test_a_change_in_this_process_shows_at_once(client, page_cache):
    """A change's keys drop this process's pages that carry them immediately."""
    story = ArticleFactory(headline="Before the fix")
    client.get(story.get_absolute_url())
    Article.objects.filter(pk=story.pk).update(headline="After the fix")
    assert "Before the fix" in client.get(story.get_absolute_url()).text
    reader_pages_changed([story_key(story.pk)])
    assert "After the fix" in client.get(story.get_absolute_url()).text


def test_a_change_by_another_process_arrives_within_the_check_interval(
    client, page_cache, settings, wait_for
):
    """Another process's change (the shared versions move) is seen within the interval."""
    settings.NEWSROOM_PAGE_VERSION_CHECK_SECONDS = 0.3
    story = ArticleFactory(headline="Before the fix")
    client.get(story.get_absolute_url())
    Article.objects.filter(pk=story.pk).update(headline="After the fix")
    changed_elsewhere(story_key(story.pk))
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
    for name in ("get", "get_many", "set", "add", "incr"):
        method = getattr(cache, name)
        monkeypatch.setattr(
            cache,
            name,
            lambda *a, _m=method, _n=name, **k: calls.append(_n) or _m(*a, **k),
        )
    assert client.get(story.get_absolute_url()).status_code == 200
    assert calls == []
    reader_pages_changed([story_key(story.pk)])
    calls.clear()
    client.get(story.get_absolute_url())
    assert "get_many" in calls  # after a change the page's versions are asked again


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
    # The story, the section and its page 1 (besides versions, lists and rankings).
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


def renders_of(client, urls):
    """How many of `urls` this process rendered (not served from its caches)."""
    rendered = []
    for url in urls:
        before = reader_cache_renders()
        assert client.get(url).status_code == 200, url
        if reader_cache_renders() > before:
            rendered.append(url)
    return rendered


def test_a_publish_renders_again_only_the_pages_that_show_the_story(
    client, page_cache, editor, section, economy, django_capture_on_commit_callbacks
):
    """
    Publishing a story in Politics tagged "budget" makes its edition's front page,
    the Politics and "budget" pages stale; other stories, sections and tags stay
    warm, and so does the other edition's front page.
    """
    in_politics = ArticleFactory(section=section, headline="Politics story")
    in_politics.tags.add("budget")
    elsewhere = ArticleFactory(section=economy, headline="Economy story")
    elsewhere.tags.add("trade")
    ArticleFactory(section=section, language="ru", headline="Русская история")
    urls = {
        "front": "/en/",
        "front ru": "/ru/",
        "politics": section.get_absolute_url(),
        "economy": economy.get_absolute_url(),
        "budget": "/en/tag/budget/",
        "trade": "/en/tag/trade/",
        "politics story": in_politics.get_absolute_url(),
        "economy story": elsewhere.get_absolute_url(),
    }
    assert len(renders_of(client, urls.values())) == len(urls)  # all cold
    assert renders_of(client, urls.values()) == []  # all warm

    new = ArticleFactory(
        section=section, status=Article.Status.REVIEW, headline="Budget passes"
    )
    new.tags.add("budget")
    with django_capture_on_commit_callbacks(execute=True):
        services.article_publish(article=new, user=editor)

    rendered = renders_of(client, urls.values())
    assert sorted(name for name, url in urls.items() if url in rendered) == [
        "budget",
        "front",
        "politics",
    ]
    assert "Budget passes" in client.get("/en/").text
    assert "Budget passes" in client.get(urls["politics"]).text


def test_requests_during_a_render_get_the_previous_page(rf, page_cache):
    """
    Stale while revalidate, single flight: after a change, one request renders
    the page again while the others, arriving meanwhile, get the previous one.
    """
    renders = []
    rendering = threading.Event()
    finish = threading.Event()

    @cache_reader_page(keys=lambda request: ["story-7"])
    def view(request):
        renders.append(1)
        if len(renders) > 1:
            rendering.set()
            assert finish.wait(10)
        return HttpResponse(f"version {len(renders)}")

    assert view(rf.get("/en/x/")).content == b"version 1"
    reader_pages_changed(["story-7"])
    answers = []

    def read():
        answers.append(view(rf.get("/en/x/")).content)

    renderer = threading.Thread(target=read)
    renderer.start()
    assert rendering.wait(10)
    readers = [threading.Thread(target=read) for _ in range(8)]
    for thread in readers:
        thread.start()
    for thread in readers:
        thread.join(10)
    assert answers == [b"version 1"] * 8  # served while the render goes on
    finish.set()
    renderer.join(10)
    assert len(renders) == 2
    assert answers[-1] == b"version 2"
    assert view(rf.get("/en/x/")).content == b"version 2"


@pytest.fixture
def reader_pages(section):
    story = ArticleFactory(section=section, headline="Counted story")
    story.tags.add("budget")
    ArticleFactory(section=section).tags.add("budget")
    return {
        "story": story.get_absolute_url(),
        "front": "/en/",
        "section": section.get_absolute_url(),
        "tag": "/en/tag/budget/",
    }


def views_queries(settings) -> int:
    """The view counter's query: none with the Redis store, one with the database's."""
    return 1 if settings.ANALYTICS_STORE == "database" else 0


# A first render's queries, with the database's view store (embedded) and the
# Redis one (production): "Most viewed" is ranked by the database in the first.
FIRST_RENDER = {
    "story": {"database": 11, "redis": 8},
    "front": {"database": 9, "redis": 6},
    "section": {"database": 8, "redis": 5},
    "tag": {"database": 5, "redis": 5},
}


@pytest.mark.parametrize("page", FIRST_RENDER)
def test_a_page_rendered_again_takes_its_lists_and_data_from_fragments(
    client, rf, page_cache, reader_pages, settings, django_assert_num_queries, page
):
    """
    The first render of a page queries for its data and lists; rendered again
    (its lifetime over, evicted, or cold in another process) it queries for
    nothing but the story's view count, which the Redis store keeps out of the
    database.
    """
    url = reader_pages[page]
    cold = FIRST_RENDER[page][settings.ANALYTICS_STORE]
    counter = views_queries(settings) if page == "story" else 0
    with django_assert_num_queries(cold):
        assert client.get(url).status_code == 200
    match = resolve(url)
    request = rf.get(url)
    with translation.override("en"), django_assert_num_queries(counter):
        response = match.func.__wrapped__(request, *match.args, **match.kwargs)
    assert response.status_code == 200


def test_a_tag_taken_off_a_story_in_the_desk_refreshes_that_tags_page(
    client, editor_client, page_cache, section, django_capture_on_commit_callbacks
):
    """The page of a tag the editor removes stops listing the story at once."""
    story = ArticleFactory(section=section, headline="Budget vote delayed")
    story.tags.add("budget")
    assert "Budget vote delayed" in client.get("/en/tag/budget/").text
    url = reverse("admin:articles_article_change", args=[story.pk])
    with django_capture_on_commit_callbacks(execute=True):
        response = editor_client.post(url, story_form(story, tags="trade"))
    assert response.status_code == 302
    assert "Budget vote delayed" not in client.get("/en/tag/budget/").text
    assert "Budget vote delayed" in client.get("/en/tag/trade/").text


def test_made_up_section_and_tag_addresses_leave_nothing_for_good(
    client, page_cache, settings, redis_server
):
    """
    A flood of /section/<junk>/ and /tag/<junk>/ addresses is answered 404 and
    keeps no fragment; the versions its keys were read at expire on their own.
    """
    server = redis_server(*CACHE_REDIS).start()
    settings.CACHES = {
        "default": {
            "BACKEND": "newsroom.cache.RedisCache",
            "LOCATION": server.url(),
        }
    }
    redis = server.client()
    before = set(redis.keys("*"))
    for n in range(200):
        assert client.get(f"/en/section/junk-{n}/").status_code == 404
        assert client.get(f"/en/tag/junk-{n}/").status_code == 404
    added = set(redis.keys("*")) - before
    # The 404 page's own menu is one fragment, not one per address.
    assert len([key for key in added if b"articles:fragment:" in key]) <= 1
    assert len(added) > 400  # the versions read, one per made-up key
    assert all(redis.ttl(key) > 0 for key in added)
