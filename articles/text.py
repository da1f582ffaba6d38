"""Text helpers for stories: safe HTML, readable slugs, the words of stored HTML."""

import html
import re
import unicodedata
from dataclasses import dataclass

import nh3
from django.utils.text import slugify
from unidecode import unidecode

# The tags and attributes an editor's body may keep; everything else is dropped
# on save, so no script, style, event handler or javascript: link reaches readers.
ALLOWED_TAGS = {
    "p", "br", "h2", "h3", "h4", "strong", "b", "em", "i", "u", "s", "a",
    "blockquote", "ul", "ol", "li", "figure", "figcaption", "hr", "sub", "sup",
}  # fmt: skip
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}}
ALLOWED_URL_SCHEMES = {"http", "https", "mailto"}


def sanitize_html(html: str) -> str:
    """Clean editor HTML down to the allowlist; links get rel="noopener noreferrer"."""
    return nh3.clean(
        html or "",
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=ALLOWED_URL_SCHEMES,
        link_rel="noopener noreferrer",
    ).strip()


# Unidecode turns the Kazakh letters ә into "@" and қ into "k'"; this table gives
# the plain Latin letters of the Kazakh Latin alphabet's ASCII spelling instead.
KAZAKH_TO_LATIN = str.maketrans(
    {
        "ә": "a", "Ә": "A", "ғ": "g", "Ғ": "G", "қ": "q", "Қ": "Q",
        "ң": "n", "Ң": "N", "ө": "o", "Ө": "O", "ұ": "u", "Ұ": "U",
        "ү": "u", "Ү": "U", "һ": "h", "Һ": "H", "і": "i", "І": "I",
    }
)  # fmt: skip


def slugify_headline(headline: str, max_length: int = 80) -> str:
    """An ASCII slug for any headline (Latin, Cyrillic, Kazakh); never empty."""
    ascii_text = unidecode((headline or "").translate(KAZAKH_TO_LATIN))
    slug = slugify(ascii_text)[:max_length].strip("-")
    return slug or "story"


# --- Reading the words of stored HTML --------------------------------------------
#
# One tokenizer for every place that needs the words of a story's body: the word
# diff of revisions (html_to_text below) and the quote verifier of readers' error
# reports, which maps each character back to the stored HTML. Both agree on what
# is a tag, what is text, and which tags separate words.

# Elements whose start and end separate words, as a reader sees them.
BLOCK_TAGS = frozenset(
    {
        "address", "article", "aside", "blockquote", "br", "dd", "div", "dl",
        "dt", "figcaption", "figure", "footer", "h1", "h2", "h3", "h4", "h5",
        "h6", "header", "hr", "li", "main", "nav", "ol", "p", "pre", "section",
        "table", "td", "th", "tr", "ul",
    }
)  # fmt: skip

# A tag, with quoted attribute values that may contain ">"; or a comment.
HTML_TAG = re.compile(
    r"""<!--.*?-->|<(/?)([A-Za-z][A-Za-z0-9-]*)(?:[^>"']|"[^"]*"|'[^']*')*>""", re.S
)


@dataclass(frozen=True)
class HtmlPiece:
    """A run of stored HTML: a tag (or comment), or text between tags."""

    raw: str  # as stored, entities and all
    is_tag: bool
    is_block: bool = False  # a tag that separates words (BLOCK_TAGS)

    @property
    def text(self) -> str:
        """What a reader sees of a text piece: entities decoded, Unicode NFC."""
        return (
            "" if self.is_tag else unicodedata.normalize("NFC", html.unescape(self.raw))
        )


def html_pieces(markup: str) -> list[HtmlPiece]:
    """Stored HTML cut into tags and text, in order; joined, the pieces are `markup`."""
    pieces: list[HtmlPiece] = []
    position = 0
    markup = markup or ""
    for match in HTML_TAG.finditer(markup):
        if match.start() > position:
            pieces.append(HtmlPiece(markup[position : match.start()], is_tag=False))
        name = (match.group(2) or "").lower()
        pieces.append(
            HtmlPiece(match.group(0), is_tag=True, is_block=name in BLOCK_TAGS)
        )
        position = match.end()
    if position < len(markup):
        pieces.append(HtmlPiece(markup[position:], is_tag=False))
    return pieces


def html_to_text(markup: str) -> str:
    """The words of body HTML, one block (paragraph, list item, ...) per line."""
    text = "".join(
        ("\n" if piece.is_block else "") if piece.is_tag else piece.text
        for piece in html_pieces(markup)
    )
    lines = [" ".join(line.split()) for line in text.splitlines()]
    return "\n".join(line for line in lines if line)
