"""POST data for the story form of the admin, as a browser would send it."""

from django.utils import timezone

from articles.models import Article


def story_form(article: Article | None = None, **overrides) -> dict:
    """The change form's fields for `article` (or an empty add form), then `overrides`."""
    data = {
        "headline": "",
        "slug": "",
        "lead": "",
        "body": "",
        "language": "en",
        "section": "",
        "tags": "",
        "source": "",
        "byline": "",
        "status": "draft",
        "published_at_0": "",
        "published_at_1": "",
        "front_page_position": "",
        "loaded_version": "",
        "images-TOTAL_FORMS": "0",
        "images-INITIAL_FORMS": "0",
        "corrections-TOTAL_FORMS": "0",
        "corrections-INITIAL_FORMS": "0",
    }
    if article is not None:
        published = (
            timezone.localtime(article.published_at) if article.published_at else None
        )
        images = list(article.images.all())
        data.update(
            {
                "headline": article.headline,
                "slug": article.slug,
                "lead": article.lead,
                "body": article.body,
                "language": article.language,
                "untranslated": "on" if article.untranslated else "",
                "section": str(article.section_id),
                "tags": ", ".join(article.tags.names()),
                "source": str(article.source_id or ""),
                "byline": article.byline,
                "status": article.status,
                "published_at_0": published.strftime("%Y-%m-%d") if published else "",
                "published_at_1": published.strftime("%H:%M:%S") if published else "",
                "front_page_position": str(article.front_page_position or ""),
                "loaded_version": str(article.version),
                "images-TOTAL_FORMS": str(len(images)),
                "images-INITIAL_FORMS": str(len(images)),
                "corrections-TOTAL_FORMS": "0",
                "corrections-INITIAL_FORMS": str(article.corrections.count()),
            }
        )
        for i, image in enumerate(images):
            data.update(
                {
                    f"images-{i}-id": str(image.pk),
                    f"images-{i}-article": str(article.pk),
                    f"images-{i}-caption": image.caption,
                    f"images-{i}-credit": image.credit,
                    f"images-{i}-alt_text": image.alt_text,
                    f"images-{i}-order": str(image.order),
                }
            )
        for i, correction in enumerate(article.corrections.all()):
            data[f"corrections-{i}-id"] = str(correction.pk)
            data[f"corrections-{i}-article"] = str(article.pk)
        data["corrections-TOTAL_FORMS"] = str(article.corrections.count())
    data.update(overrides)
    return data
