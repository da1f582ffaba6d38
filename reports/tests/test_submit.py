"""The readers' error-report endpoint: what it stores, and every way it says no."""

import datetime
import json
import unicodedata

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from articles.models import Article
from articles.tests.factories import ArticleFactory, ArticleImageFactory
from newsroom.visitors import daily_salt
from reports.models import ErrorReport

pytestmark = pytest.mark.django_db

URL = "/error-reports/"
BODY = (
    "<p>Үкімет отырысында министр <strong>ауыл шаруашылығы</strong> туралы айтты. "
    "Министр ауыл шаруашылығы саласына жаңа бағдарлама ұсынды.</p>"
)
XSS = "<img src=x onerror=alert(1)>"


class Reader:
    """A reader's browser: gets the CSRF token as the script does, then posts JSON."""

    def __init__(self, ip="203.0.113.10", agent="Mozilla/5.0 (reader)"):
        self.client = Client(
            enforce_csrf_checks=True, REMOTE_ADDR=ip, HTTP_USER_AGENT=agent
        )
        self.token = None

    def fetch_token(self):
        response = self.client.get(reverse("reports:token"))
        self.token = response.json()["csrfToken"]
        return response

    def post(self, payload=None, *, raw=None, content_type="application/json", **extra):
        if self.token is None:
            self.fetch_token()
        extra.setdefault("HTTP_X_CSRFTOKEN", self.token)
        data = raw if raw is not None else json.dumps(payload)
        return self.client.post(URL, data=data, content_type=content_type, **extra)


@pytest.fixture
def reader():
    return Reader()


@pytest.fixture
def story(section):
    return ArticleFactory(
        section=section,
        headline="Министр ауыл шаруашылығы туралы",
        lead="Қысқаша мазмұны.",
        body=BODY,
    )


def report_for(story, exact="ауыл шаруашылығы", occurrence=0, part="body", **fields):
    """The payload the script sends for the n-th occurrence of `exact` in a part."""
    from reports.quotes import Document, Span

    document = (
        Document.from_html(story.body)
        if part == "body"
        else Document.from_plain(getattr(story, part))
    )
    start = -1
    for _ in range(occurrence + 1):
        start = document.text.index(exact, start + 1)
    quote = document.quote_at(Span(start, start + len(exact)))
    payload = {
        "article": story.pk,
        "part": part,
        "exact": quote.exact,
        "prefix": quote.prefix,
        "suffix": quote.suffix,
    }
    payload.update(fields)
    return payload


def test_a_report_is_stored_and_thanked(reader, story):
    """A valid report answers 201 with a message and is stored as sent."""
    response = reader.post(
        report_for(story, suggestion="ауыл-шаруашылығы", comment="Дефис керек")
    )
    assert response.status_code == 201
    assert response.json()["message"] == "Thank you! The editors will look at it."
    report = ErrorReport.objects.get()
    assert (report.article, report.part, report.exact) == (
        story,
        "body",
        "ауыл шаруашылығы",
    )
    assert report.prefix == "Үкімет отырысында министр "
    assert report.suffix == " туралы айтты. Министр ауыл шару"
    assert (report.suggestion, report.comment) == ("ауыл-шаруашылығы", "Дефис керек")
    assert (report.status, report.count) == (ErrorReport.Status.NEW, 1)


def test_text_is_normalized_nfc_with_collapsed_white_space(reader, story):
    """Decomposed letters are composed, white space runs collapse, ends are trimmed."""
    payload = report_for(story)
    payload["exact"] = unicodedata.normalize("NFD", "  ауыл \n шаруашылығы\t")
    payload["comment"] = unicodedata.normalize("NFD", " Қате\u00a0\u00a0 бар \x00 ")
    payload["suggestion"] = "ауыл\tшаруашылығының"
    assert reader.post(payload).status_code == 201
    report = ErrorReport.objects.get()
    assert report.exact == "ауыл шаруашылығы"
    assert report.comment == "Қате бар"
    assert unicodedata.is_normalized("NFC", report.comment)
    assert report.suggestion == "ауыл шаруашылығының"


