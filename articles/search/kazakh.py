"""
A Kazakh stemmer: the endings of case, possession, number and the commonest verb
forms stripped from the end of a word inward, at most one of each kind, the
longest that leaves a stem of three letters; then a final ы/і, and the voicing of
the stem's last consonant undone.

Why our own: PostgreSQL and Snowball have no Kazakh stemmer, and the package
index's Kazakh analyser (kazstem, an HFST finite-state morphology built from
apertium-kaz) ships without its compiled lexicon: it needs an HFST and
Constraint Grammar toolchain built from source at install time, which neither a
pip install nor Debian provides, and it is GPL. Kazakh is agglutinative and
almost purely suffixing, with endings that vary only by vowel harmony and the
last consonant of the stem, so a list of endings reaches the stem of nearly
every inflected form a reader types ("Қазақстанның", "Астанада", "мектептерде").
bench/kazakh.py measures it against searching without stemming, Snowball's
Turkish stemmer over the Latin alphabet, and trigram similarity on the relevance
test set; articles/tests/test_search.py holds it to a list of word forms.

Over-stripping is harmless as long as every form of a word ends up at the same
stem ("оқушы" and "оқушыны" both become "оқуш"): the same function runs over
the stories when they are indexed and over the reader's words.
"""

from __future__ import annotations

from functools import lru_cache


def _endings(*groups: str) -> list[str]:
    return [ending for group in groups for ending in group.split()]


# Endings by what they mark, every variant that vowel harmony and the stem's
# last sound choose, in the order Kazakh stacks them after the stem: plural,
# possessive, case. Stripped from the end inward, one of each kind at most.
CASES = _endings(
    "ның нің дың дің тың тің",  # genitive
    "ға ге қа ке ына іне сына сіне",  # dative (-на only after a possessive)
    "ны ні ды ді ты ті ын ін сын сін",  # accusative
    "да де та те нда нде",  # locative
    "дағы дегі тағы тегі ндағы ндегі",  # locative adjective: шекарадағы
    "дан ден тан тен нан нен",  # ablative
    "мен бен пен менен бенен пенен",  # instrumental
    "дай дей тай тей",  # similative
)
POSSESSIVE = _endings("ым ім ың ің ымыз іміз мыз міз ыңыз іңіз ңыз ңіз сы сі ы і")
PLURAL = _endings("лар лер дар дер тар тер")
VERB_AND_DERIVATION = _endings(
    "ған ген қан кен",  # past participle: сайланған
    "ады еді йды йді",  # present, third person: салады
    "атын етін йтын йтін",  # future participle
    "мақ мек бақ бек пақ пек",  # intention
    "ушы уші уы уі",  # agent, verbal noun possessed: сайлаушы, салуы
    "лық лік дық дік тық тік",  # abstract nouns
)
SLOTS = tuple(
    tuple(sorted(endings, key=len, reverse=True))
    for endings in (CASES, POSSESSIVE, PLURAL, VERB_AND_DERIVATION)
)
MIN_STEM = 3  # letters left at least: roots like "жол", "сал", "тау"
VOWELS = frozenset("аәеёиоөуұүыіэюя")
# Word ends that look like an ending but belong to the stem: -стан of country
# names (not the ablative -тан), Алматы (not the accusative -ты).
PROTECTED = ("стан", "алматы")
# A stem's last consonant voices before a vowel ending (кітап → кітабы): undo it.
DEVOICE = {"б": "п", "г": "к", "ғ": "қ"}


def _strip(word: str, endings: tuple[str, ...]) -> str:
    """`word` without the longest of `endings` it has, leaving a protected end whole."""
    if word.endswith(PROTECTED):
        return word
    stripped = [
        word[: -len(ending)]
        for ending in endings
        if word.endswith(ending)
        and len(word) - len(ending) >= MIN_STEM
        and VOWELS & set(word[: -len(ending)])
    ]
    for rest in stripped:  # Қазақстанда: -да, not -нда
        if rest.endswith(PROTECTED):
            return rest
    return stripped[0] if stripped else word


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """The stem of a lowercase Kazakh word."""
    for endings in SLOTS:
        word = _strip(word, endings)
    # A final ы/і is the possessive or the end of a stem that takes one (оқушы,
    # Алматы): dropped either way, so that оқушы and оқушыны meet.
    word = _strip(word, ("ы", "і"))
    if word[-1:] in DEVOICE and len(word) > MIN_STEM:
        word = word[:-1] + DEVOICE[word[-1]]
    return word
