"""Error reports end to end, in a real headless Chromium: reader, then the desk."""

import pytest
from django.core import mail
from playwright.sync_api import expect

from articles.roles import user_add_to_role
from articles.tests.factories import ArticleFactory, ArticleImageFactory, SectionFactory
from reports.models import ErrorReport

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

XSS = "<img src=x onerror=alert(1)>"
BODY = (
    "<p>Павлодарда <strong>Ертіс</strong> өзені арқылы жаңа көпір ашылды. "
    "Көпрдің ұзындығы 800 метр.</p>"
    '<p>Құрылысқа <a href="https://example.com/">үш жыл</a> кетті.</p>'
)

# Selects the first occurrence of `word` inside the element matched by `selector`,
# as a reader's drag would, and returns the selected text and the middle of its box.
SELECT_WORD = """([selector, word]) => {
  const root = document.querySelector(selector);
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  let node;
  while ((node = walker.nextNode())) {
    const at = node.data.indexOf(word);
    if (at === -1) continue;
    const range = document.createRange();
    range.setStart(node, at);
    range.setEnd(node, at + word.length);
    const selection = window.getSelection();
    selection.removeAllRanges();
    selection.addRange(range);
    const rect = range.getBoundingClientRect();
    return {
      text: selection.toString(),
      x: rect.left + rect.width / 2,
      y: rect.top + rect.height / 2,
    };
  }
  return null;
}"""


@pytest.fixture
def site(settings, celery_eager):
    # The live server speaks plain HTTP; production cookies are HTTPS-only.
    settings.CSRF_COOKIE_SECURE = False
    settings.SESSION_COOKIE_SECURE = False
    settings.NEWSROOM_ERROR_REPORT_RECIPIENTS = ["desk@example.com"]


@pytest.fixture
def story(site):
    story = ArticleFactory(
        section=SectionFactory(name="Аймақтар", slug="regions"),
        headline="Павлодарда жаңа көпір ашылды",
        lead="Ертіс арқылы өтетін көпір.",
        body=BODY,
    )
    ArticleImageFactory(article=story, caption="Жаңа көпір, Павлодар")
    return story


def watch_for_trouble(page):
    """Script errors and alert() calls, which must never happen."""
    trouble = []
    page.on("pageerror", lambda error: trouble.append(f"error: {error}"))
    page.on("dialog", lambda dialog: (trouble.append("alert"), dialog.dismiss()))
    return trouble


