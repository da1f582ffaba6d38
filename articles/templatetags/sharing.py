"""The <head> of a reader page: canonical, feeds, social cards, structured data."""

from django import template
from django.conf import settings
from django.urls import reverse
from django.utils import translation

from ..editions import LATIN, edition_choices, is_latin
from ..metadata import head_metadata
from ..models import newsroom_reuse_notice

register = template.Library()


@register.inclusion_tag("includes/head_metadata.html", takes_context=True)
def page_metadata(context):
    """Computed by articles/metadata.py from the page's context; printed as it is."""
    return head_metadata(context)


@register.inclusion_tag("includes/footer.html", takes_context=True)
def site_footer(context):
    """The editions, sections, feeds, contacts and reuse notice at every page's foot."""
    links = []
    for code, name in edition_choices():
        language = LATIN if code == "kk" and is_latin() else code
        with translation.override(language):
            links.append((code, name, reverse("articles:front-page")))
    return {
        "newsroom_name": settings.NEWSROOM_NAME,
        "editions": links,
        "nav_sections": context.get("nav_sections"),
        "feed_rss": reverse("articles:feed"),
        "feed_atom": reverse("articles:feed-atom"),
        "email": settings.NEWSROOM_CONTACT_EMAIL,
        "phone": settings.NEWSROOM_CONTACT_PHONE,
        "address": settings.NEWSROOM_CONTACT_ADDRESS,
        "reuse_notice": newsroom_reuse_notice(),
    }
