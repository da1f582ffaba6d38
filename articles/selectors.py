"""Non-trivial reads: previews and revision history."""

from __future__ import annotations

from dataclasses import dataclass

from django.conf import settings
from django.core import signing
from django.utils.safestring import SafeString
from reversion.models import Version

from .diff import word_diff
from .models import Article
from .text import html_to_text

# Signs preview links (services.article_preview_url) and checks them here.
PREVIEW_SALT = "articles.preview"


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
