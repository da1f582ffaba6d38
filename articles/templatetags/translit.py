"""Kazakh in Latin script for templates: `{{ headline|latin }}`, `{{ body|latin_html }}`."""

from django import template

from ..translit import to_latin, to_latin_html

register = template.Library()


# Transliteration adds no "<", ">", "&" or quote, so what was safe stays safe.
@register.filter(is_safe=True)
def latin(value):
    """Plain text (a headline, a lead, a caption) in the 2021 Kazakh Latin alphabet."""
    return to_latin(str(value))


@register.filter(is_safe=True)
def latin_html(value):
    """A story's HTML body in Latin script: text nodes only, markup untouched."""
    return to_latin_html(str(value))
