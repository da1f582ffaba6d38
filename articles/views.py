import re

from django.conf import settings
from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.http import Http404, HttpResponseRedirect
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import translation
from django.utils.cache import patch_cache_control, patch_vary_headers
from django.utils.http import url_has_allowed_host_and_scheme, urlencode
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from taggit.models import Tag

from .cache import cache_reader_page
from .editions import LATIN, current_edition, editions, url_language
from .forms import SearchForm
from .models import Article, Section
from .search import (
    MAX_RANKED,
    Query,
    search_snippets,
    search_stories,
    search_suggestion,
)
from .selectors import PreviewLinkError, article_for_preview, front_page_top

FRONT_PAGE_LATEST = 10
FRONT_PAGE_PER_SECTION = 4
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


def reader_edition(request) -> str:
    """The edition "/" sends a reader to: a saved choice, their browser's, or ours."""
    saved = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME, "").lower()
    if saved in editions() or saved == LATIN:
        return saved
    for language, _quality in translation.trans_real.parse_accept_lang_header(
        request.headers.get("Accept-Language", "")
    ):
        primary = language.lower().split("-")[0]
        if primary in editions():
            return primary
    return settings.NEWSROOM_DEFAULT_EDITION


def edition_home(request):
    """
    "/": a redirect to the reader's edition. Its answer depends on the cookie and
    the Accept-Language header, so it says so (Vary) and no shared cache keeps it.
    """
    with translation.override(reader_edition(request)):
        response = HttpResponseRedirect(reverse("articles:front-page"))
    patch_vary_headers(response, ("Accept-Language", "Cookie"))
    patch_cache_control(response, private=True, no_cache=True, max_age=0)
    return response


def edition_choose(request, language):
    """Save a reader's choice of edition (the language switcher's links) and go on."""
    language = language.lower()
    if language not in editions() and language != LATIN:
        raise Http404(_("There is no such edition."))
    with translation.override(language):
        front_page_url = reverse("articles:front-page")
    target = request.GET.get("next", "")
    if not (
        target.startswith(front_page_url)
        and url_has_allowed_host_and_scheme(
            target, allowed_hosts={request.get_host()}, require_https=False
        )
    ):
        target = front_page_url
    response = HttpResponseRedirect(target)
    response.set_cookie(
        settings.LANGUAGE_COOKIE_NAME,
        language,
        max_age=settings.LANGUAGE_COOKIE_AGE,
        samesite="Lax",
    )
    patch_cache_control(response, private=True, no_cache=True, max_age=0)
    return response


def article_old_address(request, pk, slug=None):
    """A story's address from before the editions: for good, to its edition's."""
    article = get_object_or_404(
        Article.objects.live().only("pk", "slug", "language"), pk=pk
    )
    return redirect(article, permanent=True)


@cache_reader_page
def front_page(request):
    edition = current_edition()
    top = front_page_top(edition=edition)
    # Every story shows once: the top's stories are left out of the lists below.
    others = (
        Article.objects.live()
        .in_edition(edition)
        .exclude(pk__in=[article.pk for article in top])
    )
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
            "translations": front_pages(),
        },
    )


def front_pages() -> dict[str, str]:
    """Every edition's front page: the front page's translations."""
    urls = {}
    for edition in editions():
        with translation.override(url_language(edition)):
            urls[edition] = reverse("articles:front-page")
    return urls


def story_translations(article) -> dict[str, str]:
    """The addresses of the story's live versions, its own included; one query."""
    versions = (
        Article.objects.live().translations_of(article).only("pk", "slug", "language")
    )
    urls = {version.language: version.get_absolute_url() for version in versions}
    urls[article.language] = article.get_absolute_url()
    return urls


@cache_reader_page(reads=["page"])
def section_detail(request, slug):
    edition = current_edition()
    section = get_object_or_404(Section.objects.by_slug(language=edition, slug=slug))
    page = paginate(
        request,
        Article.objects.live()
        .in_edition(edition)
        .filter(section=section)
        .for_listing(),
    )
    return render(
        request,
        "articles/section_detail.html",
        {
            "section": section,
            "page": page,
            "current_section": section,
            "translations": {e: section.url_in(e) for e in editions()},
        },
    )


@cache_reader_page(reads=["page"])
def tag_detail(request, slug):
    tag = get_object_or_404(Tag, slug=slug)
    # Tags are as each edition's editors write them; a tag's page in an edition
    # lists that edition's stories only.
    page = paginate(
        request, Article.objects.live().in_edition().filter(tags=tag).for_listing()
    )
    return render(request, "articles/tag_detail.html", {"tag": tag, "page": page})


def search(request):
    """
    The edition's live stories matching the reader's words, best first, within a
    section and dates if asked; when none match, the closest spelling that does.
    """
    edition = current_edition()
    form = SearchForm(request.GET, edition=edition)
    form.is_valid()  # the words are searched even when a filter is bad
    query = Query.parse(form.cleaned_data.get("q", ""))
    stories = form.filter(Article.objects.live().in_edition(edition))
    page = suggestion = None
    if query.text:
        page = paginate(
            request, search_stories(stories.for_listing(), query, languages=[edition])
        )
        page.object_list = list(page.object_list)
        search_snippets(page.object_list, query)
        if not page.paginator.count and query:
            suggestion = search_suggestion(stories, query, language=edition)
    params = {k: v for k, v in form.cleaned_data.items() if v and k not in form.errors}
    return render(
        request,
        "articles/search.html",
        {
            "form": form,
            "query": query.text,
            "page": page,
            "ranked_only": page is not None and page.paginator.count >= MAX_RANKED,
            "page_query": urlencode(params),
            "suggestion": suggestion,
            "suggestion_query": urlencode({**params, "q": suggestion or ""}),
        },
    )


@cache_reader_page
def article_detail(request, pk, slug=None):
    article = get_object_or_404(Article.objects.live().for_detail(), pk=pk)
    if article.slug != slug or article.language != current_edition():
        # Another slug, or the story asked for under another edition's prefix.
        return redirect(article, permanent=True)
    relevant = Article.objects.live().relevant_to(article).select_related("section")
    return render(
        request,
        "articles/article_detail.html",
        {
            "article": article,
            "relevant": relevant,
            "translations": story_translations(article),
        },
    )


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
