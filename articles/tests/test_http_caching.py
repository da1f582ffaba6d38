"""What reader pages tell an HTTP cache in front, and the purge it gets on a change."""

import threading
from http.server import BaseHTTPRequestHandler, HTTPServer

import pytest
from django.http import HttpResponse
from django.urls import reverse
from django.utils import translation

from articles import edge, services
from articles.cache import article_page_keys, cache_reader_page

from .factories import ArticleFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def story(section):
    story = ArticleFactory(section=section, headline="Cached everywhere")
    story.tags.add("budget")
    return story


def reader_pages(story):
    return {
        "front": ("/en/", {"edition-en"}),
        "section": (story.section.get_absolute_url(), {"section-en-politics"}),
        "tag": ("/en/tag/budget/", {"tag-en-budget"}),
        "story": (story.get_absolute_url(), {f"story-{story.pk}"}),
        "feed": (reverse("articles:feed"), {"edition-en"}),
        "latin front": ("/kk-latn/", {"edition-kk"}),
    }


@pytest.mark.parametrize("cache_seconds", [0, 300])
def test_reader_pages_may_be_kept_by_shared_caches_with_their_keys(
    client, story, settings, cache_seconds
):
    """Every reader page type: Cache-Control for shared caches, a validator, its keys."""
    settings.NEWSROOM_PAGE_CACHE_SECONDS = cache_seconds
    for name, (url, keys) in reader_pages(story).items():
        response = client.get(url)
        assert response.status_code == 200, name
        control = response["Cache-Control"]
        for part in (
            "public",
            "max-age=60",
            "s-maxage=1800",
            "stale-while-revalidate=60",
            "stale-if-error=86400",
        ):
            assert part in control, (name, control)
        assert response["ETag"].startswith('"')
        assert "Last-Modified" in response
        assert set(response["Surrogate-Key"].split()) == keys, name
        assert response["xkey"] == response["Surrogate-Key"]
        # The language is in the address: nothing to vary on, and no cookie.
        assert "Cookie" not in response.get("Vary", ""), name
        assert "Accept-Language" not in response.get("Vary", ""), name
        assert not response.cookies, name


def test_a_conditional_get_for_the_same_page_is_a_304(client, story, settings):
    """A reader (or cache) that has the page gets a 304 without a body."""
    settings.NEWSROOM_PAGE_CACHE_SECONDS = 300
    first = client.get(story.get_absolute_url())
    again = client.get(story.get_absolute_url(), HTTP_IF_NONE_MATCH=first["ETag"])
    assert again.status_code == 304
    assert again.content == b""
    other = client.get(story.get_absolute_url(), HTTP_IF_NONE_MATCH='"other"')
    assert other.status_code == 200


def test_the_desk_previews_beacons_reports_and_cookies_are_private(
    client, editor_client, story
):
    """Nothing but reader pages may be kept by a shared cache."""
    token = services.article_preview_token(article=story)
    answers = {
        "admin": editor_client.get(reverse("admin:articles_article_changelist")),
        "preview": client.get(reverse("articles:article-preview", args=[token])),
        "hit": client.post(reverse("analytics:hit"), data="a=1&t=x", content_type="x"),
        "report token": client.get(reverse("reports:token")),
        "report": client.post(reverse("reports:submit"), data="{}", content_type="x"),
        "edition choice (sets a cookie)": client.get("/edition/ru/"),
        "404": client.get("/en/news/999999/nothing/"),
    }
    for name, response in answers.items():
        control = response["Cache-Control"]
        assert "private" in control and "no-store" in control, (name, control)
        assert "Surrogate-Key" not in response, name


class PurgeRecorder(BaseHTTPRequestHandler):
    received: list = []

    def do_PURGE(self):  # noqa: N802 (the HTTP method's name)
        self.received.append((self.path, self.headers["xkey-purge"]))
        self.send_response(200)
        self.end_headers()

    def log_message(self, *args):
        pass


@pytest.fixture
def http_cache():
    """A real HTTP server on a free port that records the purges it gets."""
    server = HTTPServer(("127.0.0.1", 0), PurgeRecorder)
    PurgeRecorder.received = []
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}/", PurgeRecorder.received
    server.shutdown()
    server.server_close()


def test_a_publish_purges_its_keys_at_the_configured_http_caches(
    story,
    editor,
    settings,
    http_cache,
    celery_eager,
    django_capture_on_commit_callbacks,
):
    """Once committed, the story's keys are purged at each configured HTTP cache."""
    url, received = http_cache
    settings.NEWSROOM_HTTP_CACHE_PURGE_URLS = [url]
    with django_capture_on_commit_callbacks(execute=True):
        services.article_unpublish(article=story, user=editor)
    assert len(received) == 1
    assert set(received[0][1].split()) == {
        f"story-{story.pk}",
        "edition-en",
        "section-en-politics",
        "tag-en-budget",
    }
    assert set(received[0][1].split()) == article_page_keys(story)


def test_no_purge_without_an_http_cache(settings, story):
    settings.NEWSROOM_HTTP_CACHE_PURGE_URLS = []
    assert edge.http_cache_purge(keys=["edition-en"]) == 0


def test_a_page_that_names_no_keys_is_refreshed_by_its_edition(rf):
    """
    A page wrapped without keys (a feed, a sitemap) carries its edition's key under
    an edition's prefix, and every edition's outside them (robots.txt, an index).
    """

    @cache_reader_page
    def page(request):
        return HttpResponse("listing")

    with translation.override("ru"):
        assert page(rf.get("/ru/feed/"))["Surrogate-Key"] == "edition-ru"
    with translation.override("kk-latn"):
        assert page(rf.get("/kk-latn/feed/"))["Surrogate-Key"] == "edition-kk"
    outside = page(rf.get("/robots.txt"))["Surrogate-Key"]
    assert set(outside.split()) == {"edition-kk", "edition-ru", "edition-en"}
