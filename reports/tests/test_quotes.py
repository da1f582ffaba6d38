"""Finding a reader's quote again and replacing exactly that occurrence."""

import unicodedata

import pytest

from articles.diff import word_diff_pieces
from reports.quotes import (
    CONTEXT,
    Document,
    Span,
    TextQuote,
    locate,
    normalize,
    sentence_around,
)


def quote_of(document: Document, exact: str, occurrence: int = 0) -> TextQuote:
    """The selector a reader's browser sends for the n-th occurrence of `exact`."""
    start = -1
    for _ in range(occurrence + 1):
        start = document.text.index(exact, start + 1)
    return document.quote_at(Span(start, start + len(exact)))


def test_reading_text_collapses_white_space_and_separates_blocks():
    """Paragraphs read as separated words; runs of spaces, tabs and NBSP are one space."""
    document = Document.from_html(
        "<p>Бірінші  абзац.</p>\n<p>Second\tpara&nbsp;graph<br>next line</p>"
    )
    assert document.text == "Бірінші абзац. Second para graph next line"


def test_reading_text_is_nfc():
    """Decomposed letters read as their composed form, as the browser script makes them."""
    decomposed = unicodedata.normalize("NFD", "Қазақстан й ё")
    assert decomposed != "Қазақстан й ё"
    assert Document.from_plain(decomposed).text == "Қазақстан й ё"
    assert normalize(decomposed) == "Қазақстан й ё"


def test_kazakh_quote_is_located_and_replaced():
    """A typo in Kazakh text (ә ғ қ ң ө ұ ү һ і) is found and fixed in place."""
    body = (
        "<p>Үкімет отырысында Премьер-министр ауыл шаруашылығы мен "
        "өңірлердегі жағдайды талқылады. Һәр облыс есеп берді.</p>"
    )
    document = Document.from_html(body)
    quote = quote_of(document, "өңірлердегі жағдайды")
    span = document.locate(quote)
    assert document.text[span.start : span.end] == "өңірлердегі жағдайды"
    fixed = document.replace(span, "өңірлердегі ахуалды")
    assert fixed == body.replace("өңірлердегі жағдайды", "өңірлердегі ахуалды")


def test_cyrillic_headline_is_replaced_as_plain_text():
    """A plain-text part is replaced without any HTML escaping."""
    document = Document.from_plain("Министры встретились в Алмате & Астане")
    span = document.locate(quote_of(document, "Алмате"))
    assert document.replace(span, "Алматы <и>") == (
        "Министры встретились в Алматы <и> & Астане"
    )


def test_a_phrase_that_occurs_twice_is_told_apart_by_its_context():
    """The same word twice: prefix and suffix pick the second, and only it changes."""
    body = (
        "<p>Сессия өтті. Депутаттар заң жобасын қарады, "
        "ал үкімет заң жобасын қайтарып алды.</p>"
    )
    document = Document.from_html(body)
    second = quote_of(document, "заң жобасын", occurrence=1)
    first = quote_of(document, "заң жобасын", occurrence=0)
    assert second.exact == first.exact
    assert document.locate(second) != document.locate(first)
    fixed = document.replace(document.locate(second), "заң жобасын")
    assert fixed == body
    fixed = document.replace(document.locate(second), "ЗАҢ")
    assert fixed == body.replace("үкімет заң жобасын", "үкімет ЗАҢ")


def test_repeated_text_without_telling_context_is_ambiguous():
    """When nothing tells two occurrences apart, locate refuses to guess."""
    text = "ab ab ab ab"
    assert locate(text, TextQuote(exact="ab", prefix="", suffix="")) is None
    assert locate(text, TextQuote(exact="ab", prefix="ab ", suffix=" ab")) is None


def test_quote_at_the_edges_matches_only_there():
    """A short prefix means the quote was at the start: not a look-alike further on."""
    text = "Алматы мен Астана. Алматы мен Шымкент."
    at_start = TextQuote(exact="Алматы", prefix="", suffix=" мен Астана.")
    assert locate(text, at_start) == Span(0, 6)
    edited = "Енді Алматы мен Шымкент."
    assert locate(edited, at_start) is None


def test_selection_across_inline_tags_is_replaced_in_its_text_nodes():
    """A quote spanning <strong> and <a> is found, and the tags stay in place."""
    body = (
        '<p>Әкім <strong>жаңа саябақ</strong>тың ашылуын <a href="https://e.kz/">'
        "жариялады</a> бүгін.</p>"
    )
    document = Document.from_html(body)
    assert document.text == "Әкім жаңа саябақтың ашылуын жариялады бүгін."
    quote = quote_of(document, "саябақтың ашылуын жария")
    span = document.locate(quote)
    fixed = document.replace(span, "саябақтың ашылғанын жария")
    assert fixed == (
        '<p>Әкім <strong>жаңа саябақ</strong>тың ашылғанын <a href="https://e.kz/">'
        "жариялады</a> бүгін.</p>"
    )
    assert Document.from_html(fixed).text == (
        "Әкім жаңа саябақтың ашылғанын жариялады бүгін."
    )


