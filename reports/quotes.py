"""
Finding a reader's quote in a story again, and replacing exactly that occurrence.

A quote is a W3C Web Annotation TextQuoteSelector: the `exact` text and up to
CONTEXT characters of `prefix` and `suffix` around it. All three are taken from
the *reading text* of one part of the story (headline, lead, body or a caption):
the characters a reader sees, Unicode NFC, with every run of white space, and
every boundary of a block element such as a paragraph, collapsed into one space,
trimmed at both ends. static/js/error-report.js builds the same text from the
DOM by the same rules, so offsets agree between the browser and the server.

A `Document` keeps, for every character of the reading text, where it came from
in the stored text (a plain-text field, or the text nodes of the body's HTML),
so that a span of the reading text can be replaced in the stored text even when
it crosses inline tags such as <strong> or <a>. Only the text nodes that the
span touches are rewritten; every tag and every other byte stays as it was.

The module is pure: strings in, strings out, nothing stored or fetched. Stored HTML is cut into
tags and text by articles.text.html_pieces, the same routine that gives the word
diff of revisions its text.
"""

from __future__ import annotations

import html
import re
import unicodedata
from dataclasses import dataclass

from articles.text import html_pieces

CONTEXT = 32
EXACT_MAX = 300

# The white space both sides collapse. Written out, because JavaScript's \s and
# Python's \s disagree at the edges (U+FEFF, U+180E, U+001C-U+001F).
WHITESPACE = (
    "\t\n\x0b\x0c\r \u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006"
    "\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000\ufeff"
)
_WHITESPACE_RUN = re.compile(f"[{re.escape(WHITESPACE)}]+")
# Control characters other than white space: never part of a reader's text.
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x9f]")


def normalize(text: str) -> str:
    """Reader text as stored: NFC, no control characters, white space collapsed."""
    text = unicodedata.normalize("NFC", text or "")
    text = _CONTROL.sub("", text)
    return _WHITESPACE_RUN.sub(" ", text).strip()


def normalize_context(text: str) -> str:
    """A prefix or suffix: normalized like reader text, but its ends kept."""
    text = unicodedata.normalize("NFC", text or "")
    return _WHITESPACE_RUN.sub(" ", _CONTROL.sub("", text))


def is_whitespace(char: str) -> bool:
    return char in WHITESPACE


@dataclass(frozen=True)
class TextQuote:
    """A W3C TextQuoteSelector: the quoted text and the text right around it."""

    exact: str
    prefix: str = ""
    suffix: str = ""


@dataclass(frozen=True)
class Span:
    """Where a quote sits in a reading text: text[start:end] == quote.exact."""

    start: int
    end: int


# A place in the stored text: (index of a text node, offset in its decoded text).
Position = tuple[int, int]


@dataclass
class _Node:
    raw: str  # as stored (HTML-escaped for the body)
    text: str  # decoded and NFC-normalized
    is_tag: bool = False
    is_block: bool = False


