import json
import re

from django.conf import settings
from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.http import Http404, JsonResponse
from django.middleware.csrf import get_token
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.csrf import csrf_failure as default_csrf_failure
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET
from taggit.models import Tag

from .cache import cache_reader_page
from .models import Article, Section
from .quotes import CONTEXT, EXACT_MAX, TextQuote, normalize, normalize_context
from .ratelimit import reader_rate_limit
from .selectors import (
    PART_PATTERN,
    PreviewLinkError,
    article_for_preview,
    front_page_top,
)
from .services import TEXT_MAX, ErrorReportInvalid
from .services import error_report_submit as error_report_submit_service

FRONT_PAGE_LATEST = 10
FRONT_PAGE_PER_SECTION = 4
SEARCH_MAX_LENGTH = 200
PAGE_NUMBER = re.compile(r"[1-9][0-9]{0,8}")


def paginate(request, queryset):
    """
    One page of `queryset`; a bad or out-of-range ?page= is a 404, never a 500.
    So is a number written another way (01, +1, 1.0): each page has one address,
    and the page cache one entry for it.
    """
    paginator = Paginator(
        queryset, settings.NEWSROOM_PAGE_SIZE, allow_empty_first_page=True
    )
    number = request.GET.get("page") or "1"
    if not PAGE_NUMBER.fullmatch(number):
        raise Http404(_("There is no such page."))
    try:
        return paginator.page(number)
    except (PageNotAnInteger, EmptyPage):
        raise Http404(_("There is no such page."))


@cache_reader_page
def front_page(request):
    top = front_page_top()
    # Every story shows once: the top's stories are left out of the lists below.
    others = Article.objects.live().exclude(pk__in=[article.pk for article in top])
    latest = others.order_by("-published_at", "-pk")[:FRONT_PAGE_LATEST]
    blocks = {}
    for article in others.latest_per_section(FRONT_PAGE_PER_SECTION).for_listing():
        blocks.setdefault(article.section_id, []).append(article)
    sections = [(s, blocks[s.pk]) for s in Section.objects.all() if s.pk in blocks]
    return render(
        request,
        "articles/front_page.html",
        {
            "lead": top[0] if top else None,
            "secondary": top[1:],
            "latest": latest,
            "section_blocks": sections,
        },
    )


@cache_reader_page(reads=["page"])
def section_detail(request, slug):
    section = get_object_or_404(Section, slug=slug)
    page = paginate(
        request, Article.objects.live().filter(section=section).for_listing()
    )
    return render(
        request, "articles/section_detail.html", {"section": section, "page": page}
    )


@cache_reader_page(reads=["page"])
def tag_detail(request, slug):
    tag = get_object_or_404(Tag, slug=slug)
    page = paginate(request, Article.objects.live().filter(tags=tag).for_listing())
    return render(request, "articles/tag_detail.html", {"tag": tag, "page": page})


def search(request):
    query = " ".join(request.GET.get("q", "").split())[:SEARCH_MAX_LENGTH]
    page = None
    if query:
        page = paginate(request, Article.objects.live().search(query).for_listing())
    return render(request, "articles/search.html", {"query": query, "page": page})


@cache_reader_page
def article_detail(request, pk, slug=None):
    article = get_object_or_404(Article.objects.live().for_detail(), pk=pk)
    if article.slug != slug:
        return redirect(article, permanent=True)
    relevant = Article.objects.live().relevant_to(article).select_related("section")
    return render(
        request,
        "articles/article_detail.html",
        {"article": article, "relevant": relevant},
    )


# --- Readers' error reports --------------------------------------------------------

REPORT_BODY_MAX = 16_384
TEXT_FIELDS = {
    # field: (maximum length after normalization, required, strip the ends)
    "exact": (EXACT_MAX, True, True),
    "prefix": (CONTEXT, False, False),
    "suffix": (CONTEXT, False, False),
    "suggestion": (TEXT_MAX, False, True),
    "comment": (TEXT_MAX, False, True),
}
PK_MAX = 2**63 - 1


