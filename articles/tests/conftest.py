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


@pytest.fixture
def celery_eager():
    """The project's real Celery app, running tasks in-process (both profiles)."""
    from newsroom.celery import app

    saved = (app.conf.task_always_eager, app.conf.task_eager_propagates)
    app.conf.task_always_eager = True
    app.conf.task_eager_propagates = True
    yield app
    app.conf.task_always_eager, app.conf.task_eager_propagates = saved
