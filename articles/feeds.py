"""
RSS 2.0 and Atom feeds (django.contrib.syndication) for each edition, section and tag.

Each item carries the lead as its summary, the full body when
NEWSROOM_FEED_FULL_TEXT is on (the HTML stored sanitized, as the story page shows
it), the first photo (an enclosure, and a Media RSS element that readers of
either format know), the byline, the section and tags as categories; the feed
carries its edition's language. A feed under /kk-latn/ is the Kazakh one in
Latin script, like the pages there.
"""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import urljoin

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.core.files.storage import default_storage
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed, Enclosure, Rss201rev2Feed
from django.utils.html import strip_tags
from django.utils.text import Truncator
from django.utils.translation import gettext as _
from taggit.models import Tag

from .editions import current_edition, is_latin
from .models import Article, ArticleImage, Section, photo_format
from .translit import to_latin, to_latin_html

MEDIA_NS = "http://search.yahoo.com/mrss/"
CONTENT_NS = "http://purl.org/rss/1.0/modules/content/"
MIME_TYPES = {"jpeg": "image/jpeg", "png": "image/png", "webp": "image/webp"}


class MediaRssFeed(Rss201rev2Feed):
    """RSS 2.0 with the full text (content:encoded) and the photo (media:content)."""

    def rss_attributes(self):
        return {
            **super().rss_attributes(),
            "xmlns:media": MEDIA_NS,
            "xmlns:content": CONTENT_NS,
        }

    def add_item_elements(self, handler, item):
        super().add_item_elements(handler, item)
        if item.get("content"):
            handler.addQuickElement("content:encoded", item["content"])
        add_media(handler, item.get("media"))


class MediaAtomFeed(Atom1Feed):
    """Atom with the full text (<content type="html">) and the photo (media:content)."""

    def root_attributes(self):
        return {**super().root_attributes(), "xmlns:media": MEDIA_NS}

    def add_item_elements(self, handler, item):
        super().add_item_elements(handler, item)
        if item.get("content"):
            handler.addQuickElement("content", item["content"], {"type": "html"})
        add_media(handler, item.get("media"))


def add_media(handler, media: dict | None) -> None:
    if not media:
        return
    attributes = {"url": media["url"], "medium": "image", "type": media["type"]}
    if media["width"] and media["height"]:
        attributes.update(width=str(media["width"]), height=str(media["height"]))
    handler.startElement("media:content", attributes)
    if media["description"]:
        handler.addQuickElement("media:description", media["description"])
    if media["credit"]:
        handler.addQuickElement("media:credit", media["credit"])
    handler.endElement("media:content")


@dataclass(frozen=True)
class Channel:
    """What a feed lists: an edition, or one section or tag of it."""

    request: object
    edition: str
    section: Section | None = None
    tag: Tag | None = None


def photo_file(image: ArticleImage) -> dict:
    """The photo a feed shows: the 1200x630 crop, or the stored photo before it exists."""
    crop = next((r for r in image.renditions if r.get("crop") == "social"), None)
    if crop is not None:
        return {**crop, "type": "image/jpeg"}
    return {
        "name": image.image.name,
        "width": image.width,
        "height": image.height,
        "type": MIME_TYPES[photo_format(image.image.name)],
    }


