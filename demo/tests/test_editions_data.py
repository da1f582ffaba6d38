"""
The demo's Kazakh and Russian editions as data: demo/stories/kk.toml and ru.toml.

Each edition file is read as it stands (tomllib, no database) and held to the
editions' data format: the fields a story needs, sections, agencies, tags and
scenes that exist, translations that name a live English story once per
edition, enough live stories spread over every section and the last 30 days,
about half of them linked, each in its own language and script.
"""

import re
import tomllib
from html.parser import HTMLParser
from pathlib import Path

import pytest

from demo import painter
from demo.content import CONTENT_FILE, MAX_HOURS_AGO, STATUSES

STORIES_DIR = Path(__file__).resolve().parents[1] / "stories"
LANGUAGES = ("kk", "ru")

STORY_FIELDS = {"headline", "lead", "section", "byline", "tags", "body", "photos"}
OPTIONAL_STORY_FIELDS = {"source", "hours_ago", "status", "translation_of"}
PHOTO_FIELDS = {"caption", "credit", "alt_text", "scene"}
BODY_TAGS = {"p", "h2", "blockquote", "a", "ul", "li", "strong", "em"}
MIN_LIVE = 24

CYRILLIC = re.compile(r"[а-яё]", re.IGNORECASE)
LATIN = re.compile(r"[a-z]", re.IGNORECASE)
KAZAKH_LETTERS = re.compile(r"[әғқңөұүһі]", re.IGNORECASE)


def _load(path: Path) -> dict:
    with open(path, "rb") as file:
        return tomllib.load(file)


ENGLISH = _load(CONTENT_FILE)
EDITIONS = {language: _load(STORIES_DIR / f"{language}.toml") for language in LANGUAGES}
SECTION_SLUGS = [section["slug"] for section in ENGLISH["sections"]]
SOURCES = {source["name"] for source in ENGLISH["sources"]}
# newsroom.toml still holds a few Kazakh and Russian stories until the loader reads
# the edition files; the English edition is the rest.
ENGLISH_STORIES = {
    story["headline"]: story
    for story in ENGLISH["stories"]
    if not CYRILLIC.search(story["headline"])
}


def _is_live(story: dict) -> bool:
    return story.get("status", "published") == "published" and story["hours_ago"] >= 0


def _live(language: str) -> list[dict]:
    return [story for story in EDITIONS[language]["stories"] if _is_live(story)]


def _text(story: dict) -> str:
    return " ".join((story["headline"], story["lead"], story["body"]))


class _Body(HTMLParser):
    def __init__(self):
        super().__init__()
        self.tags: list[str] = []
        self.links: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        if tag == "a":
            self.links.append(dict(attrs).get("href") or "")


editions = pytest.mark.parametrize("language", LANGUAGES)


@editions
def test_the_file_names_its_language_and_holds_only_known_parts(language):
    edition = EDITIONS[language]
    assert edition["language"] == language
    assert set(edition) == {"language", "tags", "sections", "stories"}
    vocabulary = edition["tags"]
    assert len(set(vocabulary)) == len(vocabulary), "a tag is listed twice"
    assert 25 <= len(vocabulary) <= 32


@editions
def test_every_section_has_a_name_and_an_ascii_slug_in_the_language(language):
    sections = EDITIONS[language]["sections"]
    assert sorted(sections) == sorted(SECTION_SLUGS)
    for english_slug, section in sections.items():
        assert set(section) == {"name", "slug"}, english_slug
        assert CYRILLIC.search(section["name"]), english_slug
        assert re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", section["slug"]), english_slug
    for field in ("name", "slug"):
        values = [section[field] for section in sections.values()]
        assert len(set(values)) == len(values), f"two sections share a {field}"


@editions
def test_stories_have_the_fields_and_refer_to_what_exists(language):
    edition = EDITIONS[language]
    vocabulary = set(edition["tags"])
    headlines = [story["headline"] for story in edition["stories"]]
    assert len(set(headlines)) == len(headlines), "a headline is used twice"
    for story in edition["stories"]:
        where = story.get("headline")
        assert set(story) >= STORY_FIELDS, where
        assert set(story) <= STORY_FIELDS | OPTIONAL_STORY_FIELDS, where
        for field in ("headline", "lead", "byline", "body"):
            assert isinstance(story[field], str) and story[field].strip(), where
        assert story["section"] in SECTION_SLUGS, where
        assert story.get("source", next(iter(SOURCES))) in SOURCES, where
        assert 2 <= len(story["tags"]) <= 5, where
        assert len(set(story["tags"])) == len(story["tags"]), where
        assert set(story["tags"]) <= vocabulary, where
        status = story.get("status", "published")
        assert status in STATUSES, where
        if status == "published":
            assert isinstance(story["hours_ago"], int), where
            assert -MAX_HOURS_AGO <= story["hours_ago"] <= MAX_HOURS_AGO, where
        assert 1 <= len(story["photos"]) <= 3, where
        for photo in story["photos"]:
            assert set(photo) == PHOTO_FIELDS, where
            assert painter.can_paint(photo["scene"]), (where, photo["scene"])
            assert CYRILLIC.search(photo["caption"]), where
            assert CYRILLIC.search(photo["alt_text"]), where


