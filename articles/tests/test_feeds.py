"""RSS 2.0 and Atom feeds per edition, section and tag, as a feed reader parses them."""

import datetime
from urllib.parse import quote

import feedparser
import pytest
from django.utils import timezone

from articles import services
from articles.models import Article

from .distribution import build_newsroom
from .factories import ArticleFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def newsroom():
    return build_newsroom()


def parse(client, url: str):
    response = client.get(url)
    assert response.status_code == 200, url
    feed = feedparser.parse(response.content)
    assert feed.bozo == 0, (url, feed.get("bozo_exception"))
    return response, feed


def feed_urls(newsroom) -> list[str]:
    """Every feed of the newsroom: each edition's, section's and tag's, both formats."""
    urls = []
    for prefix, section in (
        ("kk", "ekonomika"),
        ("kk-latn", "ekonomika"),
        ("ru", "ekonomika"),
        ("en", "economy"),
    ):
        urls += [f"/{prefix}/feed/", f"/{prefix}/section/{section}/feed/"]
    urls += [
        f"/kk/tag/{quote('астық')}/feed/",
        f"/ru/tag/{quote('зерно')}/feed/",
        "/en/tag/grain/feed/",
    ]
    return urls + [f"{url}atom/" for url in urls]


def test_every_feed_parses_cleanly(client, newsroom):
    """No feed of any edition, section or tag, RSS or Atom, has a bozo error."""
    for url in feed_urls(newsroom):
        response, feed = parse(client, url)
        kind = "atom" if url.endswith("/atom/") else "rss"
        assert feed.version == ("atom10" if kind == "atom" else "rss20"), url
        assert response["Content-Type"].startswith(f"application/{kind}+xml")
        assert feed.entries, url


def test_an_edition_feed_carries_everything_a_reader_shows(client, newsroom):
    """Summary, author, categories, photo, language, dates of each item."""
    response, feed = parse(client, "/kk/feed/")
    assert feed.feed.language == "kk"
    assert feed.feed.title == "Steppe Wire"
    [item] = feed.entries
    story = newsroom.kk
    assert item.title == story.headline
    assert item.link == "http://testserver" + story.get_absolute_url()
    assert item.summary == story.lead
    assert item.author == story.byline
    assert {tag.term for tag in item.tags} == {"Экономика", "астық", "биржа"}
    assert item.published_parsed[:6] == story.published_at.utctimetuple()[:6]
    [enclosure] = item.enclosures
    crop = next(r for r in story.images.get().renditions if r.get("crop") == "social")
    assert enclosure.href.endswith(crop["name"])
    assert enclosure.type == "image/jpeg" and int(enclosure.length) > 0
    [media] = item.media_content
    assert media["url"] == enclosure.href
    assert (media["width"], media["height"]) == ("1200", "630")
    assert b"<content:encoded>" not in response.content  # full text is off by default
    # Other editions' stories are not in it; the English one is in English.
    _, english = parse(client, "/en/feed/")
    assert english.feed.language == "en"
    assert [e.title for e in english.entries] == [
        newsroom.en.headline,
        newsroom.old.headline,
    ]
    assert "author" not in english.entries[0]  # no byline, no author


def test_atom_feed_carries_the_photo_as_an_enclosure_link(client, newsroom):
    _, feed = parse(client, "/kk/feed/atom/")
    [item] = feed.entries
    enclosures = [link for link in item.links if link.rel == "enclosure"]
    assert len(enclosures) == 1 and enclosures[0].type == "image/jpeg"
    assert item.summary == newsroom.kk.lead
    assert item.author == newsroom.kk.byline
    assert feed.feed.author == "Steppe Wire"  # Atom wants an author for the feed


def test_full_text_is_in_the_feed_when_the_setting_allows(client, newsroom, settings):
    """With NEWSROOM_FEED_FULL_TEXT, the sanitized body is each item's content."""
    settings.NEWSROOM_FEED_FULL_TEXT = True
    for url in ("/en/feed/", "/en/feed/atom/"):
        _, feed = parse(client, url)
        item = feed.entries[0]
        assert item.content[0].value == newsroom.en.body
        assert item.summary == newsroom.en.lead


