from django.conf import settings
from django.utils.functional import SimpleLazyObject

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
    """The newsroom's name, logo and sections, for the header and footer of every page."""
    return {
        "newsroom_name": settings.NEWSROOM_NAME,
        "newsroom_logo": settings.NEWSROOM_LOGO,
        # Lazy, and read once: only templates that show the menu ask for it, and
        # the header and the footer share it.
        "nav_sections": SimpleLazyObject(nav_sections),
    }
