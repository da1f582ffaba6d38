"""Readable word diffs between two revisions of a story."""

import difflib
import html
import re

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

TOKENS = re.compile(r"\s+|\w+|[^\w\s]", re.UNICODE)
BLOCK_END = re.compile(
    r"</(p|h[1-6]|blockquote|li|figcaption|figure)>|<br\s*/?>|<hr\s*/?>", re.I
)
TAG = re.compile(r"<[^>]*>")


def html_to_text(markup: str) -> str:
    """The words of body HTML, one paragraph (or list item) per line."""
    text = BLOCK_END.sub("\n", markup or "")
    text = html.unescape(TAG.sub("", text))
    lines = [" ".join(line.split()) for line in text.splitlines()]
    return "\n".join(line for line in lines if line)


def word_diff(old: str, new: str) -> SafeString:
    """`new` against `old` word by word, removals in <del>, additions in <ins>, escaped."""
    a = TOKENS.findall(old or "")
    b = TOKENS.findall(new or "")
    parts = []
    matcher = difflib.SequenceMatcher(a=a, b=b, autojunk=False)
    for op, a1, a2, b1, b2 in matcher.get_opcodes():
        if op == "equal":
            parts.append(escape("".join(a[a1:a2])))
            continue
        if op in ("delete", "replace"):
            parts.append(f"<del>{escape(''.join(a[a1:a2]))}</del>")
        if op in ("insert", "replace"):
            parts.append(f"<ins>{escape(''.join(b[b1:b2]))}</ins>")
    return mark_safe("".join(parts))  # noqa: S308 (every piece is escaped above)
