"""Writes with side effects: the desk's workflow, corrections and photos."""

from __future__ import annotations

import datetime
from collections.abc import Iterable

import reversion
from django.conf import settings
from django.contrib.auth.models import AbstractUser
from django.core import signing
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from reversion.models import Version

from newsroom.formats import dateline

from .cache import article_page_keys, reader_pages_changed
from .editions import editions
from .models import Article, ArticleImage, Correction
from .photos import CROPS, Rendition, make_renditions
from .search import article_search_index
from .selectors import PREVIEW_SALT

PUBLISH_PERMISSION = "articles.publish_article"
# Seconds added to the page cache's check interval before an HTTP cache is purged.
PURGE_MARGIN = 0.2
# Fields a restore copies back from an old revision; publishing state is not
# content and stays as it is now.
RESTORED_FIELDS = ("headline", "slug", "lead", "body", "byline")


def user_can_publish(user: AbstractUser | None) -> bool:
    return bool(user and user.has_perm(PUBLISH_PERMISSION))


def _require_publisher(user: AbstractUser | None) -> None:
    # The admin hides what a reporter may not do; this refuses it all the same
    # when a request is forged. `user=None` is the system (tasks, commands).
    if user is not None and not user_can_publish(user):
        raise PermissionDenied(_("Only editors can publish, schedule or unpublish."))


def article_changed(*, article: Article) -> None:
    """
    After a story changes: its search index entry, in the same transaction as the
    change; then refresh the pages that show it and time its going live.
    """
    article_search_index(article=article)

    def after_commit():
        article_pages_refresh(articles=[article])
        article_queue_go_live(article_id=article.pk, at=article.published_at)

    transaction.on_commit(after_commit)


def article_pages_refresh(*, articles: Iterable[Article]) -> set[str]:
    """
    Refresh the reader pages that show these stories (their pages, their
    editions' front pages and feeds, their sections' and tags' pages), in every
    web process and, through a queued task, at the HTTP caches in front; the
    other pages stay warm. Called once the change is committed. Returns the keys.
    """
    from .tasks import purge_http_caches

    keys = set()
    for article in articles:
        keys |= article_page_keys(article)
    reader_pages_changed(keys)
    if keys and settings.NEWSROOM_HTTP_CACHE_PURGE_URLS:
        # Once every web process has seen the change (each asks within the check
        # interval), so that the HTTP cache's next fetch cannot get an old page.
        purge_http_caches.apply_async(
            args=[sorted(keys)],
            countdown=settings.NEWSROOM_PAGE_VERSION_CHECK_SECONDS + PURGE_MARGIN,
        )
    return keys


def article_queue_go_live(*, article_id: int, at: datetime.datetime | None) -> None:
    """Queue the task that refreshes caches at the moment a scheduled story goes live."""
    from .tasks import article_go_live

    if at is not None and at > timezone.now():
        article_go_live.apply_async(args=[article_id], eta=at)


def article_went_live(*, article_id: int) -> bool:
    """Run at a scheduled story's time: if it is now live, refresh its pages."""
    article = Article.objects.live().filter(pk=article_id).first()
    if article is not None:
        article_pages_refresh(articles=[article])
        return True
    return False  # rescheduled, unpublished or deleted since: nothing to do


SWEEP_MARK_KEY = "articles:sweep-mark"


def scheduled_sweep(*, now: datetime.datetime | None = None) -> int:
    """Safety net for timed tasks: refresh the pages of stories gone live since last run.

    Returns how many stories went live since the previous sweep.
    """
    from django.core.cache import cache

    now = now or timezone.now()
    mark = cache.get(SWEEP_MARK_KEY)
    since = (
        datetime.datetime.fromtimestamp(mark, tz=datetime.UTC)
        if mark is not None
        else now - datetime.timedelta(minutes=10)
    )
    went_live = list(
        Article.objects.live().filter(published_at__gt=since, published_at__lte=now)
    )
    if went_live:
        article_pages_refresh(articles=went_live)
    cache.set(SWEEP_MARK_KEY, now.timestamp(), timeout=None)
    return len(went_live)


def alt_text_missing(alt_text: str | None) -> bool:
    """Whether a photo is undescribed: no alt text, or only white space."""
    return not (alt_text or "").strip()


def article_check_alt_text(*, headline: str, alt_texts: Iterable[str | None]) -> None:
    """
    The alt-text rule, for the publishing services and the story form alike: a
    story is not published with a photo that is not described for readers who
    cannot see it.
    """
    missing = sum(1 for alt_text in alt_texts if alt_text_missing(alt_text))
    if missing:
        raise ValidationError(
            ngettext(
                "“%(headline)s” cannot be published with a photo without alt "
                "text. Describe every photo for readers who cannot see it.",
                "“%(headline)s” cannot be published with %(count)d photos without "
                "alt text. Describe every photo for readers who cannot see it.",
                missing,
            )
            % {"headline": headline, "count": missing},
            code="photo_without_alt",
        )


