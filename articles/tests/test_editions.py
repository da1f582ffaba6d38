"""Three editions, each a whole site under its prefix, with translations linked."""

import re
import uuid

import pytest
from django.urls import reverse
from django.utils import translation

from articles.editions import detect_language

from .factories import ArticleFactory, SectionFactory

pytestmark = pytest.mark.django_db

EDITIONS = ["kk", "ru", "en"]


@pytest.fixture
def politics(db):
    return SectionFactory(
        name="Politics",
        slug="politics",
        name_kk="Саясат",
        slug_kk="sayasat",
        name_ru="Политика",
        slug_ru="politika",
    )


@pytest.fixture
def newsroom(politics):
    """One story linked in three languages, and one story of each edition's own."""
    group = uuid.uuid4()
    linked = {
        "en": ArticleFactory(
            language="en", section=politics, translation_group=group,
            headline="Border crossings to reopen", tags=["border"],
        ),
        "ru": ArticleFactory(
            language="ru", section=politics, translation_group=group,
            headline="Пункты пропуска откроют снова", tags=["граница"],
        ),
        "kk": ArticleFactory(
            language="kk", section=politics, translation_group=group,
            headline="Өткізу пункттері қайта ашылады", tags=["шекара"],
        ),
    }  # fmt: skip
    own = {
        "en": ArticleFactory(
            language="en", section=politics, headline="Wheat harvest record",
            tags=["border"],
        ),
        "ru": ArticleFactory(
            language="ru", section=politics, headline="Рекордный урожай пшеницы",
            tags=["граница"],
        ),
        "kk": ArticleFactory(
            language="kk", section=politics, headline="Бидай өнімі рекорд жаңартты",
            tags=["шекара"],
        ),
    }  # fmt: skip
    return linked, own


def headlines_in(text, stories):
    return {story.language for story in stories if story.headline in text}


def url_in(edition, name, *args):
    with translation.override(edition):
        return reverse(name, args=args)


@pytest.mark.parametrize("edition", EDITIONS)
def test_every_list_page_holds_only_its_editions_stories(client, newsroom, edition):
    """Front page, section, tag, search and feed of an edition list its stories only."""
    linked, own = newsroom
    stories = [*linked.values(), *own.values()]
    tag = {"en": "border", "ru": "granitsa", "kk": "shekara"}
    pages = {
        "front": url_in(edition, "articles:front-page"),
        "section": url_in(
            edition,
            "articles:section-detail",
            {"en": "politics", "ru": "politika", "kk": "sayasat"}[edition],
        ),
        "feed": url_in(edition, "articles:feed"),
    }
    for name, url in pages.items():
        response = client.get(url)
        assert response.status_code == 200, name
        assert headlines_in(response.text, stories) == {edition}, name
    tag_slug = next(t.slug for t in linked[edition].tags.all())
    assert tag_slug in tag.values() or tag_slug  # taggit's own slug of the tag
    response = client.get(url_in(edition, "articles:tag-detail", tag_slug))
    assert response.status_code == 200
    assert headlines_in(response.text, stories) == {edition}
    word = own[edition].headline.split()[0]
    response = client.get(url_in(edition, "articles:search"), {"q": word})
    assert [a.pk for a in response.context["page"]] == [own[edition].pk]


@pytest.mark.parametrize(
    ("edition", "lang", "translated"),
    [
        ("kk", "kk", 'aria-label="Басылымдар"'),
        ("ru", "ru", 'aria-label="Версии сайта"'),
        ("en", "en", 'aria-label="Editions"'),
    ],
)
def test_pages_speak_their_editions_language(
    client, newsroom, edition, lang, translated
):
    """<html lang>, the interface strings and the section's name follow the edition."""
    linked, _own = newsroom
    for url in [
        url_in(edition, "articles:front-page"),
        linked[edition].get_absolute_url(),
    ]:
        response = client.get(url)
        assert response.status_code == 200
        assert f'<html lang="{lang}">' in response.text
        assert linked[edition].section.name_in(edition) in response.text
    front = client.get(url_in(edition, "articles:front-page")).text
    assert translated in front


def test_story_addresses_carry_their_edition(newsroom):
    linked, _own = newsroom
    assert linked["kk"].get_absolute_url().startswith("/kk/news/")
    assert linked["ru"].get_absolute_url().startswith("/ru/news/")
    assert linked["en"].get_absolute_url().startswith("/en/news/")