def test_a_stale_page_still_reports_the_spot_with_the_current_context(reader, story):
    """One side of the context may be out of date; the stored context is today's."""
    payload = report_for(story)
    payload["prefix"] = "ескі мәтін "
    assert reader.post(payload).status_code == 201
    assert ErrorReport.objects.get().prefix == "Үкімет отырысында министр "


def test_a_suggestion_equal_to_the_quote_is_no_suggestion(reader, story):
    """The dialog pre-fills the quote; sent back unchanged it suggests nothing."""
    assert (
        reader.post(report_for(story, suggestion="ауыл шаруашылығы")).status_code == 201
    )
    assert ErrorReport.objects.get().suggestion == ""


def test_a_caption_is_quoted_and_its_photo_remembered(reader, story):
    """caption-N is the N-th photo's caption; the report keeps which photo it was."""
    ArticleImageFactory(article=story, caption="Бірінші сурет", order=0)
    second = ArticleImageFactory(article=story, caption="Министр Алматыда", order=1)
    payload = {
        "article": story.pk,
        "part": "caption-2",
        "exact": "Алматыда",
        "prefix": "Министр ",
        "suffix": "",
    }
    assert reader.post(payload).status_code == 201
    assert ErrorReport.objects.get().image == second


def test_comment_with_markup_is_stored_as_plain_text(reader, story):
    """Markup in a comment is kept as the characters the reader typed."""
    assert (
        reader.post(report_for(story, comment=XSS, suggestion=XSS)).status_code == 201
    )
    report = ErrorReport.objects.get()
    assert report.comment == XSS and report.suggestion == XSS


# --- Every kind of bad input -------------------------------------------------------


def bad(response, field=None):
    assert response.status_code == 400, response.content
    payload = response.json()
    assert payload["error"]
    if field:
        assert payload["field"] == field
    return payload["error"]


@pytest.mark.parametrize(
    ("change", "field", "message"),
    [
        ({"exact": ""}, "exact", "the quote is empty"),
        ({"exact": " \n\t\u00a0 "}, "exact", "the quote is empty"),
        ({"exact": None}, "exact", "the quote is empty"),
        ({"exact": "қ" * 301}, "exact", "at most 300 characters"),
        ({"exact": 42}, "exact", "must be text"),
        ({"exact": ["ауыл"]}, "exact", "must be text"),
        ({"exact": "\ud800ауыл"}, "exact", "not valid Unicode"),
        ({"prefix": "ә" * 33}, "prefix", "at most 32 characters"),
        ({"suffix": "ү" * 33}, "suffix", "at most 32 characters"),
        ({"suffix": {"a": 1}}, "suffix", "must be text"),
        ({"suggestion": "ғ" * 1001}, "suggestion", "at most 1000 characters"),
        ({"comment": "ң" * 1001}, "comment", "at most 1000 characters"),
        ({"comment": 3.5}, "comment", "must be text"),
        ({"article": "1"}, "article", "must be the story's id"),
        ({"article": True}, "article", "must be the story's id"),
        ({"article": None}, "article", "must be the story's id"),
        ({"article": 1.5}, "article", "must be the story's id"),
        ({"article": 0}, "article", "no such story"),
        ({"article": -3}, "article", "no such story"),
        ({"article": 10**30}, "article", "no such story"),
        ({"article": 2**63 - 1}, "article", "no such story"),
        ({"part": "footer"}, "part", "headline, lead, body or caption-N"),
        ({"part": "caption-0"}, "part", "headline, lead, body or caption-N"),
        ({"part": None}, "part", "headline, lead, body or caption-N"),
        ({"part": "caption-3"}, "part", "no such part"),
        ({"part": "headline"}, "exact", "not found in the story"),
        ({"exact": "ауыл шаруашылығы жоқ"}, "exact", "not found in the story"),
        (
            {"prefix": "Басқа мәтін ", "suffix": " басқа мәтін"},
            "exact",
            "not found in the story",
        ),
    ],
)
def test_bad_fields_are_400_with_a_message(reader, story, change, field, message):
    """Each bad field gets a 400 naming the field and saying what is wrong."""
    payload = {**report_for(story), **change}
    assert message in bad(reader.post(payload), field)
    assert not ErrorReport.objects.exists()


