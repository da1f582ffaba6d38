"""The editions' migration: existing stories get a language from their letters."""

import importlib

import pytest
from django.apps import apps

from articles.models import Article

from .factories import ArticleFactory

editions_migration = importlib.import_module("articles.migrations.0009_editions")


@pytest.mark.django_db
def test_existing_stories_get_their_language_and_a_group_each():
    """Kazakh letters: kk; other Cyrillic: ru; else en. Every story its own group."""
    texts = {
        "kk": ("Жаңа мектеп", "<p>Астанада мектеп ашылды.</p>"),
        "ru": ("Новая школа", "<p>В Астане открылась школа.</p>"),
        "en": ("A new school", "<p>A school opened in Astana.</p>"),
    }
    # As the rows were before the migration: no language of their own yet.
    ids = {
        language: ArticleFactory(language="en", headline=headline, body=body).pk
        for language, (headline, body) in texts.items()
    }

    editions_migration.languages_and_groups(apps, None)

    stories = Article.objects.in_bulk(ids.values())
    assert {lang: stories[pk].language for lang, pk in ids.items()} == {
        "kk": "kk",
        "ru": "ru",
        "en": "en",
    }
    assert len({story.translation_group for story in stories.values()}) == 3
