import datetime
from contextlib import contextmanager

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from articles.models import Article

from .factories import (
    ArticleFactory,
    ArticleImageFactory,
    SectionFactory,
    SourceFactory,
)

pytestmark = pytest.mark.django_db

UTC = datetime.UTC


def get_story(client, story):
    return client.get(story.get_absolute_url())


@pytest.mark.parametrize(
    ("published_utc", "dateline"),
    [
        # Almaty has been UTC+5 since 1 March 2024 ...
        (datetime.datetime(2025, 1, 31, 23, 30, tzinfo=UTC), "01.02.2025, 04:30"),
        # ... and was UTC+6 before.
        (datetime.datetime(2024, 1, 31, 23, 30, tzinfo=UTC), "01.02.2024, 05:30"),
        # At the change, 00:00 on 1 March became 23:00 on 29 February again.
        (datetime.datetime(2024, 2, 29, 17, 30, tzinfo=UTC), "29.02.2024, 23:30"),
        (datetime.datetime(2024, 2, 29, 18, 30, tzinfo=UTC), "29.02.2024, 23:30"),
        (datetime.datetime(2024, 3, 1, 18, 0, tzinfo=UTC), "01.03.2024, 23:00"),
    ],
)
def test_dateline_in_the_newsroom_time_zone(client, published_utc, dateline):
    """The dateline is DD.MM.YYYY, HH:MM in Asia/Almaty, with its 2024 offset change."""
    story = ArticleFactory(published_at=published_utc)
    response = get_story(client, story)
    assert (
        f'datetime="{published_utc.astimezone(timezone.get_current_timezone()).isoformat()}"'
        in response.text
    )
    assert f">{dateline}</time>" in response.text


def test_draft_is_404_to_readers(client):
    """A draft story returns 404 to readers."""
    story = ArticleFactory(status=Article.Status.DRAFT)
    assert get_story(client, story).status_code == 404


def test_scheduled_story_is_404_until_its_time(client):
    """A story scheduled for later returns 404 until its publish time."""
    story = ArticleFactory(published_at=timezone.now() + datetime.timedelta(hours=1))
    assert get_story(client, story).status_code == 404


def test_changed_slug_redirects_permanently(client, article):
    """An old or wrong slug redirects to the story's current address."""
    url = reverse(
        "articles:article-detail", kwargs={"pk": article.pk, "slug": "old-slug"}
    )
    response = client.get(url)
    assert response.status_code == 301
    assert response["Location"] == article.get_absolute_url()
    short = client.get(reverse("articles:article-short", kwargs={"pk": article.pk}))
    assert short.status_code == 301


@pytest.mark.parametrize(
    "path",
    [
        "/en/news/99999/x/",
        "/en/news/abc/x/",
        "/en/news/99999999999999999999999/x/",
        "/en/section/nope/",
        "/en/tag/nope/",
    ],
)
def test_unknown_addresses_are_404_with_the_site_page(client, path):
    """Unknown ids, slugs and sections give the newsroom's 404 page, never a 500."""
    ArticleFactory()
    response = client.get(path)
    assert response.status_code == 404
    assert "Page not found" in response.text


def test_story_page_shows_the_reference_elements_in_order(client, settings):
    """The story page carries every element of the reference page, in its order."""
    settings.NEWSROOM_REUSE_NOTICE = (
        "This information may not be reproduced without reference to Steppe Wire."
    )
    source = SourceFactory(name="Kabar", website="https://kabar.example")
    story = ArticleFactory(
        headline="Heads of government discuss trade",
        lead="Ministers met in Almaty.",
        body="<p>The ministers met in Almaty, Kabar reports.</p>",
        source=source,
        published_at=datetime.datetime(2024, 1, 31, 23, 30, tzinfo=UTC),
        tags=["trade"],
    )
    ArticleImageFactory(article=story, caption="The ministers", credit="Kabar")
    ArticleFactory(headline="Trade grows again", tags=["trade"])
    page = get_story(client, story).text
    text = page[page.index("<main") :]
    # Issue 15: the story reads first: headline, lead, dateline and counter, the
    # first photo with its caption and credit, then the text; byline, source and
    # tags after it.
    markers = [
        "Heads of government discuss trade</h1>",
        "Ministers met in Almaty.",
        "01.02.2024, 05:30",
        'class="views"',
        "<figcaption",
        "Images | Kabar",
        "Kabar reports.",
        "Source:",
        "#trade",
        "This information may not be reproduced without reference to Steppe Wire.",
        "Found an error in the text?",
        "Select the error and press Ctrl + Enter at the same time.",
        "relevant news",
        "Trade grows again",
        "Most viewed",
    ]
    positions = [text.find(marker) for marker in markers]
    assert -1 not in positions, [
        m for m, p in zip(markers, positions, strict=True) if p == -1
    ]
    assert positions == sorted(positions)


