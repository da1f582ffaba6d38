"""Telling the desk: one plain-text e-mail per story per interval, after commit."""

import datetime

import pytest
from django.core import mail
from django.db import transaction
from django.utils import timezone

from articles.tests.factories import ArticleFactory
from reports import tasks
from reports.models import ErrorReport
from reports.quotes import TextQuote
from reports.services import error_report_submit

pytestmark = pytest.mark.django_db

XSS = "<img src=x onerror=alert(1)>"


@pytest.fixture(autouse=True)
def _desk(settings, celery_eager):
    settings.NEWSROOM_ERROR_REPORT_RECIPIENTS = ["desk@example.com"]
    settings.NEWSROOM_SITE_URL = "https://news.example"
    settings.NEWSROOM_ERROR_REPORT_NOTIFY_INTERVAL = 600


@pytest.fixture
def story(section):
    return ArticleFactory(
        section=section,
        language="kk",
        headline="Жаңа көпір\nашылды",
        body="<p>Павлодарда Ертіс өзені арқылы жаңа көпір ашылды. Ұзындығы 800 метр.</p>",
    )


def submit(story, exact, prefix, suffix, **fields):
    return error_report_submit(
        article_id=story.pk,
        part="body",
        quote=TextQuote(exact=exact, prefix=prefix, suffix=suffix),
        **fields,
    )


def report_bridge(story, **fields):
    return submit(
        story, "Ертіс", "Павлодарда ", " өзені арқылы жаңа көпір ашылды.", **fields
    )


def report_length(story, **fields):
    return submit(story, "800 метр", "көпір ашылды. Ұзындығы ", ".", **fields)


def test_the_first_report_e_mails_the_desk_in_plain_text(
    story, django_capture_on_commit_callbacks
):
    """One report: one plain-text e-mail with the quote, fix, comment and admin link."""
    with django_capture_on_commit_callbacks(execute=True):
        report = report_bridge(story, suggestion="Ертіс (Иртыш)", comment=XSS)
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["desk@example.com"]
    assert message.subject == "[KK] [Steppe Wire] 1 error report: Жаңа көпір ашылды"
    assert message.alternatives == []
    assert message.content_subtype == "plain"
    assert "…Павлодарда [Ертіс] өзені арқылы жаңа көпір ашылды.…" in message.body
    assert "Suggested: Ертіс (Иртыш)" in message.body
    assert "Edition: Қазақша" in message.body  # the story's language
    assert f"Comment: {XSS}" in message.body
    assert (
        f"https://news.example/admin/reports/errorreport/{report.pk}/change/"
        in message.body
    )
    assert f"https://news.example{story.get_absolute_url()}" in message.body
    report.refresh_from_db()
    assert report.notified_at is not None and report.notified_count == 1


def test_the_task_is_queued_only_after_commit(
    story, django_capture_on_commit_callbacks
):
    """Nothing is sent while the report's transaction is open, or if it rolls back."""
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        report_bridge(story)
    assert len(callbacks) == 1
    assert mail.outbox == []
    callbacks[0]()
    assert len(mail.outbox) == 1

    mail.outbox.clear()
    with (
        django_capture_on_commit_callbacks(execute=True) as callbacks,
        pytest.raises(RuntimeError),
        transaction.atomic(),
    ):
        report_length(story)
        raise RuntimeError("the request failed after the report")
    assert callbacks == []
    assert mail.outbox == []
    assert not ErrorReport.objects.filter(exact="800 метр").exists()


def test_reports_within_the_interval_wait_for_one_e_mail(
    story, django_capture_on_commit_callbacks
):
    """Later reports in the interval send nothing; once it is over, one e-mail lists them."""
    with django_capture_on_commit_callbacks(execute=True):
        report_bridge(story)
    with django_capture_on_commit_callbacks(execute=True):
        report_length(story, suggestion="800 метр шамасында")
        report_bridge(story)  # a second reader of the first spot
    assert len(mail.outbox) == 1

    tasks.notify_desk_pending.delay()  # beat, still within the interval
    assert len(mail.outbox) == 1

    ErrorReport.objects.update(
        notified_at=timezone.now() - datetime.timedelta(minutes=11)
    )
    tasks.notify_desk_pending.delay()  # beat, the interval is over
    assert len(mail.outbox) == 2
    second = mail.outbox[1]
    assert second.subject == "[KK] [Steppe Wire] 2 error reports: Жаңа көпір ашылды"
    assert "1. body, 2 readers" in second.body
    assert "[Ертіс]" in second.body
    assert "2. body, 1 reader" in second.body
    assert "Suggested: 800 метр шамасында" in second.body

    tasks.notify_desk_pending.delay()
    ErrorReport.objects.update(
        notified_at=timezone.now() - datetime.timedelta(minutes=11)
    )
    tasks.notify_desk_pending.delay()
    assert len(mail.outbox) == 2  # nothing new arrived


def test_each_story_has_its_own_interval(section, django_capture_on_commit_callbacks):
    """A report on another story is e-mailed at once, not held by the first story's."""
    first = ArticleFactory(section=section, body="<p>Бір қате сөз бар.</p>")
    second = ArticleFactory(section=section, body="<p>Екі қате сөз бар.</p>")
    with django_capture_on_commit_callbacks(execute=True):
        submit(first, "қате", "Бір ", " сөз бар.")
        submit(second, "қате", "Екі ", " сөз бар.")
    assert len(mail.outbox) == 2


def test_the_section_editors_get_it_when_set(
    story, django_user_model, django_capture_on_commit_callbacks
):
    """A section with editors sends to them instead of the newsroom's list."""
    editor = django_user_model.objects.create_user("aigerim", "aigerim@example.com")
    django_user_model.objects.create_user("no-mail", "")
    django_user_model.objects.create_user("gone", "gone@example.com", is_active=False)
    story.section.editors.add(*django_user_model.objects.all())
    with django_capture_on_commit_callbacks(execute=True):
        report_bridge(story)
    assert mail.outbox[0].to == [editor.email]


def test_a_deleted_report_is_skipped(story):
    """The task does nothing for a report deleted before it ran."""
    report = report_bridge(story)
    report.delete()
    tasks.notify_desk.delay(report.pk)
    assert mail.outbox == []


def test_without_recipients_nothing_is_sent_and_nothing_lost(
    story, settings, django_capture_on_commit_callbacks
):
    """With no one to tell, no e-mail goes out, and the report stays in the admin."""
    settings.NEWSROOM_ERROR_REPORT_RECIPIENTS = []
    with django_capture_on_commit_callbacks(execute=True):
        report_bridge(story)
    assert mail.outbox == []
    assert ErrorReport.objects.open().count() == 1


def test_a_quote_from_the_latin_page_is_filed_in_cyrillic(story):
    """A reader of /kk-latn/ quotes Latin; the report holds the stored Cyrillic."""
    from articles.translit import to_latin

    report = submit(
        story,
        to_latin("Ертіс"),
        to_latin("Павлодарда "),
        to_latin(" өзені арқылы"),
    )
    assert (report.exact, report.prefix, report.suffix[:13]) == (
        "Ертіс",
        "Павлодарда ",
        " өзені арқылы",
    )