def article_check_publishable(*, article: Article) -> None:
    """Refuse to publish a story still to translate, or with a photo without alt text."""
    if article.untranslated:
        raise ValidationError(
            _(
                "“%(headline)s” is still to translate: translate it and clear "
                "“to translate” before publishing."
            )
            % {"headline": article.headline},
            code="untranslated",
        )
    article_check_alt_text(
        headline=article.headline,
        alt_texts=[image.alt_text for image in article.images.all()],
    )


def correction_check_allowed(*, article: Article) -> None:
    """The corrections rule, for the service and the story form alike."""
    if article.status != Article.Status.PUBLISHED:
        raise ValidationError(
            _("Corrections are for published stories."), code="not_published"
        )


def _article_transition(
    *, article: Article, user: AbstractUser | None, comment: str, **fields
) -> Article:
    """Set workflow fields, save as one revision, and refresh what readers see."""
    with transaction.atomic(), reversion.create_revision():
        reversion.set_user(user)
        reversion.set_comment(comment)
        for name, value in fields.items():
            setattr(article, name, value)
        article.save()
    article_changed(article=article)
    return article


def article_submit_for_review(*, article: Article, user: AbstractUser) -> Article:
    if article.status != Article.Status.DRAFT:
        raise ValidationError(
            _("Only a draft can be sent for review."), code="not_a_draft"
        )
    if not user_can_publish(user) and article.created_by_id != user.pk:
        raise PermissionDenied(_("You can only send your own drafts for review."))
    return _article_transition(
        article=article,
        user=user,
        comment=_("Sent for review."),
        status=Article.Status.REVIEW,
    )


def article_publish(
    *,
    article: Article,
    user: AbstractUser | None = None,
    at: datetime.datetime | None = None,
) -> Article:
    """Publish now (`at` None or past) or schedule (`at` in the future)."""
    _require_publisher(user)
    article_check_publishable(article=article)
    now = timezone.now()
    if at is None:
        # A story pulled and published again keeps its first publish time.
        at = (
            article.published_at
            if article.published_at and article.published_at <= now
            else now
        )
    comment = (
        _("Scheduled for %(time)s.") % {"time": dateline(at)}
        if at > now
        else _("Published.")
    )
    return _article_transition(
        article=article,
        user=user,
        comment=comment,
        status=Article.Status.PUBLISHED,
        published_at=at,
    )


def article_unpublish(*, article: Article, user: AbstractUser | None = None) -> Article:
    _require_publisher(user)
    return _article_transition(
        article=article,
        user=user,
        comment=_("Unpublished."),
        status=Article.Status.UNPUBLISHED,
    )


def article_place_on_front_page(
    *, article: Article, position: int | None, user: AbstractUser | None = None
) -> Article:
    """Put a story in a place at the top of the front page (None: take it off).

    One story per place and edition: the story of its edition that had the place
    loses it, in the same transaction. Placement is not an edit of the story: no
    new version.
    """
    _require_publisher(user)
    if position is not None and position not in Article.FrontPage.values:
        raise ValidationError(_("There is no such place on the front page."))
    with transaction.atomic():
        if position is not None:
            Article.objects.filter(
                front_page_position=position, language=article.language
            ).exclude(pk=article.pk).update(front_page_position=None)
        article.front_page_position = position
        article.save(update_fields=["front_page_position"])
    article_changed(article=article)
    return article


def correction_add(
    *, article: Article, text: str, user: AbstractUser | None = None
) -> Correction:
    """Append a public correction note to a published story (shown newest last).

    Reader error reports call this when an editor applies one with "add a
    correction" ticked.
    """
    if user is not None and not user.has_perm("articles.add_correction"):
        raise PermissionDenied(_("Only editors can add corrections."))
    correction_check_allowed(article=article)
    correction = Correction(article=article, text=(text or "").strip(), created_by=user)
    with transaction.atomic():
        correction.full_clean()
        correction.save()
        # A correction is a change of the story (sitemaps' lastmod, dateModified)
        # but no new version of its text: the time only.
        article.updated_at = correction.created_at
        Article.objects.filter(pk=article.pk).update(updated_at=article.updated_at)
    article_changed(article=article)
    return correction


