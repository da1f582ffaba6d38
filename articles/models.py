import functools
import uuid
from urllib.parse import quote

import reversion
from django.conf import settings
from django.contrib.postgres.indexes import GinIndex
from django.contrib.postgres.search import SearchVectorField
from django.core.files.storage import default_storage
from django.db import models
from django.db.models import Count, F, Prefetch, Q, Window
from django.db.models.functions import RowNumber
from django.urls import get_script_prefix, reverse
from django.utils import timezone, translation
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from taggit.managers import TaggableManager

from .editions import current_edition, default_edition, edition_choices, url_language
from .text import sanitize_html, slugify_headline

# The languages a section's name and slug are written in besides English (`name`,
# `slug`). Fields of our own rather than django-modeltranslation or django-parler
# (both install on Django 5.2): only the section needs them, two fields in two
# languages, and the slug of each edition must be an indexed, unique column that
# a URL is looked up by. modeltranslation would add these same columns but also
# patch the model's managers, admin and field access behind our back; parler
# keeps them in a second table, a join on every page's menu.
SECTION_LANGUAGES = ("kk", "ru")
# What reverse() leaves unquoted in an address.
URL_SAFE = "!$&'()*+,;=/~:@"


@functools.lru_cache(maxsize=256)
def _address_head(name: str, language: str, script_prefix: str) -> str:
    """
    A reader address up to its last argument, reversed once per language: a list
    of fifty stories then costs no reverse() per link. Written for addresses that
    end in "<last argument>/" (a story's slug, a section's).
    """
    sample = "0-address-head-0"
    with translation.override(language):
        if name == "articles:article-detail":
            url = reverse(name, kwargs={"pk": 0, "slug": sample})
            sample = f"0/{sample}"
        else:
            url = reverse(name, kwargs={"slug": sample})
    if not url.endswith(f"/{sample}/"):
        raise ValueError(f"{name} does not end in its arguments: {url}")
    return url[: -len(sample) - 1]


def reader_address(name: str, language: str, tail: str) -> str:
    """The address of a story ("<pk>/<slug>") or section ("<slug>") in `language`."""
    head = _address_head(name, language, get_script_prefix())
    return f"{head}{quote(tail, safe=URL_SAFE)}/"


class SectionQuerySet(models.QuerySet):
    def by_slug(self, *, language: str, slug: str):
        """The section whose address in `language` is `slug` (English when it has none)."""
        if language not in SECTION_LANGUAGES:
            return self.filter(slug=slug)
        return self.filter(
            Q(**{f"slug_{language}": slug})
            | Q(slug=slug, **{f"slug_{language}__isnull": True})
        )


class Section(models.Model):
    name = models.CharField(_("name"), max_length=100, unique=True)
    slug = models.SlugField(
        _("slug"),
        max_length=100,
        unique=True,
        help_text=_("The section's address on the site, for example “economy”."),
    )
    name_kk = models.CharField(
        _("name in Kazakh"),
        max_length=100,
        blank=True,
        help_text=_("Leave empty to show the English name."),
    )
    slug_kk = models.SlugField(
        _("slug in Kazakh"),
        max_length=100,
        unique=True,
        null=True,
        blank=True,
        help_text=_("The section's address in the Kazakh edition, in Latin letters."),
    )
    name_ru = models.CharField(
        _("name in Russian"),
        max_length=100,
        blank=True,
        help_text=_("Leave empty to show the English name."),
    )
    slug_ru = models.SlugField(
        _("slug in Russian"),
        max_length=100,
        unique=True,
        null=True,
        blank=True,
        help_text=_("The section's address in the Russian edition, in Latin letters."),
    )
    order = models.PositiveSmallIntegerField(
        _("order"),
        default=0,
        help_text=_(
            "Sections are listed in the menu and on the front page by this number."
        ),
    )
    editors = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        blank=True,
        related_name="edited_sections",
        verbose_name=_("editors"),
        help_text=_(
            "E-mail about readers' error reports in this section goes to them. "
            "Leave empty to use the newsroom's list (NEWSROOM_ERROR_REPORT_RECIPIENTS)."
        ),
    )

    objects = SectionQuerySet.as_manager()

    class Meta:
        ordering = ["order", "name"]
        verbose_name = _("section")
        verbose_name_plural = _("sections")

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        # An empty slug is "none in this language", not a second "" to collide with.
        for language in SECTION_LANGUAGES:
            field = f"slug_{language}"
            setattr(self, field, getattr(self, field) or None)
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return self.url_in(current_edition())

    def name_in(self, language: str) -> str:
        return getattr(self, f"name_{language}", "") or self.name

    def slug_in(self, language: str) -> str:
        return getattr(self, f"slug_{language}", None) or self.slug

    def url_in(self, edition: str) -> str:
        return reader_address(
            "articles:section-detail", url_language(edition), self.slug_in(edition)
        )

    @property
    def display_name(self) -> str:
        """The name in the edition being read."""
        return self.name_in(current_edition())