def test_section_and_tag_feeds_list_their_stories_in_their_edition(client, newsroom):
    other = ArticleFactory(language="en", headline="Another section's story")
    _, section = parse(client, "/en/section/economy/feed/")
    titles = [e.title for e in section.entries]
    assert newsroom.en.headline in titles and other.headline not in titles
    assert section.feed.title == "Economy · Steppe Wire"
    _, tag = parse(client, "/en/tag/grain/feed/atom/")
    assert [e.title for e in tag.entries] == [newsroom.en.headline]
    assert tag.feed.title == "#grain · Steppe Wire"
    _, russian = parse(client, "/ru/section/ekonomika/feed/")
    assert [e.title for e in russian.entries] == [newsroom.ru.headline]
    assert russian.feed.language == "ru"
    assert client.get("/en/section/no-such/feed/").status_code == 404
    assert client.get("/en/tag/no-such/feed/atom/").status_code == 404


def test_latin_feed_is_the_kazakh_one_in_latin_script(client, newsroom):
    _, feed = parse(client, "/kk-latn/feed/")
    assert feed.feed.language == "kk-Latn"
    [item] = feed.entries
    assert item.title == "Astanada astyq birjasy aşyldy"
    assert item.link.startswith("http://testserver/kk-latn/news/")


def test_feeds_list_live_stories_only(client, newsroom):
    draft = ArticleFactory(language="en", status=Article.Status.DRAFT)
    scheduled = ArticleFactory(
        language="en", published_at=timezone.now() + datetime.timedelta(hours=1)
    )
    for url in ("/en/feed/", "/en/feed/atom/"):
        _, feed = parse(client, url)
        titles = {e.title for e in feed.entries}
        assert newsroom.en.headline in titles
        assert draft.headline not in titles and scheduled.headline not in titles


def test_pages_with_a_feed_link_to_it_in_their_head(client, newsroom):
    """Autodiscovery: <link rel="alternate"> for RSS and Atom, the section's first."""
    page = client.get("/en/section/economy/").text
    head = page[: page.index("</head>")]
    section_rss = (
        '<link rel="alternate" type="application/rss+xml" '
        'title="Economy · Steppe Wire" '
        'href="http://testserver/en/section/economy/feed/">'
    )
    assert section_rss in head
    assert 'href="http://testserver/en/section/economy/feed/atom/"' in head
    assert 'href="http://testserver/en/feed/"' in head
    tag_head = client.get("/en/tag/grain/").text.split("</head>")[0]
    assert 'href="http://testserver/en/tag/grain/feed/"' in tag_head
    for url in ("/en/", newsroom.en.get_absolute_url()):
        head = client.get(url).text.split("</head>")[0]
        assert 'type="application/atom+xml"' in head
        assert 'href="http://testserver/en/feed/atom/"' in head


@pytest.fixture
def page_cache(settings):
    settings.NEWSROOM_PAGE_CACHE_SECONDS = 300
    settings.NEWSROOM_PAGE_VERSION_CHECK_SECONDS = 60


def test_a_story_published_now_is_in_the_news_sitemap_and_feeds_at_once(
    client,
    newsroom,
    page_cache,
    django_assert_num_queries,
    django_capture_on_commit_callbacks,
):
    """With the page cache on, publishing refreshes what the cache holds."""
    urls = ["/sitemap-news-en.xml", "/en/feed/", "/en/section/economy/feed/atom/"]
    for url in urls:
        assert client.get(url).status_code == 200
    with django_assert_num_queries(0):  # cached: the next answers cost nothing
        for url in urls:
            assert client.get(url).status_code == 200
    story = ArticleFactory(
        language="en",
        section=newsroom.section,
        headline="Breaking: the exchange's first trade",
        status=Article.Status.DRAFT,
        published_at=None,
    )
    with django_capture_on_commit_callbacks(execute=True):
        services.article_publish(article=story)
    for url in urls:
        assert story.get_absolute_url() in client.get(url).text, url
    # A correction is the story's last change in the cached news sitemap at once.
    with django_capture_on_commit_callbacks(execute=True):
        correction = services.correction_add(article=story, text="The time was wrong.")
    lastmod = timezone.localtime(correction.created_at).isoformat()
    assert f"<lastmod>{lastmod}</lastmod>" in client.get(urls[0]).text