def article_restore_revision(
    *, article: Article, version: Version, user: AbstractUser
) -> Article:
    """Copy an old revision's text back onto the story, as a new revision."""
    if (
        version.object_id != str(article.pk)
        or version.content_type.model_class() is not Article
    ):
        raise ValidationError(_("That revision belongs to another story."))
    old = version.field_dict
    with transaction.atomic(), reversion.create_revision():
        reversion.set_user(user)
        reversion.set_comment(
            _("Restored the text of the revision saved on %(time)s.")
            % {"time": dateline(version.revision.date_created)}
        )
        for field in RESTORED_FIELDS:
            if field in old:
                setattr(article, field, old[field])
        article.full_clean(exclude=["tags"])
        article.save()
    article_changed(article=article)
    return article


def article_preview_token(*, article: Article) -> str:
    """A signed, shareable token that opens this story's preview until it expires."""
    return signing.dumps({"article": article.pk}, salt=PREVIEW_SALT, compress=True)


def photo_renditions_queue(*, image: ArticleImage) -> None:
    from .tasks import photo_make_renditions

    image_id = image.pk
    transaction.on_commit(lambda: photo_make_renditions.delay(image_id))


def photo_renditions_make(
    *, image: ArticleImage, renditions: list[Rendition] | None = None
) -> list[dict]:
    """
    Make the photo's renditions, record them and drop the previous set.

    `renditions` are ones already made from the photo's stored file by
    photos.make_renditions, elsewhere (the demo makes a hundred in parallel).
    """
    if renditions is None:
        with image.image.open("rb") as source:
            renditions = make_renditions(source.read())
    stem = image.image.name.rsplit("/", 1)[-1].rsplit(".", 1)[0]
    made = []
    for rendition in renditions:
        extension = "jpg" if rendition.format == "jpeg" else rendition.format
        label = rendition.crop or rendition.width
        name = default_storage.save(
            f"renditions/{image.pk}/{stem}-{label}.{extension}",
            ContentFile(rendition.content),
        )
        entry = {
            "name": name,
            "width": rendition.width,
            "height": rendition.height,
            "format": rendition.format,
        }
        if rendition.crop:
            entry["crop"] = rendition.crop
        made.append(entry)
    previous = (
        ArticleImage.objects.filter(pk=image.pk)
        .values_list("renditions", flat=True)
        .first()
    )
    ArticleImage.objects.filter(pk=image.pk).update(renditions=made)
    for old in previous or []:
        if old["name"] not in {r["name"] for r in made}:
            default_storage.delete(old["name"])
    image.renditions = made
    article = image.article
    transaction.on_commit(lambda: article_pages_refresh(articles=[article]))
    return made


def photo_crops_missing(*, image: ArticleImage) -> bool:
    """Whether a photo lacks one of the crops (photos made before CROPS grew)."""
    return not set(CROPS) <= {r.get("crop") for r in image.renditions}


def photo_renditions_backfill(*, dry_run: bool = False) -> list[ArticleImage]:
    """Make the renditions again of every photo that lacks a crop; the photos."""
    missing = [
        image
        for image in ArticleImage.objects.order_by("pk").iterator()
        if photo_crops_missing(image=image)
    ]
    if not dry_run:
        for image in missing:
            photo_renditions_make(image=image)
    return missing


def article_translate(
    *, article: Article, language: str, user: AbstractUser
) -> Article:
    """
    A draft of `article` in another edition, in its translation group: the text
    still in the original language and flagged "to translate", the same section
    (sections are shared by the editions, each with its own name), source and
    byline, and the same photos with their captions and alt texts to translate.
    Tags are not copied: each edition's editors write their own.
    """
    if language == article.language or language not in editions():
        raise ValidationError(_("Choose another edition than the story's own."))
    existing = Article.objects.filter(
        translation_group=article.translation_group, language=language
    ).first()
    if existing is not None:
        raise ValidationError(
            _("“%(headline)s” already has a version in that language: “%(other)s”.")
            % {"headline": article.headline, "other": existing.headline}
        )
    draft = Article(
        language=language,
        translation_group=article.translation_group,
        untranslated=True,
        headline=article.headline,
        lead=article.lead,
        body=article.body,
        section_id=article.section_id,
        source_id=article.source_id,
        byline=article.byline,
        status=Article.Status.DRAFT,
        created_by=user,
    )
    with transaction.atomic(), reversion.create_revision():
        reversion.set_user(user)
        reversion.set_comment(
            _("Created to translate story %(id)d.") % {"id": article.pk}
        )
        draft.full_clean()
        draft.save()
        # The same stored files: a photo is the same photo in every edition.
        ArticleImage.objects.bulk_create(
            ArticleImage(
                article=draft,
                image=image.image.name,
                width=image.width,
                height=image.height,
                caption=image.caption,
                credit=image.credit,
                alt_text=image.alt_text,
                order=image.order,
                renditions=image.renditions,
            )
            for image in article.images.all()
        )
        # Found by the desk's search from the start, in its edition's language.
        article_search_index(article=draft)
    return draft
