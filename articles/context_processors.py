from django.conf import settings

from .fragments import cached_fragment
from .models import Section

# Sections change seldom (a new one, a renamed one): the menu shows such a change
# within this time, and no page queries for it meanwhile.
NAV_SECONDS = 60


def nav_sections() -> list[Section]:
    return cached_fragment(
        "nav-sections", seconds=NAV_SECONDS, compute=lambda: list(Section.objects.all())
    )


def newsroom(request):
    """The newsroom's name and its sections, for the header of every page."""
    return {
        "newsroom_name": settings.NEWSROOM_NAME,
        # Lazy: evaluated once, only by templates that show the menu.
        "nav_sections": nav_sections,
    }
