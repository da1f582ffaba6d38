import pytest

from .factories import (
    ArticleFactory,
    ArticleImageFactory,
    SectionFactory,
    SourceFactory,
)


@pytest.fixture
def section(db):
    return SectionFactory(name="Politics", slug="politics")


@pytest.fixture
def article(section):
    return ArticleFactory(section=section, headline="Ministers meet in Almaty")


@pytest.fixture
def make_article(db):
    return ArticleFactory


@pytest.fixture
def make_image(db):
    return ArticleImageFactory


@pytest.fixture
def make_source(db):
    return SourceFactory
