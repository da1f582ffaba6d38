#!/usr/bin/env python3
"""
make bench, search rows: what a reader's search costs on PostgreSQL over
100,000 stories, full-text search beside the `icontains` query it replaced, in
one run.

Each timed search is what the search page asks of the database: the number of
matches (the paginator's count) and the first page of 20, best first (the
full-text search: its newest 500 matches found and ranked, ts_rank weighted
headline > lead > text times the recency factor, then the page read by key) or
newest first (icontains, as before). Queries are one word, three
words and a two-word phrase; the words are drawn from the stories' own
vocabulary, as often as they occur in it, so that common and rare words are
searched in proportion, and the kinds are interleaved query by query so that
a disturbance on the machine hits them alike. The snippet row is the
ts_headline query for one page of 20 results.

The stories are English (PostgreSQL's `english` configuration, as the site
indexes English stories), about 300 words each, the words drawn with Zipf's law
from some 30,000 words grown from the English demo newsroom's (vocabulary());
written once with COPY, indexed with one INSERT ... SELECT, then reused.

Environment: DATABASE_URL (default: the `newsroom_bench` database of bench/run.py,
created when missing), BENCH_SEARCH_STORIES (100000), BENCH_SEARCH_QUERIES (200
per kind), BENCH_SEARCH_ICONTAINS_QUERIES (20). Results are printed and kept in bench/results/.
"""

import datetime
import itertools
import os
import platform
import random
import statistics
import sys
import time
import tomllib
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

STORIES = int(os.environ.get("BENCH_SEARCH_STORIES", "100000"))
QUERIES = int(os.environ.get("BENCH_SEARCH_QUERIES", "200"))
# icontains reads every story each time (a second or more): timed on the first
# of the queries only; the medians are compared.
ICONTAINS_QUERIES = int(os.environ.get("BENCH_SEARCH_ICONTAINS_QUERIES", "20"))
SECTION = "bench-search"
PAGE = 20
TARGET_P99_MS = 20.0


def log(message: str) -> None:
    print(f"· {message}", flush=True)


def environment() -> None:
    os.environ.setdefault(
        "DATABASE_URL", "postgres://postgres@127.0.0.1:5432/newsroom_bench"
    )
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "newsroom.settings")
    os.environ.setdefault(
        "DJANGO_SECRET_KEY",
        "bench-only-secret-key-0123456789-abcdefghijklmnopqrstuvwxyz",
    )
    os.environ.setdefault("DJANGO_ALLOWED_HOSTS", "127.0.0.1,localhost")
    os.environ.setdefault("DJANGO_LOG_LEVEL", "WARNING")


def ensure_database(url: str) -> None:
    import psycopg
    from psycopg import sql

    name = url.rsplit("/", 1)[1].split("?")[0]
    admin = url.rsplit("/", 1)[0] + "/postgres"
    with psycopg.connect(admin, autocommit=True) as conn:
        if not conn.execute(
            "SELECT 1 FROM pg_database WHERE datname = %s", [name]
        ).fetchone():
            log(f"creating database {name}")
            conn.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))


def vocabulary() -> list[str]:
    """
    The English demo newsroom's words, most frequent first, then as many again
    as a news archive has: its 200 commonest words joined to its 150 commonest
    ("borderwheat"), so that a story's 300 words are drawn from some 30,000 and
    a word of middling rank is in a few percent of the stories, as in news text.
    """
    from articles.search.analysis import words

    data = tomllib.loads((ROOT / "demo" / "newsroom.toml").read_text())
    counts: dict[str, int] = {}
    for story in data["stories"]:
        for field in ("headline", "lead", "body"):
            for word in words(story.get(field, "")):
                if word.isalpha() and len(word) > 2:
                    counts[word] = counts.get(word, 0) + 1
    ranked = sorted(counts, key=lambda word: (-counts[word], word))
    joined = [a + b for a in ranked[:200] for b in ranked[:150] if a != b]
    return ranked + [word for word in joined if word not in counts]


def zipf_index(n: int, rng: random.Random) -> int:
    """An index into a list of n ranked words, rank r drawn with probability ~ 1/r."""
    return min(int(n ** rng.random()), n) - 1