def test_missing_article_is_400(reader, story):
    """A report that names no story is refused."""
    payload = report_for(story)
    del payload["article"]
    bad(reader.post(payload), "article")


@pytest.mark.parametrize(
    "status_and_time",
    [
        {"status": Article.Status.DRAFT, "published_at": None},
        {
            "status": Article.Status.PUBLISHED,
            "published_at": timezone.now() + datetime.timedelta(hours=2),
        },
    ],
    ids=["draft", "scheduled"],
)
def test_stories_readers_cannot_see_are_unknown(reader, story, status_and_time):
    """Drafts and scheduled stories are 'no such story', as for any unknown id."""
    Article.objects.filter(pk=story.pk).update(**status_and_time)
    assert "no such story" in bad(reader.post(report_for(story)), "article")


def test_part_without_text_is_400(reader, section):
    """A story without a lead cannot be quoted in its lead."""
    story = ArticleFactory(section=section, lead="")
    payload = {"article": story.pk, "part": "lead", "exact": "x"}
    assert "no such part" in bad(reader.post(payload), "part")


@pytest.mark.parametrize(
    ("raw", "content_type", "message"),
    [
        ("{not json", "application/json", "not valid JSON"),
        ("  ", "application/json", "not valid JSON"),
        (b"\xff\xfe\xfa", "application/json", "not valid JSON"),
        ("[" * 5000 + "]" * 5000, "application/json", "not valid JSON"),
        ('["a list"]', "application/json", "must be a JSON object"),
        ('"a string"', "application/json", "must be a JSON object"),
        ("null", "application/json", "must be a JSON object"),
        ("exact=x&part=body", "application/x-www-form-urlencoded", "application/json"),
        ('{"exact": "x"}', "text/plain", "application/json"),
        ('{"exact": "x"}', "multipart/form-data; boundary=x", "application/json"),
        ('{"comment": "' + "x" * 17000 + '"}', "application/json", "too large"),
    ],
    ids=[
        "malformed",
        "empty",
        "not-utf8",
        "deep-nesting",
        "array",
        "string",
        "null",
        "form",
        "text-plain",
        "multipart",
        "too-large",
    ],
)
def test_bad_bodies_are_400(reader, story, raw, content_type, message):
    """Malformed JSON, a wrong content type or an oversized body is a clear 400."""
    response = reader.post(raw=raw, content_type=content_type)
    assert message in bad(response)


def test_json_with_charset_is_accepted(reader, story):
    """application/json; charset=utf-8 is JSON too."""
    response = reader.post(
        raw=json.dumps(report_for(story)),
        content_type="application/json; charset=utf-8",
    )
    assert response.status_code == 201


def test_other_methods_are_405(reader, story):
    """GET, PUT and DELETE are 405 with an Allow header."""
    response = reader.client.get(URL)
    assert response.status_code == 405
    assert response["Allow"] == "POST"
    assert response.json()["error"]
    reader.fetch_token()
    for method in (reader.client.put, reader.client.delete, reader.client.patch):
        response = method(
            URL,
            data=json.dumps(report_for(story)),
            content_type="application/json",
            HTTP_X_CSRFTOKEN=reader.token,
        )
        assert response.status_code == 405


def test_without_a_csrf_token_it_is_403_json(story):
    """No token, or a wrong one, is 403 with a message the dialog can show."""
    client = Client(enforce_csrf_checks=True)
    response = client.post(URL, json.dumps(report_for(story)), "application/json")
    assert response.status_code == 403
    assert "Reload the page" in response.json()["error"]
    client.get(reverse("reports:token"))
    response = client.post(
        URL,
        json.dumps(report_for(story)),
        "application/json",
        HTTP_X_CSRFTOKEN="x" * 64,
    )
    assert response.status_code == 403
    assert not ErrorReport.objects.exists()


def test_token_endpoint_is_never_cached_and_story_pages_set_no_cookie(client, story):
    """The token comes from its own uncached answer; the cacheable page sets no cookie."""
    page = client.get(story.get_absolute_url())
    assert "csrftoken" not in page.cookies
    assert "Set-Cookie" not in page
    assert 'data-token-url="/error-reports/token/"' in page.text
    response = client.get(reverse("reports:token"))
    assert len(response.json()["csrfToken"]) == 64
    assert "csrftoken" in response.cookies
    assert "no-store" in response["Cache-Control"]


