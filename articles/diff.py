"""Readable word diffs: between two revisions of a story, or a quote and a fix."""

import difflib
import re

from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString

TOKENS = re.compile(r"\s+|\w+|[^\w\s]", re.UNICODE)


def word_diff_pieces(old: str, new: str) -> list[tuple[str, str]]:
    """
    `old` turned into `new` word by word: a list of ("equal" | "delete" | "insert",
    text) pieces, in reading order.
    """
    a, b = TOKENS.findall(old or ""), TOKENS.findall(new or "")
    pieces: list[tuple[str, str]] = []
    matcher = difflib.SequenceMatcher(None, a, b, autojunk=False)
    for op, a1, a2, b1, b2 in matcher.get_opcodes():
        if op == "equal":
            pieces.append(("equal", "".join(a[a1:a2])))
            continue
        if a2 > a1:
            pieces.append(("delete", "".join(a[a1:a2])))
        if b2 > b1:
            pieces.append(("insert", "".join(b[b1:b2])))
    return pieces


def word_diff(old: str, new: str) -> SafeString:
    """`new` against `old` word by word, removals in <del>, additions in <ins>, escaped."""
    tags = {"delete": "del", "insert": "ins"}
    return format_html_join(
        "",
        "{}",
        (
            (format_html("<{0}>{1}</{0}>", tags[op], text) if op in tags else text,)
            for op, text in word_diff_pieces(old, new)
        ),
    )
