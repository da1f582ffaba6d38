import socket

import pytest
from django.urls import reverse

from analytics.stores import get_store
from analytics.tokens import hit_token
from articles.tests.factories import ArticleFactory, SectionFactory

FORM = "application/x-www-form-urlencoded"
BROWSER_UA = (
    "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 "
    "(KHTML, like Gecko) Chrome/140.0.0.0 Safari/537.36"
)


@pytest.fixture(autouse=True)
def _analytics_settings(settings):
    settings.ANALYTICS_BEACON_DELAY_MS = 0
    settings.ANALYTICS_KEY_PREFIX = "test-views"


@pytest.fixture(params=["database", "redis"])
def store_kind(request, settings):
    """Run the test once per counter store: the contract both must keep."""
    settings.ANALYTICS_STORE = request.param
    if request.param == "redis":
        settings.ANALYTICS_REDIS_URL = request.getfixturevalue("redis_url")
    return request.param


@pytest.fixture
def store(store_kind):
    return get_store()


@pytest.fixture
def redis_store(settings, redis_url):
    """The Redis store alone (flushes, TTLs, crashes)."""
    settings.ANALYTICS_STORE = "redis"
    settings.ANALYTICS_REDIS_URL = redis_url
    return get_store()


@pytest.fixture
def closed_port():
    """A local port nothing listens on: connecting to it is refused at once."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture
def politics(db):
    return SectionFactory(name="Politics", slug="politics")


@pytest.fixture
def economy(db):
    return SectionFactory(name="Economy", slug="economy")


@pytest.fixture
def story(politics):
    return ArticleFactory(section=politics, headline="Ministers meet in Almaty")


@pytest.fixture
def make_story(db):
    return ArticleFactory


def beacon_body(story, token=None, **extra) -> str:
    token = token or hit_token(article_id=story.pk, section_id=story.section_id)
    fields = {"a": story.pk, "t": token, **extra}
    return "&".join(f"{key}={value}" for key, value in fields.items())


@pytest.fixture
def send_hit(client):
    """POST what the story page's script sends, as a given reader."""

    def send(story, *, ip="203.0.113.7", ua=BROWSER_UA, body=None, **headers):
        return client.post(
            reverse("analytics:hit"),
            data=beacon_body(story) if body is None else body,
            content_type=headers.pop("content_type", FORM),
            REMOTE_ADDR=ip,
            HTTP_USER_AGENT=ua,
            **headers,
        )

    return send


@pytest.fixture
def store_on(settings):
    """The Redis counter store on a test's own server (conftest's redis_server)."""

    def use(server):
        settings.ANALYTICS_STORE = "redis"
        settings.ANALYTICS_REDIS_URL = server.url()
        return get_store()

    return use
