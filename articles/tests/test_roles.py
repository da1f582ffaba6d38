"""Reporters and editors in the admin: what each sees, and what the server refuses."""

import datetime

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse
from django.utils import timezone

from articles.models import Article
from articles.roles import roles_sync, user_add_to_role

from .admin_forms import story_form
from .factories import ArticleFactory, ArticleImageFactory

pytestmark = pytest.mark.django_db

CHANGELIST = reverse("admin:articles_article_changelist")
ADD = reverse("admin:articles_article_add")


def change_url(story):
    return reverse("admin:articles_article_change", args=[story.pk])


def test_roles_sync_creates_both_groups_idempotently():
    """The groups exist with their permissions, and syncing twice changes nothing."""
    roles_sync()
    roles_sync()
    reporter = Group.objects.get(name="Reporter")
    editor = Group.objects.get(name="Editor")
    reporter_perms = set(reporter.permissions.values_list("codename", flat=True))
    editor_perms = set(editor.permissions.values_list("codename", flat=True))
    assert {"add_article", "change_article", "view_article"} <= reporter_perms
    assert "publish_article" not in reporter_perms
    assert "delete_article" not in reporter_perms
    assert "add_correction" not in reporter_perms
    assert {"publish_article", "delete_article", "add_correction"} <= editor_perms
    assert Group.objects.filter(name__in=["Reporter", "Editor"]).count() == 2


def test_user_add_to_role_makes_staff_editor(django_user_model):
    """A user put in the Editor group can reach the admin and publish."""
    user = django_user_model.objects.create_user("demo", password="x-for-tests")
    user_add_to_role(user=user, role="Editor")
    user = django_user_model.objects.get(pk=user.pk)
    assert user.is_staff
    assert user.has_perm("articles.publish_article")
    with pytest.raises(ValueError):
        user_add_to_role(user=user, role="Owner")


def test_reporter_creates_a_draft_owned_by_them(reporter_client, reporter, section):
    """A reporter's new story is a draft credited to them."""
    response = reporter_client.post(
        ADD,
        story_form(headline="Road opens", body="<p>Text</p>", section=section.pk),
    )
    assert response.status_code == 302, response.text
    story = Article.objects.get()
    assert story.status == Article.Status.DRAFT
    assert story.created_by == reporter


def test_reporter_cannot_create_a_published_story(reporter_client, section, client):
    """A forged status=published on the add form is refused and nothing goes live."""
    response = reporter_client.post(
        ADD,
        story_form(
            headline="Forged", body="<p>x</p>", section=section.pk, status="published"
        ),
    )
    assert response.status_code == 200
    assert "Select a valid choice" in response.text
    assert not Article.objects.exists()


def test_reporter_edits_own_draft_and_submits_it(reporter_client, reporter, section):
    """A reporter saves their draft and sends it for review; then it is read-only to them."""
    story = ArticleFactory(
        section=section, status=Article.Status.DRAFT, created_by=reporter
    )
    response = reporter_client.post(
        change_url(story), story_form(story, headline="Better headline")
    )
    assert response.status_code == 302, response.text
    story.refresh_from_db()
    assert story.headline == "Better headline"
    response = reporter_client.post(
        CHANGELIST, {"action": "submit_for_review", "_selected_action": [story.pk]}
    )
    assert response.status_code == 302
    story.refresh_from_db()
    assert story.status == Article.Status.REVIEW
    page = reporter_client.get(change_url(story)).text
    assert 'name="headline"' not in page  # shown read-only now


def test_reporter_forged_status_on_own_draft_is_refused(reporter_client, reporter):
    """Posting status=published (or unpublished) for their own draft fails validation."""
    story = ArticleFactory(status=Article.Status.DRAFT, created_by=reporter)
    for status in ("published", "unpublished"):
        response = reporter_client.post(
            change_url(story), story_form(story, status=status)
        )
        assert response.status_code == 200
        assert "Select a valid choice" in response.text
    story.refresh_from_db()
    assert story.status == Article.Status.DRAFT