class Source(models.Model):
    name = models.CharField(
        _("name"),
        max_length=100,
        unique=True,
        help_text=_("The partner agency as credited in stories, for example “Kabar”."),
    )
    website = models.URLField(_("website"), blank=True)
    reuse_notice = models.TextField(
        _("reuse notice"),
        blank=True,
        help_text=_(
            "Shown under stories from this source instead of the newsroom's own "
            "reuse and copyright notice. Leave empty to use the newsroom's."
        ),
    )

    class Meta:
        ordering = ["name"]
        verbose_name = _("source agency")
        verbose_name_plural = _("source agencies")

    def __str__(self):
        return self.name


def newsroom_reuse_notice() -> str:
    """The agency's own reuse and copyright notice, in the reader's language."""
    return settings.NEWSROOM_REUSE_NOTICE or gettext(
        "This information may not be reproduced without reference to %(name)s. "
        "Copyright of materials of News Agency %(name)s."
    ) % {"name": settings.NEWSROOM_NAME}


class ArticleQuerySet(models.QuerySet):
    def live(self):
        """Stories readers may see now: published, with a publish time in the past."""
        return self.filter(
            status=Article.Status.PUBLISHED, published_at__lte=timezone.now()
        )

    def in_edition(self, edition: str | None = None):
        """Stories of one edition (the one being read, by default)."""
        return self.filter(language=edition or current_edition())

    def missing_in(self, edition: str):
        """Stories with no version in `edition`, in any state."""
        return self.exclude(
            translation_group__in=Article.objects.filter(language=edition).values(
                "translation_group"
            )
        )

    def translations_of(self, article):
        """The other language versions of `article`, in every state."""
        return self.filter(translation_group=article.translation_group).exclude(
            pk=article.pk
        )

    def for_listing(self):
        """What a list of story cards needs, in a fixed number of queries."""
        return (
            self.select_related("section")
            .prefetch_related(
                Prefetch(
                    "images", queryset=ArticleImage.objects.order_by("order", "pk")
                )
            )
            .order_by("-published_at", "-pk")
        )

    def for_detail(self):
        """What the story page needs, in a fixed number of queries."""
        return self.select_related("section", "source").prefetch_related(
            Prefetch("images", queryset=ArticleImage.objects.order_by("order", "pk")),
            "tags",
            "corrections",
        )

    def latest_per_section(self, per_section: int):
        """The newest stories of every section, in one query (a window function)."""
        ranked = self.annotate(
            section_rank=Window(
                RowNumber(),
                partition_by=[F("section_id")],
                order_by=[F("published_at").desc(), F("pk").desc()],
            )
        )
        return ranked.filter(section_rank__lte=per_section)

    def relevant_to(self, article, limit: int = 5):
        """Stories of its edition sharing the most tags with `article`, newest first on ties."""
        tag_ids = [tag.pk for tag in article.tags.all()]
        if not tag_ids:
            return self.none()
        return (
            self.filter(tags__in=tag_ids, language=article.language)
            .exclude(pk=article.pk)
            .annotate(shared_tags=Count("tags", filter=Q(tags__in=tag_ids)))
            .order_by("-shared_tags", "-published_at", "-pk")[:limit]
        )


