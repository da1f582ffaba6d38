"""
Words, stems and the reader's query: what both search backends share.

A word is a run of letters and digits ("Қазақстанның", "2024"), lowercased, with
ё read as е. A stem is what the language's stemmer makes of a word: Snowball's
Russian and English stemmers (the algorithms of PostgreSQL's `russian` and
`english` configurations; Russian with one fix, RUSSIAN_STAN), and for Kazakh
our own (kazakh.py).

The query syntax (the search page states it): words, all of which must occur in
some form; "a quoted phrase", whose words must stand together in that order;
-word or -"a phrase" to leave out stories that have it. Every other character
(& | ! ( ) : * and the like) separates words and is otherwise ignored, so no
input can be an error in the database's own query languages: the backends build
those from the words alone.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

import snowballstemmer

from ..text import html_to_text
from . import kazakh

MAX_QUERY_LENGTH = 200
# Words of more than this many letters are no words a reader types; longer runs
# are cut so that neither index nor query holds megabyte "words".
MAX_WORD_LENGTH = 60
WORD = re.compile(r"[^\W_]+")
# A quoted phrase (closed or running to the end), or a run without spaces; a
# leading minus excludes either.
CHUNK = re.compile(r'(-?)"([^"]*)"?|(-?)([^\s"]+)')

SNOWBALL = {"ru": "russian", "en": "english"}
# Snowball's Russian stemmer (PostgreSQL's `russian` too) cuts "Казахстан" and
# "Казахстана" to "казахста" but "Казахстане" to "казахстан": the country names
# in -стан, which readers search in every case, keep -стан whole.
RUSSIAN_STAN = re.compile(r"(.+стан)(?:а|у|ом|е|ы|ов|ам|ами|ах)?")


def normalize(word: str) -> str:
    return word.lower().replace("ё", "е")[:MAX_WORD_LENGTH]


def words(text: str) -> list[str]:
    """The words of plain text, lowercased, in order."""
    return [normalize(match.group()) for match in WORD.finditer(text or "")]


def word_spans(text: str) -> list[tuple[int, int]]:
    """Where each of text's words starts and ends (for marking them in a snippet)."""
    return [match.span() for match in WORD.finditer(text or "")]


@lru_cache(maxsize=8)
def _snowball(algorithm: str):
    return snowballstemmer.stemmer(algorithm)


def stem(word: str, language: str) -> str:
    """One lowercase word's stem in `language` (the word itself for an unknown one)."""
    if language == "kk":
        return kazakh.stem(word)
    if language == "ru" and (country := RUSSIAN_STAN.fullmatch(word)):
        return country.group(1)
    algorithm = SNOWBALL.get(language)
    if algorithm is None:
        return word
    return _snowball(algorithm).stemWord(word)


def stems(text: str, language: str) -> list[str]:
    return [stem(word, language) for word in words(text)]


@dataclass(frozen=True)
class StoryText:
    """A story's searchable text, as plain text, field by field."""

    headline: str
    lead: str
    body: str

    @classmethod
    def of(cls, *, headline: str, lead: str, body: str) -> StoryText:
        return cls(headline=headline or "", lead=lead or "", body=html_to_text(body))

    @property
    def snippet_source(self) -> str:
        """What a search result's snippet is cut from: the lead and the text."""
        return f"{self.lead}\n{self.body}".strip()


@dataclass(frozen=True)
class Query:
    """A reader's query, parsed: each term is a word or a phrase (a tuple of words)."""

    text: str
    required: tuple[tuple[str, ...], ...]
    excluded: tuple[tuple[str, ...], ...]

    @classmethod
    def parse(cls, text: str) -> Query:
        text = " ".join((text or "").split())[:MAX_QUERY_LENGTH]
        required: list[tuple[str, ...]] = []
        excluded: list[tuple[str, ...]] = []
        for match in CHUNK.finditer(text):
            minus_phrase, phrase, minus_word, word = match.groups()
            if phrase is not None:
                terms = [tuple(words(phrase))]
                target = excluded if minus_phrase else required
            else:
                # "a&b" or "Астана:выборы" are two words, each required.
                terms = [(w,) for w in words(word)]
                target = excluded if minus_word and word[:1].isalnum() else required
            target.extend(term for term in terms if term)
        return cls(
            text=text,
            required=tuple(dict.fromkeys(required)),
            excluded=tuple(dict.fromkeys(excluded)),
        )

    def __bool__(self) -> bool:
        """A query finds something only with a word to look for; exclusions alone do not."""
        return bool(self.required)

    @property
    def words(self) -> list[str]:
        return [word for term in self.required for word in term]

    def replace_word(self, old: str, new: str) -> str:
        """The query's text with one word replaced (a spelling suggestion), capitals kept."""

        def respell(match: re.Match) -> str:
            typed = match.group()
            if typed.isupper() and len(typed) > 1:
                return new.upper()
            return new[:1].upper() + new[1:] if typed[:1].isupper() else new

        return re.sub(
            rf"(?<![^\W_]){re.escape(old)}(?![^\W_])",
            respell,
            self.text,
            count=1,
            flags=re.IGNORECASE,
        )
