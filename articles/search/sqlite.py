"""
SQLite full-text search for the embedded profile: an FTS5 table (`unicode61`
tokenizer, diacritics removed) holding, per story, the stems of its headline,
lead and text, one space between stems, in the order of the words.

FTS5's tokenizers cannot be written in Python, so the stemming is done before
the text reaches SQLite, by the same stemmers for every language (analysis.py):
Snowball's Russian and English, our Kazakh one. The reader's words are stemmed
the same way, so "Казахстане" finds "Казахстан". bm25() ranks, with the
headline's column weighing most; highlight() marks the matching stems, and
since stem N is word N of the text as written, the snippet marks those words.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from django.db import connection
from django.db.models import FloatField, Q, QuerySet, Value
from django.db.models.expressions import RawSQL
from django.utils.safestring import SafeString

from ..models import SearchWord
from .analysis import Query, StoryText, stems, words
from .base import MAX_RANKED, START, STOP, marked_positions, window_snippet

# The SQL below is put together from these constants and placeholders only
# (hence its noqa: S608/S611): every value, the query included, is a parameter.
TABLE = "articles_search"
# bm25 weights per column: language (not searched), headline, lead, text.
BM25 = "bm25(articles_search, 0.0, 10.0, 4.0, 1.0)"
RECENCY = (
    "1.0 / (1.0 + MAX(julianday('now') - julianday(COALESCE("
    '"articles_article"."published_at", "articles_article"."created_at")), 0)'
    " / 365.0)"
)


def fts_query(query: Query, language: str) -> str:
    """The query in FTS5 syntax, built from stems alone (never the raw input)."""

    def term(words_of_term: tuple[str, ...]) -> str:
        # Stems are letters and digits only: nothing to escape inside the quotes.
        return '"' + " ".join(stems(" ".join(words_of_term), language)) + '"'

    expression = "(" + " AND ".join(term(t) for t in query.required) + ")"
    for excluded in query.excluded:
        expression += f" NOT {term(excluded)}"
    return expression


def stem_sequence(text: str, language: str) -> str:
    return " ".join(stems(text, language))


def trigrams(word: str) -> set[str]:
    """pg_trgm's trigrams of one word: padded with two spaces before, one after."""
    padded = f"  {word} "
    return {padded[i : i + 3] for i in range(len(padded) - 2)}


def similarity(a: set[str], b: set[str]) -> float:
    """pg_trgm's similarity(): shared trigrams over all trigrams of the two."""
    return len(a & b) / len(a | b) if a or b else 0.0


SIMILARITY_THRESHOLD = 0.3  # pg_trgm.similarity_threshold's default


class SQLiteSearch:
    def index(self, stories: Iterable[tuple[int, str, StoryText]]) -> None:
        rows, vocabulary = [], set()
        for article_id, language, text in stories:
            rows.append(
                (
                    article_id,
                    language,
                    stem_sequence(text.headline, language),
                    stem_sequence(text.lead, language),
                    stem_sequence(text.body, language),
                )
            )
            vocabulary.update(
                (language, word)
                for word in words(f"{text.headline} {text.lead} {text.body}")
            )
        with connection.cursor() as cursor:
            cursor.executemany(
                f"DELETE FROM {TABLE} WHERE rowid = %s",  # noqa: S608
                [(row[0],) for row in rows],
            )
            cursor.executemany(
                f"INSERT INTO {TABLE} (rowid, language, headline, lead, body) "  # noqa: S608
                "VALUES (%s, %s, %s, %s, %s)",
                rows,
            )
        SearchWord.objects.bulk_create(
            [SearchWord(language=lang, word=word) for lang, word in vocabulary],
            ignore_conflicts=True,
            batch_size=500,
        )

    def remove(self, article_ids: Iterable[int]) -> None:
        with connection.cursor() as cursor:
            cursor.executemany(
                f"DELETE FROM {TABLE} WHERE rowid = %s",  # noqa: S608
                [(article_id,) for article_id in article_ids],
            )

    def search(
        self, queryset: QuerySet, query: Query, languages: Sequence[str]
    ) -> QuerySet:
        if not query or not languages:
            return queryset.annotate(search_rank=Value(0.0)).none()
        matches = Q()
        rank_sql, rank_params = [], []
        for language in languages:
            expression = fts_query(query, language)
            matches |= Q(
                language=language,
                pk__in=RawSQL(  # noqa: S611
                    f"SELECT rowid FROM {TABLE} "  # noqa: S608
                    f"WHERE {TABLE} MATCH %s AND language = %s",
                    [expression, language],
                ),
            )
            rank_sql.append(
                f"WHEN %s THEN (SELECT -{BM25} FROM {TABLE} WHERE {TABLE} MATCH %s "  # noqa: S608
                f'AND rowid = "articles_article"."id")'
            )
            rank_params += [language, expression]
        rank = RawSQL(  # noqa: S611
            f'(CASE "articles_article"."language" {" ".join(rank_sql)} ELSE 0 END)'
            f" * {RECENCY}",
            rank_params,
            output_field=FloatField(),
        )
        candidates = (
            queryset.filter(matches)
            .order_by("-published_at", "-pk")
            .values("pk")[:MAX_RANKED]
        )
        return (
            queryset.filter(pk__in=candidates)
            .annotate(search_rank=rank)
            .order_by("-search_rank", "-published_at", "-pk")
        )

    def snippets(self, articles: Sequence, query: Query) -> dict[int, SafeString]:
        if not query:
            return {}
        snippets: dict[int, SafeString] = {}
        by_language: dict[str, list] = {}
        for article in articles:
            by_language.setdefault(article.language, []).append(article)
        for language, group in by_language.items():
            ids = [article.pk for article in group]
            with connection.cursor() as cursor:
                cursor.execute(
                    f"SELECT rowid, highlight({TABLE}, 2, %s, %s), "  # noqa: S608
                    f"highlight({TABLE}, 3, %s, %s) FROM {TABLE} "
                    f"WHERE {TABLE} MATCH %s AND rowid IN "
                    f"({', '.join(['%s'] * len(ids))})",
                    [START, STOP, START, STOP, fts_query(query, language), *ids],
                )
                marked = {row[0]: (row[1], row[2]) for row in cursor.fetchall()}
            for article in group:
                text = StoryText.of(headline="", lead=article.lead, body=article.body)
                lead_marked, body_marked = marked.get(article.pk, ("", ""))
                lead_words = len(words(text.lead))
                positions = {
                    p for p in marked_positions(lead_marked or "") if p < lead_words
                }
                positions |= {
                    lead_words + p for p in marked_positions(body_marked or "")
                }
                snippets[article.pk] = window_snippet(text.snippet_source, positions)
        return snippets

    def similar_words(self, word: str, language: str, limit: int) -> list[str]:
        wanted = trigrams(word)
        # Words that far apart in length cannot reach the threshold.
        shortest, longest = len(word) * 0.5, len(word) * 2 + 2
        scored = []
        for candidate in SearchWord.objects.filter(language=language).values_list(
            "word", flat=True
        ):
            if candidate == word or not shortest <= len(candidate) <= longest:
                continue
            score = similarity(wanted, trigrams(candidate))
            if score >= SIMILARITY_THRESHOLD:
                scored.append((-score, candidate))
        return [candidate for _score, candidate in sorted(scored)[:limit]]

    def install(self) -> None:
        with connection.cursor() as cursor:
            cursor.execute(
                f"CREATE VIRTUAL TABLE IF NOT EXISTS {TABLE} USING fts5("
                "language UNINDEXED, headline, lead, body, "
                "tokenize = 'unicode61 remove_diacritics 2')"
            )
