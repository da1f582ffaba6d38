"""
The editions (issue 11): a story's language and translation group, the section's
names and slugs in Kazakh and Russian, and a "to translate" flag.

Existing stories get their language once, from their own letters (a letter only
Kazakh has: kk; other Cyrillic: ru; else en), and a translation group each. The
detection is copied here, not imported, so that this migration means tomorrow
what it means today.
"""

import re
import uuid

from django.db import migrations, models

import articles.editions

KAZAKH_LETTERS = re.compile("[әғқңөұүһіӘҒҚҢӨҰҮҺІ]")
CYRILLIC = re.compile("[а-яёА-ЯЁ]")


def detect(text):
    if KAZAKH_LETTERS.search(text):
        return "kk"
    if CYRILLIC.search(text):
        return "ru"
    return "en"


def languages_and_groups(apps, schema_editor):
    Article = apps.get_model("articles", "Article")
    stories = Article.objects.only("pk", "headline", "lead", "body")
    for story in stories.iterator(chunk_size=500):
        Article.objects.filter(pk=story.pk).update(
            language=detect(f"{story.headline} {story.lead} {story.body}"),
            translation_group=uuid.uuid4(),
        )


class Migration(migrations.Migration):
    dependencies = [("articles", "0008_front_page_position")]

    operations = [
        migrations.AddField(
            model_name="article",
            name="language",
            field=models.CharField(
                db_index=True, default="en", max_length=8, verbose_name="language"
            ),
        ),
        migrations.AddField(
            model_name="article",
            name="translation_group",
            field=models.UUIDField(
                null=True, editable=False, verbose_name="translation group"
            ),
        ),
        migrations.RunPython(languages_and_groups, migrations.RunPython.noop),
        migrations.AlterField(
            model_name="article",
            name="language",
            field=models.CharField(
                choices=articles.editions.edition_choices,
                db_index=True,
                default=articles.editions.default_edition,
                help_text="The edition the story is written for.",
                max_length=8,
                verbose_name="language",
            ),
        ),
        migrations.AlterField(
            model_name="article",
            name="translation_group",
            field=models.UUIDField(
                db_index=True,
                default=uuid.uuid4,
                editable=False,
                verbose_name="translation group",
            ),
        ),
        migrations.AddField(
            model_name="article",
            name="untranslated",
            field=models.BooleanField(
                default=False,
                help_text=(
                    "Made by “Translate into …” and still in the other language: "
                    "clear it once the text is translated."
                ),
                verbose_name="to translate",
            ),
        ),
        migrations.AddField(
            model_name="section",
            name="name_kk",
            field=models.CharField(
                blank=True,
                help_text="Leave empty to show the English name.",
                max_length=100,
                verbose_name="name in Kazakh",
            ),
        ),
        migrations.AddField(
            model_name="section",
            name="name_ru",
            field=models.CharField(
                blank=True,
                help_text="Leave empty to show the English name.",
                max_length=100,
                verbose_name="name in Russian",
            ),
        ),
        migrations.AddField(
            model_name="section",
            name="slug_kk",
            field=models.SlugField(
                blank=True,
                help_text="The section's address in the Kazakh edition, in Latin letters.",
                max_length=100,
                null=True,
                unique=True,
                verbose_name="slug in Kazakh",
            ),
        ),
        migrations.AddField(
            model_name="section",
            name="slug_ru",
            field=models.SlugField(
                blank=True,
                help_text="The section's address in the Russian edition, in Latin letters.",
                max_length=100,
                null=True,
                unique=True,
                verbose_name="slug in Russian",
            ),
        ),
        migrations.AddConstraint(
            model_name="article",
            constraint=models.UniqueConstraint(
                fields=("translation_group", "language"),
                name="one_version_per_language",
                violation_error_message=(
                    "This story already has a version in that language."
                ),
            ),
        ),
    ]
