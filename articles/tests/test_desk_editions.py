"""The desk across editions: language filter, translations, "Translate into …", gaps."""

import uuid

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from articles import services
from articles.models import Article

from .factories import ArticleFactory, ArticleImageFactory

pytestmark = pytest.mark.django_db

CHANGELIST = "admin:articles_article_changelist"


def test_the_story_list_filters_by_language(editor_client):
    kazakh = ArticleFactory(language="kk", headline="Астанада жаңа мектеп")
    english = ArticleFactory(language="en", headline="A school in Astana")
    response = editor_client.get(reverse(CHANGELIST), {"language__exact": "kk"})
    assert response.status_code == 200
    shown = {story.pk for story in response.context["cl"].result_list}
    assert shown == {kazakh.pk}
    assert english.headline not in response.text


def test_the_story_list_shows_each_storys_translations_and_states(editor_client):
    group = uuid.uuid4()
    english = ArticleFactory(language="en", translation_group=group)
    russian = ArticleFactory(
        language="ru",
        translation_group=group,
        status=Article.Status.DRAFT,
        published_at=None,
    )
    response = editor_client.get(reverse(CHANGELIST), {"language__exact": "en"})
    change = reverse("admin:articles_article_change", args=[russian.pk])
    assert f'<a href="{change}" title="{russian.headline}">RU</a> (Draft)' in (
        response.text
    )
    assert english.headline in response.text


def test_translate_into_makes_a_linked_draft_with_the_photos(editor_client, editor):
    """The action makes a draft in the other language, linked, flagged, photos kept."""
    story = ArticleFactory(language="en", tags=["border"], headline="Border reopens")
    ArticleImageFactory(article=story, caption="The crossing at dawn.")
    response = editor_client.post(
        reverse(CHANGELIST),
        {"action": "translate_into_kk", "_selected_action": [story.pk]},
        follow=True,
    )
    assert response.status_code == 200
    draft = Article.objects.get(language="kk")
    assert draft.translation_group == story.translation_group
    assert draft.untranslated and draft.status == Article.Status.DRAFT
    assert draft.section_id == story.section_id
    assert draft.created_by == editor
    assert [(i.caption, i.image.name) for i in draft.images.all()] == [
        (i.caption, i.image.name) for i in story.images.all()
    ]
    assert list(draft.tags.all()) == []  # each edition tags its own
    assert "A draft to translate:" in response.text


def test_translating_twice_into_one_language_is_refused(editor):
    story = ArticleFactory(language="en")
    services.article_translate(article=story, language="ru", user=editor)
    with pytest.raises(ValidationError):
        services.article_translate(article=story, language="ru", user=editor)
    with pytest.raises(ValidationError):
        services.article_translate(article=story, language="en", user=editor)


def test_a_draft_still_to_translate_cannot_be_published(editor):
    story = ArticleFactory(language="en")
    draft = services.article_translate(article=story, language="ru", user=editor)
    with pytest.raises(ValidationError, match="still to translate"):
        services.article_publish(article=draft, user=editor)
    draft.untranslated = False
    draft.save()
    services.article_publish(article=draft, user=editor)
    assert Article.objects.live().filter(pk=draft.pk).exists()


def test_missing_translations_lists_live_stories_another_edition_lacks(editor_client):
    group = uuid.uuid4()
    ArticleFactory(language="en", translation_group=group, headline="Has Kazakh")
    ArticleFactory(language="kk", translation_group=group, headline="Қазақшасы бар")
    lacking = ArticleFactory(language="en", headline="Lacks Kazakh")
    ArticleFactory(
        language="en",
        headline="A draft",
        status=Article.Status.DRAFT,
        published_at=None,
    )
    url = reverse("admin:articles_article_missing_translations")
    response = editor_client.get(url, {"from": "en", "to": "kk"})
    assert response.status_code == 200
    assert [s.pk for s in response.context["stories"]] == [lacking.pk]
    assert 'value="translate_into_kk"' in response.text
    # The list's own link leads there.
    assert url in editor_client.get(reverse(CHANGELIST)).text


def test_missing_translations_is_for_the_desk_only(client):
    url = reverse("admin:articles_article_missing_translations")
    assert client.get(url).status_code == 302  # to the desk's sign-in
