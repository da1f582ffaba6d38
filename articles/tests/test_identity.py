"""The agency's identity: logo, icons, web app manifest and footer, from settings."""

import json

import pytest
from django.contrib.staticfiles import finders
from PIL import Image

from .factories import SectionFactory

pytestmark = pytest.mark.django_db


def test_the_header_shows_the_logo_beside_the_name(client):
    page = client.get("/en/").text
    header = page[page.index('<header class="site-header">') : page.index("</header>")]
    assert '<img class="site-logo" src="/static/img/logo.svg" alt=""' in header
    assert "Steppe Wire</a>" in header
    assert finders.find("img/logo.svg")


def test_another_agency_sets_its_own_name_logo_and_contacts(client, settings):
    settings.NEWSROOM_NAME = "Dala News"
    settings.NEWSROOM_LOGO = "img/favicon.svg"
    settings.NEWSROOM_CONTACT_EMAIL = "desk@dala.example"
    settings.NEWSROOM_CONTACT_PHONE = "+7 727 000 00 00"
    page = client.get("/en/").text
    assert 'src="/static/img/favicon.svg"' in page
    assert "Dala News</a>" in page
    footer = page[page.index('<footer class="site-footer">') :]
    assert 'href="mailto:desk@dala.example"' in footer
    assert 'href="tel:+77270000000"' in footer
    assert "reference to Dala News" in footer  # the default reuse notice


@pytest.mark.parametrize(
    ("name", "size"),
    [
        ("img/favicon-32.png", (32, 32)),
        ("img/apple-touch-icon.png", (180, 180)),
        ("img/icon-192.png", (192, 192)),
        ("img/icon-512.png", (512, 512)),
        ("img/social.png", (1200, 630)),
    ],
)
def test_icons_are_there_at_their_sizes(name, size):
    with Image.open(finders.find(name)) as image:
        assert image.size == size


def test_pages_link_the_icon_set_and_the_manifest(client):
    head = client.get("/ru/").text.split("</head>")[0]
    for link in (
        '<link rel="icon" href="/static/img/favicon.svg" type="image/svg+xml">',
        '<link rel="icon" href="/static/img/favicon-32.png" type="image/png" sizes="32x32">',
        '<link rel="apple-touch-icon" href="/static/img/apple-touch-icon.png">',
        '<link rel="manifest" href="/ru/manifest.webmanifest">',
    ):
        assert link in head


@pytest.mark.parametrize(
    ("prefix", "lang", "description"),
    [
        ("kk", "kk", "Steppe Wire ақпарат агенттігінің соңғы жаңалықтары."),
        ("kk-latn", "kk-Latn", "Steppe Wire aqparat agenttıgınıñ soñğy jañalyqtary."),
        ("ru", "ru", "Последние новости агентства Steppe Wire."),
        ("en", "en", "The latest news from Steppe Wire."),
    ],
)
def test_each_edition_has_its_web_app_manifest(client, prefix, lang, description):
    response = client.get(f"/{prefix}/manifest.webmanifest")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/manifest+json"
    manifest = json.loads(response.content)
    assert manifest["name"] == "Steppe Wire"
    assert manifest["lang"] == lang
    assert manifest["description"] == description
    assert manifest["start_url"] == manifest["scope"] == f"/{prefix}/"
    sizes = {icon["sizes"] for icon in manifest["icons"]}
    assert {"192x192", "512x512"} <= sizes
    for icon in manifest["icons"]:
        assert finders.find(icon["src"].removeprefix("/static/"))


def test_the_footer_lists_editions_sections_feeds_contacts_and_the_notice(client):
    SectionFactory(name="Economy", slug="economy", name_ru="Экономика")
    page = client.get("/ru/").text
    footer = page[page.index('<footer class="site-footer">') :]
    assert '<a href="/kk/" lang="kk" hreflang="kk">Қазақша</a>' in footer
    assert '<a href="/ru/" lang="ru" hreflang="ru">Русский</a>' in footer
    assert '<a href="/en/" lang="en" hreflang="en">English</a>' in footer
    assert '<a href="/ru/section/economy/">Экономика</a>' in footer
    assert '<a href="/ru/feed/" type="application/rss+xml">RSS</a>' in footer
    assert '<a href="/ru/feed/atom/" type="application/atom+xml">Atom</a>' in footer
    assert "Контакты" in footer and 'href="mailto:desk@steppewire.example"' in footer
    assert "без ссылки на Steppe Wire" in footer