@reversion.register()
class Article(models.Model):
    class FrontPage(models.IntegerChoices):
        LEAD = 1, _("Lead story")
        SECOND = 2, _("Secondary lead, first")
        THIRD = 3, _("Secondary lead, second")
        FOURTH = 4, _("Secondary lead, third")

    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        REVIEW = "review", _("In review")
        # Published with a publish time in the future is "scheduled" (is_scheduled).
        PUBLISHED = "published", _("Published")
        UNPUBLISHED = "unpublished", _("Unpublished")

    headline = models.CharField(_("headline"), max_length=255)
    language = models.CharField(
        _("language"),
        max_length=8,
        choices=edition_choices,
        default=default_edition,
        db_index=True,
        help_text=_("The edition the story is written for."),
    )
    # The versions of one story in the editions share this; a new story starts
    # a group of its own, and "Translate into …" adds a version to its group.
    translation_group = models.UUIDField(
        _("translation group"), default=uuid.uuid4, editable=False, db_index=True
    )
    untranslated = models.BooleanField(
        _("to translate"),
        default=False,
        help_text=_(
            "Made by “Translate into …” and still in the other language: clear "
            "it once the text is translated."
        ),
    )
    slug = models.SlugField(
        _("slug"),
        max_length=255,
        blank=True,
        help_text=_(
            "The readable part of the story's address, made from the headline. "
            "Changing it later is safe: old links redirect."
        ),
    )
    lead = models.TextField(
        _("lead"),
        blank=True,
        help_text=_("One or two sentences shown under the headline and in lists."),
    )
    body = models.TextField(
        _("body"),
        help_text=_("The story. Formatting is cleaned on save: no scripts or styles."),
    )
    section = models.ForeignKey(
        Section,
        on_delete=models.PROTECT,
        related_name="articles",
        verbose_name=_("section"),
    )
    source = models.ForeignKey(
        Source,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="articles",
        verbose_name=_("source agency"),
        help_text=_("The partner agency this story is credited to, if any."),
    )
    byline = models.CharField(
        _("byline"),
        max_length=200,
        blank=True,
        help_text=_("The author as shown to readers."),
    )
    status = models.CharField(
        _("status"),
        max_length=20,
        choices=Status.choices,
        default=Status.DRAFT,
        db_index=True,
    )
    published_at = models.DateTimeField(
        _("publish time"),
        null=True,
        blank=True,
        db_index=True,
        help_text=_(
            "When readers first see the story. A time in the future schedules it."
        ),
    )
    significant_update_at = models.DateTimeField(
        _("significant update"),
        null=True,
        blank=True,
        help_text=_(
            "When the story last changed in substance; readers see "
            "“Updated …”. Typo fixes leave it alone."
        ),
    )
    # Placement, not content: changing it is no new version of the story.
    front_page_position = models.PositiveSmallIntegerField(
        _("front page"),
        choices=FrontPage.choices,
        null=True,
        blank=True,
        help_text=_(
            "The story's place at the top of the front page. One story per place: "
            "choosing a place takes it from the story that had it. Empty places "
            "are filled with the newest stories."
        ),
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
        verbose_name=_("created by"),
    )
    # Optimistic locking: every save adds one, and the admin refuses a form that
    # was loaded at an older number (someone else saved in between).
    version = models.PositiveIntegerField(_("version"), default=1, editable=False)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)
    tags = TaggableManager(_("tags"), blank=True)

    objects = ArticleQuerySet.as_manager()

    # What the desk edits: a save touching any of these is a new version (the edit
    # lock) and a new revision.
    DESK_FIELDS = frozenset(
        {
            "headline", "slug", "lead", "body", "section", "source", "byline",
            "status", "published_at", "significant_update_at", "language",
            "untranslated",
        }
    )  # fmt: skip

    class Meta:
        ordering = ["-published_at", "-pk"]
        verbose_name = _("story")
        verbose_name_plural = _("stories")
        indexes = [models.Index(fields=["status", "published_at"])]
        constraints = [
            models.UniqueConstraint(
                fields=["translation_group", "language"],
                name="one_version_per_language",
                violation_error_message=_(
                    "This story already has a version in that language."
                ),
            )
        ]
        permissions = [
            ("publish_article", _("Can publish, schedule and unpublish stories")),
        ]

    def __str__(self):
        return self.headline

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = slugify_headline(self.headline)
        self.body = sanitize_html(self.body)
        if self.status == self.Status.PUBLISHED and self.published_at is None:
            self.published_at = timezone.now()
        update_fields = kwargs.get("update_fields")
        if update_fields is not None and not set(update_fields) & self.DESK_FIELDS:
            # Bookkeeping (a view total, say) is no edit: no new version, no revision.
            super().save(*args, **kwargs)
            return
        if self.pk is not None and not self._state.adding:
            self.version = (self.version or 0) + 1
            if update_fields is not None:
                kwargs["update_fields"] = {*update_fields, "version"}
        # Every save keeps a revision: inside the admin (or a service) this joins
        # the revision already open; anywhere else it opens one of its own.
        if reversion.is_active():
            super().save(*args, **kwargs)
        else:
            with reversion.create_revision():
                super().save(*args, **kwargs)

    def get_absolute_url(self):
        """The story's address in its own edition."""
        return reader_address(
            "articles:article-detail",
            url_language(self.language),
            f"{self.pk}/{self.slug}",
        )

    @classmethod
    def from_db(cls, db, field_names, values):
        instance = super().from_db(db, field_names, values)
        # Where the story was listed when it was loaded, so that a change that
        # moves it refreshes the pages it leaves too (articles/cache.py).
        instance._loaded = {
            name: getattr(instance, name)
            for name in ("section_id", "language")
            if name in field_names
        }
        return instance

    def loaded(self, name: str) -> tuple:
        """The field's value as loaded from the database: (value,), or ()."""
        loaded = getattr(self, "_loaded", {})
        return (loaded[name],) if name in loaded else ()

    def remember_tags(self) -> None:
        """Keep the tags as they are before an edit, whose pages show the story too."""
        if self.pk is not None:
            loaded = self.__dict__.setdefault("_loaded", {})
            loaded["tag_slugs"] = tuple(self.tags.values_list("slug", flat=True))

    @property
    def is_live(self) -> bool:
        return (
            self.status == self.Status.PUBLISHED
            and self.published_at is not None
            and self.published_at <= timezone.now()
        )

    @property
    def is_scheduled(self) -> bool:
        return (
            self.status == self.Status.PUBLISHED
            and self.published_at is not None
            and self.published_at > timezone.now()
        )

    @property
    def shows_update(self) -> bool:
        """Whether readers see "Updated …": a significant update after publishing."""
        return (
            self.significant_update_at is not None
            and self.published_at is not None
            and self.significant_update_at > self.published_at
        )

    @property
    def credit_line(self) -> str:
        """The images' distinct credits in gallery order: "Kabar, Steppe Wire"."""
        credits = []
        for image in self.images.all():
            if image.credit and image.credit not in credits:
                credits.append(image.credit)
        return ", ".join(credits)

    @property
    def reuse_notice(self) -> str:
        if self.source_id and self.source.reuse_notice:
            return self.source.reuse_notice
        return newsroom_reuse_notice()

    @property
    def modified_at(self):
        """
        The story's last change as readers see it: its last save (an edit, a
        correction: services.correction_add touches it), or its going live, when
        that came later (a scheduled story goes live without a save).
        """
        return max(filter(None, (self.updated_at, self.published_at)))

    @property
    def cover(self):
        images = self.images.all()
        return images[0] if images else None


