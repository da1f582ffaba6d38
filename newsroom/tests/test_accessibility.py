"""axe-core in a real Chromium: no WCAG 2.2 A or AA violation on any page type.

axe-core comes from the npm registry, pinned in package-lock.json and installed
into node_modules/ by `make test` (and .ci/run) with `npm ci`.

How it gets into the page: the pages send a strict Content-Security-Policy
(script-src 'self' with nonces), which refuses a <script> that Playwright's
add_script_tag would insert. Turning the policy off for the test (bypass_csp)
would also let through the inline styles it refuses, so axe would judge a page
that readers never see. Instead axe's source runs as the body of a function that
Playwright calls through the DevTools protocol, which the page's policy does not
govern: the page keeps its policy, and axe sees it exactly as a reader does.
"""

from pathlib import Path

import pytest
from django.conf import settings
from django.test import Client
from django.urls import reverse

from articles.models import Correction
from articles.tests.factories import ArticleFactory, ArticleImageFactory, SectionFactory
from reports.models import ErrorReport

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

AXE = Path(settings.BASE_DIR) / "node_modules" / "axe-core" / "axe.min.js"
WCAG_22_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
VIEWPORTS = {"desktop": (1280, 900), "phone": (390, 844)}


def axe_source() -> str:
    if not AXE.exists():
        pytest.fail(
            f"{AXE} is missing: run `npm ci` (make test does) to install axe-core."
        )
    return AXE.read_text(encoding="utf-8")


def readable(violations) -> str:
    """axe's findings as lines a person can act on: rule, impact, where, why."""
    lines = []
    for violation in violations:
        lines.append(
            f"{violation['id']} ({violation['impact']}): {violation['help']} "
            f"[{violation['helpUrl']}]"
        )
        for node in violation["nodes"][:8]:
            lines.append(f"    {' '.join(node['target'])}: {node['html'][:160]}")
            lines.append(f"      {node['failureSummary'].replace(chr(10), ' ')}")
        if len(violation["nodes"]) > 8:
            lines.append(f"    ... and {len(violation['nodes']) - 8} more")
    return "\n".join(lines)


def axe_violations(page) -> list:
    """Run axe-core on the page as it is now, for the WCAG 2.2 A and AA rules."""
    if not page.evaluate("typeof window.axe === 'object'"):
        page.evaluate("() => {\n" + axe_source() + "\n}")
    return page.evaluate(
        """(tags) => axe.run(document, {
             runOnly: {type: "tag", values: tags},
             resultTypes: ["violations"],
           }).then((result) => result.violations)""",
        WCAG_22_AA,
    )


def assert_no_violations(page, where: str) -> None:
    violations = axe_violations(page)
    assert violations == [], f"axe-core on {where}:\n{readable(violations)}"


@pytest.fixture
def newsroom(db):
    """A small newsroom: a story with a gallery, one with a correction, a report."""
    politics = SectionFactory(name="Politics", slug="politics")
    economy = SectionFactory(name="Economy", slug="economy")
    gallery = ArticleFactory(
        section=politics,
        headline="Ministers meet in Almaty",
        body="<p>The ministers met on Monday.</p><p>They spoke about trade.</p>",
        byline="Aigerim Sadykova",
        tags=["trade", "diplomacy"],
    )
    for order in range(3):
        ArticleImageFactory(
            article=gallery, order=order, caption=f"Photo {order + 1} of the meeting."
        )
    corrected = ArticleFactory(
        section=economy, headline="Wheat harvest sets a record", tags=["trade"]
    )
    ArticleImageFactory(article=corrected)
    Correction.objects.create(
        article=corrected, text="An earlier version gave the wrong tonnage."
    )
    for n in range(6):
        ArticleFactory(section=economy if n % 2 else politics, headline=f"Brief {n}")
    report = ErrorReport.objects.create(
        article=gallery,
        part="body",
        exact="on Monday",
        prefix="The ministers met ",
        suffix=".",
        suggestion="on Tuesday",
    )
    return {"gallery": gallery, "corrected": corrected, "report": report}


@pytest.fixture(params=list(VIEWPORTS))
def viewport(request):
    return VIEWPORTS[request.param]


@pytest.fixture
def reader(browser, viewport):
    width, height = viewport
    context = browser.new_context(viewport={"width": width, "height": height})
    page = context.new_page()
    page.set_default_timeout(10_000)
    yield page
    context.close()


def test_reader_pages_have_no_violations(live_server, reader, newsroom):
    """Front page, section, tag, search (with, without results, empty), stories, 404."""
    paths = [
        reverse("articles:front-page"),
        reverse("articles:section-detail", args=["politics"]),
        reverse("articles:tag-detail", args=["trade"]),
        reverse("articles:search") + "?q=ministers",
        reverse("articles:search") + "?q=nothing-matches-this",
        reverse("articles:search"),
        newsroom["gallery"].get_absolute_url(),
        newsroom["corrected"].get_absolute_url(),
        "/no-such-page/",
        # The other editions, with their language switcher; Kazakh in Latin script.
        "/kk/",
        "/ru/",
        "/kk-latn/",
    ]
    for path in paths:
        reader.goto(live_server.url + path)
        reader.wait_for_load_state("networkidle")
        assert_no_violations(reader, path)


def test_the_open_error_report_dialog_has_no_violations(live_server, reader, newsroom):
    """The dialog opened with the keyboard button, as a reader without a mouse does."""
    reader.goto(live_server.url + newsroom["gallery"].get_absolute_url())
    reader.locator(".story__report-button").focus()
    reader.keyboard.press("Enter")
    reader.keyboard.press("Enter")  # the first paragraph, offered first
    reader.locator("dialog#error-report[open]").wait_for()
    assert_no_violations(reader, "the error-report dialog")


@pytest.fixture
def desk(browser, live_server, admin_user):
    """A desk user who may open every page checked here ("Most viewed" included)."""
    client = Client()
    client.force_login(admin_user)
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    context.add_cookies(
        [
            {
                "name": "sessionid",
                "value": client.cookies["sessionid"].value,
                "url": live_server.url,
            }
        ]
    )
    page = context.new_page()
    page.set_default_timeout(10_000)
    yield page
    context.close()


def test_desk_pages_we_own_have_no_violations(live_server, desk, newsroom):
    """Story list and form, error report list and page, and "Most viewed"."""
    story = newsroom["gallery"]
    pages = [
        (reverse("admin:articles_article_changelist"), None),
        (reverse("admin:articles_article_add"), "[contenteditable=true].ProseMirror"),
        (
            reverse("admin:articles_article_change", args=[story.pk]),
            "[contenteditable=true].ProseMirror",
        ),
        (reverse("admin:reports_errorreport_changelist"), None),
        (
            reverse("admin:reports_errorreport_change", args=[newsroom["report"].pk]),
            None,
        ),
        (reverse("admin:analytics_mostviewedstory_changelist"), None),
        (reverse("admin:articles_article_missing_translations"), None),
    ]
    for path, wait_for in pages:
        response = desk.goto(live_server.url + path)
        assert response.status == 200, path
        if wait_for:
            desk.locator(wait_for).first.wait_for()
        desk.wait_for_load_state("networkidle")
        assert_no_violations(desk, path)


def test_the_check_finds_a_violation(live_server, reader, newsroom):
    """The check can fail: an image without a text alternative is reported."""
    reader.goto(live_server.url + reverse("articles:front-page"))
    reader.evaluate(
        """() => {
      const img = document.createElement("img");
      img.src = "/no-such-image.png";
      document.querySelector("main").append(img);
    }"""
    )
    assert "image-alt" in [v["id"] for v in axe_violations(reader)]
