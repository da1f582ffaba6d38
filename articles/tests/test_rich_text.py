"""The body's rich text: whatever is posted, only the allowlist reaches readers."""

import pytest
from django.urls import reverse

from articles.models import Article

from .admin_forms import story_form
from .factories import ArticleFactory

pytestmark = pytest.mark.django_db

HOSTILE_BODIES = {
    "script-tag": "<p>ok</p><script>alert(document.cookie)</script>",
    "script-uppercase-split": "<p>ok</p><SCRIPT SRC=//evil.example/x.js></SCRIPT>",
    "event-handler": '<p onclick="alert(1)" onmouseover="alert(2)">ok</p>',
    "img-onerror": "<p>ok<img src=x onerror=alert(1)></p>",
    "svg-onload": "<p>ok</p><svg onload=alert(1)><circle r=1></svg>",
    "javascript-link": '<p><a href="javascript:alert(1)">ok</a></p>',
    "javascript-link-obfuscated": '<p><a href="jav&#x09;ascript:alert(1)">ok</a></p>',
    "javascript-link-entity": '<p><a href="&#106;avascript:alert(1)">ok</a></p>',
    "data-url-link": '<p><a href="data:text/html;base64,PHNjcmlwdD4=">ok</a></p>',
    "vbscript-link": '<p><a href="vbscript:msgbox(1)">ok</a></p>',
    "style-tag-and-attribute": '<style>body{display:none}</style><p style="x:expression(alert(1))">ok</p>',
    "iframe": '<iframe src="https://evil.example"></iframe><p>ok</p>',
    "object-embed": '<object data="x.swf"></object><embed src="x.swf"><p>ok</p>',
    "form-input": '<form action="https://evil.example"><input name=p></form><p>ok</p>',
    "meta-refresh": '<meta http-equiv="refresh" content="0;url=https://evil.example"><p>ok</p>',
    "base-tag": '<base href="https://evil.example/"><p>ok</p>',
    "unclosed-tags": "<p>ok<strong>bold<em>both<blockquote>quote",
    "unclosed-script": "<p>ok</p><script>alert(1)",
    "comment-trick": "<p>ok</p><!--<script>alert(1)</script>-->",
    "nested-script-trick": "<p>ok</p><scr<script>ipt>alert(1)</scr</script>ipt>",
    "attribute-breakout": '<p title="x" onfocus="alert(1)" autofocus>ok</p>',
    "target-and-rel": '<p><a href="https://kabar.example" target="_blank" rel="opener">ok</a></p>',
    "class-and-id": '<p class="admin" id="content">ok</p>',
}

FORBIDDEN = (
    "<script", "</script", "<style", "style=", "onclick", "onmouseover", "onerror",
    "onload", "onfocus", "javascript:", "vbscript:", "data:", "<iframe", "<object",
    "<embed", "<form", "<input", "<meta", "<base", "<svg", "<img", "target=",
    "class=", "id=",
)  # fmt: skip


@pytest.mark.parametrize("case", HOSTILE_BODIES, ids=list(HOSTILE_BODIES))
def test_hostile_body_posted_to_the_admin_comes_out_clean(editor_client, client, case):
    """Posting a hostile body in the admin stores and shows only allowlisted markup."""
    story = ArticleFactory()
    url = reverse("admin:articles_article_change", args=[story.pk])
    response = editor_client.post(url, story_form(story, body=HOSTILE_BODIES[case]))
    assert response.status_code == 302, response.text
    story.refresh_from_db()
    body = story.body
    for bad in FORBIDDEN:
        assert bad not in body.lower(), (bad, body)
    assert "ok" in body
    page = client.get(story.get_absolute_url()).text
    shown = page[
        page.index('data-part="body">') : page.index('<footer class="story__footer">')
    ]
    for bad in FORBIDDEN:
        assert bad not in shown.lower(), (bad, shown)


