"""A story's card in a list, rendered once and kept with the story's key."""

from django import template
from django.template.loader import render_to_string
from django.utils.safestring import mark_safe

from ..cache import story_key
from ..fragments import cached_fragment

register = template.Library()

# A card shows the story's section too: a renamed section shows within this time.
CARD_SECONDS = 300


@register.simple_tag
def story_card(article, **options):
    """
    includes/article_card.html for `article` with `options` (large, show_image,
    show_lead, show_section, eager, sizes), kept as a fragment: a list of twelve
    cards rendered again costs twelve lookups, not twelve templates. A change to
    the story moves its key and so renders its card again. A search result's card
    shows the snippet of the reader's words, so it is rendered, never kept.
    """

    def render() -> str:
        return render_to_string(
            "includes/article_card.html", {"article": article, **options}
        )

    if getattr(article, "search_snippet", None) is not None:
        return mark_safe(render())  # noqa: S308 (rendered by the template above)
    html = cached_fragment(
        "card",
        article.pk,
        *(f"{name}={options[name]}" for name in sorted(options)),
        seconds=CARD_SECONDS,
        keys=[story_key(article.pk)],
        compute=render,
    )
    return mark_safe(html)  # noqa: S308 (rendered by the template above)
