"""What readers see: the counter and "Most viewed" on the reader pages."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from analytics import selectors
from analytics.models import ViewTotal
from analytics.tokens import hit_token

pytestmark = pytest.mark.django_db


def read(store, article, visitors: int, prefix: str = "v"):
    for n in range(visitors):
        store.record(
            article_id=article.pk, section_id=article.section_id, visitor=f"{prefix}{n}"
        )


def counter(html: str) -> str:
    return re.search(r'<span class="views"[^>]*>([^<]*)</span>', html)[1]


def test_the_story_page_is_the_same_for_every_reader(store, article, client):
    """Two readers get byte-identical story pages, with no cookie: it can be cached."""
    read(store, article, 3)
    first = client.get(
        article.get_absolute_url(), REMOTE_ADDR="203.0.113.1", HTTP_USER_AGENT="A/1"
    )
    second = client.get(
        article.get_absolute_url(),
        REMOTE_ADDR="198.51.100.2",
        HTTP_USER_AGENT="B/2",
        HTTP_X_FORWARDED_FOR="192.0.2.9",
    )
    assert first.status_code == second.status_code == 200
    assert first.content == second.content
    assert first.cookies == second.cookies == {}
    assert "Cookie" not in first.get("Vary", "")


def test_the_story_page_carries_the_count_and_its_token(
    store, article, client, settings
):
    """The counter shows the total and names the hit URL, the token and the delay."""
    settings.ANALYTICS_BEACON_DELAY_MS = 2000
    read(store, article, 4)
    html = client.get(article.get_absolute_url()).content.decode()
    token = hit_token(article_id=article.pk, section_id=article.section_id)
    assert counter(html) == "4"
    assert f'data-views-for="{article.pk}"' in html
    assert f'data-token="{token}"' in html
    assert 'data-hit-url="/analytics/hit/"' in html
    assert 'data-delay="2000"' in html
    assert '<script type="module" src="/static/js/views.js">' in html


def test_most_viewed_on_the_front_and_section_pages(
    store, client, make_article, section, economy
):
    """The front page lists the site's most read stories, a section page its own."""
    vote = make_article(section=section, headline="Vote counted")
    prices = make_article(section=economy, headline="Prices fall")
    quiet = make_article(section=economy, headline="Quiet story")
    read(store, vote, 5)
    read(store, prices, 2)
    front = client.get("/en/").content.decode()
    block = front[front.index('class="most-viewed"') :]
    day = block[
        block.index('id="most-viewed-24h"') : block.index('id="most-viewed-7d"')
    ]
    assert day.index("Vote counted") < day.index("Prices fall")
    assert "Quiet story" not in block
    assert "24 hours" in block and "7 days" in block and "30 days" in block
    section = client.get(economy.get_absolute_url()).content.decode()
    block = section[section.index('class="most-viewed"') :]
    assert "Prices fall" in block
    assert "Vote counted" not in block and quiet.headline not in block


def test_lists_are_computed_at_most_once_a_minute(
    store, client, make_article, section, monkeypatch
):
    """A ranking is reused for a minute, then computed again; status is checked each time."""
    clock = [1_000_000.0]
    monkeypatch.setattr(selectors.time, "time", lambda: clock[0])
    first = make_article(section=section, headline="First story")
    second = make_article(section=section, headline="Second story")
    read(store, first, 3)

    def listed():
        [(_window, stories)] = selectors.most_viewed_stories(
            windows=[selectors.Window.DAY], limit=5
        )
        return [article.headline for article in stories]

    assert listed() == ["First story"]
    read(store, second, 5)
    clock[0] += 59
    assert listed() == ["First story"]  # the cached ranking
    clock[0] += 2
    assert listed() == ["Second story", "First story"]


def test_a_warm_most_viewed_block_costs_one_query(
    store, make_article, section, django_assert_num_queries
):
    """Once ranked, the block's three lists cost one query (their live stories)."""
    stories = [make_article(section=section) for _ in range(12)]
    for n, article in enumerate(stories):
        read(store, article, n + 1)
    windows = list(selectors.Window)
    selectors.most_viewed_stories(windows=windows, limit=5)
    with django_assert_num_queries(1):
        lists = selectors.most_viewed_stories(windows=windows, limit=5)
    assert [len(stories) for _window, stories in lists] == [5, 5, 5]


def test_a_warm_story_page_reads_no_analytics_table_with_redis(
    redis_store, article, client
):
    """With Redis, a story page that was rendered before reads no analytics table."""
    read(redis_store, article, 2)
    client.get(article.get_absolute_url())
    with CaptureQueriesContext(connection) as queries:
        html = client.get(article.get_absolute_url()).content.decode()
    assert counter(html) == "2"
    assert not [q for q in queries if "analytics_" in q["sql"]]


def test_pages_stay_up_when_the_counter_redis_is_unreachable(
    redis_store, settings, article, client, closed_port, economy
):
    """With the counter store's Redis down, story, front and section pages answer 200."""
    read(redis_store, article, 2)
    from analytics.services import views_flush

    views_flush()
    settings.ANALYTICS_REDIS_URL = f"redis://127.0.0.1:{closed_port}/0"
    page = client.get(article.get_absolute_url())
    assert page.status_code == 200
    assert counter(page.content.decode()) == "2"  # from the database
    assert client.get("/en/").status_code == 200
    assert client.get(article.section.get_absolute_url()).status_code == 200
    assert client.get(economy.get_absolute_url()).status_code == 200


@pytest.mark.parametrize(
    ("language", "shown", "separator"),
    [("en", "94,866", ","), ("ru", "94\xa0866", "\xa0"), ("kk", "94\xa0866", "\xa0")],
)
def test_the_counter_groups_digits_as_the_pages_language_does(
    article, client, language, shown, separator
):
    """94 866 in the Russian and Kazakh editions, 94,866 in the English one."""
    article.language = language
    article.save()
    ViewTotal.objects.create(article=article, views=94866)
    html = client.get(article.get_absolute_url()).content.decode()
    assert counter(html) == shown
    assert f'data-separator="{separator}"' in html


def most_viewed_block(html: str) -> str:
    return html[html.index('class="most-viewed"') :]


def test_most_viewed_is_ranked_per_edition(store, client, make_article, section):
    """Each edition's "Most viewed", site-wide and per section, lists its stories only."""
    stories = {
        "en": make_article(section=section, language="en", headline="Vote counted"),
        "ru": make_article(
            section=section, language="ru", headline="Голоса подсчитаны"
        ),
        "kk": make_article(section=section, language="kk", headline="Дауыстар саналды"),
    }
    for n, story in enumerate(stories.values(), start=1):
        read(store, story, n, prefix=story.language)
    for edition in stories:
        for url in (f"/{edition}/", section.url_in(edition)):
            block = most_viewed_block(client.get(url).content.decode())
            shown = {lang for lang, s in stories.items() if s.headline in block}
            assert shown == {edition}, url
