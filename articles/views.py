import re

from django.conf import settings
from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from taggit.models import Tag

from .cache import cache_reader_page
from .models import Article, Section
from .selectors import PreviewLinkError, article_for_preview, front_page_top

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
