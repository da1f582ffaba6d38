"""
Kazakh in Latin script: Cyrillic text transliterated to the 2021 official alphabet.

The stored, edited and searched text stays Cyrillic; a Kazakh reader who asks for
Latin script gets it transliterated on the way out, letter by letter.

Source of the mapping: the Latin alphabet the Government of Kazakhstan presented
in January 2021 (drawn up by the A. Baitursynuly Institute of Linguistics), as
tabulated against the Cyrillic in Wikipedia's "Kazakh alphabets", section "Latin
script" (https://en.wikipedia.org/wiki/Kazakh_alphabets#Latin_script). Its 31
letters:

    A Ä B D E F G Ğ H I İ J K L M N Ñ O Ö P Q R S Ş T U Ū Ü V Y Z

| Cyrillic | Latin | | Cyrillic | Latin | | Cyrillic | Latin |
|---|---|---|---|---|---|---|---|
| А а | A a | | Й й | İ i | | Ү ү | Ü ü |
| Ә ә | Ä ä | | К к | K k | | Ф ф | F f |
| Б б | B b | | Қ қ | Q q | | Х х | H h |
| В в | V v | | Л л | L l | | Һ һ | H h |
| Г г | G g | | М м | M m | | Ш ш | Ş ş |
| Ғ ғ | Ğ ğ | | Н н | N n | | Ы ы | Y y |
| Д д | D d | | Ң ң | Ñ ñ | | І і | I ı |
| Е е | E e | | О о | O o | | | |
| Ж ж | J j | | Ө ө | Ö ö | | | |
| З з | Z z | | П п | P p | | | |
| И и | İ i | | Р р | R r | | | |
|     |     | | С с | S s | | | |
|     |     | | Т т | T t | | | |
|     |     | | У у | U u | | | |
|     |     | | Ұ ұ | Ū ū | | | |

Note the two I's: Kazakh і is dotless ı (capital I), и and й are dotted i
(capital İ), where Python's "i".upper() would give "I".

The letters Kazakh Cyrillic took from Russian for loanwords have no letter of
their own in the 2021 alphabet, which has no C and no digraph letters. They are
written with its letters as the spelling rules for the Latin alphabet write them
(published with the 2018 version and not replaced in 2021: "цирк" -> "sirk",
"цемент" -> "sement", "сценарий" -> "senarii", "актёр" -> "aktör",
"элемент" -> "element"): ц -> s (and сц -> s), ё -> ö, э -> e, щ -> ş (doubled,
şş, in the native words ащы, тұщы, кеще), ю -> iu and я -> ia (й and у, or
й and а), and the hard and soft signs ъ, ь are dropped ("объект" -> "obekt").
ч, for which the rules give no letter now that C is gone, is ş, as Kazakh
speech has it ("шай" for чай): "чемпионат" -> "şempionat". A decision to revisit
if the final rules say otherwise: it is one entry in the table below.

Capitals: Ю and Я, whose Latin is two letters, are "İu", "İa" at the start of a
word in ordinary case ("Юрий" -> "İurii") and "İU", "İA" in a word in capitals
("ЮНЕСКО" -> "İUNESKO"), judged by the next letter, or the previous one at the
end of a word.

Markup: `to_latin_html` changes text nodes only; tags with their attributes,
comments, and the contents of <script> and <style> are kept byte for byte. It
uses the tokeniser of articles/text.py (HTML_TAG), like the revision diff and the
quote verifier of readers' reports, so all of them see the same text nodes. Character
references stay as written: their names and numbers are ASCII, which the
mapping leaves alone. `to_latin_page` does the same for a whole rendered page and
also transliterates the attributes that carry interface text a reader sees or
hears (alt, title, placeholder, aria-label, content, and the messages the
error-report script shows, data-msg-*), and marks the page lang="kk-Latn". It is
how the interface strings reach Latin script: one pass over the rendered page
covers the project's catalogue, Django's own strings (month names in dates) and
the stories at once, with nothing to keep in step with the Kazakh catalogue; a
reader page is cached whole, so the pass is paid once per cached page.

The module is pure: strings in, strings out, no Django.
"""

from __future__ import annotations

import re
import unicodedata

from .text import HTML_TAG

_LOWER = {
    "а": "a", "ә": "ä", "б": "b", "в": "v", "г": "g", "ғ": "ğ", "д": "d",
    "е": "e", "ё": "ö", "ж": "j", "з": "z", "и": "i", "й": "i", "к": "k",
    "қ": "q", "л": "l", "м": "m", "н": "n", "ң": "ñ", "о": "o", "ө": "ö",
    "п": "p", "р": "r", "с": "s", "т": "t", "у": "u", "ұ": "ū", "ү": "ü",
    "ф": "f", "х": "h", "һ": "h", "ц": "s", "ч": "ş", "ш": "ş", "щ": "ş",
    "ъ": "", "ы": "y", "і": "ı", "ь": "", "э": "e", "ю": "iu", "я": "ia",
}  # fmt: skip


