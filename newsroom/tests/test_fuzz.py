"""
Generated requests against every reader endpoint, the beacon, error reports, CSP
reports, media and the admin login: whatever comes in, the answer is never a 5xx.

The generator (Hypothesis) covers these classes of input, combined freely:
- methods: the usual ones, WebDAV's and made-up tokens;
- paths: every endpoint, with well-formed and hostile path segments (non-ASCII,
  percent-escapes of invalid UTF-8, NUL, `..`, very long, huge numbers as ids);
- query strings: arbitrary bytes, repeated and known keys (q, page, next) with
  hostile values, percent-escapes that decode to invalid UTF-8 or NUL;
- content types with charsets Python knows but cannot decode text with (rot13,
  base64, uu, zlib, hex, bz2), other encodings (UTF-16, UTF-32, latin-1), unknown
  names, and malformed parameters;
- bodies: arbitrary bytes, form-encoded and JSON-looking text, deep nesting,
  multipart with and without (or with a wrong) boundary;
- headers: Host (allowed, forged, malformed), cookies (CSRF and session, forged),
  X-CSRFToken, Origin, Sec-Fetch-Site and -Dest, X-Forwarded-For, User-Agent,
  Accept-Language, Content-Length that disagrees with the body.

Defects it found when written: a charset such as rot13 was a 500 on any URL with
a query string (Django decodes the query string while it builds the request),
and a form POST in UTF-16 with a CSRF cookie was a 500 in the CSRF middleware;
both are now refused by NewsroomRequest and RefuseBadInputMiddleware
(newsroom/middleware.py).

The run is bounded and repeatable: a fixed number of examples, derandomized, no
example database, no deadline (the machine may be busy), so CI on both profiles
spends a few seconds here and sees the same examples every time.
"""

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from articles.services import article_preview_token
from articles.tests.factories import ArticleFactory, ArticleImageFactory, SectionFactory

from .wsgi import call, wsgi_app

pytestmark = pytest.mark.django_db

EXAMPLES = 400

METHODS = st.sampled_from(
    [
        "GET",
        "GET",
        "GET",
        "POST",
        "POST",
        "HEAD",
        "PUT",
        "DELETE",
        "PATCH",
        "OPTIONS",
        "TRACE",
        "PROPFIND",
        "X-NONSENSE",
    ]
)
CHARSETS = st.sampled_from(
    [
        "utf-8",
        "UTF-8",
        "us-ascii",
        "rot13",
        "base64",
        "uu",
        "zlib",
        "hex",
        "bz2",
        "quopri",
        "utf-16",
        "utf-32",
        "latin-1",
        "cp1251",
        "koi8-r",
        "idna",
        "punycode",
        "unicode_escape",
        "raw_unicode_escape",
        "no-such-charset",
        "",
        '"utf-8"',
        "utf-8; charset=rot13",
        "\u00e9",
    ]
)
MEDIA_TYPES = st.sampled_from(
    [
        "application/x-www-form-urlencoded",
        "multipart/form-data",
        "application/json",
        "application/csp-report",
        "text/plain",
        "text/html",
        "application/xml",
        "",
        "*/*",
        "multipart/form-data; boundary=x",
        "multipart/form-data; boundary=",
    ]
)
SEGMENT_TEXT = st.text(
    alphabet=st.characters(codec="utf-8", exclude_categories=["Cs"]), max_size=40
)
RAW_SEGMENT = st.one_of(
    SEGMENT_TEXT.map(lambda text: text.encode()),
    st.binary(max_size=30),
    st.sampled_from(
        [
            b"..",
            b".",
            b"%00",
            b"%ff%fe",
            b"%c0%af",
            b"x" * 2000,
            b"99999999999999999999999",
            b"-1",
            b"0",
            b"%2e%2e",
        ]
    ),
)
QUERY = st.one_of(
    st.binary(max_size=200),
    st.lists(
        st.tuples(
            st.sampled_from(
                [
                    b"q",
                    b"page",
                    b"next",
                    b"p",
                    b"o",
                    b"_changelist_filters",
                    b"a",
                    b"t",
                    b"\xff",
                ]
            ),
            st.one_of(RAW_SEGMENT, st.integers().map(lambda n: str(n).encode())),
        ),
        max_size=5,
    ).map(lambda pairs: b"&".join(key + b"=" + value for key, value in pairs)),
)
BODY = st.one_of(
    st.binary(max_size=400),
    SEGMENT_TEXT.map(lambda text: text.encode()),
    st.sampled_from(
        [
            b"a=1&t=1.abc",
            b'{"article": 1, "part": "body", "exact": "x"}',
            b"[" * 3000,
            b'{"a":' * 500,
            b"csrfmiddlewaretoken=x&username=a&password=b",
            b'--x\r\nContent-Disposition: form-data; name="a"\r\n\r\nb\r\n--x--\r\n',
            "username=\u00e9".encode("utf-16"),
            b"\x00" * 64,
        ]
    ),
)
HEADER_VALUE = st.text(
    alphabet=st.characters(min_codepoint=32, max_codepoint=255), max_size=60
)
HEADERS = st.fixed_dictionaries(
    {},
    optional={
        "Host": st.sampled_from(
            [
                "testserver",
                "localhost:8000",
                "evil.example",
                "",
                "[::1]",
                "testserver:abc",
                "a" * 300,
                "testserver@evil",
                "\u00e9",
            ]
        ),
        "Cookie": st.one_of(
            HEADER_VALUE,
            st.just("csrftoken=" + "a" * 32),
            st.just("csrftoken=" + "a" * 32 + "; sessionid=forged"),
        ),
        "X-CSRFToken": st.one_of(HEADER_VALUE, st.just("a" * 32)),
        "Origin": st.sampled_from(
            ["http://testserver", "https://elsewhere.example", "null", "", "::"]
        ),
        "Sec-Fetch-Site": st.sampled_from(
            ["same-origin", "same-site", "cross-site", "none", "bogus"]
        ),
        "Sec-Purpose": st.sampled_from(["prefetch", "prefetch;prerender"]),
        "X-Forwarded-For": HEADER_VALUE,
        "User-Agent": HEADER_VALUE,
        "Accept-Language": HEADER_VALUE,
        "Accept": HEADER_VALUE,
        "Content-Length": st.sampled_from(["", "-1", "abc", "0", "99999999"]),
        "Range": HEADER_VALUE,
        "If-None-Match": HEADER_VALUE,
        "If-Modified-Since": HEADER_VALUE,
    },
)


