"""Reader pages and the desk in Kazakh and Russian, chosen by the browser's language."""

import datetime
import re

import pytest
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation

from .factories import ArticleFactory

pytestmark = pytest.mark.django_db

INVITATION = {
    "en": ("Found an error in the text?", "Select the error and press Ctrl + Enter"),
    "ru": ("Нашли ошибку в тексте?", "Выделите её и нажмите Ctrl + Enter."),
    "kk": ("Мәтіннен қате таптыңыз ба?", "Қатені белгілеп, Ctrl + Enter пернелерін"),
}
# What the error-report script shows while a report is on its way.
SENDING = {"en": "Sending…", "ru": "Отправляем…", "kk": "Жіберілуде…"}
# The newsroom's reuse notice, when no setting or source agency replaces it.
NOTICE = {
    "en": "This information may not be reproduced without reference to Steppe Wire.",
    "ru": "Перепечатка материалов без ссылки на Steppe Wire запрещена.",
    "kk": "Материалдарды Steppe Wire агенттігіне сілтеме жасамай көшіріп басуға",
}


def html_lang(html: str) -> str:
    return re.search(r"<html lang=\"([^\"]+)\"", html)[1]


@pytest.fixture
def story(db):
    return ArticleFactory(
        published_at=datetime.datetime(2024, 2, 1, 11, 30, tzinfo=datetime.UTC)
    )


@pytest.mark.parametrize("language", ["en", "ru", "kk"])
def test_the_story_page_speaks_the_readers_language(client, story, settings, language):
    """Invitation, dialog, script messages and notice translated; the dateline kept."""
    settings.NEWSROOM_NAME = "Steppe Wire"
    settings.NEWSROOM_REUSE_NOTICE = ""
    story.language = language
    story.save()
    html = client.get(story.get_absolute_url()).content.decode()
    assert html_lang(html) == language
    question, instruction = INVITATION[language]
    assert question in html
    assert instruction in html
    assert f'data-msg-sending="{SENDING[language]}"' in html
    assert NOTICE[language] in html
    assert ">01.02.2024, 17:30</time>" in html


def test_the_reader_language_does_not_change_an_editions_language(client, story):
    """An English story page is English whatever the browser prefers."""
    html = client.get(
        story.get_absolute_url(), HTTP_ACCEPT_LANGUAGE="kk"
    ).content.decode()
    assert html_lang(html) == "en"
    assert "Found an error in the text?" in html


@pytest.mark.parametrize(
    ("language", "heading"),
    [("en", "Skip to content"), ("ru", "Перейти к содержанию"), ("kk", "Мазмұнға өту")],
)
def test_front_and_not_found_pages_carry_their_language(
    client, story, language, heading
):
    """Every reader page names its language in <html lang>."""
    front = client.get(f"/{language}/").content.decode()
    assert html_lang(front) == language
    assert heading in front
    missing = client.get(f"/{language}/no-such-page/")
    assert missing.status_code == 404
    assert html_lang(missing.content.decode()) == language
    # Outside the editions, the browser's language.
    missing = client.get("/no-such-page/", HTTP_ACCEPT_LANGUAGE=language)
    assert missing.status_code == 404
    assert html_lang(missing.content.decode()) == language


@pytest.mark.parametrize(
    ("page", "language", "title"),
    [
        ("500.html", "en", "Something went wrong"),
        ("500.html", "ru", "Что-то пошло не так"),
        ("500.html", "kk", "Қате орын алды"),
        ("403.html", "en", "Forbidden"),
        ("403.html", "ru", "Доступ запрещён"),
        ("403.html", "kk", "Рұқсат жоқ"),
    ],
)
def test_the_server_error_and_forbidden_pages_carry_their_language(
    page, language, title
):
    """The 500 and 403 pages, rendered without a request, name the active language."""
    with translation.override(language):
        html = render_to_string(page)
    assert html_lang(html) == language
    assert f"<h1>{title}</h1>" in html


