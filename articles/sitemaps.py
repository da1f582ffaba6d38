"""
The sitemaps (django.contrib.sitemaps), listed by one index at /sitemap.xml.

| section | what it lists |
|---|---|
| stories-kk, stories-ru, stories-en | every live story of the edition, with the story's real last change as lastmod, its language versions as hreflang alternates (xhtml:link) and its photos (image:image) |
| stories-kk-latn | the Kazakh stories at their Latin-script addresses, the same alternates |
| news-kk, news-ru, news-en | Google News: the edition's stories of the last 48 hours |
| sections, tags | every section's and every tag's page in every edition |

Each section is split into pages of `limit` addresses (50,000, the protocol's
maximum; 1,000 for Google News). Addresses are made with the prefix of the
sitemap's edition, never the language of the request that asks for them.
"""

from __future__ import annotations

import datetime

from django.conf import settings
from django.contrib.sitemaps import Sitemap
from django.db.models import Max
from django.urls import reverse
from django.utils import timezone, translation

from .editions import LATIN, editions
from .models import Article, ArticleImage, Section

# The protocol's limit per sitemap file, and Google News's.
SITEMAP_LIMIT = 50_000
NEWS_LIMIT = 1_000
NEWS_WINDOW = datetime.timedelta(hours=48)


def prefix_of(language: str) -> str:
    """hreflang of a URL prefix: kk-latn is written kk-Latn."""
    return "kk-Latn" if language == LATIN else language


def url_in(language: str, name: str, **kwargs) -> str:
    with translation.override(language):
        return reverse(name, kwargs=kwargs)


class EditionSitemap(Sitemap):
    """A sitemap whose addresses are in one edition, under the prefix `language`."""

    limit = SITEMAP_LIMIT

    def __init__(self, language: str):
        self.language = language
        self.edition = "kk" if language == LATIN else language

    def get_urls(self, page=1, site=None, protocol=None):
        self.origin = f"{self.get_protocol(protocol)}://{self.get_domain(site)}"
        return super().get_urls(page=page, site=site, protocol=protocol)


class EditionStoriesSitemap(EditionSitemap):
    """Stories of one edition, each with the time of its last change."""

    def location(self, item):
        with translation.override(self.language):
            return reverse(
                "articles:article-detail", kwargs={"pk": item.pk, "slug": item.slug}
            )

    def lastmod(self, item):
        return item.modified_at

    def get_latest_lastmod(self):
        latest = self.items().aggregate(
            updated=Max("updated_at"), published=Max("published_at")
        )
        return max(filter(None, latest.values()), default=None)


class ArticleSitemap(EditionStoriesSitemap):
    """Every live story of an edition, with alternates and photos."""

    changefreq = "daily"

    def items(self):
        return (
            Article.objects.live()
            .in_edition(self.edition)
            .only(
                "pk",
                "slug",
                "language",
                "translation_group",
                "updated_at",
                "published_at",
            )
            .order_by("-published_at", "-pk")
        )

    def get_urls(self, page=1, site=None, protocol=None):
        urls = super().get_urls(page=page, site=site, protocol=protocol)
        stories = [url["item"] for url in urls]
        versions = story_versions(stories)
        images = story_images(stories)
        for url in urls:
            story = url["item"]
            url["links"] = [
                (hreflang, self.origin + path)
                for hreflang, path in versions[story.translation_group]
            ]
            url["images"] = [self.origin + path for path in images.get(story.pk, [])]
        return urls


def story_versions(stories) -> dict:
    """translation group -> [(hreflang, path)] of its live versions; one query."""
    groups = {story.translation_group for story in stories}
    versions: dict = {group: [] for group in groups}
    live = (
        Article.objects.live()
        .filter(translation_group__in=groups)
        .only("pk", "slug", "language", "translation_group")
        .order_by("language")
    )
    for version in live:
        for language in [
            version.language,
            *([LATIN] if version.language == "kk" else []),
        ]:
            path = url_in(
                language, "articles:article-detail", pk=version.pk, slug=version.slug
            )
            versions[version.translation_group].append((prefix_of(language), path))
    # x-default as the pages have it (templatetags/editions.py): the version in
    # the default edition, else the first edition's that has one.
    order = [settings.NEWSROOM_DEFAULT_EDITION, *editions()]
    for links in versions.values():
        by_language = dict(links)
        default = next((by_language[e] for e in order if e in by_language), None)
        if default is not None:
            links.append(("x-default", default))
    return versions


def story_images(stories) -> dict[int, list[str]]:
    """story id -> the paths of its photos, in gallery order; one query."""
    images: dict[int, list[str]] = {}
    for image in ArticleImage.objects.filter(
        article__in=[story.pk for story in stories]
    ).order_by("order", "pk"):
        images.setdefault(image.article_id, []).append(image.image.url)
    return images


class NewsSitemap(EditionStoriesSitemap):
    """Google News: the edition's stories published in the last 48 hours."""

    limit = NEWS_LIMIT

    def items(self):
        since = timezone.now() - NEWS_WINDOW
        return (
            Article.objects.live()
            .in_edition(self.edition)
            .filter(published_at__gte=since)
            .only("pk", "slug", "language", "headline", "updated_at", "published_at")
            .order_by("-published_at", "-pk")
        )

    def get_urls(self, page=1, site=None, protocol=None):
        urls = super().get_urls(page=page, site=site, protocol=protocol)
        for url in urls:
            url["publication"] = {
                "name": settings.NEWSROOM_NAME,
                # Google wants the ISO 639 code: kk, ru, en.
                "language": self.edition,
            }
        return urls


class SectionSitemap(Sitemap):
    """Every section's page in every edition (and the Kazakh one in Latin script)."""

    changefreq = "hourly"
    limit = SITEMAP_LIMIT

    def items(self):
        languages = [*editions(), *([LATIN] if "kk" in editions() else [])]
        return [
            (section, language)
            for section in Section.objects.all()
            for language in languages
        ]

    def location(self, item):
        section, language = item
        edition = "kk" if language == LATIN else language
        return url_in(
            language, "articles:section-detail", slug=section.slug_in(edition)
        )


class TagSitemap(Sitemap):
    """Every tag's page in each edition that has a live story with it."""

    changefreq = "daily"
    limit = SITEMAP_LIMIT

    def items(self):
        pairs = (
            Article.objects.live()
            .filter(tags__isnull=False)
            .values_list("tags__slug", "language")
            .distinct()
            .order_by("language", "tags__slug")
        )
        items = []
        for slug, language in pairs:
            items.append((slug, language))
            if language == "kk":
                items.append((slug, LATIN))
        return items

    def location(self, item):
        slug, language = item
        return url_in(language, "articles:tag-detail", slug=slug)


def sitemaps() -> dict[str, Sitemap]:
    """The sections of the index, by the name in their address (sitemap-NAME.xml)."""
    found: dict[str, Sitemap] = {}
    for edition in editions():
        found[f"stories-{edition}"] = ArticleSitemap(edition)
        if edition == "kk":
            found[f"stories-{LATIN}"] = ArticleSitemap(LATIN)
    for edition in editions():
        found[f"news-{edition}"] = NewsSitemap(edition)
    found["sections"] = SectionSitemap()
    found["tags"] = TagSitemap()
    return found


def news_sitemap_names() -> list[str]:
    return [f"news-{edition}" for edition in editions()]