def _upper(latin: str) -> str:
    # Python upper-cases i to I; in this alphabet the capital of i is İ (ı's is I).
    return latin.replace("i", "İ").upper()


# Capitals at the start of a word, and the two-letter ones (Ю, Я) inside a word
# written in capitals.
_TITLE = {cyr.upper(): _upper(lat[:1]) + lat[1:] for cyr, lat in _LOWER.items()}
_CAPS = {cyr.upper(): _upper(lat) for cyr, lat in _LOWER.items() if len(lat) > 1}

# The native words whose щ is a long ш, written twice (with their endings).
_LONG_SH = re.compile(r"\b(?:ащы|тұщы|кеще)", re.I)
# сц is one s: "сценарий" -> "senarii".
_TS_AFTER_S = re.compile(r"(?<=[сС])[цЦ]")
_TWO_LETTER_CAPITAL = re.compile(f"[{''.join(_CAPS)}]")
# Every other letter is written the same wherever it stands.
_LETTERS = str.maketrans({**_LOWER, **_TITLE})
_CYRILLIC = re.compile(f"[{''.join(_LOWER)}{''.join(_TITLE)}]")


def _two_letter_capital(match: re.Match) -> str:
    text, index = match.string, match.start()
    after = text[index + 1 : index + 2]
    before = text[index - 1 : index]
    neighbour = after if after.isalpha() else before
    in_capitals = neighbour.isalpha() and neighbour.isupper()
    return _CAPS[match[0]] if in_capitals else _TITLE[match[0]]


def to_latin(text: str) -> str:
    """Plain Kazakh text in the 2021 Latin alphabet; anything not Cyrillic stays."""
    # Composed first: "й" and "ё" may arrive as a letter and a combining mark.
    text = unicodedata.normalize("NFC", text)
    if not _CYRILLIC.search(text):
        return text
    text = _TS_AFTER_S.sub("", text)
    text = _LONG_SH.sub(lambda match: match[0][:-1] + match[0][-2:], text)
    text = _TWO_LETTER_CAPITAL.sub(_two_letter_capital, text)
    return text.translate(_LETTERS)


# Raw-text elements whose contents are code, not reader text.
_RAW = re.compile(r"<(script|style)\b[^>]*>.*?</\1\s*>", re.S | re.I)
_MARKUP = re.compile(f"{_RAW.pattern}|{HTML_TAG.pattern}", re.S | re.I)

# Attributes whose values a reader sees or hears as interface text.
_TEXT_ATTRIBUTES = re.compile(
    r"alt|title|placeholder|aria-label|content|data-msg-[\w-]+|data-mac|"
    r"data-close-label",
    re.I,
)
_ATTRIBUTE = re.compile(
    r"""(?P<name>[^\s"'<>/=]+)(?P<eq>\s*=\s*)(?P<value>"[^"]*"|'[^']*'|[^\s"'=<>`]+)"""
)


def _latin_attributes(tag: str) -> str:
    if tag.startswith("<!--") or tag.startswith("</"):
        return tag

    def replace(match: re.Match) -> str:
        name, value = match["name"], match["value"]
        if name.lower() == "lang" and value.strip("\"'").lower() == "kk":
            return f"{name}{match['eq']}{value[0]}kk-Latn{value[0]}"
        if _TEXT_ATTRIBUTES.fullmatch(name):
            return f"{name}{match['eq']}{to_latin(value)}"
        return match[0]

    name_end = re.match(r"<[A-Za-z][A-Za-z0-9-]*", tag).end()
    return tag[:name_end] + _ATTRIBUTE.sub(replace, tag[name_end:])


# A start tag that says its text is in another language or script (lang="ru",
# lang="kk-Cyrl": the language switcher's names) keeps the text that follows it.
_OTHER_LANGUAGE = re.compile(
    r"""<[A-Za-z][^>]*\slang\s*=\s*["']?(?!kk["'\s>])[A-Za-z]""", re.I
)


def _walk(markup: str, *, attributes: bool) -> str:
    out = []
    position = 0
    keep_next = False
    for match in _MARKUP.finditer(markup):
        text = markup[position : match.start()]
        out.append(text if keep_next and attributes else to_latin(text))
        tag = match[0]
        keep_next = bool(_OTHER_LANGUAGE.match(tag))
        if attributes and not _RAW.fullmatch(tag):
            tag = _latin_attributes(tag)
        out.append(tag)
        position = match.end()
    out.append(to_latin(markup[position:]))
    return "".join(out)


def to_latin_html(markup: str) -> str:
    """A story's HTML with its text nodes in Latin script and its markup unchanged."""
    return _walk(markup, attributes=False)


def to_latin_page(markup: str) -> str:
    """A rendered Kazakh page in Latin script: text, interface attributes and lang."""
    return _walk(markup, attributes=True)
