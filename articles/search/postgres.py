"""
PostgreSQL full-text search: a stored tsvector per story (SearchDocument), with a
GIN index, weighted headline (A) > lead (B) > text (C).

English stories are indexed and queried with PostgreSQL's `english`
configuration (Snowball's stemmer, stop words), from their text as written.
Kazakh and Russian stories are indexed with `simple` (lowercase, no stemming)
over the stems made in Python (analysis.stem: our Kazakh stemmer, which
PostgreSQL has none of; Snowball's Russian, the algorithm of the `russian`
configuration, with the fix that keeps "Казахстан" and "Казахстане" together),
and queried with the reader's words stemmed the same way.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from django.contrib.postgres.search import SearchHeadline, SearchQuery, SearchRank
from django.db import connection
from django.db.models import Case, F, FloatField, Q, QuerySet, Value, When
from django.db.models.expressions import RawSQL
from django.utils.html import escape
from django.utils.safestring import SafeString

from ..models import SearchDocument, SearchWord
from .analysis import Query, StoryText, stems, words
from .base import (
    MAX_RANKED,
    START,
    STOP,
    clean,
    marked_html,
    marked_positions,
    window_snippet,
)

CONFIGS = {"en": "english"}
# Stemmed here, indexed with `simple`: Kazakh, which PostgreSQL has no stemmer
# for, and Russian, whose `russian` configuration splits "Казахстан" from
# "Казахстане" (analysis.RUSSIAN_STAN): the same Snowball algorithm, plus the fix.
STEMMED_IN_PYTHON = {"kk", "ru"}
# ts_rank's weights for D, C, B, A: a word in the headline counts five times one
# in the text, and twice one in the lead.
WEIGHTS = [0.1, 0.2, 0.5, 1.0]
# A mild preference for recent stories: a year-old story's relevance counts half.
RECENCY = RawSQL(
    "1.0 / (1.0 + GREATEST(EXTRACT(EPOCH FROM (NOW() - COALESCE("
    '"articles_article"."published_at", "articles_article"."created_at"))), 0)'
    " / 31536000.0)",
    [],
    output_field=FloatField(),
)

UPSERT = """
INSERT INTO articles_searchdocument (article_id, vector, text)
VALUES (
    %s,
    setweight(to_tsvector(%s::regconfig, %s), 'A')
    || setweight(to_tsvector(%s::regconfig, %s), 'B')
    || setweight(to_tsvector(%s::regconfig, %s), 'C'),
    %s
)
ON CONFLICT (article_id) DO UPDATE SET vector = EXCLUDED.vector, text = EXCLUDED.text
"""


def config(language: str) -> str:
    return CONFIGS.get(language, "simple")


def indexed_text(text: str, language: str) -> str:
    """What to_tsvector reads: the text itself, or (Kazakh) its stems."""
    if language in STEMMED_IN_PYTHON:
        return " ".join(stems(text, language))
    return clean(text)


def tsquery(query: Query, language: str) -> SearchQuery | None:
    if not query:
        return None
    return SearchQuery(
        tsquery_text(query, language), config=config(language), search_type="raw"
    )


def tsquery_text(query: Query, language: str) -> str:
    """The query in tsquery syntax, built from its words alone (never the raw input)."""

    def term(words_of_term: tuple[str, ...]) -> str:
        if language in STEMMED_IN_PYTHON:
            words_of_term = tuple(stems(" ".join(words_of_term), language))
        quoted = [f"'{word}'" for word in words_of_term]
        return quoted[0] if len(quoted) == 1 else "(" + " <-> ".join(quoted) + ")"

    expression = " & ".join(term(t) for t in query.required)
    for excluded in query.excluded:
        expression += f" & !{term(excluded)}"
    return expression


class PostgresSearch:
    def index(self, stories: Iterable[tuple[int, str, StoryText]]) -> None:
        rows, vocabulary = [], set()
        for article_id, language, text in stories:
            cfg = config(language)
            rows.append(
                (
                    article_id,
                    cfg,
                    indexed_text(text.headline, language),
                    cfg,
                    indexed_text(text.lead, language),
                    cfg,
                    indexed_text(text.body, language),
                    # Escaped before ts_headline reads it: its parser would drop
                    # a reader's "<script>" as a tag, and cuts escaped text
                    # only between words (see marked_html).
                    escape(clean(text.snippet_source)),
                )
            )
            vocabulary.update(
                (language, word)
                for word in words(f"{text.headline} {text.lead} {text.body}")
            )
        if rows:
            with connection.cursor() as cursor:
                cursor.executemany(UPSERT, rows)
        add_words(vocabulary)

    def remove(self, article_ids: Iterable[int]) -> None:
        SearchDocument.objects.filter(article_id__in=list(article_ids)).delete()

    def search(
        self, queryset: QuerySet, query: Query, languages: Sequence[str]
    ) -> QuerySet:
        queries = {language: tsquery(query, language) for language in languages}
        matches = Q()
        ranks = []
        for language, search_query in queries.items():
            if search_query is None:
                continue
            matches |= Q(language=language, search_document__vector=search_query)
            ranks.append(
                When(
                    language=language,
                    then=SearchRank(
                        F("search_document__vector"), search_query, weights=WEIGHTS
                    ),
                )
            )
        if not ranks:
            return queryset.annotate(search_rank=Value(0.0)).none()
        rank = Case(*ranks, default=Value(0.0), output_field=FloatField())
        # The newest matches (by the published_at index when the words are
        # common, by the GIN index when they are rare), ranked in the same
        # query and put in order here: the page and the paginator's count then
        # read those rows by key, in that order, without ranking them again.
        candidates = (
            queryset.filter(matches)
            .annotate(search_rank=rank * RECENCY)
            .order_by("-published_at", "-pk")
            .values_list("pk", "search_rank")[:MAX_RANKED]
        )
        ranked = [pk for pk, _rank in sorted(candidates, key=lambda row: -row[1])]
        if not ranked:
            return queryset.annotate(search_rank=Value(0.0)).none()
        # The best first: search_rank is minus the place in `ranked`.
        place = RawSQL(
            'array_position(%s::bigint[], "articles_article"."id"::bigint)',
            [ranked],
            output_field=FloatField(),
        )
        return (
            queryset.filter(pk__in=ranked)
            .annotate(search_rank=-place)
            .order_by("-search_rank")
        )

    def snippets(self, articles: Sequence, query: Query) -> dict[int, SafeString]:
        snippets: dict[int, SafeString] = {}
        by_language: dict[str, list] = {}
        for article in articles:
            by_language.setdefault(article.language, []).append(article)
        for language, group in by_language.items():
            search_query = tsquery(query, language)
            if search_query is None:
                continue
            if language in STEMMED_IN_PYTHON:
                snippets.update(self._stem_snippets(group, query, language))
                continue
            headlines = SearchDocument.objects.filter(
                article_id__in=[article.pk for article in group]
            ).annotate(
                snippet=SearchHeadline(
                    "text",
                    search_query,
                    config=config(language),
                    start_sel=START,
                    stop_sel=STOP,
                    max_words=35,
                    min_words=20,
                    short_word=2,
                    max_fragments=2,
                    fragment_delimiter=" … ",
                )
            )
            for article_id, snippet in headlines.values_list("article_id", "snippet"):
                snippets[article_id] = marked_html(snippet, escaped=True)
        return snippets

    def _stem_snippets(self, articles, query: Query, language: str):
        """
        Stems indexed: ts_headline marks the matching stems in the story's stem sequence
        (HighlightAll: the whole sequence, one query for the page); the words at
        the same places in the text as written are marked in its snippet.
        """
        texts = [
            StoryText.of(headline="", lead=a.lead, body=a.body).snippet_source
            for a in articles
        ]
        sequences = [" ".join(stems(text, language)) for text in texts]
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT ts_headline('simple', sequence, to_tsquery('simple', %s), %s) "
                "FROM unnest(%s::text[]) WITH ORDINALITY AS t(sequence, n) ORDER BY n",
                [
                    tsquery_text(query, language),
                    f"HighlightAll=true, StartSel={START}, StopSel={STOP}",
                    sequences,
                ],
            )
            marked = [row[0] for row in cursor.fetchall()]
        return {
            article.pk: window_snippet(text, marked_positions(sequence))
            for article, text, sequence in zip(articles, texts, marked, strict=True)
        }

    def similar_words(self, word: str, language: str, limit: int) -> list[str]:
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT word FROM articles_searchword "
                "WHERE language = %s AND word %% %s AND word <> %s "
                "ORDER BY similarity(word, %s) DESC, word LIMIT %s",
                [language, word, word, word, limit],
            )
            return [row[0] for row in cursor.fetchall()]

    def install(self) -> None:
        with connection.cursor() as cursor:
            cursor.execute(
                "DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_constraint WHERE "
                "conname = 'articles_searchdocument_article_cascade') THEN "
                "ALTER TABLE articles_searchdocument ADD CONSTRAINT "
                "articles_searchdocument_article_cascade FOREIGN KEY (article_id) "
                "REFERENCES articles_article (id) ON DELETE CASCADE; END IF; END $$"
            )
            cursor.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
            cursor.execute(
                "CREATE INDEX IF NOT EXISTS articles_searchword_trigram "
                "ON articles_searchword USING gin (word gin_trgm_ops)"
            )


def add_words(vocabulary: set[tuple[str, str]]) -> None:
    SearchWord.objects.bulk_create(
        [SearchWord(language=language, word=word) for language, word in vocabulary],
        ignore_conflicts=True,
        batch_size=1000,
    )