class Document:
    """The reading text of one part of a story, mapped back to its stored text."""

    def __init__(self, nodes: list[_Node], *, is_html: bool):
        self._nodes = nodes
        self._is_html = is_html
        self._build()

    @classmethod
    def from_plain(cls, value: str) -> Document:
        """A plain-text part: the headline, the lead or a caption."""
        value = value or ""
        return cls(
            [_Node(raw=value, text=unicodedata.normalize("NFC", value))],
            is_html=False,
        )

    @classmethod
    def from_html(cls, value: str) -> Document:
        """The body: HTML whose text nodes are read, and whose tags are kept."""
        return cls(
            [
                _Node(
                    raw=piece.raw,
                    text=piece.text,
                    is_tag=piece.is_tag,
                    is_block=piece.is_block,
                )
                for piece in html_pieces(value)
            ],
            is_html=True,
        )

    def _build(self) -> None:
        # Every character a reader sees, with where it starts and ends in the
        # stored text; a block boundary is a space that starts and ends at the
        # end of the text before it.
        chars: list[tuple[str, Position, Position]] = []
        last_end: Position | None = None
        for index, node in enumerate(self._nodes):
            if node.is_tag:
                if last_end is not None and node.is_block:
                    chars.append((" ", last_end, last_end))
                continue
            for offset, char in enumerate(node.text):
                if _CONTROL.match(char):
                    continue
                chars.append((char, (index, offset), (index, offset + 1)))
            last_end = (index, len(node.text))
        # Collapse white space runs into one space; trim both ends.
        text: list[str] = []
        starts: list[Position] = []
        ends: list[Position] = []
        for char, start, end in chars:
            if is_whitespace(char):
                if not text:
                    continue
                if text[-1] == " ":
                    ends[-1] = end
                    continue
                char = " "
            text.append(char)
            starts.append(start)
            ends.append(end)
        if text and text[-1] == " ":
            text.pop()
            starts.pop()
            ends.pop()
        self.text = "".join(text)
        self._starts = starts
        self._ends = ends

    def quote_at(self, span: Span, context: int = CONTEXT) -> TextQuote:
        """The selector for a span, with up to `context` characters either side."""
        return TextQuote(
            exact=self.text[span.start : span.end],
            prefix=self.text[max(0, span.start - context) : span.start],
            suffix=self.text[span.end : span.end + context],
        )

    def locate(self, quote: TextQuote) -> Span | None:
        """Where the quote is now, or None when it is gone or cannot be told apart."""
        return locate(self.text, quote)

    def replace(self, span: Span, replacement: str) -> str:
        """
        The stored text with exactly this span of the reading text replaced.

        Only what differs is rewritten: the characters the quote and the
        replacement share at their start and end stay where they are, so a fix
        of one letter inside a link changes that letter, not the link.
        """
        if not 0 <= span.start < span.end <= len(self.text):
            raise ValueError("The span is outside the text.")
        exact = self.text[span.start : span.end]
        head = _common_prefix(exact, replacement)
        tail = _common_suffix(exact[head:], replacement[head:])
        start, end = span.start + head, span.end - tail
        middle = replacement[head : len(replacement) - tail]
        if start == end:
            if not middle:
                return "".join(node.raw for node in self._nodes)
            # A pure insertion: at the start of the next character, or at the
            # end of the text.
            point = self._starts[start] if start < len(self.text) else self._ends[-1]
            first_node, first_offset = last_node, last_offset = point
        else:
            first_node, first_offset = self._starts[start]
            last_node, last_offset = self._ends[end - 1]
        changed = {}
        if first_node == last_node:
            text = self._nodes[first_node].text
            changed[first_node] = text[:first_offset] + middle + text[last_offset:]
        else:
            changed[first_node] = self._nodes[first_node].text[:first_offset] + middle
            for index in range(first_node + 1, last_node):
                if not self._nodes[index].is_tag:
                    changed[index] = ""
            changed[last_node] = self._nodes[last_node].text[last_offset:]
        parts = []
        for index, node in enumerate(self._nodes):
            if index in changed:
                value = changed[index]
                parts.append(
                    html.escape(value, quote=False) if self._is_html else value
                )
            else:
                parts.append(node.raw)
        return "".join(parts)


def _common_suffix(a: str, b: str) -> int:
    n = 0
    while n < len(a) and n < len(b) and a[-1 - n] == b[-1 - n]:
        n += 1
    return n


def _common_prefix(a: str, b: str) -> int:
    n = 0
    while n < len(a) and n < len(b) and a[n] == b[n]:
        n += 1
    return n


def locate(text: str, quote: TextQuote, context: int = CONTEXT) -> Span | None:
    """
    The one occurrence of `quote.exact` in `text` that its prefix and suffix point to.

    An occurrence qualifies when at least one side of its context still matches
    in full, so an edit right next to the quote on one side is tolerated, but a
    quote whose surroundings are all gone is not taken for a look-alike elsewhere.
    A context shorter than `context` means the quote was that close to an edge of
    the text, and matches only there. Among qualifying occurrences the one with
    the most matching context characters wins; a tie is ambiguous (None).
    """
    exact = quote.exact
    if not exact:
        return None
    candidates: list[tuple[int, Span]] = []
    start = text.find(exact)
    while start != -1:
        end = start + len(exact)
        before, after = text[:start], text[end:]
        prefix_score = _common_suffix(quote.prefix, before)
        suffix_score = _common_prefix(quote.suffix, after)
        prefix_ok = prefix_score == len(quote.prefix) and (
            len(quote.prefix) >= context or len(before) == len(quote.prefix)
        )
        suffix_ok = suffix_score == len(quote.suffix) and (
            len(quote.suffix) >= context or len(after) == len(quote.suffix)
        )
        if prefix_ok or suffix_ok:
            score = prefix_score + suffix_score + (prefix_ok + suffix_ok) * context
            candidates.append((score, Span(start, end)))
        start = text.find(exact, start + 1)
    if not candidates:
        return None
    candidates.sort(key=lambda item: item[0], reverse=True)
    if len(candidates) > 1 and candidates[0][0] == candidates[1][0]:
        return None
    return candidates[0][1]


_SENTENCE_END = re.compile(r"[.!?…](?:[\"'»”)\]]*)\s")


def sentence_around(text: str, span: Span, limit: int = 240) -> tuple[str, str]:
    """The text of the sentence before and after the span, at most `limit` each."""
    head = text[: span.start]
    start = 0
    for match in _SENTENCE_END.finditer(head):
        start = match.end()
    tail = text[span.end :]
    match = _SENTENCE_END.search(tail)
    end = match.end() - 1 if match else len(tail)
    before, after = head[start:], tail[:end]
    if len(before) > limit:
        before = "…" + before[-limit:]
    if len(after) > limit:
        after = after[:limit] + "…"
    return before, after
