"""The hit endpoint: who counts, what it accepts, and what it costs."""

import datetime
import json

import pytest
from django.urls import reverse
from django.utils import timezone

from analytics.models import DailyViews, ViewTotal
from analytics.tokens import hit_token

from .conftest import BROWSER_UA, FORM, beacon_body

pytestmark = pytest.mark.django_db


def views_of(article, store):
    return store.total(article_id=article.pk)


def test_a_reader_counts_and_gets_the_fresh_count(store, article, send_hit):
    """A reader's beacon counts once and is answered with the story's count."""
    store.total(article_id=article.pk)  # the story page was rendered
    first = send_hit(article)
    assert first.status_code == 200
    assert first.json() == {"counted": True, "views": 1}
    again = send_hit(article)
    assert again.json() == {"counted": False, "views": 1}
    other = send_hit(article, ip="198.51.100.20")
    assert other.json() == {"counted": True, "views": 2}
    assert first["Cache-Control"] == "private, no-store"


def test_no_cookie_no_session(store, article, send_hit):
    """Counting neither reads nor sets a cookie."""
    response = send_hit(article)
    assert response.status_code == 200
    assert response.cookies == {}
    assert "Cookie" not in response.get("Vary", "")


@pytest.mark.parametrize(
    "user_agent",
    [
        "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)",
        "Mozilla/5.0 (compatible; bingbot/2.0; +http://www.bing.com/bingbot.htm)",
        "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) "
        "HeadlessChrome/140.0.0.0 Safari/537.36",
        "python-requests/2.32.3",
        "curl/8.5.0",
        "",
    ],
)
def test_crawlers_and_headless_browsers_are_not_counted(
    store, article, send_hit, user_agent
):
    """Crawlers, scripts and headless browsers (by user agent) are answered 204, uncounted."""
    response = send_hit(article, ua=user_agent)
    assert response.status_code == 204
    assert views_of(article, store) == 0


@pytest.mark.parametrize(
    "header",
    [
        {"HTTP_SEC_PURPOSE": "prefetch"},
        {"HTTP_SEC_PURPOSE": "prefetch;prerender"},
        {"HTTP_PURPOSE": "prefetch"},
        {"HTTP_X_MOZ": "prefetch"},
        {"HTTP_X_PURPOSE": "preview"},
    ],
)
def test_prefetch_and_prerender_are_not_counted(store, article, send_hit, header):
    """A speculative load is not a reader: answered 204, uncounted."""
    assert send_hit(article, **header).status_code == 204
    assert views_of(article, store) == 0


def test_webdriver_browsers_count_only_when_allowed(store, article, send_hit, settings):
    """Browsers that say they are automated count only where a setting allows them."""
    body = beacon_body(article, w=1)
    settings.ANALYTICS_COUNT_WEBDRIVER = False
    assert send_hit(article, body=body).status_code == 204
    assert views_of(article, store) == 0
    settings.ANALYTICS_COUNT_WEBDRIVER = True
    assert send_hit(article, body=body).status_code == 200
    assert views_of(article, store) == 1


def test_tokens_are_per_story_and_day(store, article, make_article, send_hit):
    """Another story's token, a forged one or one older than yesterday is refused (400)."""
    other = make_article(section=article.section)
    today = timezone.localdate()
    signature = hit_token(article_id=article.pk, section_id=article.section_id).split(
        "."
    )[1]
    refused = [
        hit_token(article_id=other.pk, section_id=other.section_id),
        f"{article.section_id + 1}.{signature}",  # the section changed, not the signature
        hit_token(
            article_id=article.pk,
            section_id=article.section_id,
            day=today - datetime.timedelta(days=2),
        ),
        f"{article.section_id}.AAAAAAAAAAAAAAAAAAAAAA",
        "not-a-token",
    ]
    for token in refused:
        response = send_hit(article, body=beacon_body(article, token=token))
        assert response.status_code == 400, token
        assert "error" in response.json()
    assert views_of(article, store) == 0
    # A page served just before midnight still counts just after.
    yesterday = hit_token(
        article_id=article.pk,
        section_id=article.section_id,
        day=today - datetime.timedelta(days=1),
    )
    response = send_hit(article, body=beacon_body(article, token=yesterday))
    assert response.status_code == 200
    assert views_of(article, store) == 1


