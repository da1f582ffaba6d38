"""
The demo newsroom as data: demo/newsroom.toml, read and checked here.

The loader turns the file into plain objects and refuses, with the file, the
story and the field in the message, anything that would build a broken newsroom:
a missing or mistyped field, a section or agency that is not listed, a tag outside
the vocabulary, a headline used twice, a scene the painter cannot draw.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from pathlib import Path

from . import painter

CONTENT_FILE = Path(__file__).with_name("newsroom.toml")
STATUSES = ("published", "draft", "review")
MAX_HOURS_AGO = 720  # 30 days: the demo's view histories cover that much


class DemoContentError(ValueError):
    """The demo content cannot be used; the message says where and why."""


@dataclass(frozen=True)
class Section:
    name: str
    slug: str
    order: int


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


@dataclass(frozen=True)
class DemoNewsroom:
    sections: tuple[Section, ...]
    sources: tuple[Source, ...]
    tags: tuple[str, ...]
    stories: tuple[Story, ...]


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


def load_demo_newsroom(path: Path = CONTENT_FILE) -> DemoNewsroom:
    """Read and check the demo content; raises DemoContentError on any mistake."""
    try:
        with open(path, "rb") as file:
            data = tomllib.load(file)
    except tomllib.TOMLDecodeError as error:
        raise DemoContentError(f"{path.name}: not valid TOML: {error}.") from None
    top = _Reader(data, path.name)
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
