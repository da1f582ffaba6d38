"""
The reader site with its Redis stopped, on a server of the test's own: the small
site's one Redis for the page cache, the counters and the broker, stopped and
started again (no mocked exception).
"""

import json
import logging
import re
import time

import pytest
from django.core.cache.backends.redis import RedisCacheClient
from django.urls import reverse

from analytics.services import views_flush
from conftest import COUNTERS_REDIS

from .conftest import BROWSER_UA, FORM, beacon_body

pytestmark = pytest.mark.django_db


@pytest.fixture
def one_redis(settings, redis_server):
    """A Redis for all three roles, as README shows for a small site."""
    server = redis_server(*COUNTERS_REDIS).start()
    settings.NEWSROOM_REDIS_OUTAGE_PAUSE = 0.2
    settings.CACHES = {
        "default": {
            "BACKEND": "newsroom.cache.RedisCache",
            "LOCATION": server.url(),
            "KEY_PREFIX": "outage-test",
        }
    }
    settings.ANALYTICS_STORE = "redis"
    settings.ANALYTICS_REDIS_URL = server.url()
    settings.NEWSROOM_PAGE_CACHE_SECONDS = 300
    settings.NEWSROOM_PAGE_VERSION_CHECK_SECONDS = 0  # ask the cache every time
    return server


def hit(client, article, ip):
    return client.post(
        reverse("analytics:hit"),
        data=beacon_body(article),
        content_type=FORM,
        REMOTE_ADDR=ip,
        HTTP_USER_AGENT=BROWSER_UA,
    )


def most_viewed(html: str) -> list[str]:
    block = html[html.index("data-most-viewed") :]
    block = block[: block.index("</div>")]  # the first window: 24 hours
    return re.findall(r'<li><a href="[^"]+">([^<]+)</a></li>', block)


def until(condition, seconds=10.0):
    """Poll for a condition (a restarted Redis, a circuit's pause running out)."""
    deadline = time.monotonic() + seconds
    while not condition():
        assert time.monotonic() < deadline, "condition not met in time"
        time.sleep(0.05)


def test_reader_pages_outlive_their_redis(
    one_redis, client, make_article, section, economy, caplog
):
    """
    With Redis stopped, every reader page answers 200, "Most viewed" comes from
    the database, a beacon is a 503 to retry, the error-report limit still holds,
    and the outage is logged once per role; started again, counting resumes.
    """
    read_most = make_article(section=section, headline="Read most")
    read_less = make_article(section=section, headline="Read less")
    cold = make_article(section=economy, headline="Never opened")
    for n in range(3):
        hit(client, read_most, f"198.51.100.{n}")
    hit(client, read_less, "198.51.100.9")
    views_flush()
    warm = client.get(read_most.get_absolute_url())
    assert warm.status_code == 200
    client.get("/en/")

    one_redis.stop()
    caplog.set_level(logging.WARNING, logger="newsroom.outages")
    pages = [
        read_most.get_absolute_url(),  # warm in this process's memory
        "/en/",
        section.get_absolute_url(),
        economy.get_absolute_url(),
        cold.get_absolute_url(),  # rendered from the database
        reverse("articles:feed"),
    ]
    for _round in range(3):
        for url in pages:
            assert client.get(url).status_code == 200, url
    section = client.get(section.get_absolute_url()).content.decode()
    assert most_viewed(section) == ["Read most", "Read less"]  # from the database
    article = client.get(cold.get_absolute_url()).content.decode()
    assert most_viewed(article) == ["Read most", "Read less"]

    refused = hit(client, read_most, "198.51.100.50")
    assert refused.status_code == 503
    assert refused["Retry-After"] == "1"

    # The error-report limit (5 per visitor) holds in this process meanwhile.
    reports = [
        client.post(
            reverse("reports:submit"),
            data=json.dumps({"article": cold.pk}),
            content_type="application/json",
            REMOTE_ADDR="198.51.100.60",
        ).status_code
        for _ in range(6)
    ]
    assert reports == [400] * 5 + [429]

    outages = [r.getMessage() for r in caplog.records if "unreachable" in r.message]
    assert len(outages) == 2, outages  # once for the cache, once for the counters
    assert {message.split(" is ")[0] for message in outages} == {
        "The cache Redis",
        "The counter Redis",
    }

    one_redis.start()
    until(lambda: hit(client, read_most, "198.51.100.50").status_code == 200)
    # The page keys written before the outage survive the restart (append-only
    # file), so they alone do not show that the cache's pause is over: wait for the
    # cache's own circuit to close as well.
    until(
        lambda: (
            client.get(cold.get_absolute_url())
            and one_redis.client().keys("*page*")
            and any("cache Redis answers again" in r.message for r in caplog.records)
        )
    )
    assert views_flush()[0].views == 1
    back = [r.getMessage() for r in caplog.records if "answers again" in r.message]
    assert sorted(back) == [
        "The cache Redis answers again.",
        "The counter Redis answers again.",
    ]


def test_a_failed_cache_is_not_asked_again_during_its_pause(
    one_redis, settings, client, make_article, monkeypatch
):
    """Requests during the pause after a failure do not wait on the cache Redis."""
    settings.NEWSROOM_REDIS_OUTAGE_PAUSE = 60
    settings.CACHES = {**settings.CACHES}  # a new cache object with the long pause
    article = make_article()
    one_redis.stop()
    asked = []
    original = RedisCacheClient.get_client
    monkeypatch.setattr(
        RedisCacheClient,
        "get_client",
        lambda self, *a, **k: asked.append(1) or original(self, *a, **k),
    )
    for _ in range(20):
        assert client.get(article.get_absolute_url()).status_code == 200
    assert len(asked) == 1
