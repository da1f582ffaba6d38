"""
The demo newsroom as data, read and checked here: demo/newsroom.toml (sections,
source agencies and the English edition) and one file per other edition in
demo/stories/ (kk.toml, ru.toml: the edition's language, its tag vocabulary,
the sections' names and slugs in its language, and its stories, some of them
`translation_of` an English story, named by its exact headline).

The loader turns the files into plain objects and refuses, with the file, the
story and the field in the message, anything that would build a broken newsroom:
a missing or mistyped field, a section or agency that is not listed, a tag outside
its edition's vocabulary, a headline used twice, a translation of no English
story or a second one of the same story, a scene the painter cannot draw.
"""

from __future__ import annotations

import dataclasses
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from . import painter

CONTENT_FILE = Path(__file__).with_name("newsroom.toml")
EDITIONS_DIR = Path(__file__).with_name("stories")
# The editions besides English that the demo has files for, in their order.
EDITION_LANGUAGES = ("kk", "ru")
STATUSES = ("published", "draft", "review")
MAX_HOURS_AGO = 720  # 30 days: the demo's view histories cover that much


class DemoContentError(ValueError):
    """The demo content cannot be used; the message says where and why."""


@dataclass(frozen=True)
class Section:
    name: str
    slug: str
    order: int
    # The name and slug in each other edition's language: {"kk": "Саясат"}.
    names: dict[str, str] = field(default_factory=dict)
    slugs: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class Source:
    name: str
    website: str
    reuse_notice: str = ""


@dataclass(frozen=True)
class Photo:
    caption: str
    credit: str
    alt_text: str
    scene: str  # "motif light", for the painter


@dataclass(frozen=True)
class Story:
    headline: str
    lead: str
    body: str
    section: str
    source: str | None
    byline: str
    tags: tuple[str, ...]
    status: str
    hours_ago: int | None
    photos: tuple[Photo, ...]
    language: str = "en"
    translation_of: str | None = None  # the English story's headline


@dataclass(frozen=True)
class DemoNewsroom:
    sections: tuple[Section, ...]
    sources: tuple[Source, ...]
    tags: tuple[str, ...]  # every edition's, English first
    stories: tuple[Story, ...]  # English first, so translations find theirs


class _Reader:
    """Takes typed fields out of one table, naming the place of any mistake."""

    def __init__(self, table, where: str):
        if not isinstance(table, dict):
            raise DemoContentError(f"{where}: expected a table.")
        self.table = dict(table)
        self.where = where

    def take(self, name: str, kind: type, *, default=..., where: str = ""):
        value = self.table.pop(name, default)
        if value is ...:
            raise DemoContentError(f"{self.where}: “{name}” is missing.")
        if value is not default and (
            not isinstance(value, kind) or (kind is int and isinstance(value, bool))
        ):
            raise DemoContentError(
                f"{self.where}: “{name}” must be {kind.__name__}, "
                f"not {type(value).__name__}."
            )
        if isinstance(value, str) and value is not default and not value.strip():
            raise DemoContentError(f"{self.where}: “{name}” is empty.")
        return value

    def strings(self, name: str) -> tuple[str, ...]:
        values = self.take(name, list)
        if not all(isinstance(value, str) and value for value in values):
            raise DemoContentError(f"{self.where}: “{name}” must be a list of text.")
        return tuple(values)

    def done(self) -> None:
        if self.table:
            unknown = ", ".join(sorted(self.table))
            raise DemoContentError(f"{self.where}: unknown field(s) {unknown}.")


def _body(text: str) -> str:
    """The body as stored: the file keeps one HTML block per line for reading."""
    return "".join(line.strip() for line in text.strip().splitlines())


def _read_toml(path: Path) -> dict:
    try:
        with open(path, "rb") as file:
            return tomllib.load(file)
    except tomllib.TOMLDecodeError as error:
        raise DemoContentError(f"{path.name}: not valid TOML: {error}.") from None


def load_demo_newsroom(
    path: Path = CONTENT_FILE, editions_dir: Path | None = EDITIONS_DIR
) -> DemoNewsroom:
    """Read and check the demo content; raises DemoContentError on any mistake."""
    newsroom = _load_english(path)
    if editions_dir is None:
        return newsroom
    for language in EDITION_LANGUAGES:
        edition = editions_dir / f"{language}.toml"
        if edition.exists():
            newsroom = _add_edition(newsroom, edition, language)
    return newsroom