def test_a_story_under_another_editions_prefix_redirects_to_its_own(client, newsroom):
    linked, _own = newsroom
    story = linked["kk"]
    response = client.get(story.get_absolute_url().replace("/kk/", "/ru/", 1))
    assert response.status_code == 301
    assert response["Location"] == story.get_absolute_url()


@pytest.mark.parametrize("edition", EDITIONS)
def test_old_story_addresses_redirect_for_good_to_the_edition(
    client, newsroom, edition
):
    """/news/<id>/<slug>/ from before the editions answers 301 with the edition's URL."""
    story = newsroom[0][edition]
    for old in (f"/news/{story.pk}/{story.slug}/", f"/news/{story.pk}/"):
        response = client.get(old)
        assert response.status_code == 301, old
        assert response["Location"] == story.get_absolute_url()


def test_relevant_news_stays_in_the_edition(client, newsroom):
    """Relevant news under a story lists stories of its edition only."""
    linked, own = newsroom
    for edition in EDITIONS:
        response = client.get(linked[edition].get_absolute_url())
        assert [s.pk for s in response.context["relevant"]] == [own[edition].pk]


@pytest.mark.parametrize(
    ("headers", "cookie", "expected"),
    [
        ({}, None, "/ru/"),
        ({"Accept-Language": "kk-KZ,kk;q=0.9,ru;q=0.8"}, None, "/kk/"),
        ({"Accept-Language": "en-GB,en;q=0.9"}, None, "/en/"),
        ({"Accept-Language": "de-DE,fr;q=0.9"}, None, "/ru/"),
        ({"Accept-Language": "en-GB,en;q=0.9"}, "kk", "/kk/"),
        ({}, "kk-latn", "/kk-latn/"),
        ({}, "xx", "/ru/"),
    ],
)
def test_root_sends_readers_to_their_edition(client, headers, cookie, expected):
    """A saved choice, then Accept-Language, then the default; never cached shared."""
    if cookie:
        client.cookies["django_language"] = cookie
    response = client.get("/", headers=headers)
    assert response.status_code == 302
    assert response["Location"] == expected
    vary = {v.strip() for v in response["Vary"].split(",")}
    assert {"Accept-Language", "Cookie"} <= vary
    assert "private" in response["Cache-Control"]


def test_the_default_edition_is_a_setting(client, settings):
    settings.NEWSROOM_DEFAULT_EDITION = "en"
    assert client.get("/")["Location"] == "/en/"


def test_choosing_an_edition_saves_it(client, newsroom):
    """The switcher's link saves the choice, which "/" then follows."""
    target = newsroom[0]["kk"].get_absolute_url()
    response = client.get(f"/edition/kk/?next={target}")
    assert response.status_code == 302
    assert response["Location"] == target
    assert client.get("/")["Location"] == "/kk/"


@pytest.mark.parametrize(
    "next_url", ["https://evil.example/kk/", "//evil.example/kk/", "/ru/", "/kk"]
)
def test_choosing_an_edition_goes_nowhere_else(client, next_url):
    """The next address must be in the chosen edition on this site."""
    response = client.get("/edition/kk/", {"next": next_url})
    assert response["Location"] == "/kk/"


def test_an_unknown_edition_is_404(client):
    assert client.get("/edition/de/").status_code == 404
    assert client.get("/de/").status_code == 404


def alternates(text):
    return dict(
        re.findall(r'<link rel="alternate" hreflang="([^"]+)" href="([^"]+)">', text)
    )


def test_story_hreflang_alternates_are_reciprocal(client, newsroom):
    """Every version lists every version (Kazakh in both scripts) and x-default."""
    linked, own = newsroom
    sets = []
    for edition, story in linked.items():
        links = alternates(client.get(story.get_absolute_url()).text)
        assert links[edition] == "http://testserver" + story.get_absolute_url()
        sets.append(links)
    assert all(links == sets[0] for links in sets)
    assert set(sets[0]) == {"kk", "kk-Latn", "ru", "en", "x-default"}
    assert sets[0]["x-default"].endswith(linked["ru"].get_absolute_url())
    # A story of one edition only names itself.
    alone = alternates(client.get(own["en"].get_absolute_url()).text)
    assert set(alone) == {"en", "x-default"}