def test_reader_reports_a_typo_and_the_desk_applies_the_fix(
    live_server, page, story, django_user_model
):
    """Select a word, Control+Enter, send a fix; an editor applies it in the admin."""
    trouble = watch_for_trouble(page)
    page.goto(live_server.url + story.get_absolute_url())

    word = page.evaluate(SELECT_WORD, [".story__body", "Көпрдің"])
    page.mouse.dblclick(word["x"], word["y"])
    assert page.evaluate("getSelection().toString()").strip() == "Көпрдің"
    page.keyboard.press("Control+Enter")

    dialog = page.get_by_role("dialog", name="Report an error")
    expect(dialog).to_be_visible()
    expect(dialog.locator(".report-dialog__quote")).to_have_text("Көпрдің")
    suggestion = dialog.get_by_label("Suggested correction (optional)")
    expect(suggestion).to_be_focused()
    expect(suggestion).to_have_value("Көпрдің")
    suggestion.fill("Көпірдің")
    dialog.get_by_label("Comment (optional)").fill(XSS)
    dialog.get_by_role("button", name="Send").click()
    expect(dialog.get_by_role("status")).to_have_text(
        "Thank you! The editors will look at it."
    )
    expect(dialog.get_by_role("button", name="Close")).to_be_focused()

    report = ErrorReport.objects.get()
    assert (report.part, report.exact, report.suggestion, report.comment) == (
        "body",
        "Көпрдің",
        "Көпірдің",
        XSS,
    )
    assert report.prefix == "өзені арқылы жаңа көпір ашылды. "
    assert report.suffix == " ұзындығы 800 метр. Құрылысқа үш"
    assert len(mail.outbox) == 1 and XSS in mail.outbox[0].body

    page.keyboard.press("Escape")
    expect(dialog).to_be_hidden()

    # The desk: a member of the Editor group, who may change published stories.
    editor = django_user_model.objects.create_user(
        "editor", "editor@example.com", "pw-for-tests-only", is_staff=True
    )
    user_add_to_role(user=editor, role="Editor")
    page.goto(live_server.url + "/admin/")
    page.get_by_label("Username").fill("editor")
    page.get_by_label("Password").fill("pw-for-tests-only")
    page.get_by_role("button", name="Log in").click()
    page.get_by_role("link", name="1 new error report from readers").click()
    page.get_by_role("link", name="Көпрдің").click()
    mark = page.locator(".error-report-context mark")
    expect(mark).to_have_text("Көпрдің")
    expect(page.locator(".error-report-context")).to_have_text(
        "Көпрдің ұзындығы 800 метр."
    )
    expect(page.locator(".error-report-diff del")).to_have_text("Көпрдің")
    expect(page.locator(".error-report-diff ins")).to_have_text("Көпірдің")
    expect(page.locator(".field-comment .readonly")).to_have_text(XSS)
    page.get_by_role("button", name="Apply suggestion").click()
    expect(page.locator(".messagelist")).to_contain_text(
        "The suggestion is in the story."
    )

    page.goto(live_server.url + story.get_absolute_url())
    # The browser keeps a reader page for its max-age (Cache-Control); a reload
    # asks the site again, which has the fixed page.
    page.reload()
    body = page.locator(".story__body")
    expect(body).to_contain_text("Көпірдің ұзындығы 800 метр.")
    expect(body).not_to_contain_text("Көпрдің")
    report.refresh_from_db()
    assert report.status == ErrorReport.Status.FIXED
    assert trouble == []


def test_dialog_keyboard_hints_and_focus(live_server, page, story):
    """No selection or one outside the story gives a hint; Esc closes, focus returns."""
    trouble = watch_for_trouble(page)
    page.goto(live_server.url + story.get_absolute_url())
    hint = page.locator(".report-hint")

    page.keyboard.press("Control+Enter")
    expect(hint).to_have_text(
        "First select the text with the error in the story, then press Ctrl + Enter."
    )
    page.evaluate(SELECT_WORD, [".relevant h2", "relevant"])
    page.keyboard.press("Control+Enter")
    expect(hint).to_contain_text("Select text inside the story")
    page.evaluate(SELECT_WORD, [".story__dateline", "."])
    page.keyboard.press("Control+Enter")
    expect(hint).to_contain_text("Select text inside the story")
    dialog = page.locator("dialog#error-report")
    expect(dialog).to_be_hidden()

    # A selection across <strong> in the body, opened with Cmd+Enter (macOS).
    page.get_by_role("link", name="Аймақтар").first.focus()
    page.evaluate(
        """() => {
          const strong = document.querySelector('.story__body strong');
          const range = document.createRange();
          range.setStart(strong.previousSibling, 4);
          range.setEnd(strong.nextSibling, 6);
          getSelection().removeAllRanges();
          getSelection().addRange(range);
        }"""
    )
    page.keyboard.press("Meta+Enter")
    expect(dialog).to_be_visible()
    expect(dialog.locator(".report-dialog__quote")).to_have_text("одарда Ертіс өзені")
    assert page.evaluate("document.activeElement.id") == "error-report-suggestion"
    page.keyboard.press("Escape")
    expect(dialog).to_be_hidden()
    assert page.evaluate("document.activeElement.textContent") == "Аймақтар"

    # Tab stays in the dialog and Ctrl+Enter inside it sends.
    page.evaluate(SELECT_WORD, [".story__lead", "көпір"])
    page.keyboard.press("Control+Enter")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.id") == "error-report-comment"
    page.keyboard.type(XSS)
    page.keyboard.press("Control+Enter")
    expect(dialog.get_by_role("status")).to_have_text(
        "Thank you! The editors will look at it."
    )
    assert dialog.locator("img").count() == 0
    assert ErrorReport.objects.get(part="lead").comment == XSS
    assert trouble == []


