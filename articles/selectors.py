"""Non-trivial reads: the front page, previews, revision history, and the spots
error reports quote."""

from __future__ import annotations

import re
from dataclasses import dataclass

from django.conf import settings
from django.core import signing
from django.db.models import Q
from django.utils.safestring import SafeString
from reversion.models import Version

from .diff import html_to_text, word_diff
from .models import Article, ArticleImage, ErrorReport
from .quotes import Document, Span, TextQuote

# Signs preview links (services.article_preview_url) and checks them here.
PREVIEW_SALT = "articles.preview"


def front_page_top() -> list[Article]:
    """
    The lead story and the secondary leads, in their places: the editors' choices
    (Article.front_page_position) where they made one, the newest live stories in
    the places they left empty. A story placed but no longer live leaves its place
    to the newest, so nothing unpublished or scheduled shows. One query (and one
    for the photos): the placed stories and enough of the newest to fill in.
    """
    places = Article.FrontPage.values
    live = Article.objects.live()
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


# The parts of a story page that carry data-part (templates/articles/article_detail.html).
PART_PATTERN = re.compile(r"(headline|lead|body|caption-([1-9][0-9]{0,2}))")


def article_caption_image(*, article: Article, part: str) -> ArticleImage | None:
    """The photo whose caption is "caption-N": the N-th photo in gallery order."""
    match = PART_PATTERN.fullmatch(part or "")
    if not match or not match.group(2):
        return None
    images = list(article.images.all())
    number = int(match.group(2))
    if number > len(images) or not images[number - 1].caption:
        return None
    return images[number - 1]


def article_part_document(
    *, article: Article, part: str, image: ArticleImage | None = None
) -> Document | None:
    """The reading text of one part of the story as it is now, or None if it has none."""
    if part == "headline":
        return Document.from_plain(article.headline)
    if part == "lead":
        return Document.from_plain(article.lead) if article.lead else None
    if part == "body":
        return Document.from_html(article.body)
    if PART_PATTERN.fullmatch(part or "") and image is not None and image.caption:
        return Document.from_plain(image.caption)
    return None


@dataclass(frozen=True)
class LocatedQuote:
    document: Document
    span: Span


def error_report_locate(*, report: ErrorReport) -> LocatedQuote | None:
    """Where the report's quote is in the story now; None when it is no longer there."""
    image = report.image if report.part.startswith("caption-") else None
    document = article_part_document(
        article=report.article, part=report.part, image=image
    )
    if document is None:
        return None
    span = document.locate(
        TextQuote(exact=report.exact, prefix=report.prefix, suffix=report.suffix)
    )
    return LocatedQuote(document, span) if span is not None else None


def error_report_new_count() -> int:
    """How many spots in stories readers have reported that the desk has not dealt with."""
    return ErrorReport.objects.open().heads().count()
