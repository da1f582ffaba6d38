"""Moving the error report model out of articles keeps the table, its rows and its rights."""

import pytest
from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from reports.models import ErrorReport

BEFORE = ("articles", "0006_editor_error_report_permissions")
AFTER = ("reports", "0001_initial")


@pytest.fixture
def executor(settings):
    """A migration executor on the test database, which starts with no migration applied."""
    settings.MIGRATION_MODULES = {}  # the test run skips migrations; read them here
    executor = MigrationExecutor(connection)
    yield executor
    executor.recorder.flush()


@pytest.mark.django_db(transaction=True)
def test_a_database_with_reports_migrates_and_keeps_them(executor, article):
    """Reports filed before the move are the same rows after it, and editors keep their rights."""
    # The database as it was before the move: every migration up to BEFORE
    # applied, the model in articles, its content type and a group's permission
    # under "articles".
    for app_label, name in executor.loader.graph.forwards_plan(BEFORE):
        executor.recorder.record_applied(app_label, name)
    old_apps = executor.loader.project_state(BEFORE).apps
    OldErrorReport = old_apps.get_model("articles", "ErrorReport")
    assert OldErrorReport._meta.db_table == ErrorReport._meta.db_table
    ContentType.objects.filter(app_label="reports").delete()
    old_type = ContentType.objects.create(app_label="articles", model="errorreport")
    triage = Permission.objects.create(
        content_type=old_type, codename="change_errorreport", name="Can change"
    )
    desk = Group.objects.create(name="Desk")
    desk.permissions.add(triage)
    filed = OldErrorReport.objects.create(
        article_id=article.pk, part="headline", exact="Ministers", count=3
    )

    executor.loader.build_graph()
    executor.migrate([AFTER])
    ContentType.objects.clear_cache()

    report = ErrorReport.objects.get()
    assert (report.pk, report.article, report.exact, report.count) == (
        filed.pk,
        article,
        "Ministers",
        3,
    )
    assert ContentType.objects.get_for_model(ErrorReport).pk == old_type.pk
    assert not ContentType.objects.filter(app_label="articles", model="errorreport")
    assert desk.permissions.get().content_type.app_label == "reports"
    assert Group.objects.filter(
        name="Desk", permissions__codename="change_errorreport"
    ).exists()