def test_reporter_forged_publish_time_is_ignored(reporter_client, reporter):
    """The publish time is read-only to reporters: a posted value does not land."""
    story = ArticleFactory(
        status=Article.Status.DRAFT, created_by=reporter, published_at=None
    )
    response = reporter_client.post(
        change_url(story),
        story_form(story, published_at_0="2030-01-01", published_at_1="10:00:00"),
    )
    assert response.status_code == 302
    story.refresh_from_db()
    assert story.published_at is None


@pytest.mark.parametrize(
    "action", ["publish_now", "unpublish", "schedule"], ids=lambda a: a
)
def test_reporter_forged_publishing_actions_do_nothing(
    reporter_client, reporter, action
):
    """Publishing actions are hidden from reporters and a forged one changes nothing."""
    own = ArticleFactory(status=Article.Status.REVIEW, created_by=reporter)
    live = ArticleFactory(status=Article.Status.PUBLISHED)
    page = reporter_client.get(CHANGELIST).text
    assert f'value="{action}"' not in page
    response = reporter_client.post(
        CHANGELIST,
        {
            "action": action,
            "_selected_action": [own.pk, live.pk],
            "apply": "1",
            "publish_at_0": "2030-01-01",
            "publish_at_1": "10:00",
        },
    )
    assert response.status_code in (200, 302)
    own.refresh_from_db()
    live.refresh_from_db()
    assert own.status == Article.Status.REVIEW
    assert live.status == Article.Status.PUBLISHED
    assert live.version == 1


def test_reporter_cannot_edit_published_or_others_stories(
    reporter_client, reporter, other_reporter
):
    """Forged POSTs to a published story or to another reporter's draft are 403."""
    published = ArticleFactory(created_by=reporter)
    theirs = ArticleFactory(status=Article.Status.DRAFT, created_by=other_reporter)
    for story in (published, theirs):
        assert reporter_client.get(change_url(story)).status_code == 200  # view only
        response = reporter_client.post(
            change_url(story), story_form(story, headline="Hijacked")
        )
        assert response.status_code == 403
        story.refresh_from_db()
        assert story.headline != "Hijacked"


def test_reporter_cannot_delete_or_restore(reporter_client, reporter):
    """Deleting is for editors; restoring a published story's revision is refused."""
    story = ArticleFactory(created_by=reporter)
    story.headline = "Second"
    story.save()
    delete = reverse("admin:articles_article_delete", args=[story.pk])
    assert reporter_client.post(delete, {"post": "yes"}).status_code == 403
    version = story_versions(story)[0]
    restore = reverse(
        "admin:articles_article_revision_restore", args=[story.pk, version.pk]
    )
    assert reporter_client.post(restore).status_code == 403
    story.refresh_from_db()
    assert story.headline == "Second"


def story_versions(story):
    from reversion.models import Version

    return list(Version.objects.get_for_object(story).order_by("pk"))


def test_reporter_form_hides_editor_fields(reporter_client, reporter):
    """Reporters see no publish-time input, no significant-update box, no publishing actions."""
    story = ArticleFactory(status=Article.Status.DRAFT, created_by=reporter)
    page = reporter_client.get(change_url(story)).text
    assert 'name="published_at_0"' not in page
    assert 'name="significant_update"' not in page
    assert '<option value="published"' not in page
    changelist = reporter_client.get(CHANGELIST).text
    assert 'value="submit_for_review"' in changelist
    assert 'value="publish_now"' not in changelist


def test_reporter_cannot_add_a_correction(reporter_client, reporter):
    """The corrections inline is read-only to reporters; a forged one is not stored."""
    story = ArticleFactory(created_by=reporter)
    response = reporter_client.post(
        change_url(story),
        story_form(
            story,
            **{
                "corrections-TOTAL_FORMS": "1",
                "corrections-0-text": "Forged correction",
            },
        ),
    )
    assert response.status_code == 403
    assert not story.corrections.exists()


