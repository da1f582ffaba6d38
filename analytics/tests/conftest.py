import socket

import pytest
from django.urls import reverse

from analytics.stores import get_store
from analytics.tokens import hit_token

FORM = "application/x-www-form-urlencoded"
BROWSER_UA = (
    "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 "
    "(KHTML, like Gecko) Chrome/140.0.0.0 Safari/537.36"
)


@pytest.fixture(autouse=True)
def _count_at_once(settings):
    """The beacon goes as soon as the page is visible."""
    settings.ANALYTICS_BEACON_DELAY_MS = 0


@pytest.fixture
def closed_port():
    """A local port nothing listens on: connecting to it is refused at once."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def beacon_body(article, token=None, **extra) -> str:
    token = token or hit_token(article_id=article.pk, section_id=article.section_id)
    fields = {"a": article.pk, "t": token, **extra}
    return "&".join(f"{key}={value}" for key, value in fields.items())


@pytest.fixture
def send_hit(client):
    """POST what the story page's script sends, as a given reader."""

    def send(article, *, ip="203.0.113.7", ua=BROWSER_UA, body=None, **headers):
        return client.post(
            reverse("analytics:hit"),
            data=beacon_body(article) if body is None else body,
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
