"""The desk's side of error reports in the Django admin."""

from urllib.parse import urlencode

import pytest
from django.contrib.auth.models import Permission
from django.urls import reverse

from articles.models import Article
from articles.tests.factories import ArticleFactory, ArticleImageFactory, SectionFactory
from reports.models import ErrorReport
from reports.quotes import TextQuote
from reports.services import error_report_submit

pytestmark = pytest.mark.django_db

XSS = "<img src=x onerror=alert(1)>"
BODY = (
    "<p>Бірінші сөйлем. Министр <strong>Қарағанды</strong> облысына барды, "
    "сосын Қарағанды облысына қайта оралды. Соңғы сөйлем.</p>"
)
CHANGELIST = reverse("admin:reports_errorreport_changelist")


def change_url(report):
    return reverse("admin:reports_errorreport_change", args=[report.pk])


@pytest.fixture
def story(section):
    return ArticleFactory(section=section, headline="Министр сапары", body=BODY)


def report_second(story, **fields):
    """A report of the second "Қарағанды облысына", told apart only by context."""
    return error_report_submit(
        article_id=story.pk,
        part="body",
        quote=TextQuote(
            exact="Қарағанды облысына",
            prefix="облысына барды, сосын ",
            suffix=" қайта оралды. Соңғы сөйлем.",
        ),
        **fields,
    )


@pytest.fixture
def desk(client, django_user_model):
    user = django_user_model.objects.create_user(
        "editor", "editor@example.com", "pw-for-tests-only", is_staff=True
    )
    user.user_permissions.set(
        Permission.objects.filter(
            content_type__app_label__in=["articles", "reports"],
            codename__in=[
                "view_errorreport",
                "change_errorreport",
                "view_article",
                "change_article",
                # Changing a published story is an editor's right (the desk's roles).
                "publish_article",
                "add_correction",
            ],
        )
    )
    client.force_login(user)
    return client


@pytest.fixture
def triage_only(client, django_user_model):
    """Staff who may triage reports but not change stories."""
    user = django_user_model.objects.create_user("intern", is_staff=True)
    user.user_permissions.set(
        Permission.objects.filter(
            codename__in=["view_errorreport", "change_errorreport"]
        )
    )
    client.force_login(user)
    return client


def test_report_page_shows_the_quote_highlighted_in_its_sentence(desk, story):
    """The quote is marked inside its sentence of the current text."""
    report = report_second(story, suggestion="Қарағанды облысынан")
    text = desk.get(change_url(report)).text
    assert (
        '<p class="error-report-context">Министр Қарағанды облысына барды, сосын '
        "<mark>Қарағанды облысына</mark> қайта оралды.</p>"
    ) in text
    assert "Бірінші сөйлем" not in text.split("error-report-context")[1][:200]


def test_suggestion_is_shown_as_a_word_diff(desk, story):
    """Changed words are struck through and inserted; the rest is plain."""
    report = report_second(story, suggestion="Қарағанды облысынан")
    text = desk.get(change_url(report)).text
    assert (
        '<p class="error-report-diff">Қарағанды <del>облысына</del>'
        "<ins>облысынан</ins></p>"
    ) in text


def test_reader_markup_shows_as_text_in_the_admin(desk, story):
    """A comment or suggestion with markup is escaped on every admin page."""
    report = report_second(story, suggestion=XSS, comment=XSS)
    for url in (change_url(report), CHANGELIST, reverse("admin:index")):
        text = desk.get(url).text
        assert "<img src=x" not in text, url
    text = desk.get(change_url(report)).text
    assert "&lt;img src=x onerror=alert(1)&gt;" in text


def test_a_later_edit_that_removes_the_quote_is_shown(desk, story):
    """After the story is edited, an open report says its quote is no longer there."""
    report = report_second(story)
    story.body = "<p>Министр Астанаға барды.</p>"
    story.save()
    text = desk.get(change_url(report)).text
    assert "No longer in the text" in text
    assert "<mark>Қарағанды облысына</mark>" in text
    changelist = desk.get(CHANGELIST).text
    assert 'alt="False"' in changelist


def test_the_admin_index_counts_new_reports(desk, story, section):
    """The index says how many spots readers reported that are still new."""
    report_second(story)
    other = ArticleFactory(section=section, body="<p>Тағы бір қате.</p>")
    error_report_submit(
        article_id=other.pk,
        part="body",
        quote=TextQuote(exact="қате", prefix="Тағы бір ", suffix="."),
    )
    text = desk.get(reverse("admin:index")).text
    assert "2 new error reports from readers" in text
    ErrorReport.objects.filter(article=other).update(status=ErrorReport.Status.REJECTED)
    assert "1 new error report from readers" in desk.get(reverse("admin:index")).text


