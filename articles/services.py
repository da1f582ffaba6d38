"""Writes with side effects for the desk: workflow, corrections, revisions, photos."""

import datetime

import reversion
from django.contrib.auth.models import AbstractUser
from django.core import signing
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from reversion.models import Version

from .cache import reader_cache_refresh
from .models import Article, ArticleImage, Correction
from .photos import make_renditions

PUBLISH_PERMISSION = "articles.publish_article"
PREVIEW_SALT = "articles.preview"
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
    """After a story changes: refresh reader caches and time its going live."""

    def after_commit():
        reader_cache_refresh()
        article_queue_go_live(article_id=article.pk, at=article.published_at)

    transaction.on_commit(after_commit)


def article_queue_go_live(*, article_id: int, at: datetime.datetime | None) -> None:
    """Queue the task that refreshes caches at the moment a scheduled story goes live."""
    from .tasks import article_go_live

    if at is not None and at > timezone.now():
        article_go_live.apply_async(args=[article_id], eta=at)


def article_went_live(*, article_id: int) -> bool:
    """Run at a scheduled story's time: if it is now live, refresh reader caches."""
    if Article.objects.live().filter(pk=article_id).exists():
        reader_cache_refresh()
        return True
    return False  # rescheduled, unpublished or deleted since: nothing to do


SWEEP_MARK_KEY = "articles:sweep-mark"


def scheduled_sweep(*, now: datetime.datetime | None = None) -> int:
    """Safety net for timed tasks: refresh caches if any story went live since last run.

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
    went_live = (
        Article.objects.live().filter(published_at__gt=since, published_at__lte=now)
    ).count()
    if went_live:
        reader_cache_refresh()
    cache.set(SWEEP_MARK_KEY, now.timestamp(), timeout=None)
    return went_live


def article_check_publishable(*, article: Article) -> None:
    """Refuse to publish a story with a photo that has no alt text."""
    missing = [image for image in article.images.all() if not image.alt_text.strip()]
    if missing:
        raise ValidationError(
            _(
                "“%(headline)s” has %(count)d photo(s) without alt text. Describe "
                "every photo for readers who cannot see it before publishing."
            )
            % {"headline": article.headline, "count": len(missing)},
            code="photo_without_alt",
        )


def article_submit_for_review(*, article: Article, user: AbstractUser) -> Article:
    if article.status != Article.Status.DRAFT:
        raise ValidationError(
            _("Only a draft can be sent for review."), code="not_a_draft"
        )
    if not user_can_publish(user) and article.created_by_id != user.pk:
        raise PermissionDenied(_("You can only send your own drafts for review."))
    with transaction.atomic(), reversion.create_revision():
        reversion.set_user(user)
        reversion.set_comment(_("Sent for review."))
        article.status = Article.Status.REVIEW
        article.save()
    article_changed(article=article)
    return article


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
    with transaction.atomic(), reversion.create_revision():
        reversion.set_user(user)
        reversion.set_comment(
            _("Scheduled for %(time)s.")
            % {"time": timezone.localtime(at).strftime("%d.%m.%Y, %H:%M")}
            if at > now
            else _("Published.")
        )
        article.status = Article.Status.PUBLISHED
        article.published_at = at
        article.save()
    article_changed(article=article)
    return article


def article_unpublish(*, article: Article, user: AbstractUser | None = None) -> Article:
    _require_publisher(user)
    with transaction.atomic(), reversion.create_revision():
        reversion.set_user(user)
        reversion.set_comment(_("Unpublished."))
        article.status = Article.Status.UNPUBLISHED
        article.save()
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
    if article.status != Article.Status.PUBLISHED:
        raise ValidationError(
            _("Corrections are for published stories."), code="not_published"
        )
    correction = Correction(article=article, text=(text or "").strip(), created_by=user)
    correction.full_clean()
    correction.save()
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
            % {
                "time": timezone.localtime(version.revision.date_created).strftime(
                    "%d.%m.%Y, %H:%M"
                )
            }
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


def photo_renditions_make(*, image: ArticleImage) -> list[dict]:
    """Make the photo's renditions, record them and drop the previous set."""
    with image.image.open("rb") as source:
        data = source.read()
    stem = image.image.name.rsplit("/", 1)[-1].rsplit(".", 1)[0]
    made = []
    for width, height, fmt, content in make_renditions(data):
        extension = "jpg" if fmt == "jpeg" else fmt
        name = default_storage.save(
            f"renditions/{image.pk}/{stem}-{width}.{extension}", ContentFile(content)
        )
        made.append({"name": name, "width": width, "height": height, "format": fmt})
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
    transaction.on_commit(reader_cache_refresh)
    return made