def photo_format(name: str) -> str:
    """The rendition format matching a stored photo's extension: jpeg, png or webp."""
    extension = name.rsplit(".", 1)[-1].lower()
    return {"jpg": "jpeg", "jpeg": "jpeg", "png": "png", "webp": "webp"}.get(
        extension, "jpeg"
    )


class ArticleImage(models.Model):
    article = models.ForeignKey(
        Article,
        on_delete=models.CASCADE,
        related_name="images",
        verbose_name=_("story"),
    )
    image = models.ImageField(
        _("image"),
        upload_to="photos/%Y/%m/",
        width_field="width",
        height_field="height",
    )
    width = models.PositiveIntegerField(editable=False, null=True)
    height = models.PositiveIntegerField(editable=False, null=True)
    caption = models.CharField(
        _("caption"),
        max_length=300,
        blank=True,
        help_text=_("Shown under the photo: who, what, where."),
    )
    credit = models.CharField(
        _("credit"),
        max_length=100,
        blank=True,
        help_text=_("Who owns the photo, for example “Kabar”. Shown as “Images | …”."),
    )
    alt_text = models.CharField(
        _("alt text"),
        max_length=300,
        blank=True,
        help_text=_("What the photo shows, for readers who cannot see it."),
    )
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    # Smaller copies made by a Celery task after upload, as a list of
    # {"name", "width", "height", "format"}; empty until the task has run.
    renditions = models.JSONField(_("renditions"), default=list, blank=True)

    class Meta:
        ordering = ["order", "pk"]
        verbose_name = _("photo")
        verbose_name_plural = _("photos")

    def __str__(self):
        return self.caption or self.image.name

    def srcset(self, fmt: str) -> str:
        """The renditions of one format as a srcset value ("…-480.webp 480w, …")."""
        return ", ".join(
            f"{default_storage.url(r['name'])} {r['width']}w"
            for r in sorted(self.renditions, key=lambda r: r["width"])
            if r["format"] == fmt and not r.get("crop")
        )

    def crop(self, name: str) -> dict | None:
        """The fixed-size crop `name` (photos.CROPS) as {"url", "width", "height"}."""
        for rendition in self.renditions:
            if rendition.get("crop") == name:
                return {
                    "url": default_storage.url(rendition["name"]),
                    "width": rendition["width"],
                    "height": rendition["height"],
                }
        return None

    @property
    def srcset_webp(self) -> str:
        return self.srcset("webp")

    @property
    def srcset_original(self) -> str:
        """Renditions in the upload's own format, for the <img>."""
        return self.srcset(photo_format(self.image.name))