def test_honeypot_submissions_are_thanked_and_dropped(reader, story):
    """A filled honeypot gets the same 201 and nothing is stored."""
    response = reader.post(report_for(story, website="http://spam.example"))
    assert response.status_code == 201
    assert response.json()["message"] == "Thank you! The editors will look at it."
    assert not ErrorReport.objects.exists()


# --- Rate limit ------------------------------------------------------------------


def test_sixth_report_in_ten_minutes_is_429_with_retry_after(reader, story, settings):
    """Five reports pass; the sixth from the same visitor is 429 with Retry-After."""
    assert settings.NEWSROOM_ERROR_REPORT_RATE_LIMIT == 5
    assert settings.NEWSROOM_ERROR_REPORT_RATE_WINDOW == 600
    for _ in range(5):
        assert reader.post(report_for(story)).status_code == 201
    response = reader.post(report_for(story))
    assert response.status_code == 429
    assert 1 <= int(response["Retry-After"]) <= 600
    assert "try again later" in response.json()["error"]
    assert ErrorReport.objects.get().count == 5
    other = Reader(ip="198.51.100.20")
    assert other.post(report_for(story)).status_code == 201


def test_forged_forwarded_for_does_not_escape_the_limit(story, settings):
    """Without trusted proxies, a new X-Forwarded-For each time is the same visitor."""
    settings.NEWSROOM_TRUSTED_PROXIES = 0
    settings.NEWSROOM_ERROR_REPORT_RATE_LIMIT = 2
    reader = Reader()
    codes = [
        reader.post(report_for(story), HTTP_X_FORWARDED_FOR=f"192.0.2.{n}").status_code
        for n in range(3)
    ]
    assert codes == [201, 201, 429]


def test_behind_a_trusted_proxy_readers_are_told_apart(story, settings):
    """Behind one trusted proxy, two readers' addresses have their own limits."""
    settings.NEWSROOM_TRUSTED_PROXIES = 1
    settings.NEWSROOM_ERROR_REPORT_RATE_LIMIT = 1
    proxy = Reader(ip="10.0.0.2")
    first = proxy.post(report_for(story), HTTP_X_FORWARDED_FOR="198.51.100.1")
    again = proxy.post(report_for(story), HTTP_X_FORWARDED_FOR="198.51.100.1")
    second = proxy.post(report_for(story), HTTP_X_FORWARDED_FOR="198.51.100.2")
    assert [first.status_code, again.status_code, second.status_code] == [
        201,
        429,
        201,
    ]


def test_rate_limit_uses_the_shared_cache(reader, story, settings, redis_url):
    """In production the counter is in Redis, so every web process shares it."""
    import redis

    assert "redis" in settings.CACHES["default"]["BACKEND"].lower()
    reader.post(report_for(story))
    server = redis.Redis.from_url(settings.CACHES["default"]["LOCATION"])
    keys = server.keys(f"{settings.CACHE_KEY_PREFIX}:*ratelimit:error-reports:*")
    assert len(keys) == 2  # one for the visitor, one for the network address


# --- Grouping ----------------------------------------------------------------------


def test_identical_reports_group_with_a_count(story):
    """The same quote in the same place from three readers is one report, count 3."""
    for n in range(3):
        response = Reader(ip=f"198.51.100.{n}").post(report_for(story))
        assert response.status_code == 201
    report = ErrorReport.objects.get()
    assert report.count == 3


def test_other_suggestions_join_the_spot_without_losing_anything(story):
    """A different suggestion or comment for the same spot is kept, in its group."""
    Reader(ip="198.51.100.1").post(report_for(story, suggestion="ауыл-шаруашылығы"))
    Reader(ip="198.51.100.2").post(report_for(story, suggestion="ауыл-шаруашылығы"))
    Reader(ip="198.51.100.3").post(report_for(story, comment="Сызықша керек"))
    Reader(ip="198.51.100.4").post(report_for(story))
    head = ErrorReport.objects.heads().get()
    assert head.count == 3  # two with the same suggestion, one with nothing new
    member = head.members.get()
    assert (member.comment, member.status, member.count) == (
        "Сызықша керек",
        ErrorReport.Status.DUPLICATE,
        1,
    )


