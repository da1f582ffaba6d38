"""The language switcher and the hreflang alternates of a reader page."""

from urllib.parse import urlencode

from django import template
from django.conf import settings
from django.urls import reverse
from django.utils import translation

from ..editions import LATIN, current_edition, editions, is_latin

register = template.Library()

# Each script named in itself, as the Kazakh pages offer the other one.
SCRIPT_NAMES = {LATIN: "Latyn", "kk": "Кирилл"}


def front_page_url(language: str) -> str:
    with translation.override(language):
        return reverse("articles:front-page")


@register.inclusion_tag("includes/edition_switcher.html", takes_context=True)
def edition_switcher(context):
    """
    Each edition, named in itself, leading to this page's translation when the
    view gave one (`translations`: edition -> address) and to that edition's
    front page otherwise; through the view that saves the reader's choice. A
    Kazakh page also offers the other script of the same page.
    """
    translations = context.get("translations") or {}
    names = dict(settings.LANGUAGES)
    current = current_edition()
    request = context.get("request")
    links = []
    for edition in editions():
        target = translations.get(edition) or front_page_url(edition)
        language = LATIN if edition == "kk" and is_latin() else edition
        links.append(
            {
                "code": edition,
                "name": names.get(edition, edition),
                "current": edition == current,
                "url": reverse("edition-choose", args=[language])
                + "?"
                + urlencode({"next": target}),
            }
        )
    script = None
    if current == "kk" and request is not None:
        path = request.get_full_path()
        other = "kk" if is_latin() else LATIN
        mine = LATIN if is_latin() else "kk"
        script = {
            "name": SCRIPT_NAMES[other],
            "lang": "kk-Cyrl" if other == "kk" else "kk-Latn",
            "url": reverse("edition-choose", args=[other])
            + "?"
            + urlencode({"next": path.replace(f"/{mine}/", f"/{other}/", 1)}),
        }
    return {"links": links, "script": script}


@register.inclusion_tag("includes/alternates.html", takes_context=True)
def hreflang_alternates(context):
    """
    <link rel="alternate" hreflang> for every edition the page is in (the view's
    `translations`), the Kazakh one in both scripts, and x-default. Every version
    lists the same set, so the links are reciprocal.
    """
    translations = context.get("translations") or {}
    request = context.get("request")
    if not translations or request is None:
        return {"alternates": []}
    origin = f"{request.scheme}://{request.get_host()}"
    # On a Latin page the Kazakh addresses come Latin (reverse() keeps the active
    # prefix): kk names the Cyrillic one, so that both scripts list the same set.
    translations = {
        edition: url.replace(f"/{LATIN}/", "/kk/", 1) if edition == "kk" else url
        for edition, url in translations.items()
    }
    alternates = []
    for edition in editions():
        url = translations.get(edition)
        if url is None:
            continue
        alternates.append((edition, origin + url))
        if edition == "kk":
            alternates.append(
                ("kk-Latn", origin + url.replace("/kk/", f"/{LATIN}/", 1))
            )
    default = settings.NEWSROOM_DEFAULT_EDITION
    if default not in translations:
        default = next(e for e in editions() if e in translations)
    alternates.append(("x-default", origin + translations[default]))
    return {"alternates": alternates}