@pytest.mark.parametrize(
    ("body", "content_type"),
    [
        ('{"a": 1, "t": "x"}', "application/json"),
        ("a=1&t=x", "text/plain"),
        ("", FORM),
        ("a=1", FORM),
        ("t=1.xxxxxxxxxxxxxxxxxxxxxx", FORM),
        ("a=0&t=1.xxxxxxxxxxxxxxxxxxxxxx", FORM),
        ("a=-3&t=1.xxxxxxxxxxxxxxxxxxxxxx", FORM),
        ("a=1e3&t=1.xxxxxxxxxxxxxxxxxxxxxx", FORM),
        ("a=99999999999999999999&t=1.xxxxxxxxxxxxxxxxxxxxxx", FORM),
        ("a=1&a=2&t=1.xxxxxxxxxxxxxxxxxxxxxx", FORM),
        ("a=1&t=1.xxxxxxxxxxxxxxxxxxxxxx&w=0", FORM),
        ("a=1&t=1.xxxxxxxxxxxxxxxxxxxxxx&section=2", FORM),
        ("a=1&t=%FF%FE", FORM),
        ("a=1&t=" + "x" * 300, FORM),
        ("a=١&t=1.xxxxxxxxxxxxxxxxxxxxxx", FORM),
        ("garbage", FORM),
    ],
)
def test_bodies_the_script_does_not_send_are_refused(
    store, article, send_hit, body, content_type
):
    """Anything but the script's form body is a clear 400, and nothing counts."""
    response = send_hit(article, body=body.encode(), content_type=content_type)
    assert response.status_code == 400
    assert response.json()["error"]
    assert views_of(article, store) == 0


def test_only_post(client, article):
    """The endpoint only takes POST: a GET is 405, not a count."""
    response = client.get(reverse("analytics:hit"), {"a": article.pk})
    assert response.status_code == 405


def test_forwarded_for_is_used_only_through_trusted_proxies(
    store, article, send_hit, settings
):
    """X-Forwarded-For tells readers apart only behind the configured proxies."""
    settings.NEWSROOM_TRUSTED_PROXIES = 0
    for forged in ("198.51.100.1", "198.51.100.2"):
        send_hit(article, ip="10.0.0.2", HTTP_X_FORWARDED_FOR=forged)
    assert views_of(article, store) == 1  # one reader: the proxy's address
    settings.NEWSROOM_TRUSTED_PROXIES = 1
    for client_ip in ("198.51.100.1", "198.51.100.2", "198.51.100.2"):
        send_hit(article, ip="10.0.0.2", HTTP_X_FORWARDED_FOR=f"6.6.6.6, {client_ip}")
    assert views_of(article, store) == 3


def test_the_hit_path_runs_no_sql_with_the_redis_store(
    redis_store, article, send_hit, django_assert_num_queries
):
    """With Redis, counting a view (and answering the count) issues no SQL at all."""
    redis_store.total(article_id=article.pk)  # the story page was rendered
    send_hit(article, ip="198.51.100.99")  # the process's first request reads the salt
    with django_assert_num_queries(0):
        counted = send_hit(article)
        repeated = send_hit(article)
        crawler = send_hit(article, ua="Googlebot/2.1")
    assert counted.json() == {"counted": True, "views": 2}
    assert repeated.json() == {"counted": False, "views": 2}
    assert crawler.status_code == 204


def test_redis_hit_without_a_known_total_answers_no_count(
    redis_store, article, send_hit
):
    """If Redis lost the story's flushed total, the hit still counts but sends no count."""
    ViewTotal.objects.create(article=article, views=40)
    response = send_hit(article)
    assert response.json() == {"counted": True, "views": None}
    assert redis_store.total(article_id=article.pk) == 41  # the page render refills it
    assert send_hit(article, ip="198.51.100.7").json()["views"] == 42


def test_raw_addresses_are_never_stored(store, article, send_hit, settings):
    """Neither Redis nor the database holds a reader's address after counting."""
    import redis

    from analytics.services import views_flush

    addresses = ("198.51.100.123", "203.0.113.77", "10.0.0.2")
    settings.NEWSROOM_TRUSTED_PROXIES = 1
    send_hit(article, ip="10.0.0.2", HTTP_X_FORWARDED_FOR="198.51.100.123")
    send_hit(article, ip="203.0.113.77")
    views_flush()
    assert views_of(article, store) == 2
    for model in (DailyViews, ViewTotal):
        rows = json.dumps(list(model.objects.values()), default=str)
        assert not any(address in rows for address in addresses)
    if settings.REDIS_URL:  # the cache and the Redis store
        client = redis.Redis.from_url(settings.REDIS_URL)
        keys = list(client.scan_iter(count=1000))
        assert keys
        for key in keys:
            dumped = key + client.dump(key)
            assert not any(address.encode() in dumped for address in addresses)


