"""States, scheduling, cache refresh at go-live, significant updates and corrections."""

import datetime

import pytest
from django.core.cache import cache
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from django.utils import timezone

from articles import services, tasks
from articles.cache import VERSION_PREFIX, edition_key, reader_pages_changed, story_key
from articles.models import Article

from .admin_forms import story_form
from .factories import ArticleFactory, ArticleImageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def page_cache(settings):
    settings.NEWSROOM_PAGE_CACHE_SECONDS = 300


def test_unpublished_and_in_review_stories_are_not_live(client):
    """Only published, due stories are live: review and unpublished ones are 404."""
    for status in (Article.Status.REVIEW, Article.Status.UNPUBLISHED):
        story = ArticleFactory(status=status)
        assert not story.is_live
        assert client.get(story.get_absolute_url()).status_code == 404
    assert not Article.objects.live().exists()


def test_publish_schedules_when_the_time_is_in_the_future(editor):
    """article_publish with a future time makes a scheduled story, not yet live."""
    story = ArticleFactory(status=Article.Status.REVIEW, published_at=None)
    at = timezone.now() + datetime.timedelta(hours=2)
    services.article_publish(article=story, user=editor, at=at)
    story.refresh_from_db()
    assert story.is_scheduled and not story.is_live
    assert story.published_at == at


def test_republishing_keeps_the_first_publish_time(editor):
    """Unpublish then publish again: the story keeps its original dateline."""
    first = timezone.now() - datetime.timedelta(days=2)
    story = ArticleFactory(published_at=first)
    services.article_unpublish(article=story, user=editor)
    services.article_publish(article=story, user=editor)
    story.refresh_from_db()
    assert story.is_live and story.published_at == first


def test_publishing_services_refuse_reporters(reporter):
    """The services themselves refuse a user without the publish permission."""
    story = ArticleFactory(status=Article.Status.REVIEW, created_by=reporter)
    with pytest.raises(PermissionDenied):
        services.article_publish(article=story, user=reporter)
    with pytest.raises(PermissionDenied):
        services.article_unpublish(article=story, user=reporter)


def test_submit_for_review_only_from_draft(reporter, other_reporter):
    """Only the author's own draft can be sent for review."""
    story = ArticleFactory(status=Article.Status.DRAFT, created_by=reporter)
    with pytest.raises(PermissionDenied):
        services.article_submit_for_review(article=story, user=other_reporter)
    services.article_submit_for_review(article=story, user=reporter)
    assert story.status == Article.Status.REVIEW
    with pytest.raises(ValidationError):
        services.article_submit_for_review(article=story, user=reporter)


def test_scheduling_queues_the_go_live_task_for_its_moment(
    editor, django_capture_on_commit_callbacks, monkeypatch
):
    """After commit, the go-live task is queued with its ETA at the publish time."""
    queued = []
    monkeypatch.setattr(
        tasks.article_go_live,
        "apply_async",
        lambda args, eta: queued.append((args, eta)),
    )
    story = ArticleFactory(status=Article.Status.REVIEW)
    at = timezone.now() + datetime.timedelta(minutes=30)
    with django_capture_on_commit_callbacks(execute=True):
        services.article_publish(article=story, user=editor, at=at)
        assert queued == []  # nothing before the commit
    assert queued == [([story.pk], at)]
    queued.clear()
    with django_capture_on_commit_callbacks(execute=True):
        services.article_publish(article=ArticleFactory(status="review"), user=editor)
    assert queued == []  # publishing now needs no timed task


def test_scheduled_story_appears_at_its_time(
    client, editor, page_cache, django_capture_on_commit_callbacks, time_machine
):
    """A scheduled story is hidden, cached pages keep it hidden, and at its time
    the go-live task refreshes them so the front page and its page show it."""
    ArticleFactory(headline="Older story")
    story = ArticleFactory(status=Article.Status.REVIEW, headline="Timed story")
    at = timezone.now() + datetime.timedelta(seconds=1.5)
    with django_capture_on_commit_callbacks(execute=True):
        services.article_publish(article=story, user=editor, at=at)
    assert "Timed story" not in client.get("/en/").text
    assert client.get(story.get_absolute_url()).status_code == 404
    feed = client.get(reverse("articles:feed")).text
    assert "Timed story" not in feed
    time_machine.move_to(at + datetime.timedelta(seconds=1))
    # The front page and feed are still the cached copies until caches refresh.
    assert "Timed story" not in client.get("/en/").text
    tasks.article_go_live.apply(args=[story.pk])  # what the worker runs at the ETA
    assert "Timed story" in client.get("/en/").text
    assert "Timed story" in client.get(reverse("articles:feed")).text
    assert client.get(story.get_absolute_url()).status_code == 200