def _error(message, status=400, field=None):
    payload = {"error": str(message)}
    if field:
        payload["field"] = field
    return JsonResponse(payload, status=status)


def _reader_text(data, field):
    """One text field of a report, normalized; raises ErrorReportInvalid."""
    limit, required, strip = TEXT_FIELDS[field]
    value = data.get(field)
    if value is None:
        value = ""
    if not isinstance(value, str):
        raise ErrorReportInvalid(
            _("“%(field)s” must be text.") % {"field": field}, field=field
        )
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        raise ErrorReportInvalid(
            _("“%(field)s” is not valid Unicode text.") % {"field": field},
            field=field,
        )
    value = normalize(value) if strip else normalize_context(value)
    if required and not value:
        raise ErrorReportInvalid(
            _("Select the text with the error first: the quote is empty."),
            field=field,
        )
    if len(value) > limit:
        raise ErrorReportInvalid(
            _("“%(field)s” is too long: at most %(limit)d characters.")
            % {"field": field, "limit": limit},
            field=field,
        )
    return value


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


@never_cache
def error_report_submit(request):
    """A reader's error report as JSON: 201, or a 4xx that says what is wrong."""
    if request.method != "POST":
        response = _error(_("Send the report with POST."), status=405)
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
        response = _error(
            _("Too many reports from you just now. Please try again later."),
            status=429,
        )
        response["Retry-After"] = str(retry_after)
        return response
    if request.content_type != "application/json":
        return _error(_("Send the report as application/json."))
    try:
        length = int(request.META.get("CONTENT_LENGTH") or 0)
    except ValueError:
        length = REPORT_BODY_MAX + 1
    if length > REPORT_BODY_MAX:
        return _error(_("The report is too large."))
    try:
        data = json.loads(request.body)
    except (ValueError, RecursionError):
        return _error(_("The report is not valid JSON."))
    if not isinstance(data, dict):
        return _error(_("The report must be a JSON object."))
    thanks = {"message": _("Thank you! The editors will look at it.")}
    if data.get("website"):
        # The honeypot: a field people never see, which bots fill in. Answer as
        # if all went well, so that they learn nothing, and keep nothing.
        return JsonResponse(thanks, status=201)
    article_id = data.get("article")
    if isinstance(article_id, bool) or not isinstance(article_id, int):
        return _error(_("“article” must be the story's id."), field="article")
    if not 1 <= article_id <= PK_MAX:
        return _error(_("There is no such story."), field="article")
    part = data.get("part")
    if not isinstance(part, str) or not PART_PATTERN.fullmatch(part):
        return _error(
            _("“part” must be headline, lead, body or caption-N."), field="part"
        )
    try:
        text = {field: _reader_text(data, field) for field in TEXT_FIELDS}
        error_report_submit_service(
            article_id=article_id,
            part=part,
            quote=TextQuote(
                exact=text["exact"], prefix=text["prefix"], suffix=text["suffix"]
            ),
            suggestion=text["suggestion"],
            comment=text["comment"],
        )
    except ErrorReportInvalid as error:
        return _error(error.message, field=error.field)
    return JsonResponse(thanks, status=201)


def csrf_failure(request, reason=""):
    """JSON for the report script, which shows the message; Django's page elsewhere."""
    if request.content_type == "application/json" or request.path == reverse(
        "articles:error-report-submit"
    ):
        return _error(
            _("Your session has expired. Reload the page and try again."), status=403
        )
    return default_csrf_failure(request, reason=reason)


@never_cache
def article_preview(request, token):
    """A story as readers will see it, through a signed link that expires."""
    try:
        article = article_for_preview(token=token)
    except PreviewLinkError as error:
        expired = str(error) == "expired"
        response = render(
            request,
            "articles/preview_invalid.html",
            {"expired": expired},
            status=410 if expired else 404,
        )
    else:
        relevant = Article.objects.live().relevant_to(article).select_related("section")
        response = render(
            request,
            "articles/article_detail.html",
            {"article": article, "relevant": relevant, "preview": True},
        )
    response["X-Robots-Tag"] = "noindex, nofollow"
    return response