class StoriesFeed(Feed):
    """An edition's latest stories, as RSS 2.0."""

    feed_type = MediaRssFeed

    def get_object(self, request, *args, **kwargs):
        return Channel(request=request, edition=current_edition())

    def text(self, value: str) -> str:
        return to_latin(value) if is_latin() else value

    def title(self, obj):
        return settings.NEWSROOM_NAME

    def description(self, obj):
        return self.text(_("The latest stories."))

    def link(self, obj):
        return reverse("articles:front-page")

    @property
    def language(self):
        # Django reads this attribute, not a method; the edition's language, and
        # kk-Latn for the Latin prefix.
        return "kk-Latn" if is_latin() else current_edition()

    def author_name(self, obj):
        return settings.NEWSROOM_NAME

    def feed_copyright(self, obj):
        return settings.NEWSROOM_NAME

    def items(self, obj):
        stories = Article.objects.live().in_edition(obj.edition)
        if obj.section is not None:
            stories = stories.filter(section=obj.section)
        if obj.tag is not None:
            stories = stories.filter(tags=obj.tag)
        items = list(
            stories.for_listing()
            .select_related("source")
            .prefetch_related("tags")[: settings.NEWSROOM_FEED_ITEMS]
        )
        # Photo addresses are absolute; the feed instance is shared by threads,
        # so the request's origin travels with the items, not on `self`.
        origin = obj.request.build_absolute_uri("/").rstrip("/")
        for item in items:
            item.feed_origin = origin
        return items

    def item_title(self, item):
        return self.text(item.headline)

    def item_description(self, item):
        summary = item.lead or Truncator(strip_tags(item.body)).words(60)
        return self.text(summary)

    def item_link(self, item):
        return item.get_absolute_url()

    def item_author_name(self, item):
        return self.text(item.byline) or None

    def item_pubdate(self, item):
        return item.published_at

    def item_updateddate(self, item):
        return item.modified_at

    def item_categories(self, item):
        names = [item.section.name_in(item.language)]
        names += [tag.name for tag in item.tags.all()]
        return [self.text(name) for name in names]

    def item_enclosures(self, item):
        image = item.cover
        if image is None:
            return []
        photo = photo_file(image)
        try:
            length = default_storage.size(photo["name"])
        except OSError:  # a file gone from storage: no enclosure rather than a 500
            return []
        return [
            Enclosure(self.absolute(item, photo["name"]), str(length), photo["type"])
        ]

    def item_extra_kwargs(self, item):
        extra = {}
        if settings.NEWSROOM_FEED_FULL_TEXT:
            extra["content"] = to_latin_html(item.body) if is_latin() else item.body
        image = item.cover
        if image is not None:
            photo = photo_file(image)
            extra["media"] = {
                "url": self.absolute(item, photo["name"]),
                "type": photo["type"],
                "width": photo["width"],
                "height": photo["height"],
                "description": self.text(image.alt_text),
                "credit": image.credit,
            }
        return extra

    @staticmethod
    def absolute(item, name: str) -> str:
        return urljoin(item.feed_origin + "/", default_storage.url(name))


class StoriesAtomFeed(StoriesFeed):
    feed_type = MediaAtomFeed

    def subtitle(self, obj):
        return self.description(obj)


class SectionFeedMixin:
    def get_object(self, request, slug):
        edition = current_edition()
        section = get_object_or_404(
            Section.objects.by_slug(language=edition, slug=slug)
        )
        return Channel(request=request, edition=edition, section=section)

    def title(self, obj):
        name = self.text(obj.section.name_in(obj.edition))
        return f"{name} · {settings.NEWSROOM_NAME}"

    def description(self, obj):
        return self.text(
            _("The latest stories in %(section)s.")
            % {"section": obj.section.name_in(obj.edition)}
        )

    def link(self, obj):
        return obj.section.url_in(obj.edition)


class TagFeedMixin:
    def get_object(self, request, slug):
        tag = get_object_or_404(Tag, slug=slug)
        return Channel(request=request, edition=current_edition(), tag=tag)

    def title(self, obj):
        return f"#{self.text(obj.tag.name)} · {settings.NEWSROOM_NAME}"

    def description(self, obj):
        return self.text(
            _("The latest stories tagged “%(tag)s”.") % {"tag": obj.tag.name}
        )

    def link(self, obj):
        return reverse("articles:tag-detail", kwargs={"slug": obj.tag.slug})


class SectionFeed(SectionFeedMixin, StoriesFeed):
    pass


class SectionAtomFeed(SectionFeedMixin, StoriesAtomFeed):
    pass


class TagFeed(TagFeedMixin, StoriesFeed):
    pass


class TagAtomFeed(TagFeedMixin, StoriesAtomFeed):
    pass
