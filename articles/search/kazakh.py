"""
A Kazakh stemmer: the endings of case, number, possession and the commonest verb
forms stripped from the end of a word, longest first, until none is left.

Why our own: PostgreSQL and Snowball have no Kazakh stemmer, and the package
index's Kazakh analyser (kazstem, an HFST finite-state morphology built from
apertium-kaz) ships without its compiled lexicon: it needs an HFST and
Constraint Grammar toolchain built from source at install time, which neither a
pip install nor Debian provides, and it is GPL. Kazakh is agglutinative and
almost purely suffixing, with endings that vary only by vowel harmony and the
last consonant of the stem, so a list of endings reaches the stem of nearly
every inflected form a reader types ("Қазақстанның", "Астанада", "сайланды").
bench/kazakh.py measures it against searching without stemming and against
trigram similarity on the relevance test set.

Over-stripping is harmless as long as every form of a word ends up at the same
stem ("Қазақстан" and "Қазақстанның" both become "қазақс"): the same function
runs over the stories when they are indexed and over the reader's words.
"""

from __future__ import annotations

from functools import lru_cache

# Endings by what they mark; every variant that vowel harmony and the stem's
# last sound choose. Single letters are left out (а, е, н, у would cut roots),
# but the possessive ы/і is kept: "елі", "қаласы".
_CASES = (
    "ның нің дың дің тың тің "  # genitive
    "ға ге қа ке на не "  # dative
    "ны ні ды ді ты ті "  # accusative (also the past tense, below)
    "да де та те нда нде "  # locative
    "дан ден тан тен нан нен "  # ablative
    "мен бен пен менен бенен пенен "  # instrumental
    "дай дей тай тей "  # similative
)
_NUMBER = "лар лер дар дер тар тер "
_POSSESSIVE = "ым ім ың ің ымыз іміз мыз міз ыңыз іңіз ңыз ңіз сы сі ы і "
_VERBS = (
    "ған ген қан кен "  # past participle: сайланған
    "ады еді йды йді "  # present, third person: салады
    "атын етін йтын йтін "  # future participle
    "мақ мек бақ бек пақ пек "  # intention
    "ып іп "  # converb
    "са се "  # conditional
    "ушы уші "  # agent: сайлаушы
    "уы уі "  # verbal noun, possessed: салуы
)
_DERIVATION = "лық лік дық дік тық тік шы ші "

SUFFIXES = tuple(
    sorted(
        set((_CASES + _NUMBER + _POSSESSIVE + _VERBS + _DERIVATION).split()),
        key=len,
        reverse=True,
    )
)
MIN_STEM = 3  # letters left at least: roots like "жол", "сал", "тау"
VOWELS = frozenset("аәеёиоөуұүыіэюя")
# A stem's last consonant voices before a vowel ending (кітап → кітабы): undo it.
DEVOICE = {"б": "п", "г": "к", "ғ": "қ"}


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """The stem of a lowercase Kazakh word."""
    changed = True
    while changed:
        changed = False
        for suffix in SUFFIXES:
            if word.endswith(suffix):
                rest = word[: -len(suffix)]
                if len(rest) >= MIN_STEM and VOWELS & set(rest):
                    word = rest
                    changed = True
                    break
    if word[-1:] in DEVOICE and len(word) > MIN_STEM:
        word = word[:-1] + DEVOICE[word[-1]]
    return word
