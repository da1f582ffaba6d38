"""Template tags the reader pages use to show analytics without importing it."""

from django import template
from django.conf import settings
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.formats import get_format, number_format
from django.utils.safestring import mark_safe

from articles.fragments import cached_fragment

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


@register.simple_tag
def most_viewed(section=None, limit=None):
    """
    The "Most viewed" block, site-wide or for one section, one list per window:
    a fragment of its own, kept as long as a ranking (ANALYTICS_MOST_VIEWED_SECONDS)
    per edition and section, so that pages rendered meanwhile ask nothing for it.
    """
    limit = limit or settings.ANALYTICS_MOST_VIEWED_LIMIT

    def render() -> str:
        windows = [Window(value) for value in settings.ANALYTICS_MOST_VIEWED_WINDOWS]
        lists = most_viewed_stories(windows=windows, section=section, limit=limit)
        return render_to_string(
            "analytics/most_viewed.html", {"lists": lists, "section": section}
        )

    html = cached_fragment(
        "most-viewed",
        section.pk if section else "all",
        limit,
        seconds=settings.ANALYTICS_MOST_VIEWED_SECONDS,
        compute=render,
    )
    return mark_safe(html)  # noqa: S308 (rendered by the template above)
