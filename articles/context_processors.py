from django.conf import settings
from django.utils.functional import SimpleLazyObject

from .models import Section


def newsroom(request):
    """The newsroom's name, logo and sections, for the header and footer of every page."""
    return {
        "newsroom_name": settings.NEWSROOM_NAME,
        "newsroom_logo": settings.NEWSROOM_LOGO,
        # Lazy, and read once: only templates that show the menu ask for it, and
        # the header and the footer share the one query.
        "nav_sections": SimpleLazyObject(lambda: list(Section.objects.all())),
    }