def test_the_list_filters_by_status_section_and_date(desk, story):
    """The list has status, section and date filters, and they narrow the list."""
    report_second(story)
    elsewhere = ArticleFactory(
        section=SectionFactory(name="Sport", slug="sport"),
        body="<p>Футбол ойыны өтті.</p>",
    )
    error_report_submit(
        article_id=elsewhere.pk,
        part="body",
        quote=TextQuote(exact="ойыны", prefix="Футбол ", suffix=" өтті."),
    )
    text = desk.get(CHANGELIST).text
    for title in ("By status", "By section", "By received"):
        assert title in text
    sport = desk.get(
        CHANGELIST + f"?article__section__id__exact={elsewhere.section_id}"
    )
    assert "ойыны" in sport.text and "Қарағанды облысына" not in sport.text
    assert desk.get(CHANGELIST + "?status__exact=fixed").context["cl"].result_count == 0
    since = urlencode({"created_at__gte": "2000-01-01 00:00:00+05:00"})
    assert desk.get(f"{CHANGELIST}?{since}").context["cl"].result_count == 2
    since = urlencode({"created_at__gte": "2100-01-01 00:00:00+05:00"})
    assert desk.get(f"{CHANGELIST}?{since}").context["cl"].result_count == 0


def test_the_list_shows_readers_and_its_query_count_is_constant(
    desk, section, django_assert_max_num_queries
):
    """Readers are counted per spot, and the list does not query per report."""
    for n in range(15):
        story = ArticleFactory(section=section, body=f"<p>Сөз {n} қате.</p>")
        for _ in range(2):
            error_report_submit(
                article_id=story.pk,
                part="body",
                quote=TextQuote(exact="қате", prefix=f"Сөз {n} ", suffix="."),
            )
    with django_assert_max_num_queries(10):
        response = desk.get(CHANGELIST)
    assert response.context["cl"].result_count == 15
    assert '<td class="field-readers">2</td>' in response.text


def apply_action(client, *reports, action="apply_suggestion"):
    return client.post(
        CHANGELIST,
        {"action": action, "_selected_action": [r.pk for r in reports]},
        follow=True,
    )


def test_apply_suggestion_changes_exactly_that_occurrence(desk, story):
    """Only the reported occurrence changes; the story is saved; the group is fixed."""
    report = report_second(story, suggestion="Қарағанды облысынан")
    member = report_second(story, suggestion="Қарағандыға", comment="басқаша")
    assert member.group == report
    response = apply_action(desk, report)
    assert "Applied 1 suggestion." in response.text
    story.refresh_from_db()
    assert story.body == BODY.replace(
        "сосын Қарағанды облысына", "сосын Қарағанды облысынан"
    )
    assert "Министр <strong>Қарағанды</strong> облысына барды" in story.body
    statuses = set(ErrorReport.objects.values_list("status", flat=True))
    assert statuses == {ErrorReport.Status.FIXED}
    report.refresh_from_db()
    assert report.resolved_by.username == "editor"


def test_apply_across_inline_tags_from_the_change_page(desk, story):
    """The change page's button applies a quote that crosses <strong>."""
    report = error_report_submit(
        article_id=story.pk,
        part="body",
        quote=TextQuote(
            exact="Қарағанды облысына барды",
            prefix="Бірінші сөйлем. Министр ",
            suffix=", сосын Қарағанды облысына қайт",
        ),
        suggestion="Қарағанды облысына келді",
    )
    page = desk.get(change_url(report))
    assert "Apply suggestion" in page.text
    url = reverse("admin:reports_errorreport_apply", args=[report.pk])
    response = desk.post(url, follow=True)
    assert "The suggestion is in the story." in response.text
    story.refresh_from_db()
    assert "Министр <strong>Қарағанды</strong> облысына келді, сосын" in story.body
    assert desk.get(url).status_code == 403  # only POST changes stories


def test_apply_to_a_caption_and_a_headline(desk, story):
    """Captions and headlines are corrected too, through the normal save."""
    photo = ArticleImageFactory(article=story, caption="Министр Қарағандыда")
    caption = error_report_submit(
        article_id=story.pk,
        part="caption-1",
        quote=TextQuote(exact="Қарағандыда", prefix="Министр ", suffix=""),
        suggestion="Қарағандыда, 2024",
    )
    headline = error_report_submit(
        article_id=story.pk,
        part="headline",
        quote=TextQuote(exact="сапары", prefix="Министр ", suffix=""),
        suggestion="сапарда",
    )
    apply_action(desk, caption, headline)
    photo.refresh_from_db()
    story.refresh_from_db()
    assert photo.caption == "Министр Қарағандыда, 2024"
    assert story.headline == "Министр сапарда"


def test_apply_refuses_when_the_quote_is_gone(desk, story):
    """A quote removed by a later edit is not applied; the desk is told why."""
    report = report_second(story, suggestion="Қарағандыға")
    Article.objects.filter(pk=story.pk).update(body="<p>Бәрі басқаша.</p>")
    response = apply_action(desk, report)
    assert "no longer in the story" in response.text
    report.refresh_from_db()
    assert report.status == ErrorReport.Status.NEW


