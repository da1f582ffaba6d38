"""The search backends' interface, and the snippet markup both of them build."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from typing import Protocol

from django.db.models import QuerySet
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from .analysis import Query, StoryText, word_spans

# What a database's highlighter puts around a matched word. Control characters
# no stored text contains (CONTROL is taken out of what is indexed), so that the
# escaped text can be marked up afterwards without a reader's "<b>" or "<mark>"
# ever becoming markup.
START, STOP = "\x02", "\x03"
CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
# How many matching stories are ranked: the newest this many. Ranking reads every
# candidate's whole vector, so a word in most stories would cost a read of most
# of the index; the newest 500 bound the cost whatever the word (see
# bench/search.py), and the count shown stops there ("more than 500"). Both
# backends keep the same rule, so both keep the same contract.
MAX_RANKED = 500
SNIPPET_WORDS = 30  # words of text around the first match
SNIPPET_BEFORE = 8  # of them, before it


class SearchBackend(Protocol):
    """What the search page, the desk and the indexing services need of a backend."""

    def index(self, stories: Iterable[tuple[int, str, StoryText]]) -> None:
        """(Re)index stories, given as (id, language, text)."""
        ...

    def remove(self, article_ids: Iterable[int]) -> None: ...

    def search(
        self, queryset: QuerySet, query: Query, languages: Sequence[str]
    ) -> QuerySet:
        """The stories of `queryset` matching `query`, best first (`search_rank`)."""
        ...

    def snippets(self, articles: Sequence, query: Query) -> dict[int, SafeString]:
        """Each story's text around the words it matched, those words in <mark>."""
        ...

    def similar_words(self, word: str, language: str, limit: int) -> list[str]:
        """Indexed words of `language` spelled most like `word`, closest first."""
        ...

    def install(self) -> None:
        """Create what the models cannot declare (idempotent)."""
        ...


def clean(text: str) -> str:
    return CONTROL.sub(" ", text or "")


# An ampersand that starts no character reference (a fragment cut one short).
BARE_AMPERSAND = re.compile(r"&(?!(?:[a-z]+|#[0-9]+|#x[0-9a-f]+);)", re.I)


def marked_html(marked: str, *, escaped: bool = False) -> SafeString:
    """
    Text with START/STOP around matches, escaped (unless it was when indexed), the
    matches in <mark>. Escaped text holds no "<" but ours, whatever piece of it a
    highlighter cut.
    """
    html = marked if escaped else escape(marked)
    html = BARE_AMPERSAND.sub("&amp;", " ".join(html.split()))
    html = html.replace(START, "<mark>").replace(STOP, "</mark>")
    # A fragment cut inside a match: close what is open, drop a stray close.
    opened = html.count("<mark>") - html.count("</mark>")
    if opened > 0:
        html += "</mark>" * opened
    return mark_safe(html)  # noqa: S308 - escaped above; only our own tags added


def marked_positions(marked_words: str) -> set[int]:
    """
    Which words of a highlighted word sequence ("w1 \\x02w2 w3\\x03 w4") are inside
    a match: {1, 2}. The sequence is one space between words, as indexed.
    """
    positions: set[int] = set()
    inside = False
    for index, piece in enumerate(marked_words.split(" ")):
        if START in piece:
            inside = True
        if inside:
            positions.add(index)
        if STOP in piece:
            inside = False
    return positions


def window_snippet(text: str, positions: set[int]) -> SafeString:
    """
    SNIPPET_WORDS words of `text` around the first of the words at `positions`,
    those words marked: for the backends that match stems, whose highlighter can
    mark only the stems, in the order of the text's words.
    """
    spans = word_spans(text)
    if not spans:
        return mark_safe("")  # noqa: S308 - empty
    first = min(positions) if positions else 0
    start = max(0, min(first - SNIPPET_BEFORE, len(spans) - SNIPPET_WORDS))
    end = min(len(spans), start + SNIPPET_WORDS)
    parts = []
    cursor = spans[start][0]
    for index in range(start, end):
        begin, finish = spans[index]
        parts.append(escape(text[cursor:begin]))
        word = escape(text[begin:finish])
        parts.append(f"<mark>{word}</mark>" if index in positions else word)
        cursor = finish
    html = "".join(parts)
    if start > 0:
        html = "… " + html
    if end < len(spans):
        html += " …"
    return mark_safe(" ".join(html.split()))  # noqa: S308 - every piece escaped