COPY_STORIES = """
COPY articles_article (
    headline, language, translation_group, untranslated, slug, lead, body,
    section_id, byline, status, published_at, version, created_at, updated_at
) FROM STDIN
"""


def story_rows(words: list[str], first: int, last: int, section_id: int):
    """Stories of words drawn with Zipf's law (rank r about 1/r), reproducibly."""
    from django.utils import timezone

    rng = random.Random(first)
    weights = list(itertools.accumulate(1 / rank for rank in range(1, len(words) + 1)))
    now = timezone.now()

    def text(count: int) -> str:
        return " ".join(rng.choices(words, cum_weights=weights, k=count))

    for n in range(first, last):
        paragraphs = "".join(f"<p>{text(45)}.</p>" for _ in range(6))
        yield (
            text(8).title(),
            "en",
            uuid.UUID(int=rng.getrandbits(128), version=4),
            False,
            f"bench-search-{n}",
            text(25) + ".",
            paragraphs,
            section_id,
            "Bench desk",
            "published",
            now - datetime.timedelta(minutes=5 * n),
            1,
            now,
            now,
        )


INDEX_STORIES = """
INSERT INTO articles_searchdocument (article_id, vector, text)
SELECT id,
    setweight(to_tsvector('english', headline), 'A')
    || setweight(to_tsvector('english', lead), 'B')
    || setweight(to_tsvector('english', regexp_replace(body, '<[^>]+>', ' ', 'g')), 'C'),
    lead || E'\\n' || regexp_replace(body, '<[^>]+>', ' ', 'g')
FROM articles_article WHERE section_id = %s
ON CONFLICT (article_id) DO UPDATE SET vector = EXCLUDED.vector, text = EXCLUDED.text
"""


def ensure_stories(words: list[str]):
    from django.db import connection, transaction

    from articles.models import Article, SearchDocument, SearchWord, Section

    name = f"Bench search, {len(words):,} words"
    section, _ = Section.objects.get_or_create(slug=SECTION, defaults={"name": name})
    if section.name != name:  # stories of another vocabulary: made again
        log("removing the stories of an earlier vocabulary")
        with transaction.atomic(), connection.cursor() as cursor:
            cursor.execute(
                "DELETE FROM articles_searchdocument WHERE article_id IN "
                "(SELECT id FROM articles_article WHERE section_id = %s)",
                [section.pk],
            )
            cursor.execute(
                "DELETE FROM articles_article WHERE section_id = %s", [section.pk]
            )
        section.name = name
        section.save()
    have = Article.objects.filter(section=section).count()
    if have < STORIES:
        started = time.perf_counter()
        log(f"creating {STORIES - have:,} stories in {SECTION}")
        # Django's cursor wraps psycopg's, whose COPY takes the rows as they come.
        with (
            transaction.atomic(),
            connection.cursor() as cursor,
            cursor.cursor.copy(COPY_STORIES) as copy,
        ):
            for row in story_rows(words, have, STORIES, section.pk):
                copy.write_row(row)
        log(f"  {time.perf_counter() - started:.0f} s")
    indexed = SearchDocument.objects.filter(article__section=section).count()
    if indexed < STORIES:
        started = time.perf_counter()
        log("indexing them (one INSERT ... SELECT)")
        with transaction.atomic(), connection.cursor() as cursor:
            cursor.execute(INDEX_STORIES, [section.pk])
        SearchWord.objects.bulk_create(
            [SearchWord(language="en", word=word) for word in words],
            ignore_conflicts=True,
        )
        log(f"  {time.perf_counter() - started:.0f} s")
    with connection.cursor() as cursor:  # fresh statistics for the planner
        cursor.execute("ANALYZE articles_article")
        cursor.execute("ANALYZE articles_searchdocument")
    return section


def icontains_search(queryset, text: str):
    """The search as it was: every word (a phrase: the whole) in any field, newest first."""
    from django.db.models import Q

    terms = [text.strip('"')] if text.startswith('"') else text.split()
    for term in terms:
        queryset = queryset.filter(
            Q(headline__icontains=term)
            | Q(lead__icontains=term)
            | Q(body__icontains=term)
        )
    return queryset.order_by("-published_at", "-pk")


def full_text_search(queryset, text: str):
    from articles.search import Query, search_stories

    return search_stories(queryset, Query.parse(text), languages=["en"])


