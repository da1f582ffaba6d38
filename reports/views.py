import json

from django.conf import settings
from django.http import JsonResponse
from django.middleware.csrf import get_token
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.csrf import csrf_failure as default_csrf_failure
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from articles.models import Article
from newsroom.http import json_error
from newsroom.ratelimit import reader_rate_limit

from . import services
from .forms import ErrorReportForm

REPORT_BODY_MAX = 16_384


@never_cache
@require_GET
def error_report_token(request):
    """
    The CSRF token for the error-report script.

    Story pages are the same for every reader and may be cached by a CDN, so they
    cannot carry a reader's token, and setting a cookie on them would make them
    uncacheable. The script asks here, once, when a reader opens the report
    dialog; this answer sets the CSRF cookie and is never cached.
    """
    return JsonResponse({"csrfToken": get_token(request)})


def json_object(request) -> dict | JsonResponse:
    """The request's JSON object, or the 400 that says why there is none."""
    if request.content_type != "application/json":
        return json_error(_("Send the report as application/json."))
    try:
        length = int(request.META.get("CONTENT_LENGTH") or 0)
    except ValueError:
        length = REPORT_BODY_MAX + 1
    if length > REPORT_BODY_MAX:
        return json_error(_("The report is too large."))
    try:
        data = json.loads(request.body)
    except (ValueError, RecursionError):
        return json_error(_("The report is not valid JSON."))
    if not isinstance(data, dict):
        return json_error(_("The report must be a JSON object."))
    return data


@never_cache
def error_report_submit(request):
    """A reader's error report as JSON: 201, or a 4xx that says what is wrong."""
    if request.method != "POST":
        response = json_error(_("Send the report with POST."), status=405)
        response["Allow"] = "POST"
        return response
    retry_after = reader_rate_limit(
        request,
        scope="error-reports",
        limit=settings.NEWSROOM_ERROR_REPORT_RATE_LIMIT,
        address_limit=settings.NEWSROOM_ERROR_REPORT_RATE_LIMIT_PER_ADDRESS,
        window=settings.NEWSROOM_ERROR_REPORT_RATE_WINDOW,
    )
    if retry_after is not None:
        response = json_error(
            _("Too many reports from you just now. Please try again later."),
            status=429,
        )
        response["Retry-After"] = str(retry_after)
        return response
    data = json_object(request)
    if isinstance(data, JsonResponse):
        return data
    thanks = {"message": _("Thank you! The editors will look at it.")}
    if data.get("website"):
        # The honeypot: a field people never see, which bots fill in. Answer as
        # if all went well, so that they learn nothing, and keep nothing.
        return JsonResponse(thanks, status=201)
    form = ErrorReportForm(data)
    if not form.is_valid():
        field, message = form.first_error()
        return json_error(message, field=field)
    # The reader is answered in the language of the story they read, whatever
    # their browser prefers: this address has no edition prefix of its own.
    language = (
        Article.objects.filter(pk=form.cleaned_data["article"])
        .values_list("language", flat=True)
        .first()
    )
    with translation.override(language or translation.get_language()):
        try:
            services.error_report_submit(
                article_id=form.cleaned_data["article"],
                part=form.cleaned_data["part"],
                quote=form.quote,
                suggestion=form.cleaned_data["suggestion"],
                comment=form.cleaned_data["comment"],
            )
        except services.ErrorReportInvalid as error:
            return json_error(error.message, field=error.field)
        return JsonResponse(
            {"message": _("Thank you! The editors will look at it.")}, status=201
        )


def csrf_failure(request, reason=""):
    """JSON for the report script, which shows the message; Django's page elsewhere."""
    if request.content_type == "application/json" or request.path == reverse(
        "reports:submit"
    ):
        return json_error(
            _("Your session has expired. Reload the page and try again."), status=403
        )
    return default_csrf_failure(request, reason=reason)