def test_editor_sees_and_uses_every_action(editor_client, section, client):
    """Editors get publish now, schedule and unpublish, and they work."""
    draft = ArticleFactory(section=section, status=Article.Status.REVIEW)
    page = editor_client.get(CHANGELIST).text
    for action in ("publish_now", "schedule", "unpublish", "submit_for_review"):
        assert f'value="{action}"' in page
    editor_client.post(
        CHANGELIST, {"action": "publish_now", "_selected_action": [draft.pk]}
    )
    draft.refresh_from_db()
    assert draft.is_live
    assert client.get(draft.get_absolute_url()).status_code == 200
    editor_client.post(
        CHANGELIST, {"action": "unpublish", "_selected_action": [draft.pk]}
    )
    draft.refresh_from_db()
    assert draft.status == Article.Status.UNPUBLISHED
    assert client.get(draft.get_absolute_url()).status_code == 404


def test_editor_schedules_through_the_intermediate_page(editor_client):
    """Schedule asks for a time, then the story is published for that time."""
    story = ArticleFactory(status=Article.Status.REVIEW)
    ask = editor_client.post(
        CHANGELIST, {"action": "schedule", "_selected_action": [story.pk]}
    )
    assert ask.status_code == 200
    assert 'name="publish_at_0"' in ask.text
    when = timezone.localtime() + datetime.timedelta(days=1)
    done = editor_client.post(
        CHANGELIST,
        {
            "action": "schedule",
            "_selected_action": [story.pk],
            "apply": "1",
            "publish_at_0": when.strftime("%Y-%m-%d"),
            "publish_at_1": when.strftime("%H:%M"),
        },
    )
    assert done.status_code == 302
    story.refresh_from_db()
    assert story.is_scheduled
    assert not story.is_live
    listed = editor_client.get(CHANGELIST).text
    assert "Scheduled" in listed


def test_editor_edits_any_story(editor_client, reporter):
    """Editors change published stories and other people's drafts."""
    story = ArticleFactory(created_by=reporter)
    response = editor_client.post(change_url(story), story_form(story, lead="New lead"))
    assert response.status_code == 302, response.text
    story.refresh_from_db()
    assert story.lead == "New lead"


def test_story_with_photo_lacking_alt_text_cannot_be_published(editor_client):
    """Publish now refuses a story whose photo has no alt text, and says why."""
    story = ArticleFactory(status=Article.Status.REVIEW)
    ArticleImageFactory(article=story, alt_text="")
    response = editor_client.post(
        CHANGELIST,
        {"action": "publish_now", "_selected_action": [story.pk]},
        follow=True,
    )
    assert "without alt text" in response.text
    story.refresh_from_db()
    assert story.status == Article.Status.REVIEW


def test_publishing_in_the_form_needs_alt_text_too(editor_client):
    """Setting status to published in the form with an undescribed photo is a form error."""
    story = ArticleFactory(status=Article.Status.REVIEW)
    ArticleImageFactory(article=story, alt_text="")
    response = editor_client.post(
        change_url(story), story_form(story, status="published")
    )
    assert response.status_code == 200
    assert "cannot be published" in response.text
    story.refresh_from_db()
    assert story.status == Article.Status.REVIEW
    data = story_form(story, status="published", **{"images-0-alt_text": "A bridge"})
    assert editor_client.post(change_url(story), data).status_code == 302
    story.refresh_from_db()
    assert story.status == Article.Status.PUBLISHED


def test_the_data_migration_creates_the_groups_from_migration_state(settings):
    """The migration's function works on the historical models a real migrate gives it."""
    settings.MIGRATION_MODULES = {}  # the test run skips migrations; read them here
    import importlib

    from django.db import connection
    from django.db.migrations.loader import MigrationLoader

    migration = importlib.import_module(
        "articles.migrations.0003_reporter_and_editor_groups"
    )
    state = MigrationLoader(connection).project_state(
        ("articles", "0003_reporter_and_editor_groups")
    )
    migration.create_groups(state.apps, None)
    editor = Group.objects.get(name="Editor")
    assert editor.permissions.filter(codename="publish_article").exists()
    assert Group.objects.get(name="Reporter").permissions.count() == 11