def test_unreachable_redis_loses_the_view_but_never_errors(
    redis_store, settings, article, send_hit, closed_port, client
):
    """With the counter store's Redis down, the hit is a 503, not a 500."""
    settings.ANALYTICS_REDIS_URL = f"redis://127.0.0.1:{closed_port}/0"
    response = send_hit(article, ua=BROWSER_UA)
    assert response.status_code == 503
    assert response["Retry-After"] == "5"  # NEWSROOM_REDIS_OUTAGE_PAUSE
    assert response.json()["error"]


def test_after_a_failure_redis_is_left_alone_for_a_moment(
    redis_store, settings, closed_port, article, monkeypatch, wait_for
):
    """A failed Redis is not tried again for a few seconds, so a hung one holds nobody."""
    from analytics.stores import StoreUnavailable, get_store

    settings.ANALYTICS_REDIS_URL = f"redis://127.0.0.1:{closed_port}/0"
    settings.NEWSROOM_REDIS_OUTAGE_PAUSE = 0.3
    store = get_store()
    pool = store.redis.connection_pool
    tries = []
    connect = pool.get_connection
    monkeypatch.setattr(
        pool, "get_connection", lambda *a, **k: tries.append(1) or connect(*a, **k)
    )

    def count_a_view():
        with pytest.raises(StoreUnavailable):
            store.record(
                article_id=article.pk, section_id=article.section_id, visitor="a"
            )

    count_a_view()
    first = len(tries)
    assert first >= 1
    count_a_view()
    count_a_view()
    assert len(tries) == first  # not tried again during the pause
    assert not store.circuit.available
    # The pause is on the monotonic clock, which only real time moves.
    assert wait_for(lambda: store.circuit.available, timeout=3)
    count_a_view()
    assert len(tries) > first


def test_pages_signed_before_a_secret_key_rotation_still_count(
    store, article, send_hit, settings
):
    """A token made with a retired SECRET_KEY counts while it is in the fallbacks."""
    old_token = hit_token(article_id=article.pk, section_id=article.section_id)
    settings.SECRET_KEY_FALLBACKS = [settings.SECRET_KEY]
    settings.SECRET_KEY = "a-new-secret-key-" + "x" * 40
    assert (
        send_hit(article, body=beacon_body(article, token=old_token)).status_code == 200
    )
    settings.SECRET_KEY_FALLBACKS = []
    response = send_hit(
        article, ip="198.51.100.3", body=beacon_body(article, token=old_token)
    )
    assert response.status_code == 400
    assert views_of(article, store) == 1


def test_the_beacon_is_answered_before_sessions_and_users(store, article, send_hit):
    """The hit is answered early: the session and user layers never run for it."""
    response = send_hit(article)
    assert response.status_code == 200
    assert not hasattr(response.wsgi_request, "session")
    assert not hasattr(response.wsgi_request, "user")


def test_the_beacon_still_checks_the_host(store, article, send_hit):
    """Answered early, a hit for a host the site does not serve is still refused."""
    response = send_hit(article, HTTP_HOST="evil.example")
    assert response.status_code == 400
    assert views_of(article, store) == 0


@pytest.mark.parametrize(
    "headers",
    [
        {"HTTP_SEC_FETCH_SITE": "cross-site"},
        {"HTTP_SEC_FETCH_SITE": "cross-site", "HTTP_ORIGIN": "http://testserver"},
        {"HTTP_ORIGIN": "https://elsewhere.example"},
        {"HTTP_ORIGIN": "null"},
    ],
)
def test_beacons_from_other_sites_are_not_counted(store, article, send_hit, headers):
    """A beacon a browser marks as cross-site (Sec-Fetch-Site, else Origin) is 403, uncounted."""
    response = send_hit(article, **headers)
    assert response.status_code == 403
    assert views_of(article, store) == 0


@pytest.mark.parametrize(
    "headers",
    [
        {"HTTP_SEC_FETCH_SITE": "same-origin", "HTTP_ORIGIN": "http://testserver"},
        {"HTTP_SEC_FETCH_SITE": "same-site"},
        {"HTTP_ORIGIN": "http://testserver"},
        {},
    ],
)
def test_beacons_from_our_own_pages_count(store, article, send_hit, headers):
    """Same-origin beacons, and requests that name no origin, are counted."""
    response = send_hit(article, **headers)
    assert response.status_code == 200
    assert views_of(article, store) == 1