def test_server_errors_are_shown_as_text(live_server, page, story, settings):
    """The server's 429 message is shown as the dialog's status, as plain text."""
    settings.NEWSROOM_ERROR_REPORT_RATE_LIMIT = 0
    page.goto(live_server.url + story.get_absolute_url())
    page.evaluate(SELECT_WORD, [".story__headline", "көпір"])
    page.keyboard.press("Control+Enter")
    page.get_by_role("button", name="Send").click()
    status = page.locator(".report-dialog__status")
    expect(status).to_have_text(
        "Too many reports from you just now. Please try again later."
    )
    expect(page.get_by_role("button", name="Send")).to_be_enabled()
    assert not ErrorReport.objects.exists()


def test_touch_reader_reports_through_the_floating_button(live_server, browser, story):
    """On a phone, a selection shows "Report an error"; tapping it opens the dialog."""
    context = browser.new_context(
        viewport={"width": 375, "height": 740}, is_mobile=True, has_touch=True
    )
    phone = context.new_page()
    phone.set_default_timeout(10_000)
    trouble = watch_for_trouble(phone)
    phone.goto(live_server.url + story.get_absolute_url())

    expect(phone.locator(".story__report-touch")).to_be_visible()
    expect(phone.locator(".story__report-keys")).to_be_hidden()
    button = phone.locator(".report-fab")
    expect(button).to_be_hidden()

    assert phone.evaluate(SELECT_WORD, ["figcaption", "Павлодар"])["text"] == "Павлодар"
    expect(button).to_be_visible()
    box = button.bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= 375
    button.tap()
    dialog = phone.get_by_role("dialog", name="Report an error")
    expect(dialog).to_be_visible()
    expect(dialog.locator(".report-dialog__quote")).to_have_text("Павлодар")
    dialog.get_by_label("Suggested correction (optional)").fill("Павлодар қаласы")
    dialog.get_by_role("button", name="Send").tap()
    expect(dialog.get_by_role("status")).to_have_text(
        "Thank you! The editors will look at it."
    )
    report = ErrorReport.objects.get()
    assert (report.part, report.exact, report.prefix, report.suffix) == (
        "caption-1",
        "Павлодар",
        "Жаңа көпір, ",
        "",
    )
    dialog.get_by_role("button", name="Close").tap()
    phone.evaluate("getSelection().removeAllRanges()")
    expect(button).to_be_hidden()
    context.close()
    assert trouble == []


def test_the_script_reads_the_text_as_the_server_does(live_server, page, site):
    """Emoji, decomposed letters, NBSP, <br>, lists and entities: same offsets."""
    import unicodedata

    from reports.quotes import Document

    decomposed = unicodedata.normalize("NFD", "Өскемен й")
    body = (
        f"<p>Ақпарат 😀 {decomposed}&nbsp;&nbsp;қаласы &amp; <em>ауданы</em><br>"
        "жаңа\tжол</p><ul><li>бір</li><li>екі <strong>үш</strong></li></ul>"
        "<p>Соңында  қате сөз.</p>"
    )
    story = ArticleFactory(body=body)
    sent = []
    page.on(
        "request",
        lambda request: (
            sent.append(request.post_data_json) if request.method == "POST" else None
        ),
    )
    page.goto(live_server.url + story.get_absolute_url())
    for word in ("қате", "ауданы", "үш"):
        page.evaluate(SELECT_WORD, [".story__body", word])
        page.keyboard.press("Control+Enter")
        page.get_by_role("button", name="Send").click()
        expect(page.locator(".report-dialog__status")).to_have_text(
            "Thank you! The editors will look at it."
        )
        page.keyboard.press("Escape")
    document = Document.from_html(story.body)
    assert document.text == (
        "Ақпарат 😀 Өскемен й қаласы & ауданы жаңа жол бір екі үш Соңында қате сөз."
    )
    assert ErrorReport.objects.count() == 3
    assert [quote["exact"] for quote in sent] == ["қате", "ауданы", "үш"]
    for quote in sent:
        start = document.text.index(quote["exact"])
        assert quote["prefix"] == document.text[max(0, start - 32) : start]
        assert quote["suffix"] == document.text[start + len(quote["exact"]) :][:32]
        assert quote["part"] == "body"


