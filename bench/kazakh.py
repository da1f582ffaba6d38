#!/usr/bin/env python3
"""
How much of the relevance test set each way of matching Kazakh (and Russian and
English) words finds: the measurement behind articles/search/kazakh.py.

    .venv/bin/python bench/kazakh.py

No database: every approach ranks the test set's stories (articles/tests/
search_relevance.py) in Python by the same weighted count, a word in the
headline 1, the lead 0.5, the text 0.2, ties to the newer story, per edition.
A query "finds" when its named story is in the top three; a query that must
find nothing scores when nothing matches. The search itself (PostgreSQL, FTS5)
is held to the chosen approach by articles/tests/test_search.py.

Approaches:
- exact words: lowercase, no stemming (PostgreSQL's `simple`);
- suffixes (ours): articles/search/analysis.stem, our Kazakh suffix stripper and
  Snowball for Russian (with its -стан fix) and English: the one the site uses;
- snowball only (Russian): Snowball's Russian stemmer as PostgreSQL's `russian`
  configuration has it, without the fix;
- turkish snowball: Kazakh in the Latin alphabet (articles/translit.py) through
  Snowball's Turkish stemmer, the nearest language Snowball knows;
- trigram: a query word matches a story word at pg_trgm similarity >= 0.3 (its
  default threshold), weighted by the similarity.
kazstem (the package index's Kazakh analyser) is not measured: its wheel ships no
compiled lexicon, which needs an HFST toolchain built from apertium-kaz sources
that neither pip nor Debian provides.
"""

import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "newsroom.settings")

import django  # noqa: E402

django.setup()

import snowballstemmer  # noqa: E402

from articles.search.analysis import StoryText, normalize, stem, words  # noqa: E402
from articles.search.sqlite import SIMILARITY_THRESHOLD, similarity, trigrams  # noqa: E402
from articles.tests.search_relevance import (  # noqa: E402
    FINDS,
    FINDS_NOTHING,
    STORIES,
    story_ages,
)
from articles.translit import to_latin  # noqa: E402

WEIGHTS = (1.0, 0.5, 0.2)  # headline, lead, text
TURKISH = snowballstemmer.stemmer("turkish")
RUSSIAN = snowballstemmer.stemmer("russian")


def exact(word, language):
    return word


def ours(word, language):
    return stem(word, language)


def snowball_only(word, language):
    return RUSSIAN.stemWord(word) if language == "ru" else stem(word, language)


def turkish(word, language):
    if language != "kk":
        return stem(word, language)
    return TURKISH.stemWord(normalize(to_latin(word)))


def exact_match_score(analyse):
    """A scorer over (term -> weight) from the analysed words of each field."""

    def index(fields, language):
        terms = {}
        for weight, text in zip(WEIGHTS, fields, strict=True):
            for word in words(text):
                term = analyse(word, language)
                terms[term] = terms.get(term, 0.0) + weight
        return terms

    def score(terms, query_words, language):
        total = 0.0
        for word in query_words:
            weight = terms.get(analyse(word, language), 0.0)
            if not weight:
                return 0.0
            total += weight
        return total

    return index, score


def trigram_scorer():
    def index(fields, language):
        return [
            (weight, trigrams(word))
            for weight, text in zip(WEIGHTS, fields, strict=True)
            for word in words(text)
        ]

    def score(terms, query_words, language):
        total = 0.0
        for word in query_words:
            wanted = trigrams(word)
            best = 0.0
            for weight, grams in terms:
                similar = similarity(wanted, grams)
                if similar >= SIMILARITY_THRESHOLD:
                    best = max(best, similar * weight)
            if not best:
                return 0.0
            total += best
        return total

    return index, score


APPROACHES = {
    "exact words": exact_match_score(exact),
    "suffixes (ours)": exact_match_score(ours),
    "snowball only": exact_match_score(snowball_only),
    "turkish snowball": exact_match_score(turkish),
    "trigram": trigram_scorer(),
}


def measure(index, score):
    ages = story_ages()
    indexed = {}
    for key, (language, headline, lead, body) in STORIES.items():
        text = StoryText.of(headline=headline, lead=lead, body=body)
        indexed[key] = (
            language,
            index((text.headline, text.lead, text.body), language),
        )

    def ranked(query, language):
        query_words = words(query)
        scored = [
            (-score(terms, query_words, language), ages[key], key)
            for key, (lang, terms) in indexed.items()
            if lang == language
        ]
        return [key for s, _age, key in sorted(scored) if s < 0]

    rates = {}
    for language in ("kk", "ru", "en"):
        finds = [(q, key) for lang, q, key in FINDS if lang == language]
        nothing = [q for lang, q in FINDS_NOTHING if lang == language]
        found = sum(key in ranked(q, language)[:3] for q, key in finds)
        empty = sum(not ranked(q, language) for q in nothing)
        rates[language] = (found, len(finds), empty, len(nothing))
    return rates


def main():
    print("hit rate on the relevance set: named story in the top 3 | finds nothing")
    print(f"{'approach':<18} {'kk':>16} {'ru':>16} {'en':>16}")
    for name, (index, score) in APPROACHES.items():
        rates = measure(index, score)
        cells = [
            f"{f}/{n} {100 * f / n:3.0f}% | {e}/{m}"
            for f, n, e, m in (rates[lang] for lang in ("kk", "ru", "en"))
        ]
        print(f"{name:<18} " + " ".join(f"{cell:>16}" for cell in cells))


if __name__ == "__main__":
    main()
