"""Template tags the reader pages use to show analytics without importing it."""

from django import template

register = template.Library()


@register.inclusion_tag("analytics/view_counter.html")
def view_counter(article):
    """The story's view count (filled in by the analytics app)."""
    return {"article": article, "views": None}


@register.inclusion_tag("analytics/most_viewed.html")
def most_viewed(section=None, limit=5):
    """The "Most viewed" block, site-wide or for one section."""
    return {"stories": [], "section": section}