def test_unclosed_tags_are_balanced():
    """Unclosed tags are closed, so a body cannot swallow the page after it."""
    story = ArticleFactory(body="<p>ok<strong>bold<em>both<blockquote>quote")
    assert story.body.count("<strong>") == story.body.count("</strong>")
    assert story.body.count("<em>") == story.body.count("</em>")
    assert story.body.count("<p>") == story.body.count("</p>")
    assert story.body.count("<blockquote>") == story.body.count("</blockquote>")


def test_links_get_rel_noopener_and_keep_safe_schemes():
    """Safe links survive with rel="noopener noreferrer"."""
    story = ArticleFactory(
        body='<p><a href="https://kabar.example/x">web</a> <a href="mailto:desk@example.com">mail</a></p>'
    )
    assert (
        '<a href="https://kabar.example/x" rel="noopener noreferrer">web</a>'
        in story.body
    )
    assert 'href="mailto:desk@example.com"' in story.body


def test_editor_markup_survives_the_round_trip(editor_client):
    """What the editor's toolbar makes (headings, lists, quotes, marks) is kept."""
    story = ArticleFactory()
    html = (
        "<h2>Sub</h2><h3>Subsub</h3><p><strong>b</strong> <em>i</em> <u>u</u> <s>s</s>"
        " H<sub>2</sub>O x<sup>2</sup><br>line</p><blockquote><p>quote</p></blockquote>"
        "<ul><li><p>one</p></li></ul><ol><li><p>two</p></li></ol><hr>"
    )
    url = reverse("admin:articles_article_change", args=[story.pk])
    assert editor_client.post(url, story_form(story, body=html)).status_code == 302
    story.refresh_from_db()
    assert story.body == html


def test_story_form_uses_the_rich_text_editor(editor_client):
    """The body field is the ProseMirror editor, its scripts served from our own static files."""
    page = editor_client.get(reverse("admin:articles_article_add")).text
    assert "data-django-prose-editor-configurable" in page
    assert "/static/django_prose_editor/editor.js" in page
    assert "https://" not in page.split("<body", 1)[0].replace(
        "https://docs.djangoproject.com", ""
    )


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_editor_writes_bold_text_in_a_real_browser(
    live_server, browser, editor, section
):
    """In Chromium the toolbar editor loads offline, and bold text is saved as <strong>."""
    from django.test import Client

    client = Client()
    client.force_login(editor)
    context = browser.new_context()
    context.add_cookies(
        [
            {
                "name": "sessionid",
                "value": client.cookies["sessionid"].value,
                "url": live_server.url,
            }
        ]
    )
    outside = []
    context.route(
        "**/*",
        lambda route: (
            route.continue_()
            if route.request.url.startswith(live_server.url)
            else (outside.append(route.request.url), route.abort())
        ),
    )
    page = context.new_page()
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(live_server.url + reverse("admin:articles_article_add"))
    editor_area = page.locator("[contenteditable=true].ProseMirror")
    editor_area.wait_for()
    page.fill("#id_headline", "Written in the editor")
    page.select_option("#id_section", str(section.pk))
    editor_area.click()
    page.keyboard.type("Plain then ")
    page.keyboard.press("Control+b")
    page.keyboard.type("bold")
    page.click("input[name=_save]")
    page.wait_for_url("**/admin/articles/article/")
    context.close()
    story = Article.objects.get(headline="Written in the editor")
    assert story.body == "<p>Plain then <strong>bold</strong></p>"
    assert errors == [] and outside == []


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_without_javascript_the_body_is_a_plain_textarea(
    live_server, browser, editor, section
):
    """With scripts off, the body is an ordinary textarea that still saves (and is cleaned)."""
    from django.test import Client

    client = Client()
    client.force_login(editor)
    context = browser.new_context(java_script_enabled=False)
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
    page.goto(live_server.url + reverse("admin:articles_article_add"))
    page.fill("#id_headline", "No script story")
    page.fill("#id_slug", "no-script-story")
    page.select_option("#id_section", str(section.pk))
    page.fill("#id_body", "<p>Typed <b>by hand</b></p><script>x()</script>")
    page.click("input[name=_save]")
    page.wait_for_url("**/admin/articles/article/")
    context.close()
    story = Article.objects.get(headline="No script story")
    assert story.body == "<p>Typed <b>by hand</b></p>"