@st.composite
def requests(draw, paths):
    path = draw(st.sampled_from(paths))
    if draw(st.booleans()):
        path = path.encode() + b"/".join(draw(st.lists(RAW_SEGMENT, max_size=3)))
    media_type = draw(MEDIA_TYPES)
    headers = draw(HEADERS)
    if media_type or draw(st.booleans()):
        content_type = media_type
        if draw(st.booleans()):
            content_type += f"; charset={draw(CHARSETS)}"
        headers["Content-Type"] = content_type
    return {
        "method": draw(METHODS),
        "path": path,
        "query": draw(QUERY),
        "headers": headers,
        "body": draw(BODY),
        "remote_addr": draw(
            st.sampled_from(["203.0.113.9", "2001:db8::1", "::ffff:192.0.2.1", ""])
        ),
    }


@pytest.fixture
def endpoints(settings):
    settings.NEWSROOM_ERROR_REPORT_RATE_LIMIT = 10_000
    settings.NEWSROOM_ERROR_REPORT_RATE_LIMIT_PER_ADDRESS = 10_000
    settings.NEWSROOM_CSP_REPORT_RATE_LIMIT = 10_000
    section = SectionFactory(name="Economy", slug="economy")
    story = ArticleFactory(section=section, headline="Wheat", tags=["grain"])
    photo = ArticleImageFactory(article=story)
    draft = ArticleFactory(section=section, status="draft")
    return [
        "/",
        "/en/search/",
        "/en/feed/",
        "/en/feed/atom/",
        "/en/section/economy/feed/",
        "/en/tag/grain/feed/atom/",
        "/en/manifest.webmanifest",
        "/robots.txt",
        "/sitemap.xml",
        "/sitemap-stories-en.xml",
        "/sitemap-news-en.xml",
        "/sitemap-tags.xml",
        "/en/section/economy/",
        "/en/tag/grain/",
        f"/en/news/{story.pk}/",
        story.get_absolute_url(),
        f"/preview/{article_preview_token(article=draft)}/",
        "/preview/",
        "/error-reports/",
        "/error-reports/token/",
        "/analytics/hit/",
        "/csp-report/",
        "/admin/login/",
        "/admin/",
        photo.image.url,
        "/media/",
        "/static/css/site.css",
        "/no-such-page/",
    ]


@settings(
    max_examples=EXAMPLES,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=[
        HealthCheck.function_scoped_fixture,
        HealthCheck.too_slow,
        HealthCheck.data_too_large,
    ],
)
@given(data=st.data())
def test_no_request_gets_a_server_error(endpoints, data):
    """Whatever method, path, query, headers, charset and body: a 2xx, 3xx or 4xx."""
    request = data.draw(requests(endpoints))
    with wsgi_app() as app:
        answer = call(app, **request)
    assert answer.status < 500, (request, answer.body[:500])


@pytest.mark.django_db
@pytest.mark.parametrize("host", ["evil.example", "testserver"])
@pytest.mark.parametrize("path", ["/", "/no-such-page/", "/admin/login/"])
def test_error_pages_do_not_read_a_broken_body(host, path):
    """
    A multipart POST without a boundary, with a CSRF cookie, to a refused host or
    a missing page gets its 400 or 404 (found by the generator above: Django's
    own error views read the body for a CSRF token and failed on it).
    """
    with wsgi_app() as app:
        answer = call(
            app,
            method="POST",
            path=path,
            query=b"",
            headers={
                "Host": host,
                "Cookie": "csrftoken=" + "a" * 32,
                "Content-Type": "multipart/form-data",
            },
            body=b"",
            remote_addr="203.0.113.9",
        )
    assert 400 <= answer.status < 500
