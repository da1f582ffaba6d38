"""The story page's counter in a real headless Chromium, against each counter store."""

import re

import pytest
from playwright.sync_api import expect

from analytics.models import ViewTotal

from .conftest import BROWSER_UA

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def is_hit(response) -> bool:
    return response.url.endswith("/analytics/hit/")


def rendered_count(response) -> str:
    return re.search(r'<span class="views"[^>]*>(\d*)</span>', response.text())[1]


@pytest.fixture
def reader(browser):
    """A browser tab with an ordinary Chrome user agent (headless Chromium's is a bot's)."""
    context = browser.new_context(user_agent=BROWSER_UA)
    tab = context.new_page()
    tab.set_default_timeout(10_000)
    yield tab
    context.close()


def test_counter_moves_by_one_and_not_on_reload(
    live_server, reader, store_kind, settings, article
):
    """Opening a story counts one view; reloading it within the window does not."""
    settings.ANALYTICS_COUNT_WEBDRIVER = True
    url = live_server.url + article.get_absolute_url()
    counter = reader.locator(".story__meta .views")
    with reader.expect_response(is_hit) as hit:
        page = reader.goto(url)
    assert rendered_count(page) == "0"
    assert hit.value.status == 200
    assert hit.value.json() == {"counted": True, "views": 1}
    expect(counter).to_have_text("1")

    with reader.expect_response(is_hit) as hit:
        page = reader.reload()
    assert rendered_count(page) == "1"
    assert hit.value.json() == {"counted": False, "views": 1}
    expect(counter).to_have_text("1")
    body = hit.value.request.post_data
    assert re.fullmatch(rf"a={article.pk}&t=\d+\.[\w-]{{22}}&w=1", body)
    assert hit.value.request.headers.get("cookie") is None


def test_automated_browsers_do_not_count_by_default(
    live_server, reader, store_kind, settings, article
):
    """A browser that reports navigator.webdriver is not counted unless allowed."""
    settings.ANALYTICS_COUNT_WEBDRIVER = False
    counter = reader.locator(".story__meta .views")
    with reader.expect_response(is_hit) as hit:
        reader.goto(live_server.url + article.get_absolute_url())
    assert hit.value.status == 204
    expect(counter).to_have_text("0")


def test_a_tab_opened_in_the_background_counts_only_once_shown(
    live_server, reader, store_kind, settings, article
):
    """No view is counted while the page is hidden; it counts once it is visible."""
    settings.ANALYTICS_COUNT_WEBDRIVER = True
    hits = []
    reader.on("response", lambda response: is_hit(response) and hits.append(response))
    reader.add_init_script(
        """
        Object.defineProperty(document, "visibilityState", {
          configurable: true, get: () => window.__visibility || "hidden",
        });
        """
    )
    reader.goto(live_server.url + article.get_absolute_url())
    reader.wait_for_timeout(300)
    assert hits == []
    with reader.expect_response(is_hit) as hit:
        reader.evaluate(
            "window.__visibility = 'visible';"
            "document.dispatchEvent(new Event('visibilitychange'))"
        )
    assert hit.value.json()["counted"] is True


def test_a_fresh_count_is_grouped_like_the_page(
    live_server, browser, store_kind, settings, article
):
    """A Russian story's counter moves from 999 to "1 000", with a no-break space."""
    settings.ANALYTICS_COUNT_WEBDRIVER = True
    story = article
    story.language = "ru"
    story.save()
    ViewTotal.objects.create(article=story, views=999)
    context = browser.new_context(user_agent=BROWSER_UA, locale="ru-RU")
    reader = context.new_page()
    reader.set_default_timeout(10_000)
    counter = reader.locator(".story__meta .views")
    with reader.expect_response(is_hit) as hit:
        reader.goto(live_server.url + article.get_absolute_url())
    assert hit.value.json()["counted"] is True
    expect(counter).not_to_have_text("999")
    assert counter.text_content() == "1\xa0000"
    context.close()


def test_a_beacon_refused_during_an_outage_is_counted_by_a_retry(
    live_server, reader, settings, article, redis_server, store_on
):
    """A 503 while the counter Redis is stopped is sent again, and counts, once it is back."""
    from conftest import COUNTERS_REDIS

    settings.ANALYTICS_COUNT_WEBDRIVER = True
    settings.ANALYTICS_BEACON_RETRY_SECONDS = 0.2
    settings.NEWSROOM_REDIS_OUTAGE_PAUSE = 0.2
    server = redis_server(*COUNTERS_REDIS).start()
    store = store_on(server)
    server.stop()
    answers = []
    reader.on("response", lambda r: is_hit(r) and answers.append(r.status))
    counter = reader.locator(".story__meta .views")
    with reader.expect_response(is_hit) as refused:
        page = reader.goto(live_server.url + article.get_absolute_url())
    assert rendered_count(page) == "0"
    assert refused.value.status == 503
    expect(counter).to_have_text("0")  # the last known count meanwhile
    server.start()
    expect(counter).to_have_text("1")
    assert answers[-1] == 200
    assert store.total(article_id=article.pk) == 1


def test_a_beacon_lost_on_the_network_is_sent_again_and_counts_once(
    live_server, reader, settings, article, store
):
    """A beacon whose request failed on the network is retried; it counts once."""
    settings.ANALYTICS_COUNT_WEBDRIVER = True
    settings.ANALYTICS_BEACON_RETRY_SECONDS = 0.2
    failed = []

    def drop_the_first(route):
        if not failed:
            failed.append(route.request.url)
            route.abort("connectionreset")
        else:
            route.continue_()

    reader.route("**/analytics/hit/", drop_the_first)
    counter = reader.locator(".story__meta .views")
    reader.goto(live_server.url + article.get_absolute_url())
    expect(counter).to_have_text("1")
    assert failed
    assert store.total(article_id=article.pk) == 1