def test_section_hreflang_alternates_are_reciprocal(client, politics):
    sets = []
    for edition in EDITIONS:
        links = alternates(client.get(politics.url_in(edition)).text)
        sets.append(links)
    assert all(links == sets[0] for links in sets)
    assert sets[0]["kk"] == "http://testserver/kk/section/sayasat/"
    assert sets[0]["ru"] == "http://testserver/ru/section/politika/"
    assert sets[0]["en"] == "http://testserver/en/section/politics/"


def switcher(text):
    nav = re.search(r'<nav class="edition-switcher".*?</nav>', text, re.S).group(0)
    return re.findall(r'<a href="([^"]+)" lang="([^"]+)"[^>]*>([^<]+)</a>', nav)


def test_the_switcher_leads_to_the_translation_or_the_front_page(client, newsroom):
    """Each language named in itself; the translation if there is one, else the front page."""
    linked, own = newsroom
    links = switcher(client.get(linked["ru"].get_absolute_url()).text)
    names = {lang: name for _url, lang, name in links}
    assert names == {"kk": "Қазақша", "ru": "Русский", "en": "English"}
    for url, lang, _name in links:
        if lang in EDITIONS:
            target = client.get(url)
            assert target["Location"] == linked[lang].get_absolute_url()
    alone = switcher(client.get(own["en"].get_absolute_url()).text)
    targets = {lang: client.get(url)["Location"] for url, lang, _name in alone}
    assert targets["kk"] == "/kk/" and targets["ru"] == "/ru/"


def test_page_cache_keeps_editions_apart(client, settings, newsroom):
    """With the page cache on, each edition's front page is its own."""
    settings.NEWSROOM_PAGE_CACHE_SECONDS = 60
    linked, _own = newsroom
    for edition in EDITIONS:
        text = client.get(f"/{edition}/").text
        assert linked[edition].headline in text
        assert all(
            linked[other].headline not in text for other in EDITIONS if other != edition
        )


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Астанада жаңа мектеп ашылды", "kk"),
        ("В Астане открылась новая школа", "ru"),
        ("A new school opened in Astana", "en"),
    ],
)
def test_language_detection_for_existing_stories(text, language):
    assert detect_language(text) == language


@pytest.mark.parametrize("cache_seconds", [0, 60])
def test_kazakh_pages_read_in_latin_script(client, settings, newsroom, cache_seconds):
    """/kk-latn/ is the Kazakh edition transliterated: same stories, no Cyrillic left."""
    settings.NEWSROOM_PAGE_CACHE_SECONDS = cache_seconds
    linked, own = newsroom
    story = linked["kk"]
    latin_url = story.get_absolute_url().replace("/kk/", "/kk-latn/", 1)
    for _attempt in range(2):  # the second from the page cache, when it is on
        response = client.get(latin_url)
        assert response.status_code == 200
        assert '<html lang="kk-Latn">' in response.text
        assert response["Content-Language"] == "kk-Latn"
        assert "Ötkızu punktterı qaita aşylady" in response.text
        assert "Mätınnen qate taptyñyz ba?" in response.text
    # The switcher offers the Cyrillic of the same page.
    links = switcher(response.text)
    cyrillic = next(url for url, lang, _name in links if lang == "kk-Cyrl")
    assert client.get(cyrillic)["Location"] == story.get_absolute_url()
    front = client.get("/kk-latn/").text
    assert "Bidai önımı rekord jañartty" in front
    assert "Рекордный урожай" not in front and "Wheat harvest" not in front
    # Links on a Latin page stay Latin.
    assert 'href="/kk-latn/section/sayasat/"' in front


def test_the_stored_cyrillic_is_what_is_searched(client, newsroom):
    """Search in Latin script finds by the Cyrillic words the story is stored in."""
    _linked, own = newsroom
    response = client.get("/kk-latn/search/", {"q": "Бидай"})
    assert [a.pk for a in response.context["page"]] == [own["kk"].pk]
    assert own["kk"].headline == "Бидай өнімі рекорд жаңартты"  # stored Cyrillic


def test_latin_script_is_kazakh_only(client, newsroom):
    assert client.get("/ru-latn/").status_code == 404
