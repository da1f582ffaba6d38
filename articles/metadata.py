"""
What a page tells other sites about itself: the canonical address, feeds,
OpenGraph and Twitter cards for shared links, and schema.org structured data.

Everything is computed here, as Python values, from what the view already
loaded (the story page's `for_detail()` prefetches), so a page gains no query;
the templates in includes/ only print it, and the JSON-LD is `json.dumps`
output escaped the way Django's json_script escapes it, never built as text.
"""

from __future__ import annotations

import json
from urllib.parse import urlencode, urljoin

from django.conf import settings
from django.core.serializers.json import DjangoJSONEncoder
from django.templatetags.static import static
from django.urls import reverse
from django.utils import timezone
from django.utils.html import format_html, strip_tags
from django.utils.safestring import mark_safe
from django.utils.text import Truncator
from django.utils.translation import gettext as _

from .editions import current_edition, editions, is_latin
from .translit import to_latin

# Facebook's locales for the editions (og:locale is language_TERRITORY).
OG_LOCALES = {"kk": "kk_KZ", "ru": "ru_RU", "en": "en_US"}
SOCIAL_SIZE = (1200, 630)
HEADLINE_MAX = 110  # Google's limit for a NewsArticle headline
# The same three characters Django's json_script escapes, so that no text in the
# data can close the <script> element or start markup.
JSON_SCRIPT_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}
# Keys whose values are reader text (transliterated on Latin pages); addresses,
# types and dates are left as they are.
TEXT_KEYS = {
    "headline",
    "description",
    "articleSection",
    "keywords",
    "text",
    "name",
    "alternativeHeadline",
}


def ld_json_script(data) -> str:
    """A JSON-LD data block: <script type="application/ld+json">, escaped as json_script."""
    payload = json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False)
    return format_html(
        '<script type="application/ld+json">{}</script>',
        # Safe: JSON with <, > and & escaped cannot end the element or open a tag.
        mark_safe(payload.translate(JSON_SCRIPT_ESCAPES)),  # noqa: S308
    )


def latin_data(value, key: str | None = None):
    """Structured data with its reader text in Latin script (for /kk-latn/ pages)."""
    if isinstance(value, dict):
        return {k: latin_data(v, k) for k, v in value.items()}
    if isinstance(value, list):
        return [latin_data(v, key) for v in value]
    if isinstance(value, str) and key in TEXT_KEYS:
        return to_latin(value)
    return value


def page_language() -> str:
    """The page's language tag: kk-Latn on Latin pages, the edition otherwise."""
    return "kk-Latn" if is_latin() else current_edition()


def iso(moment) -> str:
    """ISO 8601 in the newsroom's time zone, as the page's own datelines."""
    return timezone.localtime(moment).isoformat()


def absolute(request, url: str) -> str:
    return urljoin(f"{request.scheme}://{request.get_host()}/", url)


def front_page_path() -> str:
    return reverse("articles:front-page")


def logo_object(request) -> dict:
    return {
        "@type": "ImageObject",
        "url": absolute(request, static(settings.NEWSROOM_LOGO_RASTER)),
        "width": 512,
        "height": 512,
    }


def organization(request) -> dict:
    """The agency as a NewsMediaOrganization (settings: name, logo, contacts)."""
    data = {
        "@type": "NewsMediaOrganization",
        "@id": absolute(request, "/#organization"),
        "name": settings.NEWSROOM_NAME,
        "url": absolute(request, front_page_path()),
        "logo": logo_object(request),
    }
    if settings.NEWSROOM_CONTACT_EMAIL:
        data["email"] = settings.NEWSROOM_CONTACT_EMAIL
    if settings.NEWSROOM_CONTACT_PHONE:
        data["telephone"] = settings.NEWSROOM_CONTACT_PHONE
    return data


def canonical_url(request, page=None) -> str:
    """The page's own address: only the parameters that make it another page."""
    params = []
    if request.resolver_match and request.resolver_match.url_name == "search":
        query = " ".join(request.GET.get("q", "").split())
        if query:
            params.append(("q", query))
    if page is not None and page.number > 1:
        params.append(("page", page.number))
    url = absolute(request, request.path)
    return f"{url}?{urlencode(params)}" if params else url


