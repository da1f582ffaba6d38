import datetime

import pytest
from django.utils import timezone

from articles.models import Article
from articles.text import sanitize_html, slugify_headline

from .factories import ArticleFactory, ArticleImageFactory

pytestmark = pytest.mark.django_db


def test_live_includes_published_stories_whose_time_has_come(article):
    """A published story with a past publish time is live."""
    assert list(Article.objects.live()) == [article]


def test_live_excludes_drafts():
    """A draft is not live, whatever its publish time."""
    ArticleFactory(status=Article.Status.DRAFT)
    assert not Article.objects.live().exists()


def test_live_excludes_scheduled_stories():
    """A published story with a future publish time is not live until then."""
    ArticleFactory(published_at=timezone.now() + datetime.timedelta(minutes=5))
    assert not Article.objects.live().exists()


def test_publishing_without_a_time_stamps_now():
    """Publishing with no publish time set publishes now."""
    story = ArticleFactory(published_at=None)
    assert story.published_at is not None
    assert story.published_at <= timezone.now()


@pytest.mark.parametrize(
    ("headline", "slug"),
    [
        ("Heads of government meet in Almaty", "heads-of-government-meet-in-almaty"),
        ("Правительство обсудило урожай", "pravitelstvo-obsudilo-urozhai"),
        (
            "Әкім ғимарат қаңтар өнім ұлт үміт һижра ірі",
            "akim-gimarat-qantar-onim-ult-umit-hizhra-iri",
        ),
        ("Қазақстан мен Қырғызстан", "qazaqstan-men-qyrgyzstan"),
        ("!!!", "story"),
        ("", "story"),
    ],
)
def test_slugs_for_latin_cyrillic_and_kazakh_headlines(headline, slug):
    """Slugs are readable ASCII for any headline and never empty."""
    assert slugify_headline(headline) == slug


def test_story_gets_slug_from_headline():
    """A story saved without a slug gets one from its headline."""
    story = ArticleFactory(headline="Өскемен: жаңа көпір ашылды")
    assert story.slug == "oskemen-zhana-kopir-ashyldy"


def test_credit_line_lists_distinct_credits_in_gallery_order(article):
    """The credit line names each photo credit once, in gallery order."""
    ArticleImageFactory(article=article, credit="Kabar", order=1)
    ArticleImageFactory(article=article, credit="Steppe Wire", order=2)
    ArticleImageFactory(article=article, credit="Kabar", order=3)
    ArticleImageFactory(article=article, credit="", order=4)
    story = Article.objects.for_detail().get(pk=article.pk)
    assert story.credit_line == "Kabar, Steppe Wire"


def test_reuse_notice_prefers_the_source_agency(article, make_source, settings):
    """A source's own reuse notice replaces the newsroom's; otherwise the newsroom's shows."""
    settings.NEWSROOM_REUSE_NOTICE = "Newsroom notice."
    assert article.reuse_notice == "Newsroom notice."
    article.source = make_source(name="Kabar", reuse_notice="Kabar's notice.")
    assert article.reuse_notice == "Kabar's notice."


def test_relevant_news_ranks_by_shared_tags_then_recency(section):
    """Relevant news: most shared tags first, newest first on ties, never itself, live only."""
    now = timezone.now()
    story = ArticleFactory(tags=["trade", "energy", "almaty"])
    two_old = ArticleFactory(
        tags=["trade", "energy"], published_at=now - datetime.timedelta(days=3)
    )
    two_new = ArticleFactory(
        tags=["trade", "almaty"], published_at=now - datetime.timedelta(days=1)
    )
    one = ArticleFactory(
        tags=["energy", "sport"], published_at=now - datetime.timedelta(hours=2)
    )
    ArticleFactory(tags=["sport"])
    ArticleFactory(tags=["trade", "energy", "almaty"], status=Article.Status.DRAFT)
    ArticleFactory(tags=["trade"], published_at=now + datetime.timedelta(days=1))
    relevant = list(Article.objects.live().relevant_to(story))
    assert relevant == [two_new, two_old, one]


def test_relevant_news_stops_at_five():
    """At most five relevant stories are listed."""
    story = ArticleFactory(tags=["trade"])
    for _ in range(7):
        ArticleFactory(tags=["trade"])
    assert len(Article.objects.live().relevant_to(story)) == 5


@pytest.mark.parametrize(
    "hostile",
    [
        "<p>ok</p><script>alert(1)</script>",
        '<p onclick="alert(1)">ok</p>',
        '<p><a href="javascript:alert(1)">ok</a></p>',
        '<p style="color:red">ok</p><style>p{}</style>',
        "<p><img src=x onerror=alert(1)>ok",
        '<iframe src="https://evil.example"></iframe><p>ok</p>',
    ],
)
def test_body_html_is_sanitized_on_save(hostile):
    """Scripts, styles, event handlers and javascript: links never survive a save."""
    story = ArticleFactory(body=hostile)
    story.refresh_from_db()
    for bad in (
        "<script",
        "onclick",
        "javascript:",
        "style",
        "onerror",
        "<img",
        "<iframe",
    ):
        assert bad not in story.body
    assert "ok" in story.body


def test_sanitizer_keeps_editorial_markup():
    """Paragraphs, subheadings, emphasis, links, quotes and lists are kept."""
    html = (
        '<h2>Sub</h2><p><strong>b</strong> <em>i</em> <a href="https://kabar.example">l</a></p>'
        "<blockquote>q</blockquote><ul><li>x</li></ul>"
    )
    clean = sanitize_html(html)
    for kept in (
        "<h2>",
        "<strong>",
        "<em>",
        'href="https://kabar.example"',
        "<blockquote>",
        "<li>",
    ):
        assert kept in clean
