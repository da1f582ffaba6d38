"""Template tags the reader pages use to show analytics without importing it."""

from django import template
from django.conf import settings
from django.urls import reverse
from django.utils.formats import get_format, number_format

from ..selectors import article_views, most_viewed_stories
from ..stores import Window
from ..tokens import hit_token

register = template.Library()


@register.inclusion_tag("analytics/view_counter.html")
def view_counter(article):
    """
    The story's view count, and what the page's script needs to count a view: the
    hit address and a token signed for this story and today, the same for every
    reader, so that the page stays cacheable. The count is grouped as the page's
    language groups digits ("94 866", "94,866"); the script groups a fresh count
    with the same separator.
    """
    views = article_views(article_id=article.pk)
    return {
        "article": article,
        "views": number_format(views, force_grouping=True),
        "separator": get_format("THOUSAND_SEPARATOR"),
        "token": hit_token(article_id=article.pk, section_id=article.section_id),
        "hit_url": reverse("analytics:hit"),
        "delay": settings.ANALYTICS_BEACON_DELAY_MS,
        # A refused beacon is sent again after this many seconds, then twice as
        # many, and so on, within the dedupe window.
        "retry": settings.ANALYTICS_BEACON_RETRY_SECONDS,
        "window": settings.ANALYTICS_VIEW_WINDOW_SECONDS,
    }


@register.inclusion_tag("analytics/most_viewed.html")
def most_viewed(section=None, limit=None):
    """The "Most viewed" block, site-wide or for one section, one list per window."""
    windows = [Window(value) for value in settings.ANALYTICS_MOST_VIEWED_WINDOWS]
    lists = most_viewed_stories(
        windows=windows,
        section=section,
        limit=limit or settings.ANALYTICS_MOST_VIEWED_LIMIT,
    )
    return {"lists": lists, "section": section}
