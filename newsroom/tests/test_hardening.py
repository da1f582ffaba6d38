"""What an attacker sends: refused with a 4xx, never a 500; the headers every page carries."""

import io
import json
import logging

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from PIL import Image

from .wsgi import call, wsgi_app

pytestmark = pytest.mark.django_db


@pytest.fixture
def app():
    with wsgi_app() as app:
        yield app


# --- Charsets and bad requests -----------------------------------------------------


@pytest.mark.parametrize("charset", ["rot13", "base64", "uu", "zlib", "hex", "bz2"])
def test_a_codec_that_is_no_text_encoding_is_a_400(app, charset):
    """Content-Type charset=rot13 (or base64, uu, zlib) with a query string is a 400."""
    answer = call(
        app,
        path="/en/search/",
        query=b"q=steppe",
        headers={"Content-Type": f"text/plain; charset={charset}"},
    )
    assert answer.status == 400
    assert b"charset is not accepted" in answer.body


@pytest.mark.parametrize("charset", ["utf-16", "latin-1", "no-such-charset"])
def test_a_form_post_in_another_charset_with_a_csrf_cookie_is_a_400(app, charset):
    """A form POST with a non-UTF-8 charset and a CSRF cookie is a 400, not a 500."""
    for path in ["/admin/login/", "/error-reports/", "/en/search/"]:
        answer = call(
            app,
            method="POST",
            path=path,
            query=b"next=/admin/",
            headers={
                "Content-Type": f"application/x-www-form-urlencoded; charset={charset}",
                "Cookie": "csrftoken=" + "a" * 32,
            },
            body="csrfmiddlewaretoken=ä&username=é".encode("utf-16"),
        )
        assert answer.status == 400, path


def test_utf_8_is_accepted(app):
    """UTF-8, the site's own charset, is read as usual."""
    answer = call(
        app,
        path="/en/search/",
        query=b"q=%D0%B0%D1%83%D1%8B%D0%BB",
        headers={"Content-Type": "text/plain; charset=UTF-8"},
    )
    assert answer.status == 200
    assert "ауыл".encode() in answer.body


def test_a_disallowed_host_is_a_400_page(app):
    """A forged Host header (SuspiciousOperation) ends as a 400 page."""
    answer = call(app, path="/", headers={"Host": "evil.example"})
    assert answer.status == 400
    assert b"Bad request" in answer.body


# --- Headers -----------------------------------------------------------------------


def test_reader_pages_send_a_strict_policy(client):
    """Pages carry an enforced CSP without unsafe-inline or eval, and a Permissions-Policy."""
    response = client.get("/en/")
    policy = dict(
        part.strip().split(" ", 1)
        for part in response["Content-Security-Policy"].split(";")
    )
    assert policy["default-src"] == "'self'"
    assert "'unsafe-inline'" not in response["Content-Security-Policy"]
    assert "'unsafe-eval'" not in response["Content-Security-Policy"]
    assert policy["object-src"] == "'none'"
    assert policy["base-uri"] == "'none'"
    assert policy["frame-ancestors"] == "'none'"
    assert policy["report-uri"] == "/csp-report/"
    assert "Content-Security-Policy-Report-Only" not in response
    permissions = response["Permissions-Policy"]
    for feature in ["camera", "microphone", "geolocation", "payment", "usb"]:
        assert f"{feature}=()" in permissions


def test_a_violation_report_is_logged(client, caplog):
    """A browser's CSP report is answered 204 and logged."""
    report = {
        "csp-report": {
            "document-uri": "https://news.example/",
            "violated-directive": "script-src-elem",
            "blocked-uri": "inline",
        }
    }
    with caplog.at_level(logging.WARNING, logger="newsroom.csp"):
        response = client.post(
            "/csp-report/", json.dumps(report), content_type="application/csp-report"
        )
    assert response.status_code == 204
    assert "script-src-elem" in caplog.text


def test_violation_reports_are_rate_limited(client, settings, caplog):
    """Past the limit per address, reports are 429 and not logged."""
    settings.NEWSROOM_CSP_REPORT_RATE_LIMIT = 3
    body = '{"csp-report": {"violated-directive": "img-src"}}'
    with caplog.at_level(logging.WARNING, logger="newsroom.csp"):
        codes = [
            client.post(
                "/csp-report/", body, content_type="application/csp-report"
            ).status_code
            for _ in range(5)
        ]
    assert codes == [204, 204, 204, 429, 429]
    assert caplog.text.count("CSP violation") == 3


@pytest.mark.parametrize(
    ("content_type", "body", "status"),
    [
        ("text/html", "{}", 415),
        ("application/csp-report", "not json", 400),
        ("application/csp-report", "[" * 9000, 413),
    ],
)
def test_what_is_not_a_report_is_refused(client, content_type, body, status):
    assert (
        client.post("/csp-report/", body, content_type=content_type).status_code
        == status
    )


# --- Media -------------------------------------------------------------------------


def png_bytes():
    buffer = io.BytesIO()
    Image.new("RGB", (8, 8), (200, 20, 20)).save(buffer, "PNG")
    return buffer.getvalue()


def test_a_photo_is_typed_by_its_content_not_its_name(client):
    """A PNG stored under a .jpg name is served as image/png, with nosniff."""
    name = default_storage.save("photos/x/picture.jpg", ContentFile(png_bytes()))
    response = client.get(f"/media/{name}")
    assert response.status_code == 200
    assert response["Content-Type"] == "image/png"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert b"".join(response.streaming_content) == png_bytes()


@pytest.mark.parametrize(
    "name", ["photos/x/page.jpg", "photos/x/page.html", "photos/x/photo.svg"]
)
def test_a_file_that_is_not_a_photo_is_never_served(client, name):
    """HTML or SVG in the photo folders, whatever its name, is a 404."""
    stored = default_storage.save(
        name, ContentFile(b"<html><script>alert(1)</script></html>")
    )
    assert client.get(f"/media/{stored}").status_code == 404


def test_only_the_photo_folders_are_served(client):
    default_storage.save("private/picture.png", ContentFile(png_bytes()))
    assert client.get("/media/private/picture.png").status_code == 404
    assert client.get("/media/photos/../private/picture.png").status_code == 404


def test_an_upload_is_stored_under_an_unguessable_name_with_its_real_extension():
    """A PNG uploaded as x.jpg is stored as <32 random hex digits>-x.png."""
    from articles.photos import photo_clean_upload
    from articles.tests.factories import image_file

    first = photo_clean_upload(image_file("holiday.jpg", fmt="PNG")).name
    second = photo_clean_upload(image_file("holiday.jpg", fmt="PNG")).name
    random_part, rest = first.split("-", 1)
    assert len(random_part) == 32 and int(random_part, 16) >= 0
    assert rest == "holiday.png"
    assert first != second
