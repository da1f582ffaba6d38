"""Non-trivial reads: the front page, previews and revision history."""

from __future__ import annotations

from dataclasses import dataclass

from django.conf import settings
from django.core import signing
from django.db.models import Q
from django.utils.safestring import SafeString
from reversion.models import Version

from .diff import word_diff
from .models import Article
from .text import html_to_text

# Signs preview links (services.article_preview_url) and checks them here.
PREVIEW_SALT = "articles.preview"


def front_page_top(*, edition: str) -> list[Article]:
    """
    The lead story and the secondary leads of one edition's front page, in their
    places: the editors' choices
    (Article.front_page_position) where they made one, the newest live stories in
    the places they left empty. A story placed but no longer live leaves its place
    to the newest, so nothing unpublished or scheduled shows. One query (and one
    for the photos): the placed stories and enough of the newest to fill in.
    """
    places = Article.FrontPage.values
    live = Article.objects.live().in_edition(edition)
    newest = live.order_by("-published_at", "-pk").values("pk")[: 2 * len(places)]
    candidates = list(
        live.filter(Q(front_page_position__in=places) | Q(pk__in=newest)).for_listing()
    )
    chosen: dict[int, Article] = {}
    for article in candidates:  # newest first: the newest wins a disputed place
        if article.front_page_position is not None:
            chosen.setdefault(article.front_page_position, article)
    placed = {article.pk for article in chosen.values()}
    fill = iter(article for article in candidates if article.pk not in placed)
    top = [chosen.get(place) or next(fill, None) for place in places]
    return [article for article in top if article is not None]


class PreviewLinkError(Exception):
    """The preview link is expired, tampered with or names no story."""


def article_for_preview(*, token: str) -> Article:
    """The story a signed preview token names, live or not."""
    try:
        data = signing.loads(
            token, salt=PREVIEW_SALT, max_age=settings.NEWSROOM_PREVIEW_MAX_AGE
        )
    except signing.SignatureExpired:
        raise PreviewLinkError("expired")
    except signing.BadSignature:
        raise PreviewLinkError("bad")
    article_id = data.get("article") if isinstance(data, dict) else None
    article = (
        Article.objects.for_detail().filter(pk=article_id).first()
        if isinstance(article_id, int)
        else None
    )
    if article is None:
        raise PreviewLinkError("missing")
    return article


def article_revisions(*, article: Article):
    """The story's revisions, oldest first, with who saved them and why."""
    return (
        Version.objects.get_for_object(article)
        .select_related("revision", "revision__user")
        .order_by("pk")
    )


@dataclass(frozen=True)
class FieldDiff:
    name: str
    label: str
    changed: bool
    diff: SafeString


DIFFED_FIELDS = (
    ("headline", Article._meta.get_field("headline").verbose_name),
    ("lead", Article._meta.get_field("lead").verbose_name),
    ("body", Article._meta.get_field("body").verbose_name),
)


def revision_diff(*, old: Version, new: Version) -> list[FieldDiff]:
    """Word diffs of headline, lead and body between two revisions."""
    diffs = []
    for name, label in DIFFED_FIELDS:
        before = old.field_dict.get(name) or ""
        after = new.field_dict.get(name) or ""
        if name == "body":
            before, after = html_to_text(before), html_to_text(after)
        diffs.append(
            FieldDiff(
                name=name,
                label=str(label),
                changed=before != after,
                diff=word_diff(before, after),
            )
        )
    return diffs
