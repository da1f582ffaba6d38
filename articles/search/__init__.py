"""
Search: one small interface (base.SearchBackend), two backends, chosen once by
the database in use.

| profile    | backend     | index                                    | ranking        | snippet            |
|------------|-------------|------------------------------------------|----------------|--------------------|
| production | postgres.py | SearchDocument: tsvector A/B/C, GIN      | ts_rank        | ts_headline        |
| embedded   | sqlite.py   | FTS5 table of stems, unicode61           | bm25           | highlight()        |

Both multiply relevance by a mild preference for recent stories (a year-old
story's counts half), match every form of a word through the language's
stemmer (analysis.py; Kazakh: kazakh.py), read the same query syntax
(analysis.Query), and suggest a spelling from the same vocabulary (SearchWord)
by trigram similarity. One contract and relevance suite runs on whichever the
test run's database is (articles/tests/test_search.py).

The index is written by `article_search_index`, which every service that
changes a story's text or state calls (through `article_changed`), and the demo
and `manage.py search_rebuild` in bulk. Visibility is not in the index: readers'
searches start from `Article.objects.live()`, the desk's from every story.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from django.db import connection
from django.db.models import QuerySet

from ..models import Article
from .analysis import MAX_QUERY_LENGTH, Query, StoryText
from .base import MAX_RANKED, SearchBackend

__all__ = [
    "MAX_QUERY_LENGTH",
    "MAX_RANKED",
    "Query",
    "article_search_index",
    "articles_search_index",
    "get_backend",
    "search_install",
    "search_rebuild",
    "search_snippets",
    "search_stories",
    "search_suggestion",
]

SUGGESTION_CANDIDATES = 5  # spellings tried per word, closest first


def get_backend() -> SearchBackend:
    """The backend of the database in use (PostgreSQL, else SQLite's FTS5)."""
    if connection.vendor == "postgresql":
        from .postgres import PostgresSearch

        return PostgresSearch()
    from .sqlite import SQLiteSearch

    return SQLiteSearch()


def search_install() -> None:
    """Create the index's parts that models cannot declare (migration, test setup)."""
    get_backend().install()


def _story(article) -> tuple[int, str, StoryText]:
    return (
        article.pk,
        article.language,
        StoryText.of(headline=article.headline, lead=article.lead, body=article.body),
    )


def article_search_index(*, article: Article) -> None:
    """Bring one story's index entry up to date with its saved text."""
    get_backend().index([_story(article)])


def articles_search_index(*, articles: Iterable[Article]) -> int:
    """Index many stories at once (the demo, search_rebuild); how many."""
    stories = [_story(article) for article in articles]
    get_backend().index(stories)
    return len(stories)


def search_rebuild(*, batch_size: int = 500) -> int:
    """Index every story again, in batches; how many."""
    total = 0
    queryset = Article.objects.only("pk", "language", "headline", "lead", "body")
    batch = []
    for article in queryset.order_by("pk").iterator(chunk_size=batch_size):
        batch.append(article)
        if len(batch) == batch_size:
            total += articles_search_index(articles=batch)
            batch = []
    return total + articles_search_index(articles=batch)


def search_stories(
    queryset: QuerySet, query: Query, *, languages: Sequence[str]
) -> QuerySet:
    """The stories of `queryset` in `languages` matching `query`, best first."""
    return get_backend().search(queryset, query, languages)


def search_snippets(articles: Sequence[Article], query: Query) -> None:
    """Give each story of a page of results its `search_snippet` (one query per language)."""
    snippets = get_backend().snippets(articles, query) if articles else {}
    for article in articles:
        article.search_snippet = snippets.get(article.pk, "")


def search_suggestion(queryset: QuerySet, query: Query, *, language: str) -> str | None:
    """
    The query with its words respelled as the closest indexed words that make it
    find something in `queryset`, or None. Each word that finds nothing alone is
    replaced by the closest spelling (trigram similarity) that does.
    """
    backend = get_backend()
    suggestion = query.text
    changed = False
    for word in dict.fromkeys(query.words):
        if backend.search(queryset, Query.parse(word), [language]).exists():
            continue
        for candidate in backend.similar_words(word, language, SUGGESTION_CANDIDATES):
            if backend.search(queryset, Query.parse(candidate), [language]).exists():
                suggestion = Query.parse(suggestion).replace_word(word, candidate)
                changed = True
                break
    if not changed:
        return None
    if not backend.search(queryset, Query.parse(suggestion), [language]).exists():
        return None
    return suggestion
