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


@pytest.fixture
def roles(db):
    """The Reporter and Editor groups, as the data migration makes them."""
    from articles.roles import roles_sync

    roles_sync()


def _staff(django_user_model, username, role):
    from articles.roles import user_add_to_role

    user = django_user_model.objects.create_user(
        username, f"{username}@example.com", "pw-for-tests-only"
    )
    user_add_to_role(user=user, role=role)
    return django_user_model.objects.get(pk=user.pk)  # fresh permission cache


@pytest.fixture
def reporter(roles, django_user_model):
    return _staff(django_user_model, "reporter", "Reporter")


@pytest.fixture
def other_reporter(roles, django_user_model):
    return _staff(django_user_model, "other", "Reporter")


@pytest.fixture
def editor(roles, django_user_model):
    return _staff(django_user_model, "editor", "Editor")


@pytest.fixture
def reporter_client(client, reporter):
    client.force_login(reporter)
    return client


@pytest.fixture
def editor_client(client, editor):
    client.force_login(editor)
    return client
