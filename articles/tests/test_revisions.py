"""Revisions: one per save, history with word diffs, restore, and the edit lock."""

import pytest
from django.test import Client
from django.urls import reverse
from reversion.models import Version

from articles.diff import word_diff
from articles.models import Article
from articles.text import html_to_text

from .admin_forms import story_form
from .factories import ArticleFactory

pytestmark = pytest.mark.django_db


def versions(story):
    return list(Version.objects.get_for_object(story).order_by("pk"))


def change_url(story):
    return reverse("admin:articles_article_change", args=[story.pk])


def test_every_save_keeps_a_revision(editor_client):
    """Saves in code and in the admin each add one revision with who and why."""
    story = ArticleFactory(headline="One")
    assert len(versions(story)) == 1
    story.headline = "Two"
    story.save()
    assert len(versions(story)) == 2
    story.refresh_from_db()
    editor_client.post(change_url(story), story_form(story, headline="Three"))
    history = versions(story)
    assert len(history) == 3
    assert history[-1].field_dict["headline"] == "Three"
    assert history[-1].revision.user.username == "editor"
    assert "Changed Headline" in history[-1].revision.get_comment()


def test_history_page_lists_revisions_with_compare_and_restore(editor_client):
    """The admin history lists every revision, with compare choices and restore links."""
    story = ArticleFactory(headline="One")
    story.headline = "Two"
    story.save()
    page = editor_client.get(
        reverse("admin:articles_article_history", args=[story.pk])
    ).text
    for version in versions(story):
        assert f'name="old" value="{version.pk}"' in page
    first = versions(story)[0]
    assert (
        reverse("admin:articles_article_revision_restore", args=[story.pk, first.pk])
        in page
    )


def test_word_diff_marks_removed_and_added_words():
    """Word diffs strike removed words and mark added ones, escaping everything."""
    diff = word_diff(
        "The minister met <farmers> today", "The minister met bankers today"
    )
    assert diff == (
        "The minister met <del>&lt;farmers&gt;</del><ins>bankers</ins> today"
    )
    assert word_diff("same", "same") == "same"


def test_body_diff_reads_as_text_not_markup():
    """Bodies are compared as their words, a paragraph per line, entities decoded."""
    assert (
        html_to_text("<p>One &amp; two</p><h2>Sub</h2><ul><li>a</li><li>b</li></ul>")
        == "One & two\nSub\na\nb"
    )


def test_compare_view_shows_a_word_diff_of_headline_lead_and_body(editor_client):
    """Comparing two revisions shows each changed field's words."""
    story = ArticleFactory(
        headline="Wheat harvest starts",
        lead="Farmers begin.",
        body="<p>Old text here.</p>",
    )
    story.headline = "Wheat harvest ends"
    story.body = "<p>New text here.</p>"
    story.save()
    old, new = versions(story)
    url = reverse("admin:articles_article_revision_compare", args=[story.pk])
    page = editor_client.get(url, {"old": new.pk, "new": old.pk}).text  # order fixed
    assert "Wheat harvest <del>starts</del><ins>ends</ins>" in page
    assert "<del>Old</del><ins>New</ins> text here." in page
    assert "(unchanged)" in page  # the lead


@pytest.mark.parametrize(
    "query", [{}, {"old": "x", "new": "1"}, {"old": "999999", "new": "1"}]
)
def test_compare_with_bad_choices_redirects_with_a_message(editor_client, query):
    """Missing or foreign revision ids lead back to the history with a message, not a 500."""
    story = ArticleFactory()
    url = reverse("admin:articles_article_revision_compare", args=[story.pk])
    response = editor_client.get(url, query, follow=True)
    assert response.status_code == 200
    assert "Choose two revisions" in response.text