def social_image(request, article=None) -> dict:
    """The picture of a shared link: the story's 1200x630 crop, or the branded one."""
    cover = article.cover if article is not None else None
    crop = cover.crop("social") if cover is not None else None
    if crop is not None:
        return {
            "url": absolute(request, crop["url"]),
            "width": crop["width"],
            "height": crop["height"],
            "alt": cover.alt_text,
            "type": "image/jpeg",
        }
    return {
        "url": absolute(request, static(settings.NEWSROOM_SOCIAL_IMAGE)),
        "width": SOCIAL_SIZE[0],
        "height": SOCIAL_SIZE[1],
        "alt": settings.NEWSROOM_NAME,
        "type": "image/png",
    }


def feed_links(request, *, section=None, tag=None) -> list[dict]:
    """The feeds a page offers in its <head>: its section's or tag's, then the edition's."""
    edition_title = settings.NEWSROOM_NAME
    links = []
    if section is not None:
        slug = section.slug_in(current_edition())
        title = f"{section.display_name} · {edition_title}"
        links += [
            ("rss", title, reverse("articles:section-feed", args=[slug])),
            ("atom", title, reverse("articles:section-feed-atom", args=[slug])),
        ]
    if tag is not None:
        title = f"#{tag.name} · {edition_title}"
        links += [
            ("rss", title, reverse("articles:tag-feed", args=[tag.slug])),
            ("atom", title, reverse("articles:tag-feed-atom", args=[tag.slug])),
        ]
    links += [
        ("rss", edition_title, reverse("articles:feed")),
        ("atom", edition_title, reverse("articles:feed-atom")),
    ]
    types = {"rss": "application/rss+xml", "atom": "application/atom+xml"}
    return [
        {"type": types[kind], "title": title, "url": absolute(request, url)}
        for kind, title, url in links
    ]


def og_locales(translations: dict | None) -> tuple[str, list[str]]:
    """og:locale of the page and og:locale:alternate of its translations."""
    mine = current_edition()
    # Only the languages this page is also in: none for a page with no versions.
    others = [
        OG_LOCALES[e]
        for e in editions()
        if e != mine and e in OG_LOCALES and e in (translations or {})
    ]
    return OG_LOCALES.get(mine, mine), others


def story_meta(request, article, translations: dict | None) -> dict:
    """OpenGraph, Twitter and article:* values of a story page."""
    locale, alternates = og_locales(translations or {})
    return {
        "type": "article",
        "title": article.headline,
        "description": article.lead or Truncator(strip_tags(article.body)).words(40),
        "url": absolute(request, article.get_absolute_url()),
        "image": social_image(request, article),
        "locale": locale,
        "locale_alternates": alternates,
        "published_time": article.published_at,
        "modified_time": article.modified_at,
        "section": article.section.name_in(article.language),
        "tags": [tag.name for tag in article.tags.all()],
    }


def page_meta(request, *, title: str, description: str, translations=None) -> dict:
    """OpenGraph and Twitter values of any other reader page."""
    locale, alternates = og_locales(translations)
    return {
        "type": "website",
        "title": title,
        "description": description,
        "url": canonical_url(request),
        "image": social_image(request),
        "locale": locale,
        "locale_alternates": alternates,
    }


def image_urls(request, article) -> list[str]:
    """The story's images for Google: its first photo in 16x9, 4x3 and 1x1."""
    cover = article.cover
    if cover is not None:
        crops = [cover.crop(name) for name in ("16x9", "4x3", "1x1")]
        if all(crops):
            return [absolute(request, crop["url"]) for crop in crops]
        return [absolute(request, cover.image.url)]
    return [absolute(request, static(settings.NEWSROOM_SOCIAL_IMAGE))]


