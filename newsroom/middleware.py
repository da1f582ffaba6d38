"""Project-wide request checks."""

import codecs

from django.core.handlers.wsgi import WSGIHandler, WSGIRequest
from django.http import HttpResponseBadRequest
from django.utils import translation
from django.utils.http import parse_header_parameters
from django.utils.translation import gettext_lazy as _

# The site's pages and scripts send UTF-8, of which ASCII is a part. Python knows
# codecs such as rot13, base64, uu or zlib that are not text encodings at all;
# Django accepts any name Python knows and fails when it decodes with one.
ACCEPTED_CHARSETS = frozenset({"utf-8", "ascii"})


def charset_accepted(charset: str) -> bool:
    try:
        return codecs.lookup(charset).name in ACCEPTED_CHARSETS
    except LookupError:
        return False


class NewsroomRequest(WSGIRequest):
    """
    A WSGI request that keeps a refused charset out of its decoding.

    Django sets a request's encoding from the Content-Type's charset while it
    builds the request, before any middleware runs, and setting it decodes the
    query string at once; so the check cannot wait for a middleware. The charset
    is set aside instead, and RefuseBadInputMiddleware answers 400.
    """

    refused_charset = ""

    def _set_content_type_params(self, meta):
        self.content_type, self.content_params = parse_header_parameters(
            meta.get("CONTENT_TYPE", "")
        )
        charset = self.content_params.get("charset")
        if charset is not None:
            if charset_accepted(charset):
                self.encoding = charset
            else:
                self.refused_charset = charset


class NewsroomWSGIHandler(WSGIHandler):
    request_class = NewsroomRequest


def _bad_request(message: str) -> HttpResponseBadRequest:
    # Plain text, built without the request's data, templates or context
    # processors: nothing here can fail on the input it refuses.
    return HttpResponseBadRequest(message, content_type="text/plain; charset=utf-8")


class RefuseBadInputMiddleware:
    """
    Answer 400 to what no view could read: a body or query string in a charset
    the site does not accept (set aside by NewsroomRequest), or an address with a
    NUL character in its path or query string.

    PostgreSQL refuses NUL in text, so a NUL reaching any lookup (a tag's slug, a
    search, an admin filter) would end in a server error. One check here covers
    every view, the admin's included; forms already refuse NUL in posted fields.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if getattr(request, "refused_charset", ""):
            problem = _("The request's charset is not accepted: send UTF-8.")
        elif "\x00" in request.path or "%00" in request.META.get("QUERY_STRING", ""):
            problem = _("The address contains a NUL character.")
        else:
            return self.get_response(request)
        # This runs before LocaleMiddleware: the answer takes the language the
        # browser asks for (cookie or Accept-Language) itself.
        with translation.override(translation.get_language_from_request(request)):
            return _bad_request(str(problem))


class PrivateByDefaultMiddleware:
    """
    Only what says it may be shared is kept by a shared cache: reader pages say so
    (articles/edge.py); anything else is `private, no-store`. So is anything that
    sets a cookie or read the session (SessionMiddleware then adds `Vary: Cookie`)
    and the whole admin, whatever a view said, so that no CDN or Varnish in front
    can ever hand one person's page to another.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        vary = {v.strip().lower() for v in response.get("Vary", "").split(",")}
        if (
            "Cache-Control" not in response
            or response.cookies
            or "cookie" in vary
            or request.path_info.startswith("/admin/")
        ):
            response["Cache-Control"] = "private, no-store"
            for header in ("Surrogate-Key", "xkey", "Expires"):
                if header in response:
                    del response[header]
        return response