def test_revision_of_another_story_is_not_restorable(editor_client):
    """A revision id from another story gives 404."""
    story, other = ArticleFactory(), ArticleFactory()
    foreign = versions(other)[0]
    url = reverse(
        "admin:articles_article_revision_restore", args=[story.pk, foreign.pk]
    )
    assert editor_client.get(url).status_code == 404
    assert editor_client.post(url).status_code == 404


def test_restore_brings_back_the_text_as_a_new_revision(editor_client, client):
    """Restore copies the old headline, lead and body back, keeping publishing state."""
    story = ArticleFactory(headline="Original", lead="Lead one", body="<p>First.</p>")
    story.headline, story.body = "Rewritten", "<p>Second.</p>"
    story.save()
    first = versions(story)[0]
    url = reverse("admin:articles_article_revision_restore", args=[story.pk, first.pk])
    confirm = editor_client.get(url)
    assert "<del>Rewritten</del><ins>Original</ins>" in confirm.text
    assert editor_client.post(url).status_code == 302
    story.refresh_from_db()
    assert (story.headline, story.body) == ("Original", "<p>First.</p>")
    assert story.status == Article.Status.PUBLISHED
    assert len(versions(story)) == 3
    assert "Restored" in versions(story)[-1].revision.get_comment()
    assert "Original" in client.get(story.get_absolute_url()).text


def test_second_editor_stale_save_is_refused(editor, django_user_model):
    """Two editors open a story; the first saves; the second's save is refused, clearly."""
    from articles.roles import user_add_to_role

    second = django_user_model.objects.create_user("second", password="pw-x")
    user_add_to_role(user=second, role="Editor")
    story = ArticleFactory(headline="Shared story")
    alice, bob = Client(), Client()
    alice.force_login(editor)
    bob.force_login(second)
    # Both load the form at the same version.
    assert 'name="loaded_version" value="1"' in alice.get(change_url(story)).text
    assert 'name="loaded_version" value="1"' in bob.get(change_url(story)).text
    opened = story_form(story)
    assert (
        alice.post(change_url(story), {**opened, "headline": "Alice's"}).status_code
        == 302
    )
    response = bob.post(change_url(story), {**opened, "headline": "Bob's"})
    assert response.status_code == 200
    assert "Not saved: editor saved this story at" in response.text
    assert "Bob&#x27;s" in response.text  # Bob's text is still in the form
    story.refresh_from_db()
    assert story.headline == "Alice's"
    # Reloading gives the new version number, and then Bob can save.
    assert 'name="loaded_version" value="2"' in bob.get(change_url(story)).text
    assert (
        bob.post(change_url(story), story_form(story, headline="Bob's")).status_code
        == 302
    )


def test_save_without_a_version_is_refused(editor_client):
    """A change form posted without the version it was loaded at is refused."""
    story = ArticleFactory(headline="Kept")
    data = story_form(story, headline="Blind write")
    del data["loaded_version"]
    response = editor_client.post(change_url(story), data)
    assert response.status_code == 200
    story.refresh_from_db()
    assert story.headline == "Kept"


def test_publishing_action_makes_an_open_form_stale(editor_client):
    """Any save in between (here publishing from the list) makes an open form stale."""
    story = ArticleFactory(status=Article.Status.REVIEW)
    opened = story_form(story)
    editor_client.post(
        reverse("admin:articles_article_changelist"),
        {"action": "publish_now", "_selected_action": [story.pk]},
    )
    response = editor_client.post(change_url(story), {**opened, "headline": "Late"})
    assert response.status_code == 200
    story.refresh_from_db()
    assert story.status == Article.Status.PUBLISHED
    assert story.headline != "Late"


def test_bookkeeping_saves_are_not_edits():
    """A save of fields the desk does not edit keeps the version and adds no revision."""
    story = ArticleFactory()
    story.save(update_fields=["updated_at"])
    story.refresh_from_db()
    assert story.version == 1 and len(versions(story)) == 1
    story.lead = "Edited"
    story.save(update_fields=["lead"])
    story.refresh_from_db()
    assert story.version == 2 and len(versions(story)) == 2
