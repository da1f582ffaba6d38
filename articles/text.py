"""Text helpers for stories: safe HTML and readable slugs."""

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
