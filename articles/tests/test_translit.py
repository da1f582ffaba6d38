"""Kazakh in the 2021 Latin alphabet: words, capitals, loanwords, markup, a whole page."""

import re

import pytest
from django.template import Context, Template

from articles.translit import to_latin, to_latin_html, to_latin_page

# Place names, institutions and everyday words, with the official alphabet's letters.
WORDS = [
    ("Қазақстан", "Qazaqstan"),
    ("Қазақстан Республикасы", "Qazaqstan Respublikasy"),
    ("Астана", "Astana"),
    ("Алматы", "Almaty"),
    ("Шымкент", "Şymkent"),
    ("Қарағанды", "Qarağandy"),
    ("Ақтөбе", "Aqtöbe"),
    ("Өскемен", "Öskemen"),
    ("Түркістан", "Türkıstan"),
    ("Атырау", "Atyrau"),
    ("Павлодар", "Pavlodar"),
    ("Семей", "Semei"),
    ("Тараз", "Taraz"),
    ("Жезқазған", "Jezqazğan"),
    ("Көкшетау", "Kökşetau"),
    ("Қызылорда", "Qyzylorda"),
    ("Талдықорған", "Taldyqorğan"),
    ("Ақтау", "Aqtau"),
    ("Қостанай", "Qostanai"),
    ("Екібастұз", "Ekıbastūz"),
    ("Байқоңыр", "Baiqoñyr"),
    ("Ұлытау", "Ūlytau"),
    ("Маңғыстау", "Mañğystau"),
    ("Іле", "Ile"),
    ("Абай", "Abai"),
    ("Әл-Фараби", "Äl-Farabi"),
    ("Мәжіліс", "Mäjılıs"),
    ("Ұлттық банк", "Ūlttyq bank"),
    ("Тәуелсіздік", "Täuelsızdık"),
    ("Наурыз", "Nauryz"),
    ("тіл", "tıl"),
    ("әліпби", "älıpbi"),
    ("ғылым", "ğylym"),
    ("үкімет", "ükımet"),
    ("жаңалықтар", "jañalyqtar"),
    ("сайлау", "sailau"),
    ("шаһар", "şahar"),
    ("хабар", "habar"),
    ("Президент", "Prezident"),
    ("ақпан", "aqpan"),
    ("қыркүйек", "qyrküiek"),
    ("Мәтіннен қате таптыңыз ба?", "Mätınnen qate taptyñyz ba?"),
]

# Letters Kazakh Cyrillic took from Russian, in loanwords and names.
LOANWORDS = [
    ("цирк", "sirk"),
    ("цемент", "sement"),
    ("цифрлық", "sifrlyq"),
    ("сценарий", "senarii"),
    ("актёр", "aktör"),
    ("элемент", "element"),
    ("экономика", "ekonomika"),
    ("училище", "uşilişe"),
    ("чемпионат", "şempionat"),
    ("объект", "obekt"),
    ("компьютер", "kompiuter"),
    ("Юрий", "İurii"),
    ("Ясауи", "İasaui"),
    ("ащы", "aşşy"),
    ("тұщылау", "tūşşylau"),
    ("кеще", "keşşe"),
]

CAPITALS = [
    ("ҚАЗАҚСТАН", "QAZAQSTAN"),
    ("ШЫМКЕНТ", "ŞYMKENT"),
    ("ІЛЕ", "ILE"),
    ("ИНСТИТУТ", "İNSTİTUT"),
    ("ЮНЕСКО", "İUNESKO"),
    ("ЯДРО", "İADRO"),
    ("ЦЕНТР", "SENTR"),
    ("ЧЕМПИОНАТ", "ŞEMPİONAT"),
    ("АЩЫ", "AŞŞY"),
    ("ЕЛ ЖАҢАЛЫҚТАРЫ", "EL JAÑALYQTARY"),
    ("БҰҰ-ДА", "BŪŪ-DA"),
    ("Қ. Тоқаев", "Q. Toqaev"),
    ("Ю", "İu"),
]

# Wikipedia's sample of modern Kazakh with its 2021 Latin transliteration
# ("Kazakh alphabets", the 1902 text in modern orthography).
SAMPLE = [
    (
        "Бұрыңғы өткен заманда, бір данышпан кісі, Бағдат шаһарының бір үлкен "
        "қазысының үйіне келіп қоныпты.",
        "Būryñğy ötken zamanda, bır danyşpan kısı, Bağdat şaharynyñ bır ülken "
        "qazysynyñ üiıne kelıp qonypty.",
    ),
    (
        "Қазыменен сөйлесіп, қазыны сөзге жеңе беріпті. Сонда қазы қорқып,",
        "Qazymenen söilesıp, qazyny sözge jeñe berıptı. Sonda qazy qorqyp,",
    ),
    (
        "Не де болса, бұған жалынып, сый беріп, орнымда қалайын!",
        "Ne de bolsa, būğan jalynyp, syi berıp, ornymda qalaiyn!",
    ),
]


@pytest.mark.parametrize(("cyrillic", "latin"), WORDS + LOANWORDS + SAMPLE)
def test_words_in_the_2021_alphabet(cyrillic, latin):
    """Each word reads as the official 2021 alphabet writes it."""
    assert to_latin(cyrillic) == latin


@pytest.mark.parametrize(("cyrillic", "latin"), CAPITALS)
def test_capitals_in_title_case_and_all_caps(cyrillic, latin):
    """Ю and Я are "İu", "İa" in a word and "İU", "İA" in a word in capitals."""
    assert to_latin(cyrillic) == latin


