"""
Search: the contract and relevance suite, run on the backend of the test run's
database (PostgreSQL full-text search on the production profile, SQLite FTS5 on
the embedded one), through the search functions and the real views.
"""

import datetime
import re

import pytest
import time_machine
from django.urls import reverse
from django.utils import timezone

from articles import services
from articles.models import Article
from articles.search import Query, search_stories
from articles.search.kazakh import stem as kazakh_stem

from .admin_forms import story_form
from .factories import ArticleFactory, SectionFactory
from .search_relevance import FINDS, FINDS_NOTHING, STORIES, story_ages

pytestmark = pytest.mark.django_db


@pytest.fixture
def newsroom(section):
    """The relevance set's stories, live, indexed as the desk's saves index them."""
    now = timezone.now()
    ages = story_ages()
    return {
        key: ArticleFactory(
            section=section,
            language=language,
            headline=headline,
            lead=lead,
            body=body,
            published_at=now - ages[key],
        )
        for key, (language, headline, lead, body) in STORIES.items()
    }


def found(query, language, queryset=None):
    queryset = Article.objects.live() if queryset is None else queryset
    return list(
        search_stories(
            queryset.in_edition(language), Query.parse(query), languages=[language]
        )
    )


@pytest.mark.parametrize("language", ["kk", "ru", "en"])
def test_every_form_of_a_word_finds_its_story_in_the_top_three(newsroom, language):
    """Case endings, plurals, tenses, capitals: the named story is in the top three."""
    queries = [(q, key) for lang, q, key in FINDS if lang == language]
    assert len(queries) >= 10
    misses = [
        (query, key)
        for query, key in queries
        if newsroom[key] not in found(query, language)[:3]
    ]
    assert misses == []


@pytest.mark.parametrize(("language", "query"), FINDS_NOTHING)
def test_words_in_no_story_find_nothing(newsroom, language, query):
    """No substring matches: "art" is in no story, though "party" and "start" are."""
    assert found(query, language) == []


def test_a_word_in_the_headline_ranks_above_the_same_word_in_the_text(newsroom):
    """ "border" heads the border story; another story has it only in its text."""
    results = found("border", "en")
    assert results[:2] == [newsroom["en_border"], newsroom["en_wheat"]]


def test_of_equally_relevant_stories_the_recent_one_ranks_first(section):
    old = ArticleFactory(
        headline="Steppe eagles counted",
        published_at=timezone.now() - datetime.timedelta(days=700),
    )
    new = ArticleFactory(headline="Steppe eagles counted again")
    assert found("eagles", "en") == [new, old]


def test_phrases_and_exclusions(newsroom):
    """ "Quoted words" stand together in that order; -word leaves stories out."""
    assert found('"rural schools"', "en") == [newsroom["en_schools"]]
    assert found('"schools rural"', "en") == []
    assert found("plant -solar", "en") == [newsroom["en_mines"]]
    assert found('plant -"solar plant"', "en") == [newsroom["en_mines"]]
    assert found("-plant", "en") == []


def test_search_is_per_edition_and_live_only(newsroom, section):
    """A Russian word finds nothing in the English edition; drafts are not found."""
    assert found("выборов", "en") == []
    ArticleFactory(
        section=section,
        language="ru",
        headline="Выборы в черновике",
        status=Article.Status.DRAFT,
    )
    assert found("выборов", "ru") == [newsroom["ru_elections"]]


HOSTILE = [
    "&",
    "|",
    "!",
    "()",
    ":",
    "*",
    '"',
    '""',
    "-",
    "--",
    "- -",
    "a & b | !c",
    "(выборы",
    "выборы)",
    '"незакрытая фраза',
    "-выборы",
    "*:*",
    "'",
    "''",
    "\\",
    "NEAR(a b)",
    "a NOT b",
    "AND OR NOT",
    "{headline}:x",
    "headline:x",
    "^x",
    "x:*",
    "!!x",
    "<->",
    "a <-> b",
    "a <2> b",
    "%",
    "_",
    "ё" * 300,
    "қ" * 5000,
    "😀 emoji",
    "\u202etext",
    "\x1f\x7f",
    "x" * 5000,
]


@pytest.mark.parametrize("query", HOSTILE)
def test_operator_characters_are_never_a_database_error(client, newsroom, query):
    """Whatever a reader types is text or the documented syntax: never a 5xx."""
    for url in ("/ru/search/", "/kk/search/", "/en/search/"):
        response = client.get(url, {"q": query})
        assert response.status_code == 200, (url, query)