class Correction(models.Model):
    """A public correction note under a published story, kept apart from typo fixes."""

    article = models.ForeignKey(
        Article,
        on_delete=models.CASCADE,
        related_name="corrections",
        verbose_name=_("story"),
    )
    text = models.TextField(
        _("correction"),
        max_length=2000,
        help_text=_(
            "What was wrong and what is right now, as readers will read it at "
            "the foot of the story. Plain text."
        ),
    )
    created_at = models.DateTimeField(_("time"), default=timezone.now)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
        verbose_name=_("added by"),
    )

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("correction")
        verbose_name_plural = _("corrections")

    def __str__(self):
        return self.text[:80]


class SearchDocument(models.Model):
    """
    A story as PostgreSQL searches it (articles/search/postgres.py): its weighted
    search vector, headline > lead > text, built with its language's text search
    configuration, and the plain text its result snippet is cut from. Kept
    current by the search index service on every save.
    """

    # The database deletes a story's document with it (an ON DELETE CASCADE
    # constraint that search/postgres.py adds), not Django's collector: the
    # collector would look for documents on SQLite too, where there is no table.
    article = models.OneToOneField(
        Article,
        on_delete=models.DO_NOTHING,
        db_constraint=False,
        primary_key=True,
        related_name="search_document",
        verbose_name=_("story"),
    )
    vector = SearchVectorField(_("search vector"))
    text = models.TextField(_("text"))

    class Meta:
        # The embedded profile searches with SQLite's FTS5 table instead.
        required_db_vendor = "postgresql"
        indexes = [GinIndex(fields=["vector"], name="articles_search_vector")]
        verbose_name = _("search document")
        verbose_name_plural = _("search documents")

    def __str__(self):
        return str(self.article_id)


class SearchWord(models.Model):
    """
    A word as written in an edition's stories, lowercased: the vocabulary that a
    search finding nothing takes its spelling suggestion from (by trigram
    similarity). Words stay when a story drops them; a suggestion is only offered
    once it is checked to find something.
    """

    language = models.CharField(_("language"), max_length=8)
    word = models.CharField(_("word"), max_length=60)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["language", "word"], name="one_search_word_per_language"
            )
        ]
        verbose_name = _("search word")
        verbose_name_plural = _("search words")

    def __str__(self):
        return self.word
