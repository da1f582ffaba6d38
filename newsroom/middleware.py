"""Project-wide request checks."""

from django.http import HttpResponseBadRequest
from django.utils.translation import gettext as _


class RefuseNullCharactersMiddleware:
    """
    Answer 400 to an address with a NUL character in its path or query string.

    PostgreSQL refuses NUL in text, so a NUL reaching any lookup (a tag's slug, a
    search, an admin filter) would end in a server error. One check here covers
    every view, the admin's included; forms already refuse NUL in posted fields.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if "\x00" in request.path or "%00" in request.META.get("QUERY_STRING", ""):
            return HttpResponseBadRequest(
                _("The address contains a NUL character."),
                content_type="text/plain; charset=utf-8",
            )
        return self.get_response(request)