def page_of(results) -> int:
    """What the search page asks: the count, then the first page."""
    count = results.count()
    list(results[:PAGE])
    return count


def timed(function) -> tuple[float, object]:
    started = time.perf_counter()
    result = function()
    return (time.perf_counter() - started) * 1000, result


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(fraction * len(ordered)))]


def main() -> None:
    environment()
    ensure_database(os.environ["DATABASE_URL"])
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection

    if connection.vendor != "postgresql":
        sys.exit("bench/search.py measures PostgreSQL: set DATABASE_URL.")
    log("migrating")
    call_command("migrate", verbosity=0)
    words = vocabulary()
    section = ensure_stories(words)

    from articles.models import Article
    from articles.search import Query, search_snippets

    stories = Article.objects.live().in_edition("en").filter(section=section)
    rng = random.Random(12)
    headlines = list(
        stories.order_by("?").values_list("headline", flat=True)[: QUERIES * 2]
    )

    def one_word():
        return words[zipf_index(len(words), rng)]

    def three_words():
        return " ".join(one_word() for _ in range(3))

    def phrase():
        parts = rng.choice(headlines).lower().split()
        at = rng.randrange(len(parts) - 1)
        return f'"{parts[at]} {parts[at + 1]}"'

    kinds = {"one word": one_word, "three words": three_words, "phrase": phrase}
    times = {(kind, way): [] for kind in kinds for way in ("icontains", "full-text")}
    matches = {kind: [] for kind in kinds}
    snippet_times = []
    log(f"timing {QUERIES} queries of each kind, interleaved")
    for _ in range(3):  # warm the caches alike
        page_of(full_text_search(stories, one_word()))
        page_of(icontains_search(stories, one_word()))
    for number in range(QUERIES):
        for kind, make in kinds.items():
            text = make()
            # Timed from the call: the search finds and ranks its candidates at once.
            took, count = timed(lambda t=text: page_of(full_text_search(stories, t)))
            times[kind, "full-text"].append(took)
            matches[kind].append(count)
            if number < ICONTAINS_QUERIES:
                took, _count = timed(
                    lambda t=text: page_of(icontains_search(stories, t))
                )
                times[kind, "icontains"].append(took)
        text = one_word()
        page = list(full_text_search(stories, text)[:PAGE])
        took, _ = timed(lambda p=page, t=text: search_snippets(p, Query.parse(t)))
        snippet_times.append(took)

    lines = [
        f"search over {STORIES:,} stories on PostgreSQL "
        f"({connection.pg_version // 10000}), {QUERIES} queries per kind "
        f"({ICONTAINS_QUERIES} for icontains), "
        f"{platform.node()}, {datetime.datetime.now(datetime.UTC):%Y-%m-%d %H:%M} UTC",
        f"{'query':<13} {'way':<10} {'median ms':>10} {'p99 ms':>8} "
        f"{'matches, ranked (median)':>25} {'icontains/full-text (median)':>29}",
    ]
    for kind in kinds:
        full = times[kind, "full-text"]
        plain = times[kind, "icontains"]
        ratio = statistics.median(plain) / statistics.median(full)
        for way, values in (("icontains", plain), ("full-text", full)):
            lines.append(
                f"{kind:<13} {way:<10} {statistics.median(values):>10.2f} "
                f"{percentile(values, 0.99):>8.2f} "
                f"{statistics.median(matches[kind]):>25,.0f} "
                + (f"{ratio:>28.1f}x" if way == "full-text" else "")
            )
    lines.append(
        f"{'snippets':<13} {'page of 20':<10} {statistics.median(snippet_times):>10.2f} "
        f"{percentile(snippet_times, 0.99):>8.2f}"
    )
    worst = max(percentile(times[kind, "full-text"], 0.99) for kind in kinds)
    lines.append(
        f"full-text p99, worst kind: {worst:.2f} ms (target < {TARGET_P99_MS:.0f} ms)"
    )
    report = "\n".join(lines)
    print(report)
    results = ROOT / "bench" / "results"
    results.mkdir(exist_ok=True)
    stamp = datetime.datetime.now(datetime.UTC).strftime("%Y%m%d-%H%M%S")
    (results / f"search-{stamp}.txt").write_text(report + "\n")


if __name__ == "__main__":
    main()
