import functools
import re

from django.conf import settings
from django.core.paginator import EmptyPage, Page, PageNotAnInteger, Paginator
from django.http import Http404, HttpResponse, HttpResponseRedirect, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.templatetags.static import static
from django.urls import get_script_prefix, reverse
from django.utils import translation
from django.utils.cache import patch_cache_control, patch_vary_headers
from django.utils.http import url_has_allowed_host_and_scheme, urlencode
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe
from taggit.models import Tag

from .cache import cache_reader_page, edition_key, section_key, story_key, tag_key
from .editions import LATIN, current_edition, editions, is_latin, url_language
from .forms import SearchForm
from .fragments import cached_fragment
from .models import Article, Section
from .search import (
    MAX_RANKED,
    Query,
    search_snippets,
    search_stories,
    search_suggestion,
)
from .selectors import PreviewLinkError, article_for_preview, front_page_top
from .sitemaps import news_sitemap_names
from .translit import to_latin

FRONT_PAGE_LATEST = 10
# How long the lists of a page are kept apart from it (articles/fragments.py).
# "Latest news" and the section blocks go with the edition's key (any publish in
# it), relevant news with the story's and a lifetime: a related story published
# since shows on the story's page within that time, without making it stale.
LISTS_SECONDS = 300
# A story's own data (the row, photos, tags, corrections, translations) and a
# list page's stories go with their keys, which any change to them moves; the
# lifetime only bounds what a lost change could leave behind.
DATA_SECONDS = 3600
FRONT_PAGE_PER_SECTION = 4
PAGE_NUMBER = re.compile(r"[1-9][0-9]{0,8}")


def page_number(request) -> int:
    """
    The ?page= asked for; a bad one is a 404, never a 500. So is a number written
    another way (01, +1, 1.0): each page has one address, and the page cache one
    entry for it.
    """
    number = request.GET.get("page") or "1"
    if not PAGE_NUMBER.fullmatch(number):
        raise Http404(_("There is no such page."))
    return int(number)


def paginate(request, queryset):
    """One page of `queryset`; an out-of-range ?page= is a 404 too."""
    paginator = Paginator(
        queryset, settings.NEWSROOM_PAGE_SIZE, allow_empty_first_page=True
    )
    try:
        return paginator.page(page_number(request))
    except (PageNotAnInteger, EmptyPage):
        raise Http404(_("There is no such page."))


def cached_page(request, queryset, *parts, keys: list[str]) -> Page:
    """
    paginate(), with the page's stories and the count kept as a fragment under
    the list's keys: a page rendered again for any other reason than a change to
    its stories asks nothing of the database.
    """
    number = page_number(request)

    def load():
        page = paginate(request, queryset)
        return list(page.object_list), page.paginator.count

    stories, count = cached_fragment(
        "list", *parts, number, seconds=DATA_SECONDS, keys=keys, compute=load
    )
    paginator = Paginator([], settings.NEWSROOM_PAGE_SIZE, allow_empty_first_page=True)
    paginator.count = count  # a cached_property: the fragment's count, not a query
    return Page(stories, number, paginator)


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

    def lists():
        top = front_page_top(edition=edition)
        # Every story shows once: the top's stories are left out of the lists below.
        others = (
            Article.objects.live()
            .in_edition(edition)
            .exclude(pk__in=[article.pk for article in top])
        )
        latest = list(
            others.order_by("-published_at", "-pk").only(
                "pk", "slug", "language", "headline", "published_at"
            )[:FRONT_PAGE_LATEST]
        )
        blocks = {}
        for article in others.latest_per_section(FRONT_PAGE_PER_SECTION).for_listing():
            blocks.setdefault(article.section_id, []).append(article)
        sections = [(s, blocks[s.pk]) for s in Section.objects.all() if s.pk in blocks]
        return top, latest, sections

    # The edition's key moves with any story of the edition, and a scheduled
    # story's going live moves it too: the lists are never older than the page.
    top, latest, sections = cached_fragment(
        "front", seconds=LISTS_SECONDS, keys=[edition_key(edition)], compute=lists
    )
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


@functools.lru_cache(maxsize=64)
def _front_pages(language: str, script_prefix: str) -> dict[str, str]:
    urls = {}
    for edition in editions():
        with translation.override(url_language(edition)):
            urls[edition] = reverse("articles:front-page")
    return urls


def front_pages() -> dict[str, str]:
    """Every edition's front page: the front page's translations (reversed once)."""
    return dict(_front_pages(translation.get_language(), get_script_prefix()))


def story_translations(article) -> dict[str, str]:
    """The addresses of the story's live versions, its own included; one query."""
    versions = (
        Article.objects.live().translations_of(article).only("pk", "slug", "language")
    )
    urls = {version.language: version.get_absolute_url() for version in versions}
    urls[article.language] = article.get_absolute_url()
    return urls