def test_apply_refuses_a_suggestion_too_long_for_the_field(desk, story):
    """A headline that would exceed its length is refused with the field's message."""
    report = error_report_submit(
        article_id=story.pk,
        part="headline",
        quote=TextQuote(exact="сапары", prefix="Министр ", suffix=""),
        suggestion="ұ" * 300,
    )
    response = apply_action(desk, report)
    assert response.status_code == 200
    assert "at most 255 characters" in response.text
    story.refresh_from_db()
    assert story.headline == "Министр сапары"


def test_apply_without_a_suggestion_is_refused(desk, story):
    """A report with no suggestion has nothing to apply."""
    report = report_second(story)
    response = apply_action(desk, report)
    assert "has no suggested correction" in response.text
    assert "Apply suggestion</button>" not in desk.get(change_url(report)).text


def test_only_staff_who_may_change_the_story_can_apply(triage_only, story):
    """Staff without the right to change stories cannot apply, but can triage."""
    report = report_second(story, suggestion="Қарағанды облысынан")
    response = apply_action(triage_only, report)
    assert "You may not change the story" in response.text
    story.refresh_from_db()
    assert story.body == BODY
    page = triage_only.get(change_url(report)).text
    assert "Apply suggestion</button>" not in page
    url = reverse("admin:reports_errorreport_apply", args=[report.pk])
    triage_only.post(url)
    story.refresh_from_db()
    assert story.body == BODY
    apply_action(triage_only, report, action="reject")
    report.refresh_from_db()
    assert report.status == ErrorReport.Status.REJECTED


@pytest.mark.parametrize(
    ("action", "status"),
    [("mark_fixed", ErrorReport.Status.FIXED), ("reject", ErrorReport.Status.REJECTED)],
)
def test_mark_fixed_and_reject_resolve_the_whole_group(desk, story, action, status):
    """Marking a spot fixed or rejected marks every report of it."""
    report = report_second(story, suggestion="а")
    report_second(story, suggestion="б")
    apply_action(desk, report, action=action)
    assert set(ErrorReport.objects.values_list("status", flat=True)) == {status}
    story.refresh_from_db()
    assert story.body == BODY


def test_changing_the_status_in_the_form_moves_the_group(desk, story):
    """Setting a status on the change form applies to the reports of the same spot."""
    report = report_second(story, suggestion="а")
    report_second(story, suggestion="б")
    response = desk.post(change_url(report), {"status": "duplicate"})
    assert response.status_code == 302
    assert set(ErrorReport.objects.values_list("status", flat=True)) == {"duplicate"}


def test_the_desk_cannot_add_reports(desk):
    """Reports come from readers only."""
    assert desk.get(reverse("admin:reports_errorreport_add")).status_code == 403


def test_applying_with_the_tick_adds_a_public_correction(desk, story, client):
    """Ticking "add a correction" appends a correction note that readers see."""
    report = report_second(story, suggestion="Қарағанды облысынан")
    page = desk.get(change_url(report))
    assert "Also add a public correction note" in page.text
    url = reverse("admin:reports_errorreport_apply", args=[report.pk])
    note = "An earlier version named the wrong region."
    desk.post(url, {"add_correction": "1", "correction": note}, follow=True)
    assert [c.text for c in story.corrections.all()] == [note]
    assert note in client.get(story.get_absolute_url()).text


def test_applying_without_the_tick_adds_no_correction(desk, story):
    """A plain typo fix leaves no public correction note."""
    report = report_second(story, suggestion="Қарағанды облысынан")
    url = reverse("admin:reports_errorreport_apply", args=[report.pk])
    desk.post(url, {"correction": "ignored without the tick"}, follow=True)
    report.refresh_from_db()
    assert report.status == ErrorReport.Status.FIXED
    assert not story.corrections.exists()


def test_links_to_the_reports_old_admin_address_still_arrive(desk, story):
    """E-mail sent before reports had an app of their own links to /admin/articles/."""
    report = report_second(story)
    old = f"/admin/articles/errorreport/{report.pk}/change/?_changelist_filters=x"
    response = desk.get(old)
    assert response.status_code == 302
    assert response["Location"] == change_url(report) + "?_changelist_filters=x"
    assert desk.get(response["Location"]).status_code == 200


def test_the_queue_shows_and_filters_by_the_storys_language(admin_client, story):
    """A report carries its story's language: a column and a filter of the queue."""
    report_second(story)
    russian = ArticleFactory(language="ru", headline="Визит министра", body=BODY)
    report_second(russian)
    response = admin_client.get(CHANGELIST, {"article__language__exact": "ru"})
    assert [r.article_id for r in response.context["cl"].result_list] == [russian.pk]
    assert "Русский" in response.text


def test_applying_a_suggestion_keeps_the_search_index_current(desk, story):
    """After a reader's correction is applied, search finds the new words, not the old."""
    from articles.search import Query, search_stories

    def finds(word):
        return list(
            search_stories(
                Article.objects.all(), Query.parse(word), languages=[story.language]
            )
        )

    assert finds("Қарағанды") == [story]
    apply_action(desk, report_second(story, suggestion="Павлодар облысына"))
    assert finds("Павлодар") == [story]
