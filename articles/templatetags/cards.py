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
    the story moves its key and so renders its card again.
    """
    html = cached_fragment(
        "card",
        article.pk,
        *(f"{name}={options[name]}" for name in sorted(options)),
        seconds=CARD_SECONDS,
        keys=[story_key(article.pk)],
        compute=lambda: render_to_string(
            "includes/article_card.html", {"article": article, **options}
        ),
    )
    return mark_safe(html)  # noqa: S308 (rendered by the template above)
