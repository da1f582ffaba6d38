"""What editors see: views columns, a chart per story, and the most viewed page."""

import datetime
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from analytics.charts import nice_ceiling
from analytics.models import DailyViews, ViewTotal
from analytics.services import views_flush

pytestmark = pytest.mark.django_db


def history(article, views_by_days_ago: dict[int, int]):
    today = timezone.localdate()
    for days_ago, views in views_by_days_ago.items():
        DailyViews.objects.create(
            article=article, day=today - datetime.timedelta(days=days_ago), views=views
        )
    ViewTotal.objects.create(article=article, views=sum(views_by_days_ago.values()))


def test_the_stories_list_shows_views_and_sorts_by_them(admin_client, make_article):
    """Views in all and in the last 7 days are columns, and the list sorts by either."""
    old_hit = make_article(headline="Old hit")
    new_hit = make_article(headline="New hit")
    unread = make_article(headline="Unread")
    history(old_hit, {20: 900, 3: 10})  # 910 in all, 10 this week
    history(new_hit, {0: 40, 1: 60})  # 100 in all, 100 this week
    url = reverse("admin:articles_article_changelist")
    # The list's columns are numbered from the action checkbox, the first.
    columns = admin_client.get(url).context["cl"].list_display
    by_total = admin_client.get(url, {"o": f"-{columns.index('views_total')}"})
    by_week = admin_client.get(url, {"o": f"-{columns.index('views_week')}"})
    assert [s.headline for s in by_total.context["cl"].result_list] == [
        "Old hit",
        "New hit",
        "Unread",
    ]
    assert [s.headline for s in by_week.context["cl"].result_list] == [
        "New hit",
        "Old hit",
        "Unread",
    ]
    cells = re.findall(
        r'<td class="field-views_total">(\d+)</td><td class="field-views_week">(\d+)</td>',
        by_week.text,
    )
    assert cells == [("100", "100"), ("910", "10"), ("0", "0")]
    assert unread.headline in by_week.text


def test_the_stories_list_query_count_does_not_grow(admin_client, make_article):
    """The views columns are part of the list's query, not one query per story."""
    url = reverse("admin:articles_article_changelist")
    for _ in range(3):
        history(make_article(), {0: 1})
    admin_client.get(url)
    with CaptureQueriesContext(connection) as few:
        admin_client.get(url)
    for _ in range(30):
        history(make_article(), {1: 2})
    with CaptureQueriesContext(connection) as many:
        admin_client.get(url)
    assert len(few) == len(many)


def test_a_story_page_in_the_admin_charts_30_days(admin_client, make_article):
    """A story's admin page draws its daily views of the last 30 days as SVG bars."""
    article = make_article()
    history(article, {0: 12, 1: 30, 29: 5, 30: 999})  # 30 days ago is out of range
    html = admin_client.get(
        reverse("admin:articles_article_change", args=[article.pk])
    ).text
    assert "<svg" in html
    bars = re.findall(r'data-day="([\d-]+)" data-views="(\d+)"', html)
    assert len(bars) == 30
    today = timezone.localdate()
    assert bars[-1] == (today.isoformat(), "12")
    assert bars[-2][1] == "30"
    assert bars[0] == ((today - datetime.timedelta(days=29)).isoformat(), "5")
    assert sum(int(views) for _day, views in bars) == 47
    assert "47 in all" in html


def test_chart_scale_is_round():
    """The chart's scale tops at 1, 2 or 5 times a power of ten."""
    assert [nice_ceiling(n) for n in (0, 1, 3, 10, 11, 180, 501, 94866)] == [
        1,
        1,
        5,
        10,
        20,
        200,
        1000,
        100000,
    ]


def test_most_viewed_admin_page_per_window_and_section(
    admin_client, store, make_article, section, economy
):
    """Editors see the most read stories per window and section, drafts included."""
    from analytics.models import Article

    vote = make_article(section=section, headline="Vote counted")
    prices = make_article(section=economy, headline="Prices fall")
    for article, views in ((vote, 6), (prices, 3)):
        for n in range(views):
            store.record(
                article_id=article.pk, section_id=article.section_id, visitor=f"{n}"
            )
    views_flush()
    Article.objects.filter(pk=prices.pk).update(status=Article.Status.DRAFT)
    url = reverse("admin:analytics_mostviewedstory_changelist")
    page = admin_client.get(url).text
    assert page.index("Vote counted") < page.index("Prices fall")
    rows = re.findall(r'<td class="views">(\d+)</td>', page)
    assert rows == ["6", "3"]
    economy_page = admin_client.get(url, {"window": "30d", "section": economy.pk})
    assert (
        "Prices fall" in economy_page.text and "Vote counted" not in economy_page.text
    )
    assert "Draft" in economy_page.text
    assert "Most viewed stories" in admin_client.get(reverse("admin:index")).text


def test_most_viewed_admin_page_survives_bad_choices(admin_client, store):
    """Unknown windows or sections show the form's errors, never a 500."""
    url = reverse("admin:analytics_mostviewedstory_changelist")
    for query in ({"window": "1y"}, {"section": "999999"}, {"section": "x"}):
        response = admin_client.get(url, query)
        assert response.status_code == 200
        assert "errornote" in response.text


def test_most_viewed_admin_page_is_read_only(admin_client):
    """The report has no add, change or delete pages."""
    add = reverse("admin:analytics_mostviewedstory_add")
    assert admin_client.get(add).status_code == 403
