"""robots.txt, the sitemap index and its sitemaps, checked against the published schemas."""

import datetime
from pathlib import Path
from urllib.parse import quote

import pytest
from django.utils import timezone
from lxml import etree

from articles import services
from articles.models import Article
from articles.sitemaps import ArticleSitemap

from .distribution import build_newsroom
from .factories import ArticleFactory

pytestmark = pytest.mark.django_db

SCHEMAS = Path(__file__).parent / "schemas"
NS = {
    "sm": "http://www.sitemaps.org/schemas/sitemap/0.9",
    "xhtml": "http://www.w3.org/1999/xhtml",
    "image": "http://www.google.com/schemas/sitemap-image/1.1",
    "news": "http://www.google.com/schemas/sitemap-news/0.9",
}
URLSET = etree.XMLSchema(etree.parse(str(SCHEMAS / "urlset.xsd")))
SITEINDEX = etree.XMLSchema(etree.parse(str(SCHEMAS / "siteindex.xsd")))


def valid(schema: etree.XMLSchema, content: bytes) -> etree._Element:
    """The parsed document, or a failure naming every schema error."""
    document = etree.fromstring(content)
    assert schema.validate(document), "\n".join(str(e) for e in schema.error_log)
    return document


def local(url: str) -> str:
    return url.removeprefix("http://testserver")


def fetch(client, url: str) -> etree._Element:
    response = client.get(local(url))
    assert response.status_code == 200, url
    assert response["Content-Type"].startswith("application/xml")
    return valid(URLSET, response.content)


@pytest.fixture
def newsroom():
    return build_newsroom()


def entry(document, url: str):
    """The <url> element of `url` in a sitemap, or None."""
    found = document.xpath("sm:url[sm:loc=$loc]", namespaces=NS, loc=url)
    return found[0] if found else None


def test_every_sitemap_page_in_the_index_is_valid(client, newsroom):
    """The index and every sitemap it names validate against the published schemas."""
    index = valid(SITEINDEX, client.get("/sitemap.xml").content)
    locations = index.xpath("sm:sitemap/sm:loc/text()", namespaces=NS)
    names = {local(url) for url in locations}
    assert {
        "/sitemap-stories-kk.xml",
        "/sitemap-stories-kk-latn.xml",
        "/sitemap-stories-ru.xml",
        "/sitemap-stories-en.xml",
        "/sitemap-news-kk.xml",
        "/sitemap-news-ru.xml",
        "/sitemap-news-en.xml",
        "/sitemap-sections.xml",
        "/sitemap-tags.xml",
    } == names
    for url in locations:
        assert fetch(client, url).xpath("sm:url", namespaces=NS)


def test_the_validator_rejects_a_broken_sitemap():
    """Negative control: a news entry without a title and a language in words fails."""
    broken = b"""<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"
        xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">
  <url>
    <loc>https://news.example/en/news/1/a/</loc>
    <news:news>
      <news:publication><news:name>X</news:name><news:language>English</news:language></news:publication>
      <news:publication_date>yesterday</news:publication_date>
    </news:news>
  </url>
</urlset>"""
    assert not URLSET.validate(etree.fromstring(broken))
    messages = " ".join(str(error) for error in URLSET.error_log)
    assert "language" in messages and "publication_date" in messages
    # An element of a namespace no schema knows is refused too (strict wildcard).
    unknown = (
        broken.replace(b"news:", b"nws:")
        .replace(b"xmlns:news", b"xmlns:nws")
        .replace(b"sitemap-news/0.9", b"unknown")
    )
    assert not URLSET.validate(etree.fromstring(unknown))
    # And the same document with the faults fixed passes: the test can tell.
    fixed = (
        broken.replace(b"English", b"en")
        .replace(b"yesterday", b"2026-01-02T10:00:00+05:00")
        .replace(
            b"</news:publication_date>",
            b"</news:publication_date><news:title>T</news:title>",
        )
    )
    assert URLSET.validate(etree.fromstring(fixed)), URLSET.error_log