def test_the_desk_finds_hostile_input_harmless(editor_client, newsroom):
    url = reverse("admin:articles_article_changelist")
    for query in HOSTILE[:20]:
        assert editor_client.get(url, {"q": query}).status_code == 200, query


def test_the_query_is_cut_at_200_characters(client, newsroom):
    response = client.get("/en/search/", {"q": "mines " + "x" * 400})
    assert response.context["query"] == ("mines " + "x" * 400)[:200]


def test_results_show_a_snippet_with_the_matched_forms_marked(client, newsroom):
    """Under each headline, text around the match, the word as written in <mark>."""
    page = client.get("/ru/search/", {"q": "фабрикам"}).text
    assert "мощность <mark>фабрики</mark> на четверть" in page
    page = client.get("/kk/search/", {"q": "оқушылар"}).text
    assert "21 мың <mark>оқушыны</mark> қабылдайды" in page
    page = client.get("/en/search/", {"q": "wheat"}).text
    assert "loaded more <mark>wheat</mark> than" in page


def test_reader_text_in_a_snippet_is_escaped(client, section):
    """A story quoting markup: the markup shows as text; only our <mark> is markup."""
    ArticleFactory(
        section=section,
        headline="A page with a script",
        lead='Someone wrote <script>alert("script")</script> and <mark>fake</mark>.',
        body="<p>The script was removed.</p>",
    )
    page = client.get("/en/search/", {"q": "script"}).text
    snippet = re.search(r'card__snippet">(.*?)</p>', page, re.S).group(1)
    assert "<script>" not in page
    assert "&lt;" in snippet and "&lt;mark&gt;fake&lt;/mark&gt;" in snippet
    assert "<mark>script</mark>" in snippet
    assert snippet.replace("<mark>", "").replace("</mark>", "").count("<") == 0


def test_nothing_found_offers_the_closest_spelling_that_finds(client, newsroom):
    """ "Казакстан" finds nothing; the page offers "Казахстан" as a search link."""
    response = client.get("/ru/search/", {"q": "Казакстан"})
    assert response.context["page"].paginator.count == 0
    assert "No stories found for" in response.text or "не найдено" in response.text
    assert response.context["suggestion"] == "Казахстан"
    link = re.search(r'<a href="\?([^"]+)">Казахстан</a>', response.text)
    assert link
    followed = client.get("/ru/search/?" + link.group(1).replace("&amp;", "&"))
    assert newsroom["ru_trade"] in followed.context["page"].object_list


def test_a_suggestion_is_per_edition(client, newsroom):
    """An English reader is not offered a Russian word."""
    response = client.get("/en/search/", {"q": "Казакстан"})
    assert response.context["suggestion"] is None


def test_a_section_and_a_date_range_narrow_the_search(client, newsroom, economy):
    mine = newsroom["en_mines"]
    mine.section = economy
    mine.published_at = timezone.now() - datetime.timedelta(days=30)
    mine.save()
    response = client.get("/en/search/", {"q": "plant", "section": "economy"})
    assert list(response.context["page"].object_list) == [mine]
    day = timezone.localdate(mine.published_at).isoformat()
    response = client.get("/en/search/", {"q": "plant", "since": day, "until": day})
    assert list(response.context["page"].object_list) == [mine]
    later = (timezone.localdate() + datetime.timedelta(days=1)).isoformat()
    response = client.get("/en/search/", {"q": "plant", "since": later})
    assert list(response.context["page"].object_list) == []


@pytest.mark.parametrize(
    "params",
    [
        {"since": "yesterday"},
        {"until": "2024-13-45"},
        {"section": "no-such-section"},
        {"since": "2025-02-01", "until": "2025-01-01"},
        {"since": "\u0000"[1:] + "99999-01-01"},
    ],
)
def test_a_bad_filter_is_left_out_with_a_message(client, newsroom, params):
    """The words are searched, the bad filter ignored and said so; never a 500."""
    response = client.get("/en/search/", {"q": "plant", **params})
    assert response.status_code == 200
    assert "This filter was left out." in response.text
    assert response.context["page"].paginator.count == 2


def test_pages_of_results_keep_the_filters(client, section, settings):
    settings.NEWSROOM_PAGE_SIZE = 2
    for n in range(3):
        ArticleFactory(section=section, headline=f"Harvest report {n}")
    page = client.get("/en/search/", {"q": "harvest", "section": "politics"}).text
    assert 'href="?q=harvest&amp;section=politics&amp;page=2"' in page