def test_a_change_that_crosses_a_tag_rewrites_the_text_on_both_sides():
    """When the changed letters straddle </strong>, both text nodes change, tags stay."""
    body = "<p>Әкім <strong>жаңа саябақ</strong>тың ашылуын хабарлады.</p>"
    document = Document.from_html(body)
    span = document.locate(quote_of(document, "саябақтың"))
    fixed = document.replace(span, "паркітің")
    assert fixed == "<p>Әкім <strong>жаңа паркіті</strong>ң ашылуын хабарлады.</p>"
    assert Document.from_html(fixed).text == "Әкім жаңа паркітің ашылуын хабарлады."


def test_a_pure_insertion_and_a_pure_deletion():
    """Adding or removing words leaves every other character where it was."""
    document = Document.from_html("<p>Алматы <em>қаласы</em> әдемі.</p>")
    span = document.locate(quote_of(document, "қаласы әдемі"))
    assert document.replace(span, "қаласы өте әдемі") == (
        "<p>Алматы <em>қаласы</em> өте әдемі.</p>"
    )
    assert document.replace(span, "әдемі") == "<p>Алматы <em></em>әдемі.</p>"
    assert (
        document.replace(span, "қаласы әдемі") == "<p>Алматы <em>қаласы</em> әдемі.</p>"
    )


def test_replacement_inside_one_tag_keeps_entities_elsewhere():
    """Only the touched text node is rewritten; other entities stay as stored."""
    body = "<p>Tom &amp; Jerry met <em>Spkie</em> &lt;the dog&gt;.</p>"
    document = Document.from_html(body)
    span = document.locate(quote_of(document, "Spkie"))
    assert document.replace(span, "Spike & co") == (
        "<p>Tom &amp; Jerry met <em>Spike &amp; co</em> &lt;the dog&gt;.</p>"
    )


def test_attribute_with_a_closing_bracket_is_not_text():
    """A '>' inside a quoted attribute value does not end the tag."""
    document = Document.from_html('<p><a href="x" title="a > b">link</a> text</p>')
    assert document.text == "link text"


def test_story_edited_elsewhere_after_the_report_still_finds_the_quote():
    """An edit in another paragraph shifts offsets; the quote is still found."""
    before = Document.from_html(
        "<p>Бірінші абзац.</p><p>Министр Қарағанды облысына барды.</p>"
    )
    quote = quote_of(before, "Қарағанды облысына")
    after = Document.from_html(
        "<p>Жаңа кіріспе абзац қосылды, ұзынырақ.</p><p>Бірінші абзац.</p>"
        "<p>Министр Қарағанды облысына барды.</p>"
    )
    span = after.locate(quote)
    assert after.text[span.start : span.end] == "Қарағанды облысына"
    assert span.start != before.locate(quote).start


def test_story_edited_next_to_the_quote_on_one_side_still_finds_it():
    """An edit right after the quote is tolerated while the text before still matches."""
    before = Document.from_plain("Президент Тоқаев Астанада сөз сөйледі.")
    quote = quote_of(before, "Астанада")
    after = Document.from_plain("Президент Тоқаев Астанада кеше сөз сөйледі.")
    assert after.locate(quote) is not None


def test_story_edited_to_remove_the_quote_reports_it_gone():
    """When the quoted occurrence is gone, a look-alike elsewhere is not taken for it."""
    before = Document.from_html(
        "<p>Алматыда қар жауды. Жол жабылды.</p><p>Кейін Алматыда күн шықты.</p>"
    )
    quote = quote_of(before, "Алматыда", occurrence=0)
    after = Document.from_html(
        "<p>Қалада жаңбыр жауды. Жол ашық.</p><p>Кейін Алматыда күн шықты.</p>"
    )
    assert after.locate(quote) is None


def test_context_is_at_most_32_characters():
    """The selector carries up to CONTEXT characters on each side."""
    document = Document.from_plain("x" * 50 + " Өскемен " + "y" * 50)
    quote = quote_of(document, "Өскемен")
    assert CONTEXT == 32
    assert len(quote.prefix) == len(quote.suffix) == 32


@pytest.mark.parametrize("span", [Span(0, 0), Span(3, 2), Span(0, 999)])
def test_replace_refuses_spans_outside_the_text(span):
    """A span outside the reading text is an error, not a silent edit."""
    with pytest.raises(ValueError):
        Document.from_plain("short").replace(span, "x")


def test_sentence_around_the_quote():
    """The desk sees the quote inside its sentence, not the whole story."""
    text = "Бірінші сөйлем. Екінші сөйлемде қате бар! Үшінші сөйлем."
    span = locate(
        text,
        TextQuote(
            exact="қате", prefix="Екінші сөйлемде ", suffix=" бар! Үшінші сөйлем."
        ),
    )
    assert sentence_around(text, span) == ("Екінші сөйлемде ", " бар!")


def test_word_diff_marks_changed_words_only():
    """The suggestion is shown word by word: what goes, what comes, what stays."""
    assert word_diff_pieces("Алматы қаласы әдемі", "Алматы қаласы өте әдемі") == [
        ("equal", "Алматы қаласы "),
        ("insert", "өте "),
        ("equal", "әдемі"),
    ]
    assert word_diff_pieces("Спкие", "Spike") == [
        ("delete", "Спкие"),
        ("insert", "Spike"),
    ]
