"""The front page: the editors' lead and secondary leads, every story once."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied
from django.urls import reverse
from django.utils import timezone

from articles.models import Article
from articles.selectors import front_page_top
from articles.services import article_place_on_front_page

from .admin_forms import story_form
from .factories import ArticleFactory, SectionFactory

LEAD, SECOND, THIRD, FOURTH = Article.FrontPage.values


def story(hours_ago, **kwargs):
    return ArticleFactory(
        published_at=timezone.now() - datetime.timedelta(hours=hours_ago), **kwargs
    )


@pytest.fixture
def newest_first(db):
    """Eight live stories in two sections, newest first."""
    politics = SectionFactory(name="Politics", slug="politics")
    sport = SectionFactory(name="Sport", slug="sport")
    return [
        story(
            hours, section=politics if hours % 2 else sport, headline=f"Story {hours}"
        )
        for hours in range(1, 9)
    ]


def test_without_choices_the_newest_stories_lead(newest_first):
    """With no editor's choice, the four newest live stories are the top, newest first."""
    ArticleFactory(headline="Draft", status=Article.Status.DRAFT)
    assert front_page_top(edition="en") == newest_first[:4]


def test_editors_choose_the_lead_and_secondary_leads(newest_first):
    """Placed stories take their places; the newest fill the places left empty."""
    old_lead = newest_first[6]
    old_third = newest_first[7]
    article_place_on_front_page(article=old_lead, position=LEAD)
    article_place_on_front_page(article=old_third, position=THIRD)
    assert front_page_top(edition="en") == [
        old_lead,
        newest_first[0],
        old_third,
        newest_first[1],
    ]


def test_a_place_holds_one_story(newest_first):
    """Choosing a place takes it from the story that had it."""
    first, second = newest_first[5], newest_first[6]
    article_place_on_front_page(article=first, position=LEAD)
    article_place_on_front_page(article=second, position=LEAD)
    first.refresh_from_db()
    assert first.front_page_position is None
    assert front_page_top(edition="en")[0] == second


def test_a_placed_story_that_is_not_live_leaves_its_place(newest_first):
    """An unpublished or scheduled story never shows, even when it was placed."""
    pulled = newest_first[6]
    article_place_on_front_page(article=pulled, position=LEAD)
    Article.objects.filter(pk=pulled.pk).update(status=Article.Status.UNPUBLISHED)
    scheduled = story(-5, headline="Tomorrow")
    article_place_on_front_page(article=scheduled, position=SECOND)
    assert front_page_top(edition="en") == newest_first[:4]


def test_placing_needs_an_editor(newest_first, reporter, editor):
    """Reporters cannot choose the front page; editors can."""
    with pytest.raises(PermissionDenied):
        article_place_on_front_page(
            article=newest_first[5], position=LEAD, user=reporter
        )
    article_place_on_front_page(article=newest_first[5], position=LEAD, user=editor)
    assert front_page_top(edition="en")[0] == newest_first[5]


def test_placing_is_not_a_new_version(newest_first):
    """Placement is not an edit of the story: the edit lock's version stays."""
    placed = newest_first[5]
    version = placed.version
    article_place_on_front_page(article=placed, position=LEAD)
    placed.refresh_from_db()
    assert placed.version == version


def test_no_story_shows_twice(client, newest_first):
    """The top stories are left out of "Latest news" and of the section blocks."""
    response = client.get(reverse("articles:front-page"))
    top = [response.context["lead"], *response.context["secondary"]]
    assert top == newest_first[:4]
    latest = list(response.context["latest"])
    in_sections = [
        article
        for _, articles in response.context["section_blocks"]
        for article in articles
    ]
    assert latest == newest_first[4:]
    assert sorted(a.pk for a in in_sections) == sorted(a.pk for a in newest_first[4:])
    assert not {a.pk for a in top} & {a.pk for a in latest + in_sections}
    text = response.text
    for article in top:
        assert text.count(f'href="{article.get_absolute_url()}"') == (
            2 if article.cover else 1
        ), article.headline


def test_section_blocks_hold_the_newest_four_after_the_top(client, section):
    """Each section block shows its four newest live stories not already at the top."""
    stories = [story(hours, section=section) for hours in range(1, 11)]
    blocks = dict(client.get("/en/").context["section_blocks"])
    assert blocks[section] == stories[4:8]


def test_latest_news_comes_before_the_sections_on_a_phone(client, newest_first):
    """In the page's order (a phone's single column), "Latest news" follows the top."""
    text = client.get("/en/").text
    assert (
        text.index('class="front__top"')
        < text.index('id="latest-title"')
        < text.index('class="front__sections"')
    )


def test_the_lead_image_is_eager_and_the_others_lazy(client, make_image, newest_first):
    """The lead's photo is fetched first (fetchpriority high); every other is lazy."""
    for article in newest_first:
        make_image(article=article)
    text = client.get("/en/").text
    main = text[text.index("<main") :]
    images = main.split("<img")[1:]
    assert 'fetchpriority="high"' in images[0] and "loading=" not in images[0]
    assert all('loading="lazy"' in image for image in images[1:])
    assert main.count('fetchpriority="high"') == 1


def test_the_desk_places_a_story_from_its_form(editor_client, newest_first):
    """An editor picks the place in the story form; the previous holder loses it."""
    first, second = newest_first[6], newest_first[7]
    article_place_on_front_page(article=first, position=LEAD)
    url = reverse("admin:articles_article_change", args=[second.pk])
    assert 'name="front_page_position"' in editor_client.get(url).text
    response = editor_client.post(
        url, story_form(second, front_page_position=str(LEAD))
    )
    assert response.status_code == 302
    first.refresh_from_db()
    second.refresh_from_db()
    assert (first.front_page_position, second.front_page_position) == (None, LEAD)
    assert front_page_top(edition="en")[0] == second


def test_the_desk_list_makes_a_lead_and_takes_stories_off(editor_client, newest_first):
    """The story list's actions: make one story the lead; take stories off the top."""
    url = reverse("admin:articles_article_changelist")
    chosen = newest_first[6]
    two = [str(newest_first[5].pk), str(chosen.pk)]
    editor_client.post(url, {"action": "make_lead", "_selected_action": two})
    assert (
        front_page_top(edition="en") == newest_first[:4]
    )  # two stories cannot both lead
    editor_client.post(url, {"action": "make_lead", "_selected_action": [chosen.pk]})
    assert front_page_top(edition="en")[0] == chosen
    editor_client.post(
        url, {"action": "take_off_front_page", "_selected_action": [chosen.pk]}
    )
    assert front_page_top(edition="en") == newest_first[:4]


def test_reporters_have_no_front_page_actions(reporter_client, newest_first):
    """Only editors see the placing actions."""
    page = reporter_client.get(reverse("admin:articles_article_changelist")).text
    assert "make_lead" not in page