def test_story_page_is_semantic_html(client, article):
    """The story is an <article> with a <time datetime>, photos are <figure>s."""
    ArticleImageFactory(article=article)
    text = get_story(client, article).text
    assert '<article class="story"' in text
    assert "<time " in text and 'datetime="' in text
    assert "<figure" in text and "<figcaption" in text


def test_reader_text_is_escaped(client):
    """Headlines, leads and captions are escaped on output."""
    story = ArticleFactory(headline="<b>Bold</b> & co", lead="<script>x</script>")
    ArticleImageFactory(article=story, caption="<img src=x onerror=alert(1)>")
    text = get_story(client, story).text
    assert "&lt;b&gt;Bold&lt;/b&gt; &amp; co" in text
    assert "<script>x</script>" not in text
    assert "<img src=x onerror" not in text


def test_only_the_first_photo_loads_eagerly(client, article):
    """Photos after the first are lazy-loaded, and each has its width and height."""
    for order in range(3):
        ArticleImageFactory(article=article, order=order)
    text = get_story(client, article).text
    assert text.count('loading="lazy"') == 2
    assert text.count('width="64" height="48"') == 3


@pytest.mark.parametrize("page", ["abc", "0", "-1", "999", "1.5", "９"])
def test_bad_page_numbers_are_404(client, section, page):
    """A page number that is not a page gives 404, never a 500."""
    ArticleFactory(section=section)
    ArticleFactory(section=section, tags=["trade"])
    for url, query in (
        (section.get_absolute_url(), {}),
        (reverse("articles:tag-detail", args=["trade"]), {}),
        ("/en/search/", {"q": "story"}),
    ):
        response = client.get(url, {**query, "page": page})
        assert response.status_code == 404, url


def test_section_pages_paginate(client, section, settings):
    """Section pages list live stories newest first, a page at a time."""
    settings.NEWSROOM_PAGE_SIZE = 2
    stories = [
        ArticleFactory(
            section=section, published_at=timezone.now() - datetime.timedelta(hours=h)
        )
        for h in range(1, 6)
    ]
    first = client.get(section.get_absolute_url())
    assert list(first.context["page"].object_list) == stories[:2]
    last = client.get(section.get_absolute_url(), {"page": 3})
    assert list(last.context["page"].object_list) == stories[4:]
    assert 'rel="prev"' in last.text and 'rel="next"' not in last.text


def test_empty_section_page_is_200(client, section):
    """A section with no stories yet shows an empty page, not a 404."""
    response = client.get(section.get_absolute_url())
    assert response.status_code == 200
    assert "No stories here yet." in response.text


def test_tag_page_lists_live_stories_with_the_tag(client):
    """A tag page lists the live stories carrying that tag."""
    tagged = ArticleFactory(tags=["energy"])
    ArticleFactory(tags=["sport"])
    ArticleFactory(tags=["energy"], status=Article.Status.DRAFT)
    response = client.get(reverse("articles:tag-detail", args=["energy"]))
    assert list(response.context["page"].object_list) == [tagged]


def test_search_finds_live_stories_by_every_word(client):
    """Search matches stories containing every word, live ones only."""
    hit = ArticleFactory(
        headline="Wheat harvest in Kostanay", body="<p>Record yields.</p>"
    )
    ArticleFactory(headline="Wheat prices", body="<p>Markets.</p>")
    ArticleFactory(
        headline="Wheat harvest draft",
        body="<p>Record</p>",
        status=Article.Status.DRAFT,
    )
    response = client.get("/en/search/", {"q": "  wheat   record "})
    assert list(response.context["page"].object_list) == [hit]
    assert response.context["query"] == "wheat record"


def test_search_with_an_overlong_query_is_not_an_error(client):
    """An enormous query is cut, not an error."""
    response = client.get("/en/search/", {"q": "x" * 5000})
    assert response.status_code == 200
    assert len(response.context["query"]) == 200


def test_feed_and_sitemap_list_live_stories_only(client, article):
    """The RSS feed and the sitemap never list drafts."""
    draft = ArticleFactory(headline="Secret draft", status=Article.Status.DRAFT)
    feed = client.get("/en/feed/").content.decode()
    sitemap = client.get("/sitemap-stories-en.xml").content.decode()
    assert article.headline in feed and draft.headline not in feed
    assert (
        article.get_absolute_url() in sitemap
        and draft.get_absolute_url() not in sitemap
    )


@contextmanager
def assert_page_queries(expected: int):
    """
    Exactly `expected` queries of the reader pages' own. The view counter and "Most
    viewed" blocks read analytics' tables (their queries depend on the counter
    store and are asserted in analytics' tests), so those are left out here.
    """
    with CaptureQueriesContext(connection) as context:
        yield
    own = [q["sql"] for q in context.captured_queries if "analytics_" not in q["sql"]]
    assert len(own) == expected, "\n\n".join(own)