def test_keyboard_reader_reports_a_chosen_paragraph(live_server, page, story):
    """No mouse, no selection: the button, Tab to the paragraph, Enter, send."""
    trouble = watch_for_trouble(page)
    page.goto(live_server.url + story.get_absolute_url())
    button = page.locator(".story__report-button")
    expect(button).to_be_visible()
    button.focus()
    page.keyboard.press("Enter")
    # The text's first paragraph is offered first; Tab moves to the second.
    expect(page.locator(".story__body > p").first).to_be_focused()
    page.keyboard.press("Tab")
    expect(page.locator(".story__body > p").nth(1)).to_be_focused()
    page.keyboard.press("Enter")
    dialog = page.locator("dialog#error-report")
    expect(dialog).to_be_visible()
    expect(page.locator(".report-dialog__quote")).to_have_text(
        "Құрылысқа үш жыл кетті."
    )
    page.keyboard.type(" (2021-2024)")
    page.keyboard.press("Control+Enter")
    expect(page.locator(".report-dialog__status")).to_contain_text("Thank you")
    report = ErrorReport.objects.get()
    assert (report.part, report.exact) == ("body", "Құрылысқа үш жыл кетті.")
    assert report.prefix.rstrip().endswith("ұзындығы 800 метр.")
    page.keyboard.press("Escape")
    expect(button).to_be_focused()
    assert trouble == []


def test_the_button_reports_a_selection(live_server, page, story):
    """With text selected, the button reports exactly that text."""
    page.goto(live_server.url + story.get_absolute_url())
    page.evaluate(SELECT_WORD, [".story__lead", "көпір"])
    page.locator(".story__report-button").click()
    expect(page.locator(".report-dialog__quote")).to_have_text("көпір")


EDITION_STORIES = {
    "kk": {
        "headline": "Павлодарда жаңа көпір ашылды",
        "body": "<p>Павлодарда Ертіс өзені арқылы жаңа көпір ашылды. Көпрдің ұзындығы 800 метр.</p>",
        "typo": "Көпрдің",
        "dialog": "Қате туралы хабарлау",
        "send": "Жіберу",
        "thanks": "Рақмет! Редакция қарап шығады.",
        "invitation": "Мәтіннен қате таптыңыз ба?",
    },
    "ru": {
        "headline": "В Павлодаре открыли новый мост",
        "body": "<p>В Павлодаре через Иртыш открыли новый мост. Длинна моста 800 метров.</p>",
        "typo": "Длинна",
        "dialog": "Сообщить об ошибке",
        "send": "Отправить",
        "thanks": "Спасибо! Редакция проверит.",
        "invitation": "Нашли ошибку в тексте?",
    },
}


@pytest.mark.parametrize("language", ["kk", "ru"])
def test_ctrl_enter_reports_an_error_in_the_kazakh_and_russian_editions(
    live_server, page, site, language
):
    """On a Kazakh or Russian story the dialog speaks its language and the report is sent."""
    data = EDITION_STORIES[language]
    story = ArticleFactory(
        language=language,
        section=SectionFactory(name="Regions", slug="regions"),
        headline=data["headline"],
        lead="",
        body=data["body"],
    )
    trouble = watch_for_trouble(page)
    page.goto(live_server.url + story.get_absolute_url())
    assert page.evaluate("document.documentElement.lang") == language
    expect(page.locator(".story__report-invite")).to_contain_text(data["invitation"])

    page.evaluate(SELECT_WORD, [".story__body", data["typo"]])
    page.keyboard.press("Control+Enter")
    dialog = page.get_by_role("dialog", name=data["dialog"])
    expect(dialog).to_be_visible()
    expect(dialog.locator(".report-dialog__quote")).to_have_text(data["typo"])
    dialog.get_by_role("button", name=data["send"]).click()
    expect(dialog.get_by_role("status")).to_have_text(data["thanks"])

    report = ErrorReport.objects.get()
    assert (report.exact, report.article.language) == (data["typo"], language)
    assert f"[{language.upper()}]" in mail.outbox[0].subject
    assert trouble == []
