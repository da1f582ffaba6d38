"""
The editions: the languages the site publishes in, and which one a request reads.

Each edition is a whole site under its language's prefix (/kk/, /ru/, /en/, by
i18n_patterns), so the active language of a reader request *is* its edition.
Kazakh has a second prefix, /kk-latn/: the Kazakh edition read in the 2021 Latin
alphabet. Its pages are rendered in Kazakh from the stored Cyrillic and
transliterated on the way out (LatinScriptMiddleware and the page cache), so it
lists the same stories as /kk/. A prefix rather than ?script=latn because every
link on a Latin page is then Latin too (reverse() keeps the active prefix) and
each page has one address that any cache keys on without a Vary or a parameter.
"""

from __future__ import annotations

import re

from django.conf import settings
from django.utils import translation

LATIN = "kk-latn"
LATIN_OF = {"kk": LATIN}

# Letters of the Kazakh Cyrillic alphabet that Russian does not have.
KAZAKH_LETTERS = re.compile("[әғқңөұүһіӘҒҚҢӨҰҮҺІ]")
CYRILLIC = re.compile("[а-яёА-ЯЁ]")


def editions() -> list[str]:
    return list(settings.NEWSROOM_EDITIONS)


def edition_choices() -> list[tuple[str, str]]:
    """(code, the language's name in itself) for every edition, in settings order."""
    names = dict(settings.LANGUAGES)
    return [(code, names.get(code, code)) for code in settings.NEWSROOM_EDITIONS]


def default_edition() -> str:
    return settings.NEWSROOM_DEFAULT_EDITION


def edition_of(language: str | None) -> str:
    """The edition a language code reads: kk-latn reads kk; anything else, the default."""
    language = (language or "").lower()
    if language == LATIN:
        return "kk"
    return language if language in settings.NEWSROOM_EDITIONS else default_edition()


def current_edition() -> str:
    return edition_of(translation.get_language())


def is_latin() -> bool:
    return (translation.get_language() or "").lower() == LATIN


def url_language(edition: str) -> str:
    """The prefix a link into `edition` takes: a Latin page's Kazakh links stay Latin."""
    if edition == "kk" and is_latin():
        return LATIN
    return edition


def detect_language(text: str) -> str:
    """A guess from the letters: Kazakh-only letters, else Cyrillic, else English."""
    if KAZAKH_LETTERS.search(text):
        return "kk"
    if CYRILLIC.search(text):
        return "ru"
    return "en"