# --- The index stays current ------------------------------------------------


def test_a_draft_is_found_by_the_desk_and_by_readers_once_published(editor, section):
    """The desk's save indexes a draft; publishing makes it findable by readers."""
    story = ArticleFactory.build(
        section=section,
        language="ru",
        headline="Выборы в маслихат назначены",
        status=Article.Status.DRAFT,
        published_at=None,
    )
    story.save()
    services.article_changed(article=story)
    assert found("выборов", "ru", Article.objects.all()) == [story]
    assert found("выборов", "ru") == []
    services.article_publish(article=story, user=editor)
    assert found("выборов", "ru") == [story]


def test_the_desk_form_keeps_the_index_current(editor_client, newsroom):
    """Saving the story form: the new headline's words find it, the old ones not."""
    story = newsroom["en_mines"]
    url = reverse("admin:articles_article_change", args=[story.pk])
    data = story_form(story, headline="Gold mine in East Kazakhstan hires miners")
    response = editor_client.post(url, data)
    assert response.status_code == 302
    assert found("gold", "en") == [story]
    assert found("copper", "en") == []


def test_a_restored_revision_is_searched_as_restored(editor, newsroom):
    import reversion
    from reversion.models import Version

    story = newsroom["en_gallery"]
    with reversion.create_revision():
        story.save()
    first = Version.objects.get_for_object(story).first()
    story.headline = "Almaty sculptors open a street gallery"
    story.save()
    services.article_changed(article=story)
    assert found("painters", "en") == [story]  # still in its lead and text
    assert found("sculptor", "en") == [story]
    services.article_restore_revision(article=story, version=first, user=editor)
    assert found("sculptor", "en") == []


def test_a_scheduled_story_is_found_once_its_time_comes(editor, section):
    at = timezone.now() + datetime.timedelta(hours=2)
    story = ArticleFactory(
        section=section, headline="Eclipse over the steppe", status="draft"
    )
    services.article_publish(article=story, user=editor, at=at)
    assert found("eclipses", "en") == []
    with time_machine.travel(at + datetime.timedelta(minutes=1)):
        assert found("eclipses", "en") == [story]


def test_a_translation_draft_is_indexed_in_its_own_language(editor, newsroom):
    draft = services.article_translate(
        article=newsroom["en_mines"], language="ru", user=editor
    )
    assert found("copper", "ru", Article.objects.all()) == [draft]


def test_the_desk_search_finds_stories_in_every_state_and_edition(
    editor_client, newsroom, section
):
    """An editor typing "выборов" finds the elections story, drafts too, best first."""
    draft = ArticleFactory(
        section=section,
        language="ru",
        headline="Черновик о бюджете",
        lead="Выборы упомянуты один раз.",
        status=Article.Status.DRAFT,
    )
    url = reverse("admin:articles_article_changelist")
    results = editor_client.get(url, {"q": "выборов"}).context["cl"].result_list
    assert list(results) == [newsroom["ru_elections"], draft]
    kazakh = editor_client.get(url, {"q": "сайлауда"}).context["cl"].result_list
    assert newsroom["kk_elections"] in list(kazakh)
    english = editor_client.get(url, {"q": "elected"}).context["cl"].result_list
    assert list(english) == [newsroom["en_elections"]]


# --- The Kazakh stemmer, against a word list -----------------------------------

KAZAKH_FORMS = [
    ["Қазақстан", "Қазақстанның", "Қазақстанға", "Қазақстанда", "Қазақстаннан"],
    ["Астана", "Астанаға", "Астанада", "Астанадан", "Астананың"],
    ["мектеп", "мектептер", "мектептерде", "мектептің", "мектепке"],
    ["кітап", "кітабы", "кітаптар", "кітаптарды"],
    ["қала", "қаласы", "қаласында", "қалалар", "қалаларға"],
    ["сайлау", "сайлауы", "сайлауда", "сайлаудың"],
    ["шекара", "шекарада", "шекарадағы", "шекараның"],
    ["әкім", "әкімдер", "әкімдері", "әкімдерін", "әкімі"],
    ["станция", "станциясы", "станциялар", "станцияда"],
    ["Алматы", "Алматыда", "Алматыға", "Алматының"],
    ["түйе", "түйенің", "түйеге"],
    ["жүрек", "жүрегі"],
    ["құлақ", "құлағы"],
]
KAZAKH_DIFFERENT = [("мектеп", "мекен"), ("қала", "қалам"), ("Астана", "Ақтау")]


