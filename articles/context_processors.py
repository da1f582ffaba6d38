from django.conf import settings

from .models import Section


def newsroom(request):
    """The newsroom's name and its sections, for the header of every page."""
    return {
        "newsroom_name": settings.NEWSROOM_NAME,
        # Lazy: evaluated once, only by templates that show the menu.
        "nav_sections": Section.objects.all,
    }