def test_story_sitemap_lists_versions_photos_and_the_real_last_change(client, newsroom):
    """Each story: its alternates in every edition and script, its photo, lastmod."""
    kk = fetch(client, "/sitemap-stories-kk.xml")
    url = "http://testserver" + newsroom.kk.get_absolute_url()
    story = entry(kk, url)
    links = {
        link.get("hreflang"): link.get("href")
        for link in story.xpath("xhtml:link", namespaces=NS)
    }
    assert links == {
        "kk": url,
        "kk-Latn": url.replace("/kk/", "/kk-latn/"),
        "ru": "http://testserver" + newsroom.ru.get_absolute_url(),
        "en": "http://testserver" + newsroom.en.get_absolute_url(),
        "x-default": "http://testserver" + newsroom.ru.get_absolute_url(),
    }
    images = story.xpath("image:image/image:loc/text()", namespaces=NS)
    assert images == ["http://testserver" + newsroom.kk.images.get().image.url]
    # The correction (after the last edit) is the story's last change.
    lastmod = story.xpath("sm:lastmod/text()", namespaces=NS)[0]
    correction = newsroom.kk.corrections.get()
    assert datetime.datetime.fromisoformat(lastmod) == correction.created_at
    # The Latin sitemap lists the same story at its Latin address, same alternates.
    latin = fetch(client, "/sitemap-stories-kk-latn.xml")
    latin_story = entry(latin, url.replace("/kk/", "/kk-latn/"))
    assert len(latin_story.xpath("xhtml:link", namespaces=NS)) == len(links)
    # Stories of other editions are in their own sitemaps only.
    assert entry(kk, "http://testserver" + newsroom.ru.get_absolute_url()) is None


def test_lastmod_follows_edits_corrections_and_going_live(client, newsroom):
    """lastmod is the last save, a correction, or the publish time of a timed story."""
    services.correction_add(article=newsroom.en, text="A date was wrong.")
    newsroom.en.refresh_from_db()
    document = fetch(client, "/sitemap-stories-en.xml")
    url = "http://testserver" + newsroom.en.get_absolute_url()
    lastmod = entry(document, url).xpath("sm:lastmod/text()", namespaces=NS)[0]
    assert datetime.datetime.fromisoformat(lastmod) == (
        newsroom.en.corrections.get().created_at
    )
    # Saved long before it went live: the time it went live is its last change.
    went_live = timezone.now() - datetime.timedelta(minutes=5)
    timed = ArticleFactory(language="en", published_at=went_live)
    Article.objects.filter(pk=timed.pk).update(
        updated_at=went_live - datetime.timedelta(days=1)
    )
    document = fetch(client, "/sitemap-stories-en.xml")
    lastmod = entry(document, "http://testserver" + timed.get_absolute_url()).xpath(
        "sm:lastmod/text()", namespaces=NS
    )[0]
    assert datetime.datetime.fromisoformat(lastmod) == went_live


def test_drafts_and_scheduled_stories_are_in_no_sitemap(client, newsroom):
    draft = ArticleFactory(language="en", status=Article.Status.DRAFT)
    scheduled = ArticleFactory(
        language="en", published_at=timezone.now() + datetime.timedelta(hours=2)
    )
    for name in ("stories-en", "news-en"):
        text = client.get(f"/sitemap-{name}.xml").text
        assert newsroom.en.get_absolute_url() in text
        assert draft.get_absolute_url() not in text
        assert scheduled.get_absolute_url() not in text