def test_go_live_task_for_a_rescheduled_story_changes_nothing(editor, page_cache):
    """A go-live task that fires for a story moved later leaves caches alone."""
    story = ArticleFactory(published_at=timezone.now() + datetime.timedelta(hours=1))
    before = cache.get_many([VERSION_PREFIX + edition_key("en")])
    assert services.article_went_live(article_id=story.pk) is False
    assert services.article_went_live(article_id=999_999) is False
    assert cache.get_many([VERSION_PREFIX + edition_key("en")]) == before


def test_sweep_refreshes_caches_when_a_story_went_live(
    client, page_cache, time_machine
):
    """If a go-live task is lost, the periodic sweep shows the story once its time passed."""
    services.scheduled_sweep()
    story = ArticleFactory(
        headline="Swept story",
        published_at=timezone.now() + datetime.timedelta(seconds=1),
    )
    assert "Swept story" not in client.get("/en/").text  # cached without it
    time_machine.move_to(story.published_at + datetime.timedelta(seconds=1))
    assert "Swept story" not in client.get("/en/").text  # still the cached page
    assert services.scheduled_sweep() == 1
    assert "Swept story" in client.get("/en/").text
    versions = cache.get_many([VERSION_PREFIX + edition_key("en")])
    assert services.scheduled_sweep() == 0  # nothing new: caches are left alone
    assert cache.get_many([VERSION_PREFIX + edition_key("en")]) == versions


def test_sweep_is_in_the_beat_schedule(settings):
    """Celery beat runs the sweep every minute."""
    entry = settings.CELERY_BEAT_SCHEDULE["articles-scheduled-sweep"]
    assert entry["task"] == "articles.tasks.scheduled_sweep"
    assert entry["schedule"] <= 60


def test_page_cache_serves_cached_pages_until_refreshed(client, page_cache):
    """Reader pages are served from the cache; a story changing refreshes them."""
    story = ArticleFactory(headline="First headline")
    assert "First headline" in client.get(story.get_absolute_url()).text
    Article.objects.filter(pk=story.pk).update(headline="Quietly changed")
    assert "First headline" in client.get(story.get_absolute_url()).text
    reader_pages_changed([story_key(story.pk)])
    assert "Quietly changed" in client.get(story.get_absolute_url()).text


def test_admin_save_refreshes_reader_caches(
    client, editor, page_cache, django_capture_on_commit_callbacks
):
    """Saving a story in the admin refreshes cached reader pages after commit."""
    story = ArticleFactory(headline="Before the edit")
    assert "Before the edit" in client.get("/en/").text
    editor_client = type(client)()
    editor_client.force_login(editor)
    url = reverse("admin:articles_article_change", args=[story.pk])
    with django_capture_on_commit_callbacks(execute=True):
        response = editor_client.post(url, story_form(story, headline="After the edit"))
    assert response.status_code == 302
    assert "After the edit" in client.get("/en/").text


def test_significant_update_shows_updated_time(editor_client, client):
    """A save flagged significant shows "Updated DD.MM.YYYY, HH:MM"; a typo fix does not."""
    story = ArticleFactory(published_at=timezone.now() - datetime.timedelta(hours=3))
    url = reverse("admin:articles_article_change", args=[story.pk])
    editor_client.post(url, story_form(story, body="<p>Typo fixed.</p>"))
    story.refresh_from_db()
    assert story.significant_update_at is None
    assert "Updated" not in client.get(story.get_absolute_url()).text
    editor_client.post(
        url, story_form(story, body="<p>New figures.</p>", significant_update="on")
    )
    story.refresh_from_db()
    assert story.significant_update_at is not None
    when = timezone.localtime(story.significant_update_at).strftime("%d.%m.%Y, %H:%M")
    page = client.get(story.get_absolute_url()).text
    assert '<span class="story__updated">Updated <time datetime="' in page
    assert f">{when}</time></span>" in page