@pytest.mark.parametrize(
    ("language", "header", "app"),
    [
        ("en", "Steppe Wire desk", "Stories"),
        ("ru", "Редакция Steppe Wire", "Материалы"),
        ("kk", "Steppe Wire редакциясы", "Материалдар"),
    ],
)
def test_the_desk_speaks_the_editors_language(
    client, editor, settings, language, header, app
):
    """The admin's header, its apps and the desk's own screens are translated."""
    settings.NEWSROOM_NAME = "Steppe Wire"
    client.force_login(editor)
    index = client.get(reverse("admin:index"), HTTP_ACCEPT_LANGUAGE=language)
    html = index.content.decode()
    assert html_lang(html) == language
    assert header in html
    assert f">{app}<" in html


@pytest.mark.parametrize(
    ("language", "title"),
    [("en", "Bad request"), ("ru", "Некорректный запрос"), ("kk", "Қате сұраныс")],
)
def test_the_bad_request_page_carries_its_language(client, language, title):
    """A forged Host header ends as the 400 page, in the browser's language."""
    response = client.get("/", HTTP_HOST="evil.example", HTTP_ACCEPT_LANGUAGE=language)
    assert response.status_code == 400
    html = response.content.decode()
    assert html_lang(html) == language
    assert f"<h1>{title}</h1>" in html


@pytest.mark.parametrize(
    ("language", "message"),
    [
        ("en", "The address contains a NUL character."),
        ("ru", "Адрес содержит символ NUL."),
        ("kk", "Мекенжайда NUL таңбасы бар."),
    ],
)
def test_a_refused_address_is_answered_in_the_browsers_language(
    client, language, message
):
    """The plain 400 sent before LocaleMiddleware runs follows Accept-Language too."""
    response = client.get("/search/?q=%00", HTTP_ACCEPT_LANGUAGE=language)
    assert response.status_code == 400
    assert response.content.decode() == message


def sign_in(client, language, password, ip="203.0.113.9"):
    return client.post(
        reverse("admin:login"),
        {"username": "editor", "password": password, "otp_token": ""},
        REMOTE_ADDR=ip,
        HTTP_ACCEPT_LANGUAGE=language,
    )


@pytest.mark.parametrize(
    ("language", "code_label", "button"),
    [
        ("en", "Code from your authenticator app", "Log in"),
        ("ru", "Код из приложения-аутентификатора", "Войти"),
        ("kk", "Аутентификатор қолданбасындағы код", "Кіру"),
    ],
)
def test_the_desk_login_speaks_the_editors_language(
    client, editor, language, code_label, button
):
    """The sign-in form, its one-time code field included, is translated."""
    html = client.get(
        reverse("admin:login"), HTTP_ACCEPT_LANGUAGE=language
    ).content.decode()
    assert html_lang(html) == language
    assert f">{code_label}:</label>" in html
    assert f'<input type="submit" value="{button}">' in html


@pytest.mark.parametrize(
    ("language", "wait"),
    [
        ("en", "Try again in 30 minutes"),
        ("ru", "Попробуйте снова через 30 минут"),
        ("kk", "30 минуттан кейін қайталап көріңіз"),
    ],
)
def test_a_locked_out_editor_is_told_in_their_language(
    client, editor, settings, language, wait
):
    """django-axes' lockout is the desk's page, translated, with the minutes to wait."""
    settings.AXES_COOLOFF_TIME = datetime.timedelta(minutes=30)
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        assert sign_in(client, language, "wrong").status_code == 200
    response = sign_in(client, language, "wrong")
    assert response.status_code == 429
    html = response.content.decode()
    assert html_lang(html) == language
    assert wait in html
    assert f'href="{reverse("admin:login")}"' in html


@pytest.mark.parametrize("language", ["ru", "kk"])
def test_the_counters_settings_reach_the_script_unlocalized(
    client, story, settings, language
):
    """Half a second reaches the script as 0.5 on a page that writes 0,5."""
    settings.ANALYTICS_BEACON_RETRY_SECONDS = 0.5
    html = client.get(
        story.get_absolute_url(), HTTP_ACCEPT_LANGUAGE=language
    ).content.decode()
    assert 'data-retry="0.5"' in html