def test_the_same_words_elsewhere_are_another_report(story):
    """The same phrase at its second occurrence is a different spot."""
    Reader(ip="198.51.100.1").post(report_for(story, occurrence=0))
    Reader(ip="198.51.100.2").post(report_for(story, occurrence=1))
    assert ErrorReport.objects.heads().count() == 2


def test_a_resolved_spot_reported_again_opens_a_new_report(story):
    """After the desk rejects a report, a new report of the spot is new again."""
    Reader(ip="198.51.100.1").post(report_for(story))
    ErrorReport.objects.update(status=ErrorReport.Status.REJECTED)
    Reader(ip="198.51.100.2").post(report_for(story))
    assert ErrorReport.objects.open().count() == 1
    assert ErrorReport.objects.count() == 2


def test_a_report_costs_a_fixed_number_of_queries(story, django_assert_max_num_queries):
    """Filing a report, new or grouped, takes a handful of queries."""
    first, second = Reader(ip="198.51.100.1"), Reader(ip="198.51.100.2")
    first.fetch_token()
    second.fetch_token()
    daily_salt()  # read once a day per process, not per report
    # Each includes one for the story's language, which the answer is in.
    with django_assert_max_num_queries(8):
        assert first.post(report_for(story)).status_code == 201
    with django_assert_max_num_queries(6):
        assert second.post(report_for(story)).status_code == 201


def test_the_database_keeps_one_open_report_per_spot(story):
    """Two readers' first reports of a spot at once cannot both open it."""
    from django.db import IntegrityError, transaction

    spot = {
        "article": story,
        "part": "body",
        "exact": "ауыл",
        "prefix": "",
        "suffix": "",
    }
    ErrorReport.objects.create(**spot)
    with pytest.raises(IntegrityError), transaction.atomic():
        ErrorReport.objects.create(**spot)
    ErrorReport.objects.create(**spot, status=ErrorReport.Status.REJECTED)
    assert ErrorReport.objects.count() == 2


def test_a_new_user_agent_each_time_buys_nothing(story, settings):
    """Past the per-address cap, changing the user agent on every report is refused."""
    settings.NEWSROOM_ERROR_REPORT_RATE_LIMIT = 5
    settings.NEWSROOM_ERROR_REPORT_RATE_LIMIT_PER_ADDRESS = 8
    codes = [
        Reader(agent=f"Mozilla/5.0 (reader {n})").post(report_for(story)).status_code
        for n in range(10)
    ]
    assert codes == [201] * 8 + [429] * 2
    assert ErrorReport.objects.get().count == 8
    assert Reader(ip="198.51.100.20").post(report_for(story)).status_code == 201


def test_an_ipv6_slash_64_is_one_address(story, settings):
    """Addresses within one IPv6 /64 share the per-address cap; another /64 does not."""
    settings.NEWSROOM_ERROR_REPORT_RATE_LIMIT_PER_ADDRESS = 2
    codes = [
        Reader(ip=f"2001:db8:1:2::{n:x}", agent=f"UA {n}")
        .post(report_for(story))
        .status_code
        for n in range(1, 4)
    ]
    assert codes == [201, 201, 429]
    other = Reader(ip="2001:db8:1:3::1")
    assert other.post(report_for(story)).status_code == 201


def test_a_broker_outage_does_not_fail_a_stored_report(
    reader, story, monkeypatch, django_capture_on_commit_callbacks
):
    """When queueing the desk's e-mail fails, the reader still gets 201 and the report stays."""
    from kombu.exceptions import OperationalError

    from reports import tasks

    def broker_down(*args, **kwargs):
        raise OperationalError("Error 111 connecting to the broker")

    monkeypatch.setattr(tasks.notify_desk, "delay", broker_down)
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        response = reader.post(report_for(story))
    assert len(callbacks) == 1
    assert response.status_code == 201
    assert ErrorReport.objects.filter(article=story).exists()
