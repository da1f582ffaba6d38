"""A small newsroom for the tests of what other sites read: feeds, sitemaps, cards."""

import datetime
from dataclasses import dataclass

from django.utils import timezone

from articles import services
from articles.models import Article, Section

from .factories import ArticleFactory, ArticleImageFactory, SourceFactory


@dataclass
class Newsroom:
    section: Section
    kk: Article  # with a photo (renditions made), tags, a correction, a source
    ru: Article  # the Russian version of the same story
    en: Article  # the English version, no photo, no byline, no source
    old: Article  # English, published three days ago


def build_newsroom(*, photo_crops: bool = True) -> Newsroom:
    section = Section.objects.create(
        name="Economy",
        slug="economy",
        name_kk="Экономика",
        slug_kk="ekonomika",
        name_ru="Экономика",
        slug_ru="ekonomika",
    )
    source = SourceFactory(name="Kabar", website="https://kabar.example/")
    kk = ArticleFactory(
        language="kk",
        section=section,
        headline="Астанада астық биржасы ашылды",
        lead="Жаңа биржа фермерлерге бағаны көрсетеді.",
        byline="Айгерім Садықова",
        source=source,
        tags=["астық", "биржа"],
    )
    photo = ArticleImageFactory(
        article=kk, alt_text="Биржа ғимараты", credit="Kabar", caption="Ғимарат"
    )
    if photo_crops:
        services.photo_renditions_make(image=photo)
    ru = ArticleFactory(
        language="ru",
        section=section,
        translation_group=kk.translation_group,
        headline="В Астане открылась зерновая биржа",
        lead="Новая биржа покажет фермерам цены.",
        byline="Айгерим Садыкова",
        tags=["зерно"],
    )
    en = ArticleFactory(
        language="en",
        section=section,
        translation_group=kk.translation_group,
        headline="A grain exchange opens in Astana",
        lead="The new exchange shows farmers the prices.",
        byline="",
        tags=["grain"],
    )
    old = ArticleFactory(
        language="en",
        section=section,
        headline="Last week's harvest",
        published_at=timezone.now() - datetime.timedelta(days=3),
    )
    services.correction_add(article=kk, text="Биржаның ашылған күні түзетілді.")
    kk.refresh_from_db()
    return Newsroom(section=section, kk=kk, ru=ru, en=en, old=old)