def build_newsroom(stories: int):
    sections = [SectionFactory() for _ in range(3)]
    for n in range(stories):
        story = ArticleFactory(
            section=sections[n % 3], tags=[f"tag{n % 5}", f"tag{n % 7}", "common"]
        )
        for order in range(2):
            ArticleImageFactory(article=story, order=order, credit=f"Agency {order}")
    return Article.objects.live().first()


@pytest.mark.parametrize("stories", [6, 30])
def test_front_page_query_count_is_constant(client, stories):
    """The front page costs the same queries for 6 stories (4 at the top) as for 30."""
    build_newsroom(stories)
    # the top stories, their images, latest, section blocks, their images,
    # sections, menu.
    with assert_page_queries(7):
        assert client.get("/en/").status_code == 200


@pytest.mark.parametrize("stories", [3, 30])
def test_story_page_query_count_is_constant(client, stories):
    """A story page costs the same queries whatever the number of stories, tags and photos."""
    story = build_newsroom(stories)
    # story, photos, tags, corrections, its translations, relevant news, menu.
    with assert_page_queries(7):
        assert client.get(story.get_absolute_url()).status_code == 200


def test_section_page_query_count_is_constant(client):
    """A section page costs a fixed number of queries."""
    url = build_newsroom(30).section.get_absolute_url()
    # section, count, page, photos, menu.
    with assert_page_queries(5):
        assert client.get(url).status_code == 200


@pytest.mark.parametrize(
    "url",
    [
        "/en/search/?q=%00",
        "/en/search/?q=wheat%00harvest&page=1",
        "/en/tag/%00/",
        "/en/tag/trade%00/",
        "/en/news/1/%00/",
        "/preview/%00/",
        "/en/?page=%00",
        "/en/section/politics/?page=%00",
        "/admin/articles/article/?status__exact=%00",
        "/analytics/hit/?a=%00",
    ],
)
def test_a_nul_character_in_an_address_is_a_clear_400(client, section, url):
    """A NUL in a path or query (PostgreSQL refuses NUL in text) is a 400, never a 500."""
    ArticleFactory(section=section, headline="Wheat harvest", tags=["trade"])
    response = client.get(url)
    assert response.status_code == 400
    assert "NUL character" in response.text


def test_other_control_characters_in_a_search_are_harmless(client):
    """Other control characters in a search simply match nothing."""
    ArticleFactory(headline="Wheat harvest")
    assert client.get("/en/search/", {"q": "wheat\x1f\x7f"}).status_code == 200


@pytest.mark.django_db
@pytest.mark.parametrize("number", ["01", "+1", "1.0", " 1", "0", "1e3"])
def test_a_page_number_written_another_way_is_a_404(client, number):
    """Each page of a list has one address: ?page=01 is not page 1 (nor a 500)."""
    section = ArticleFactory().section
    assert client.get(section.get_absolute_url(), {"page": number}).status_code == 404
    assert client.get(section.get_absolute_url(), {"page": "1"}).status_code == 200


def test_search_says_what_to_do_and_when_nothing_is_found(client, article):
    """An empty search explains itself; a search without results says so."""
    empty = client.get("/en/search/").text
    assert "Type one or more words" in empty
    nothing = client.get("/en/search/", {"q": "zzzqqq"}).text
    assert "No stories found for “zzzqqq”." in nothing
    found = client.get("/en/search/", {"q": "Ministers"}).text
    assert "1 story found for “Ministers”." in found


def test_favicon_is_served(client):
    """/favicon.ico leads to the icon, which is there; pages link the SVG icon."""
    from django.contrib.staticfiles import finders

    response = client.get("/favicon.ico")
    assert response.status_code == 302
    assert response["Location"].endswith("img/favicon.ico")
    assert finders.find("img/favicon.ico")
    assert 'rel="icon"' in client.get("/en/").text


def test_view_counter_has_an_accessible_name(client, article):
    """Screen readers hear "Views: 12", not a bare number."""
    text = get_story(client, article).text
    counter = text[text.index('class="views-counter"') :]
    assert counter.index('class="visually-hidden">Views: </span>') < counter.index(
        'class="views"'
    )


def test_story_page_reads_first_then_the_gallery(client, article):
    """One photo before the text, the others after it; the byline is labelled."""
    Article.objects.filter(pk=article.pk).update(byline="Aigerim Sadykova")
    for order in range(3):
        ArticleImageFactory(article=article, order=order, caption=f"Photo {order}")
    text = get_story(client, article).text
    body = text.index('class="story__body"')
    assert text[text.index("<main") : body].count("<img") == 1
    assert text[body:].index('id="gallery-title"') < text[body:].index("Photo 1")
    assert 'data-part="caption-3">Photo 2<' in text
    assert "Author:</span> Aigerim Sadykova" in text
