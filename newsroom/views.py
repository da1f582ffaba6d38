"""Project-wide endpoints: uploaded media, browsers' CSP violation reports, error pages."""

import json
import logging

from django.conf import settings
from django.core.exceptions import SuspiciousFileOperation
from django.core.files.storage import default_storage
from django.http import (
    FileResponse,
    Http404,
    HttpResponse,
    HttpResponseBadRequest,
    HttpResponseForbidden,
    HttpResponseServerError,
)
from django.shortcuts import redirect, render
from django.template import loader
from django.templatetags.static import static
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST, require_safe

from articles.photos import photo_mime_type
from newsroom.ratelimit import rate_limit_hit
from newsroom.visitors import network_hash

logger = logging.getLogger("newsroom.csp")


@require_safe
def favicon(request):
    """/favicon.ico, which browsers ask for whatever the page says: the static icon."""
    response = redirect(static("img/favicon.ico"))
    response["Cache-Control"] = "public, max-age=86400"
    return response


MEDIA_FOLDERS = ("photos/", "renditions/")


@require_safe
def media(request, path):
    """
    An uploaded photo, typed by decoding its header, never by its name.

    Only the photo folders are served, and only files that decode as an accepted
    image format (with X-Content-Type-Options: nosniff from SecurityMiddleware), so
    no upload can be served as HTML or script. Names carry a random part
    (articles/photos.py), so they never change and can be cached for good.
    """
    if not path.startswith(MEDIA_FOLDERS) or ".." in path.split("/"):
        raise Http404
    try:
        file = default_storage.open(path, "rb")
    except (OSError, SuspiciousFileOperation, ValueError):
        raise Http404
    content_type = photo_mime_type(file)
    if content_type is None:
        file.close()
        raise Http404
    file.seek(0)
    response = FileResponse(file, content_type=content_type)
    response["Cache-Control"] = "public, max-age=31536000, immutable"
    response["Content-Disposition"] = "inline"
    return response


REPORT_MAX_BYTES = 8192
REPORT_TYPES = {
    "application/csp-report",
    "application/reports+json",
    "application/json",
}


@csrf_exempt  # browsers send these reports without a cookie or token
@require_POST
def csp_report(request):
    """Log a browser's report of a CSP violation: 204, or 4xx for what is not one."""
    if request.content_type not in REPORT_TYPES:
        return HttpResponse(status=415)
    try:
        length = int(request.META.get("CONTENT_LENGTH") or 0)
    except ValueError:
        length = REPORT_MAX_BYTES + 1
    if length > REPORT_MAX_BYTES:
        return HttpResponse(status=413)
    retry_after = rate_limit_hit(
        scope="csp-reports",
        key=network_hash(request),
        limit=settings.NEWSROOM_CSP_REPORT_RATE_LIMIT,
        window=60,
    )
    if retry_after is not None:
        response = HttpResponse(status=429)
        response["Retry-After"] = str(retry_after)
        return response
    try:
        report = json.loads(request.body)
    except (ValueError, RecursionError):
        return HttpResponse(status=400)
    if isinstance(report, dict):
        report = report.get("csp-report", report)
    # Logged as JSON on one line, so that a reader's address never enters the log.
    logger.warning(
        "CSP violation: %s", json.dumps(report, ensure_ascii=True)[:REPORT_MAX_BYTES]
    )
    return HttpResponse(status=204)


# The error pages. Django's own error views are wrapped in requires_csrf_token,
# which reads the request's body looking for a token; a malformed body (a
# multipart form without a boundary, with a CSRF cookie) then raises inside the
# error view itself and turns a 400 or 404 into a 500. No error page holds a form,
# so these render without that step. The 400, 403 and 500 pages are rendered
# without the request, which may be what is broken.


def bad_request(request, exception):
    return HttpResponseBadRequest(loader.get_template("400.html").render())


def permission_denied(request, exception):
    return HttpResponseForbidden(loader.get_template("403.html").render())


def page_not_found(request, exception):
    return render(request, "404.html", status=404)


def server_error(request):
    return HttpResponseServerError(loader.get_template("500.html").render())