def test_news_sitemap_lists_the_last_48_hours_for_google(client, newsroom):
    """news:publication with the edition's ISO 639 code, the date and the title."""
    document = fetch(client, "/sitemap-news-en.xml")
    urls = document.xpath("sm:url/sm:loc/text()", namespaces=NS)
    assert urls == ["http://testserver" + newsroom.en.get_absolute_url()]  # not `old`
    news = document.xpath("sm:url/news:news", namespaces=NS)[0]
    assert news.xpath("news:publication/news:name/text()", namespaces=NS) == [
        "Steppe Wire"
    ]
    assert news.xpath("news:title/text()", namespaces=NS) == [newsroom.en.headline]
    published = news.xpath("news:publication_date/text()", namespaces=NS)[0]
    assert datetime.datetime.fromisoformat(published) == newsroom.en.published_at
    for edition in ("kk", "ru", "en"):
        document = fetch(client, f"/sitemap-news-{edition}.xml")
        assert set(document.xpath("//news:language/text()", namespaces=NS)) == {edition}


def test_sections_and_tags_sitemaps(client, newsroom):
    """Every section in every edition and script; each tag in its edition."""
    sections = fetch(client, "/sitemap-sections.xml").xpath(
        "sm:url/sm:loc/text()", namespaces=NS
    )
    assert {local(url) for url in sections} == {
        "/kk/section/ekonomika/",
        "/kk-latn/section/ekonomika/",
        "/ru/section/ekonomika/",
        "/en/section/economy/",
    }
    tags = fetch(client, "/sitemap-tags.xml").xpath(
        "sm:url/sm:loc/text()", namespaces=NS
    )
    assert "http://testserver/en/tag/grain/" in tags
    zerno = quote("зерно")  # tags keep the letters they are written in
    assert f"http://testserver/ru/tag/{zerno}/" in tags
    assert f"http://testserver/kk-latn/tag/{quote('астық')}/" in tags
    assert not any(f"/en/tag/{zerno}/" in url for url in tags)


def test_story_sitemaps_are_split_into_pages(client, newsroom, monkeypatch):
    """Past `limit` addresses, the index names pages ?p=2, each valid on its own."""
    assert ArticleSitemap.limit == 50_000
    monkeypatch.setattr(ArticleSitemap, "limit", 1)
    index = valid(SITEINDEX, client.get("/sitemap.xml").content)
    pages = [
        url
        for url in index.xpath("sm:sitemap/sm:loc/text()", namespaces=NS)
        if "stories-en" in url
    ]
    assert [local(url) for url in pages] == [
        "/sitemap-stories-en.xml",
        "/sitemap-stories-en.xml?p=2",
    ]
    seen = [
        fetch(client, url).xpath("sm:url/sm:loc/text()", namespaces=NS) for url in pages
    ]
    assert all(len(urls) == 1 for urls in seen) and seen[0] != seen[1]
    assert client.get("/sitemap-stories-en.xml?p=3").status_code == 404
    assert client.get("/sitemap-stories-en.xml?p=x").status_code == 404


def test_an_unknown_sitemap_is_a_404(client, db):
    assert client.get("/sitemap-nothing.xml").status_code == 404


def test_robots_txt_keeps_crawlers_out_and_names_the_sitemaps(client, db):
    response = client.get("/robots.txt")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    lines = response.text.splitlines()
    assert lines[0] == "User-agent: *"
    disallowed = {
        line.split(": ", 1)[1] for line in lines if line.startswith("Disallow")
    }
    for path in (
        "/admin/",
        "/analytics/hit/",
        "/error-reports/",
        "/en/search/",
        "/kk-latn/search/",
        "/ru/preview/",
    ):
        assert path in disallowed
    sitemaps = [line.split(": ", 1)[1] for line in lines if line.startswith("Sitemap")]
    assert sitemaps == [
        "http://testserver/sitemap.xml",
        "http://testserver/sitemap-news-kk.xml",
        "http://testserver/sitemap-news-ru.xml",
        "http://testserver/sitemap-news-en.xml",
    ]
    # Each named sitemap answers.
    for url in sitemaps:
        assert client.get(local(url)).status_code == 200
    assert client.post("/robots.txt").status_code == 405
