"""Kazakh pages in Latin script: /kk-latn/ pages transliterated on the way out."""

from .editions import LATIN
from .translit import to_latin_page

LATIN_CONTENT_LANGUAGE = "kk-Latn"


def latin_response(response):
    """
    An HTML response in Latin script, marked so by Content-Language; any other
    response, or one already transliterated (the page cache keeps pages in Latin,
    so a cached page costs no second pass), as it is.
    """
    if (
        response.streaming
        or not response.get("Content-Type", "").startswith("text/html")
        or response.get("Content-Language") == LATIN_CONTENT_LANGUAGE
    ):
        return response
    response.content = to_latin_page(response.content.decode(response.charset))
    response["Content-Language"] = LATIN_CONTENT_LANGUAGE
    return response


class LatinScriptMiddleware:
    """
    Every page under /kk-latn/, the 404 page and search included, in the 2021
    Latin alphabet: rendered in Kazakh from the stored Cyrillic, which stays the
    text that is edited and searched, and transliterated whole (to_latin_page).
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if getattr(request, "LANGUAGE_CODE", "") == LATIN:
            return latin_response(response)
        return response