def test_every_letter_of_the_output_is_in_the_2021_alphabet():
    """All 42 Cyrillic letters, both cases, give only the 31 official Latin letters."""
    cyrillic = "АӘБВГҒДЕЁЖЗИЙКҚЛМНҢОӨПРСТУҰҮФХҺЦЧШЩЪЫІЬЭЮЯ"
    official = set("AÄBDEFGĞHIİJKLMNÑOÖPQRSŞTUŪÜVYZaäbdefgğhıijklmnñoöpqrsştuūüvyz")
    out = to_latin(cyrillic + " " + cyrillic.lower())
    assert set(out) - {" "} <= official
    assert not re.search("[\u0400-\u04ff]", out)


def test_decomposed_letters_are_transliterated():
    """A "й" typed as и plus a combining breve is still "i"."""
    assert to_latin("Сы\u0438\u0306") == "Syi"


def test_text_that_is_not_cyrillic_is_left_alone():
    """Latin, digits and punctuation pass through: "94 866", "COVID-19", quotes."""
    text = "COVID-19: 94\xa0866 «OK» — i, ı, İ"
    assert to_latin(text) == text


def test_html_markup_is_kept_and_only_text_nodes_change():
    """Tags, attributes, comments and character references stay byte for byte."""
    body = (
        '<p class="lead">Қазақстан <a href="/тег/астана/" title="Астана > Алматы">'
        "Астана</a> &laquo;жаңалық&raquo;&nbsp;&#1178;</p>"
        "<!-- Қазақ --><p><strong>ҚАЗАҚ</strong>стан</p>"
        '<img src="/media/сурет.jpg" alt="Бәйтерек">'
    )
    assert to_latin_html(body) == (
        '<p class="lead">Qazaqstan <a href="/тег/астана/" title="Астана > Алматы">'
        "Astana</a> &laquo;jañalyq&raquo;&nbsp;&#1178;</p>"
        "<!-- Қазақ --><p><strong>QAZAQ</strong>stan</p>"
        '<img src="/media/сурет.jpg" alt="Бәйтерек">'
    )


def test_filters_in_templates_keep_escaping():
    """`latin` escapes reader text like any text; `latin_html` keeps a safe body safe."""
    template = Template(
        "{% load translit %}<h1>{{ headline|latin }}</h1>{{ body|safe|latin_html }}"
    )
    html = template.render(
        Context({"headline": "Ақ <орда>", "body": "<p>Жаңа <b>заң</b></p>"})
    )
    assert html == "<h1>Aq &lt;orda&gt;</h1><p>Jaña <b>zañ</b></p>"


def test_a_page_turns_its_interface_text_and_lang_to_latin():
    """On a page, reader-facing attributes change too; scripts, links and styles do not."""
    page = (
        '<html lang="kk"><head><title>Басты бет</title>'
        '<meta name="description" content="Соңғы жаңалықтар">'
        "<style>.қ{}</style></head><body>"
        '<input placeholder="Іздеу" aria-label="Іздеу" name="q" value="Алматы">'
        '<dialog data-msg-sending="Жіберілуде…" data-close-label="Жабу" '
        'data-endpoint="/хабар/">'
        '<script type="module">const message = "Қате";</script>'
        '<a href="/kk/айдар/" title="Айдарлар">Айдарлар</a></dialog></body></html>'
    )
    assert to_latin_page(page) == (
        '<html lang="kk-Latn"><head><title>Basty bet</title>'
        '<meta name="description" content="Soñğy jañalyqtar">'
        "<style>.қ{}</style></head><body>"
        '<input placeholder="Izdeu" aria-label="Izdeu" name="q" value="Алматы">'
        '<dialog data-msg-sending="Jıberılude…" data-close-label="Jabu" '
        'data-endpoint="/хабар/">'
        '<script type="module">const message = "Қате";</script>'
        '<a href="/kk/айдар/" title="Aidarlar">Aidarlar</a></dialog></body></html>'
    )


def test_a_rendered_kazakh_story_page_reads_in_latin(client, article):
    """The Kazakh story page, interface and story, has no Cyrillic left to read."""
    article.headline = "Астанада жаңа мектеп ашылды"
    article.lead = "Мектеп 1200 оқушыға арналған."
    article.body = "<p>Ақпан айында <strong>Ұлттық</strong> кеңес жиналды.</p>"
    article.language = "kk"
    article.save()
    page = client.get(article.get_absolute_url())
    html = page.content.decode()
    assert '<html lang="kk">' in html
    assert "Мәтіннен қате таптыңыз ба?" in html

    latin = to_latin_page(html)

    assert '<html lang="kk-Latn">' in latin
    assert "Astanada jaña mektep aşyldy" in latin
    assert "<p>Aqpan aiynda <strong>Ūlttyq</strong> keñes jinaldy.</p>" in latin
    assert "Mätınnen qate taptyñyz ba?" in latin
    assert 'data-msg-sending="Jıberılude…"' in latin
    visible = re.sub(r"<script\b.*?</script>|<[^>]*>", " ", latin, flags=re.S)
    # Only the language switcher's names of the other languages and scripts,
    # each marked with its own lang, stay as they are written.
    for kept in ("Русский", "Кирилл"):
        visible = visible.replace(kept, "")
    assert not re.search("[\u0400-\u04ff]", visible)
    # The markup is the page's own: only text changed.
    assert re.findall(r"<(?:script|link)\b[^>]*>", latin) == re.findall(
        r"<(?:script|link)\b[^>]*>", html
    )