@editions
def test_bodies_are_a_few_paragraphs_of_the_house_html(language):
    for story in EDITIONS[language]["stories"]:
        body = _Body()
        body.feed(story["body"])
        where = story["headline"]
        assert set(body.tags) <= BODY_TAGS, (where, set(body.tags) - BODY_TAGS)
        paragraphs = body.tags.count("p")
        if _is_live(story):
            assert 3 <= paragraphs <= 6, where
        for href in body.links:
            assert re.fullmatch(r"https://[a-z0-9.-]+\.example(/\S*)?", href), where


@editions
def test_translations_name_a_live_english_story_once(language):
    linked = [
        story["translation_of"]
        for story in EDITIONS[language]["stories"]
        if "translation_of" in story
    ]
    for headline in linked:
        assert headline in ENGLISH_STORIES, headline
        assert _is_live(ENGLISH_STORIES[headline]), headline
    assert len(set(linked)) == len(linked), "an English story is translated twice"


@editions
def test_a_translation_is_published_after_its_original(language):
    for story in _live(language):
        if "translation_of" in story:
            original = ENGLISH_STORIES[story["translation_of"]]
            assert story["hours_ago"] <= original["hours_ago"], story["headline"]
            assert story["section"] == original["section"], story["headline"]


@editions
def test_enough_live_stories_about_half_linked_over_sections_and_a_month(language):
    live = _live(language)
    assert len(live) >= MIN_LIVE
    linked = sum("translation_of" in story for story in live)
    assert 0.4 <= linked / len(live) <= 0.6, (linked, len(live))
    assert {story["section"] for story in live} == set(SECTION_SLUGS)
    hours = sorted(story["hours_ago"] for story in live)
    assert hours[0] <= 12 and hours[-1] >= 24 * 25, "not spread over the month"
    # Not bunched up: every 5-day stretch of the month has a story.
    for start in range(0, 24 * 25, 24 * 5):
        assert any(start <= hour < start + 24 * 5 for hour in hours), start


@editions
def test_one_draft_and_one_scheduled_story(language):
    stories = EDITIONS[language]["stories"]
    drafts = [story for story in stories if story.get("status") == "draft"]
    scheduled = [
        story
        for story in stories
        if story.get("status", "published") == "published" and story["hours_ago"] < 0
    ]
    assert len(drafts) >= 1 and len(scheduled) >= 1


@editions
def test_headlines_and_leads_are_in_cyrillic(language):
    for story in EDITIONS[language]["stories"]:
        for field in ("headline", "lead"):
            assert CYRILLIC.search(story[field]), story[field]
            assert not LATIN.search(story[field]), story[field]


def test_kazakh_stories_are_written_in_kazakh():
    """Most Kazakh stories use the letters Russian does not have; none is Russian."""
    stories = EDITIONS["kk"]["stories"]
    kazakh = [story for story in stories if KAZAKH_LETTERS.search(_text(story))]
    assert len(kazakh) >= 0.9 * len(stories)
    for story in stories:
        assert KAZAKH_LETTERS.search(story["headline"] + story["lead"]), story[
            "headline"
        ]


def test_russian_stories_have_no_kazakh_letters():
    for story in EDITIONS["ru"]["stories"]:
        assert not KAZAKH_LETTERS.search(_text(story)), story["headline"]


def test_each_edition_tags_in_its_own_words():
    """The editions' vocabularies are their own, not the English tags copied."""
    english = set(ENGLISH["tags"])
    for language in LANGUAGES:
        assert not english & set(EDITIONS[language]["tags"]), language
    kk, ru = (set(EDITIONS[language]["tags"]) for language in LANGUAGES)
    # Some are spelt alike (Астана, Алматы, футбол); most are not.
    assert len(kk & ru) <= len(kk) // 3, kk & ru


def test_kazakh_and_russian_stories_left_in_newsroom_toml_are_in_their_edition():
    """Moving them out of the English file loses nothing: each is in its edition."""
    editions = {
        language: {story["headline"]: story for story in EDITIONS[language]["stories"]}
        for language in LANGUAGES
    }
    for story in ENGLISH["stories"]:
        if story["headline"] in ENGLISH_STORIES:
            continue
        language = "kk" if KAZAKH_LETTERS.search(_text(story)) else "ru"
        moved = editions[language].get(story["headline"])
        assert moved is not None, (language, story["headline"])
        for field in ("lead", "body", "section", "byline", "hours_ago"):
            assert moved.get(field) == story.get(field), (story["headline"], field)