def news_article(request, article) -> dict:
    """schema.org NewsArticle of a story, with its public corrections and source."""
    url = absolute(request, article.get_absolute_url())
    section = article.section.name_in(article.language)
    if article.byline:
        author = [{"@type": "Person", "name": article.byline}]
    else:
        author = [
            {
                "@type": "NewsMediaOrganization",
                "name": settings.NEWSROOM_NAME,
                "url": absolute(request, front_page_path()),
            }
        ]
    data = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "@id": f"{url}#article",
        "mainEntityOfPage": {"@type": "WebPage", "@id": url},
        "url": url,
        "headline": Truncator(article.headline).chars(HEADLINE_MAX),
        "image": image_urls(request, article),
        "datePublished": iso(article.published_at),
        "dateModified": iso(article.modified_at),
        "author": author,
        "publisher": organization(request),
        "inLanguage": page_language(),
        "articleSection": section,
        "keywords": [tag.name for tag in article.tags.all()],
        "isAccessibleForFree": True,
    }
    if article.lead:
        data["description"] = article.lead
    if len(article.headline) > HEADLINE_MAX:
        data["alternativeHeadline"] = article.headline
    corrections = [
        {
            "@type": "CorrectionComment",
            "text": correction.text,
            "datePublished": iso(correction.created_at),
        }
        for correction in article.corrections.all()
    ]
    if corrections:
        data["correction"] = corrections
    if article.source_id:
        source = {"@type": "NewsMediaOrganization", "name": article.source.name}
        if article.source.website:
            source["url"] = article.source.website
        data["sourceOrganization"] = source
    return data


def breadcrumbs(request, article) -> dict:
    """schema.org BreadcrumbList of a story: front page, section, story."""
    trail = [
        (settings.NEWSROOM_NAME, front_page_path()),
        (article.section.name_in(article.language), article.section.get_absolute_url()),
        (article.headline, article.get_absolute_url()),
    ]
    return {
        "@context": "https://schema.org",
        "@type": "BreadcrumbList",
        "itemListElement": [
            {
                "@type": "ListItem",
                "position": position,
                "name": name,
                "item": absolute(request, url),
            }
            for position, (name, url) in enumerate(trail, start=1)
        ],
    }


def front_page_data(request) -> list[dict]:
    """The agency (NewsMediaOrganization) and the site with its search (WebSite)."""
    search = absolute(request, reverse("articles:search"))
    return [
        {"@context": "https://schema.org", **organization(request)},
        {
            "@context": "https://schema.org",
            "@type": "WebSite",
            "@id": absolute(request, front_page_path()) + "#website",
            "name": settings.NEWSROOM_NAME,
            "url": absolute(request, front_page_path()),
            "inLanguage": page_language(),
            "publisher": {"@id": absolute(request, "/#organization")},
            "potentialAction": {
                "@type": "SearchAction",
                "target": {
                    "@type": "EntryPoint",
                    "urlTemplate": f"{search}?q={{search_term_string}}",
                },
                "query-input": "required name=search_term_string",
            },
        },
    ]


def head_metadata(context) -> dict:
    """Everything the <head> prints beyond the page's own title, from its context."""
    request = context.get("request")
    match = getattr(request, "resolver_match", None)
    if request is None or match is None or context.get("preview"):
        return {}
    name = match.url_name
    translations = context.get("translations")
    page = context.get("page")
    section = context.get("section") if name == "section-detail" else None
    tag = context.get("tag") if name == "tag-detail" else None
    data: list[dict] = []
    article = context.get("article") if name == "article-detail" else None
    if article is not None:
        social = story_meta(request, article, translations)
        canonical = social["url"]
        data = [news_article(request, article), breadcrumbs(request, article)]
    else:
        if section is not None:
            title = f"{section.display_name} · {settings.NEWSROOM_NAME}"
            description = _("The latest stories in %(section)s.") % {
                "section": section.display_name
            }
        elif tag is not None:
            title = f"#{tag.name} · {settings.NEWSROOM_NAME}"
            description = _("The latest stories tagged “%(tag)s”.") % {"tag": tag.name}
        else:
            title = settings.NEWSROOM_NAME
            description = _("The latest news from %(name)s.") % {
                "name": settings.NEWSROOM_NAME
            }
        social = page_meta(
            request, title=title, description=description, translations=translations
        )
        canonical = canonical_url(request, page)
        social["url"] = canonical
        if name == "front-page":
            data = front_page_data(request)
    if is_latin():
        data = [latin_data(block) for block in data]
    return {
        "canonical": canonical,
        "social": social,
        "site_name": settings.NEWSROOM_NAME,
        "feeds": feed_links(request, section=section, tag=tag),
        "structured_data": [ld_json_script(block) for block in data],
    }