@pytest.mark.parametrize("forms", KAZAKH_FORMS, ids=lambda forms: forms[0])
def test_kazakh_forms_of_a_word_share_a_stem(forms):
    stems = {kazakh_stem(form.lower()) for form in forms}
    assert len(stems) == 1, stems


@pytest.mark.parametrize(("one", "other"), KAZAKH_DIFFERENT)
def test_different_kazakh_words_keep_different_stems(one, other):
    assert kazakh_stem(one.lower()) != kazakh_stem(other.lower())


def test_sections_are_offered_in_the_editions_language(client, newsroom):
    SectionFactory(
        name="Economy", slug="economy", slug_ru="ekonomika", name_ru="Экономика"
    )
    page = client.get("/ru/search/", {"q": "выборов"}).text
    assert '<option value="ekonomika">Экономика</option>' in page


def test_search_rebuild_indexes_stories_written_past_the_services(section):
    """A bulk write leaves stories out of the index until search_rebuild runs."""
    from django.core.management import call_command

    Article.objects.bulk_create(
        [Article(section=section, language="en", headline="Bulk import of archives")]
    )
    story = Article.objects.get(headline="Bulk import of archives")
    Article.objects.filter(pk=story.pk).update(
        status=Article.Status.PUBLISHED, published_at=timezone.now()
    )
    assert found("archive", "en") == []
    call_command("search_rebuild", "--dry-run")
    assert found("archive", "en") == []
    call_command("search_rebuild")
    assert found("archive", "en") == [story]


def test_a_word_in_very_many_stories_ranks_the_newest_thousand(
    client, section, monkeypatch
):
    """Past MAX_RANKED matches the page says so, and ranks the newest of them."""
    from articles.search import base

    monkeypatch.setattr(base, "MAX_RANKED", 2)
    monkeypatch.setattr("articles.search.postgres.MAX_RANKED", 2)
    monkeypatch.setattr("articles.search.sqlite.MAX_RANKED", 2)
    monkeypatch.setattr("articles.views.MAX_RANKED", 2)
    now = timezone.now()
    oldest, middle, newest = (
        ArticleFactory(
            section=section,
            headline=f"Harvest {n}",
            published_at=now - datetime.timedelta(days=n),
        )
        for n in (3, 2, 1)
    )
    response = client.get("/en/search/", {"q": "harvest"})
    assert set(response.context["page"].object_list) == {middle, newest}
    assert "more than 2. The 2 newest are shown" in response.text


def test_a_page_of_results_costs_the_same_queries_however_many(client, section):
    """Count, page, photos, snippets: a fixed number of queries, not one per story."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    def queries_for(stories):
        for n in range(stories):
            ArticleFactory(section=section, headline=f"Tractor fair {stories} {n}")
        with CaptureQueriesContext(connection) as captured:
            response = client.get("/en/search/", {"q": f"tractor {stories}"})
        assert response.context["page"].paginator.count == stories
        return len(captured)

    assert queries_for(2) == queries_for(9)


def test_a_deleted_story_leaves_the_index(section):
    """Deleting a story (on PostgreSQL the database drops its document with it)."""
    from django.db import connection

    from articles.models import SearchDocument

    story = ArticleFactory(section=section, headline="Caravan route reopened")
    pk = story.pk
    assert found("caravans", "en") == [story]
    story.delete()
    assert found("caravans", "en") == []
    if connection.vendor == "postgresql":
        assert not SearchDocument.objects.filter(pk=pk).exists()


def test_with_the_page_cache_on_each_search_shows_its_own_snippet(
    client, newsroom, settings
):
    """Cards are kept as fragments, but a result's card carries the reader's words."""
    settings.NEWSROOM_PAGE_CACHE_SECONDS = 300
    section_page = client.get(newsroom["en_wheat"].section.get_absolute_url()).text
    assert "<mark>" not in section_page
    assert "loaded more <mark>wheat</mark>" in (
        client.get("/en/search/", {"q": "wheat"}).text
    )
    page = client.get("/en/search/", {"q": "terminals"}).text
    assert "<mark>terminals</mark>" in page.lower()
    assert "<mark>wheat</mark>" not in page
