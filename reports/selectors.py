"""Non-trivial reads: the parts of a story readers quote, where a quote is now."""

from __future__ import annotations

import re
from dataclasses import dataclass

from articles.models import Article, ArticleImage

from .models import ErrorReport
from .quotes import Document, Span, TextQuote

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