def _add_edition(newsroom: DemoNewsroom, path: Path, language: str) -> DemoNewsroom:
    """`newsroom` with one more edition's section names, tags and stories."""
    top = _Reader(_read_toml(path), path.name)
    if top.take("language", str) != language:
        raise DemoContentError(f"{path.name}: “language” must be {language!r}.")
    tags = top.strings("tags")
    by_slug = {section.slug: section for section in newsroom.sections}
    names = top.take("sections", dict)
    for slug, table in names.items():
        if slug not in by_slug:
            raise DemoContentError(f"{path.name}: unknown section {slug!r}.")
        fields = _Reader(table, f"{path.name}, section {slug}")
        section = by_slug[slug]
        by_slug[slug] = dataclasses.replace(
            section,
            names={**section.names, language: fields.take("name", str)},
            slugs={**section.slugs, language: fields.take("slug", str)},
        )
        fields.done()
    stories = [
        dataclasses.replace(
            _story(table, f"{path.name}, story {number}"), language=language
        )
        for number, table in enumerate(top.take("stories", list), start=1)
    ]
    top.done()
    edition = DemoNewsroom(
        sections=tuple(by_slug[section.slug] for section in newsroom.sections),
        sources=newsroom.sources,
        tags=tags,
        stories=tuple(stories),
    )
    _check_references(edition, path.name)
    english = {s.headline for s in newsroom.stories if s.language == "en"}
    linked: set[str] = set()
    for story in stories:
        if story.headline in {s.headline for s in newsroom.stories}:
            raise DemoContentError(
                f"{path.name} ({story.headline!r}): the headline is used twice."
            )
        if story.translation_of is None:
            continue
        if story.translation_of not in english:
            raise DemoContentError(
                f"{path.name} ({story.headline!r}): translation_of names no "
                f"English story: {story.translation_of!r}."
            )
        if story.translation_of in linked:
            raise DemoContentError(
                f"{path.name} ({story.headline!r}): a second version of "
                f"{story.translation_of!r} in this edition."
            )
        linked.add(story.translation_of)
    return DemoNewsroom(
        sections=edition.sections,
        sources=newsroom.sources,
        tags=tuple(dict.fromkeys((*newsroom.tags, *tags))),
        stories=(*newsroom.stories, *stories),
    )


def _load_english(path: Path) -> DemoNewsroom:
    top = _Reader(_read_toml(path), path.name)
    sections, sources = [], []
    for number, table in enumerate(top.take("sections", list), start=1):
        fields = _Reader(table, f"{path.name}, section {number}")
        sections.append(
            Section(
                name=fields.take("name", str),
                slug=fields.take("slug", str),
                order=fields.take("order", int),
            )
        )
        fields.done()
    for number, table in enumerate(top.take("sources", list), start=1):
        fields = _Reader(table, f"{path.name}, source {number}")
        sources.append(
            Source(
                name=fields.take("name", str),
                website=fields.take("website", str),
                reuse_notice=fields.take("reuse_notice", str, default=""),
            )
        )
        fields.done()
    tags = top.strings("tags")
    stories = [
        _story(table, f"{path.name}, story {number}")
        for number, table in enumerate(top.take("stories", list), start=1)
    ]
    top.done()
    newsroom = DemoNewsroom(
        sections=tuple(sections),
        sources=tuple(sources),
        tags=tags,
        stories=tuple(stories),
    )
    _check_references(newsroom, path.name)
    return newsroom


def _story(table, where: str) -> Story:
    fields = _Reader(table, where)
    headline = fields.take("headline", str)
    fields.where = f"{where} ({headline!r})"
    photos = []
    for number, photo_table in enumerate(fields.take("photos", list), start=1):
        photo = _Reader(photo_table, f"{fields.where}, photo {number}")
        photos.append(
            Photo(
                caption=photo.take("caption", str),
                credit=photo.take("credit", str),
                alt_text=photo.take("alt_text", str),
                scene=photo.take("scene", str),
            )
        )
        photo.done()
    story = Story(
        headline=headline,
        lead=fields.take("lead", str),
        body=_body(fields.take("body", str)),
        section=fields.take("section", str),
        source=fields.take("source", str, default=None),
        byline=fields.take("byline", str),
        tags=fields.strings("tags"),
        status=fields.take("status", str, default="published"),
        hours_ago=fields.take("hours_ago", int, default=None),
        photos=tuple(photos),
        translation_of=fields.take("translation_of", str, default=None),
    )
    fields.done()
    problems = []
    if story.status not in STATUSES:
        problems.append(f"status must be one of {', '.join(STATUSES)}")
    if story.status == "published" and (
        story.hours_ago is None or story.hours_ago > MAX_HOURS_AGO
    ):
        problems.append(f"a published story needs hours_ago, at most {MAX_HOURS_AGO}")
    if not 1 <= len(story.photos) <= 3:
        problems.append("a story needs one to three photos")
    for photo in story.photos:
        if not painter.can_paint(photo.scene):
            problems.append(f"the painter cannot draw the scene {photo.scene!r}")
    if problems:
        raise DemoContentError(f"{fields.where}: {'; '.join(problems)}.")
    return story


def _check_references(newsroom: DemoNewsroom, where: str) -> None:
    sections = {section.slug for section in newsroom.sections}
    sources = {source.name for source in newsroom.sources}
    vocabulary = set(newsroom.tags)
    headlines: set[str] = set()
    for number, story in enumerate(newsroom.stories, start=1):
        problems = []
        if story.headline in headlines:
            problems.append("the headline is used twice")
        headlines.add(story.headline)
        if story.section not in sections:
            problems.append(f"unknown section {story.section!r}")
        if story.source is not None and story.source not in sources:
            problems.append(f"unknown source {story.source!r}")
        if unknown := set(story.tags) - vocabulary:
            problems.append(f"tags outside the vocabulary: {sorted(unknown)}")
        if problems:
            raise DemoContentError(
                f"{where}, story {number} ({story.headline!r}): {'; '.join(problems)}."
            )
