"""The Content-Security-Policy in a real Chromium: no page of ours breaks it."""

import pytest
from django.test import Client
from django.urls import reverse

from articles.services import article_preview_token

from .factories import ArticleFactory, ArticleImageFactory, SectionFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

# Registered before any of the page's own scripts run: every violation the browser
# finds in the document (script, style, image, font, connection, form) lands here.
LISTEN = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", (event) => {
  window.__cspViolations.push(
    `${event.violatedDirective} blocked ${event.blockedURI || "inline"} ` +
    `at ${event.sourceFile}:${event.lineNumber} ${event.sample}`
  );
});
"""


def open_and_collect(context, url, *, wait_for=None):
    """Open `url`, let its scripts run, and return (CSP violations, console errors)."""
    page = context.new_page()
    console = []
    page.on(
        "console",
        lambda message: message.type == "error" and console.append(message.text),
    )
    page.on("pageerror", lambda error: console.append(str(error)))
    response = page.goto(url)
    assert response.status < 500, url
    assert "default-src 'self'" in response.headers["content-security-policy"]
    if wait_for:
        page.locator(wait_for).first.wait_for()
    page.wait_for_load_state("networkidle")
    violations = page.evaluate("window.__cspViolations")
    page.close()
    return violations, [text for text in console if "Security Policy" in text]


@pytest.fixture
def context(browser):
    context = browser.new_context()
    context.add_init_script(LISTEN)
    yield context
    context.close()


@pytest.fixture
def story(db):
    section = SectionFactory(name="Economy", slug="economy")
    article = ArticleFactory(
        section=section, headline="Wheat harvest", tags=["grain", "harvest"]
    )
    ArticleImageFactory(article=article)
    ArticleFactory(section=section, headline="Grain exports", tags=["grain"])
    return article


def test_every_reader_page_type_keeps_the_policy(live_server, context, story):
    """Front page, section, tag, search, story, preview, 404 and login: no violation."""
    draft = ArticleFactory(section=story.section, status="draft", headline="Draft")
    pages = [
        reverse("articles:front-page"),
        story.section.get_absolute_url(),
        reverse("articles:tag-detail", args=["grain"]),
        reverse("articles:search") + "?q=wheat",
        story.get_absolute_url(),
        reverse(
            "articles:article-preview", args=[article_preview_token(article=draft)]
        ),
        "/no-such-page/",
        reverse("admin:login"),  # signed out: the desk's login form
    ]
    for path in pages:
        violations, errors = open_and_collect(context, live_server.url + path)
        assert violations == [], path
        assert errors == [], path


def test_the_admin_story_form_keeps_the_policy(live_server, context, story, editor):
    """The admin's story form, with its rich text editor running, triggers no violation."""
    client = Client()
    client.force_login(editor)
    context.add_cookies(
        [
            {
                "name": "sessionid",
                "value": client.cookies["sessionid"].value,
                "url": live_server.url,
            }
        ]
    )
    for path in [
        reverse("admin:articles_article_add"),
        reverse("admin:articles_article_change", args=[story.pk]),
        reverse("admin:articles_article_changelist"),
        reverse("admin:index"),
    ]:
        violations, errors = open_and_collect(
            context,
            live_server.url + path,
            wait_for="[contenteditable=true].ProseMirror"
            if "change" in path or "add" in path
            else None,
        )
        assert violations == [], path
        assert errors == [], path


def test_an_inline_script_is_blocked(live_server, context, story):
    """The policy is enforced: a script injected into a page does not run."""
    page = context.new_page()
    page.goto(live_server.url + story.get_absolute_url())
    page.evaluate(
        """() => {
      const script = document.createElement("script");
      script.textContent = "window.__injected = true";
      document.body.append(script);
    }"""
    )
    assert page.evaluate("window.__injected === undefined")
    assert any("script-src" in v for v in page.evaluate("window.__cspViolations"))