@cache_reader_page(
    reads=["page"], keys=lambda request, slug: [section_key(current_edition(), slug)]
)
def section_detail(request, slug):
    edition = current_edition()
    keys = [section_key(edition, slug)]
    section = cached_fragment(
        "section",
        slug,
        seconds=DATA_SECONDS,
        keys=keys,
        compute=lambda: Section.objects.by_slug(language=edition, slug=slug).first(),
    )
    if section is None:
        raise Http404(_("There is no such page."))
    page = cached_page(
        request,
        Article.objects.live()
        .in_edition(edition)
        .filter(section=section)
        .for_listing(),
        "section",
        slug,
        keys=keys,
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


@cache_reader_page(
    reads=["page"], keys=lambda request, slug: [tag_key(current_edition(), slug)]
)
def tag_detail(request, slug):
    keys = [tag_key(current_edition(), slug)]
    tag = cached_fragment(
        "tag",
        slug,
        seconds=DATA_SECONDS,
        keys=keys,
        compute=lambda: Tag.objects.filter(slug=slug).first(),
    )
    if tag is None:
        raise Http404(_("There is no such page."))
    # Tags are as each edition's editors write them; a tag's page in an edition
    # lists that edition's stories only.
    page = cached_page(
        request,
        Article.objects.live().in_edition().filter(tags=tag).for_listing(),
        "tag",
        slug,
        keys=keys,
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


@cache_reader_page(keys=lambda request, pk, slug=None: [story_key(pk)])
def article_detail(request, pk, slug=None):
    def load():
        article = Article.objects.live().for_detail().filter(pk=pk).first()
        return (article, story_translations(article)) if article else (None, {})

    article, translations = cached_fragment(
        "story", pk, seconds=DATA_SECONDS, keys=[story_key(pk)], compute=load
    )
    if article is None:
        raise Http404(_("There is no such page."))
    if article.slug != slug or article.language != current_edition():
        # Another slug, or the story asked for under another edition's prefix.
        return redirect(article, permanent=True)
    relevant = cached_fragment(
        "relevant",
        article.pk,
        seconds=LISTS_SECONDS,
        keys=[story_key(article.pk)],
        compute=lambda: list(
            Article.objects.live()
            .relevant_to(article)
            .only("pk", "slug", "language", "headline", "published_at")
        ),
    )
    return render(
        request,
        "articles/article_detail.html",
        {
            "article": article,
            "relevant": relevant,
            "translations": translations,
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


def reader_prefixes() -> list[str]:
    """The URL prefix of every edition, and the Kazakh one's Latin prefix."""
    return [*editions(), *([LATIN] if "kk" in editions() else [])]


@require_safe
@cache_reader_page
def robots_txt(request):
    """
    /robots.txt: crawlers stay out of the desk, previews, search results and the
    endpoints that count views and take error reports; the sitemaps are named
    with absolute addresses, as the protocol asks.
    """
    origin = f"{request.scheme}://{request.get_host()}"
    private = [
        reverse("admin:index"),
        reverse("analytics:hit"),
        reverse("reports:submit"),
        reverse("csp-report"),
        "/edition/",
    ]
    for language in reader_prefixes():
        with translation.override(language):
            front = reverse("articles:front-page")
            private += [reverse("articles:search"), f"{front}preview/"]
    sitemaps = [reverse("sitemap-index")] + [
        reverse("sitemap-section", kwargs={"section": name})
        for name in news_sitemap_names()
    ]
    lines = ["User-agent: *", *(f"Disallow: {path}" for path in private), ""]
    lines += [f"Sitemap: {origin}{path}" for path in sitemaps]
    return HttpResponse(
        "\n".join(lines) + "\n", content_type="text/plain; charset=utf-8"
    )


@require_safe
@cache_reader_page
def web_manifest(request):
    """The edition's web app manifest: its name, language, start page and icons."""
    front = reverse("articles:front-page")
    description = _("The latest news from %(name)s.") % {"name": settings.NEWSROOM_NAME}
    manifest = {
        "name": settings.NEWSROOM_NAME,
        "short_name": settings.NEWSROOM_NAME,
        "description": to_latin(description) if is_latin() else description,
        "lang": "kk-Latn" if is_latin() else current_edition(),
        "start_url": front,
        "scope": front,
        "display": "minimal-ui",
        "background_color": "#ffffff",
        "theme_color": "#0b5cad",
        "icons": [
            {
                "src": static("img/icon-192.png"),
                "sizes": "192x192",
                "type": "image/png",
            },
            {
                "src": static("img/icon-512.png"),
                "sizes": "512x512",
                "type": "image/png",
            },
            {"src": static("img/favicon.svg"), "sizes": "any", "type": "image/svg+xml"},
        ],
    }
    return JsonResponse(
        manifest,
        content_type="application/manifest+json",
        json_dumps_params={"ensure_ascii": False},
    )