def test_corrections_show_at_the_foot_newest_last(client, editor):
    """Corrections appear after the body, oldest first, escaped."""
    story = ArticleFactory(body="<p>Body text.</p>")
    services.correction_add(article=story, text="First <b>fix</b>.", user=editor)
    services.correction_add(article=story, text="Second fix.", user=editor)
    page = client.get(story.get_absolute_url()).text
    page = page[page.index("<main") :]  # the head's structured data has them too
    assert page.index("Body text.") < page.index("Corrections")
    assert page.index("First &lt;b&gt;fix&lt;/b&gt;.") < page.index("Second fix.")


def test_correction_add_checks_story_state_text_and_user(editor, reporter):
    """Corrections need a published story, some text, and an editor (or the system)."""
    draft = ArticleFactory(status=Article.Status.DRAFT)
    with pytest.raises(ValidationError):
        services.correction_add(article=draft, text="Fix", user=editor)
    story = ArticleFactory()
    with pytest.raises(ValidationError):
        services.correction_add(article=story, text="   ", user=editor)
    with pytest.raises(PermissionDenied):
        services.correction_add(article=story, text="Fix", user=reporter)
    correction = services.correction_add(article=story, text="Fix", user=None)
    assert correction.created_by is None and story.corrections.count() == 1


def test_editor_appends_a_correction_in_the_admin(editor_client, editor, client):
    """The corrections inline adds a note; existing notes are read-only."""
    story = ArticleFactory()
    url = reverse("admin:articles_article_change", args=[story.pk])
    data = story_form(
        story,
        **{
            "corrections-TOTAL_FORMS": "1",
            "corrections-0-text": "The bridge is 2 km long.",
        },
    )
    assert editor_client.post(url, data).status_code == 302
    correction = story.corrections.get()
    assert correction.created_by == editor
    story.refresh_from_db()
    page = editor_client.get(url).text
    assert 'name="corrections-0-text"' not in page  # the saved one is read-only
    assert "The bridge is 2 km long." in client.get(story.get_absolute_url()).text


def test_photo_without_alt_text_blocks_scheduling(editor):
    """Scheduling is publishing: a photo without alt text blocks it too."""
    story = ArticleFactory(status=Article.Status.REVIEW)
    ArticleImageFactory(article=story, alt_text="  ")
    with pytest.raises(ValidationError, match="alt text"):
        services.article_publish(
            article=story, user=editor, at=timezone.now() + datetime.timedelta(hours=1)
        )


@pytest.mark.redis
@pytest.mark.django_db(transaction=True)
def test_a_real_worker_shows_the_scheduled_story_at_its_time(
    redis_url, settings, wait_for
):
    """End to end on Redis: the timed task waits in a real Celery worker for its ETA,
    then refreshes the cached front page, with no command run by hand."""
    from celery.contrib.testing.worker import start_worker

    from newsroom.celery import app

    from .factories import SectionFactory

    settings.NEWSROOM_PAGE_CACHE_SECONDS = 300
    from django.test import Client

    client = Client()
    story = ArticleFactory(
        section=SectionFactory(), status=Article.Status.REVIEW, headline="Worker story"
    )
    with start_worker(app, pool="solo", perform_ping_check=False, shutdown_timeout=10):
        at = timezone.now() + datetime.timedelta(seconds=2)
        services.article_publish(article=story, at=at)  # commits: the task is queued
        assert "Worker story" not in client.get("/en/").text
        # A real worker waits for the ETA on its own clock: poll for the page.
        assert wait_for(lambda: "Worker story" in client.get("/en/").text, timeout=10)
        assert timezone.now() >= at


def test_scheduling_in_the_story_form_queues_the_go_live_task(
    editor_client, django_capture_on_commit_callbacks, monkeypatch
):
    """An editor setting a future publish time in the form also gets the timed task."""
    queued = []
    monkeypatch.setattr(
        tasks.article_go_live,
        "apply_async",
        lambda args, eta: queued.append((args, eta)),
    )
    story = ArticleFactory(status=Article.Status.REVIEW, published_at=None)
    when = timezone.localtime() + datetime.timedelta(days=1)
    data = story_form(
        story,
        status="published",
        published_at_0=when.strftime("%Y-%m-%d"),
        published_at_1=when.strftime("%H:%M:00"),
    )
    url = reverse("admin:articles_article_change", args=[story.pk])
    with django_capture_on_commit_callbacks(execute=True):
        assert editor_client.post(url, data).status_code == 302
    story.refresh_from_db()
    assert story.is_scheduled
    assert queued == [([story.pk], story.published_at)]
