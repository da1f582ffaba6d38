import io
from datetime import timedelta

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone
from PIL import Image
from taggit.models import Tag, TaggedItem

from articles.models import Article, ArticleImage, Section, Source
from demo import painter
from demo.content import load_demo_newsroom

pytestmark = pytest.mark.django_db


@pytest.fixture
def small_photos(monkeypatch):
    """Stand-in pictures for tests that are not about the pictures themselves.

    Drawing a hundred full-size photos takes seconds; one test draws them for real.
    """
    buffer = io.BytesIO()
    Image.new("RGB", (48, 32), (80, 140, 200)).save(buffer, "JPEG")
    monkeypatch.setattr(
        painter, "paint_photo", lambda scene, seed, **size: buffer.getvalue()
    )


def seed(**options) -> str:
    out = io.StringIO()
    call_command("seed_demo", stdout=out, **options)
    return out.getvalue()


def snapshot() -> dict:
    """What a second run must not change."""
    return {
        "sections": list(Section.objects.values_list("slug", "name", "order")),
        "sources": list(Source.objects.values_list("name", "website")),
        "stories": list(
            Article.objects.order_by("pk").values_list(
                "pk", "headline", "slug", "status", "published_at", "updated_at"
            )
        ),
        "photos": list(ArticleImage.objects.order_by("pk").values_list("pk", "image")),
        "tags": Tag.objects.count(),
        "tagged": TaggedItem.objects.count(),
        "users": list(get_user_model().objects.values_list("username", "password")),
    }


def test_builds_sections_sources_and_live_stories(small_photos):
    """One run gives at least 6 sections, 4 source agencies and 60 live stories."""
    seed()

    assert Section.objects.count() >= 6
    assert Source.objects.count() >= 4
    assert Article.objects.live().count() >= 60
    for section in Section.objects.all():
        assert Article.objects.live().filter(section=section).exists(), section


def test_publish_times_spread_over_the_last_30_days(small_photos):
    """Live stories were published within the last 30 days, the newest within hours."""
    seed()

    now = timezone.now()
    times = list(Article.objects.live().values_list("published_at", flat=True))
    assert min(times) >= now - timedelta(days=30, hours=1)
    assert max(times) >= now - timedelta(hours=6)


def test_stories_credit_agencies_and_share_tags(small_photos):
    """Many stories credit a source agency, and every live story has relevant news."""
    seed()

    assert Article.objects.filter(source__isnull=False).count() >= 20
    agency = Source.objects.get(name="Ala-Too Press")
    assert agency.reuse_notice
    assert "Ala-Too Press reports" in agency.articles.filter(language="en").first().body
    for article in Article.objects.live():
        assert 2 <= article.tags.count() <= 5, article
        assert Article.objects.live().relevant_to(article).exists(), article


def test_every_story_has_one_to_three_credited_photos(small_photos):
    """Each story has one to three photos, each with a caption, credit and alt text."""
    seed()

    for article in Article.objects.prefetch_related("images"):
        images = article.images.all()
        assert 1 <= len(images) <= 3, article
        for image in images:
            assert image.caption and image.credit and image.alt_text, image


def test_photos_are_drawn_landscape_jpegs_with_renditions(client):
    """The photos are real 960x640 JPEG files, one picture each, with renditions."""
    seed()

    photos = ArticleImage.objects.all()
    assert (photos[0].width, photos[0].height) == (960, 640)
    for photo in photos[:5]:
        with photo.image.open("rb") as file, Image.open(file) as picture:
            assert picture.format == "JPEG"
            assert picture.size == (960, 640)
            # An illustration, not a flat fill: the picture has many colours.
            assert len(picture.convert("RGB").getcolors(maxcolors=1 << 20)) > 500
            # Uploaded as an editor's photo is: no camera metadata kept.
            assert not picture.getexif()
    assert not photos.filter(renditions=[]).exists()
    widths = {
        (r["width"], r["format"]) for r in photos[0].renditions if "crop" not in r
    }
    assert widths == {(480, "webp"), (480, "jpeg"), (960, "webp"), (960, "jpeg")}
    # And the crops other sites show: the shared link's, NewsArticle's three.
    crops = {r["crop"] for r in photos[0].renditions if "crop" in r}
    assert crops == {"social", "16x9", "4x3", "1x1"}
    story = Article.objects.live().first()
    page = client.get(story.get_absolute_url()).text
    assert page.count("srcset=") >= 2 * story.images.count()
    assert "960w" in page


def test_photos_are_the_same_on_every_build():
    """A photo is drawn from a seed of its own, so every build looks the same."""
    first = painter.paint_photo("mountains dawn", seed=7)

    assert painter.paint_photo("mountains dawn", seed=7) == first
    assert painter.paint_photo("mountains dawn", seed=8) != first


def test_drafts_are_hidden_from_readers(small_photos, client):
    """Draft stories exist for editors but readers cannot see them."""
    seed()

    drafts = Article.objects.filter(status=Article.Status.DRAFT)
    assert drafts.count() >= 3
    assert not Article.objects.live().filter(pk__in=drafts).exists()
    draft = drafts.first()
    assert client.get(draft.get_absolute_url()).status_code == 404


@pytest.mark.parametrize("language", ["en", "kk", "ru"])
def test_one_story_per_edition_is_scheduled_ahead(small_photos, language):
    """Exactly one published story of each edition waits for a later publish time."""
    seed()

    now = timezone.now()
    scheduled = Article.objects.filter(
        status=Article.Status.PUBLISHED, published_at__gt=now, language=language
    )
    assert scheduled.count() == 1
    story = scheduled.get()
    assert timedelta(hours=1) < story.published_at - now < timedelta(days=3)
    assert not Article.objects.live().filter(pk=story.pk).exists()


def test_three_editions_with_translations_linked(small_photos):
    """At least 20 live stories per edition, about half of kk and ru linked to English."""
    seed()

    for language in ("en", "kk", "ru"):
        live = Article.objects.live().filter(language=language)
        assert live.count() >= 20, language
        for article in live:
            assert Article.objects.live().relevant_to(article).exists(), article
    for language in ("kk", "ru"):
        live = Article.objects.live().filter(language=language)
        linked = [
            a for a in live if Article.objects.translations_of(a).filter(language="en")
        ]
        assert 0.3 <= len(linked) / live.count() <= 0.7, language
    politics = Section.objects.get(slug="politics")
    assert (politics.name_kk, politics.slug_ru) == ("Саясат", "politika")


def test_second_run_changes_nothing(small_photos):
    """Running the command again creates nothing and keeps every publish time."""
    seed()
    before = snapshot()

    output = seed()

    assert snapshot() == before
    assert "Nothing new to create" in output


def test_existing_stories_are_left_as_editors_left_them(small_photos):
    """A rerun keeps editors' changes and adds photos only to a story that has none."""
    seed()
    edited, stripped = Article.objects.live()[:2]
    edited.lead = "Edited by the desk."
    edited.published_at = timezone.now() - timedelta(minutes=5)
    edited.save()
    edited.images.first().delete()
    stripped.images.all().delete()

    seed()

    edited.refresh_from_db()
    assert edited.lead == "Edited by the desk."
    assert edited.published_at > timezone.now() - timedelta(minutes=6)
    stories = load_demo_newsroom().stories
    expected = next(s for s in stories if s.headline == edited.headline)
    assert edited.images.count() == len(expected.photos) - 1
    assert stripped.images.count() >= 1


def test_dry_run_creates_nothing():
    """--dry-run lists what it would create and saves nothing."""
    output = seed(dry_run=True)

    assert "Would create story" in output
    assert "Nothing was saved" in output
    assert not Section.objects.exists()
    assert not Article.objects.exists()
    assert not get_user_model().objects.exists()


def test_editor_can_log_in(small_photos, client, settings):
    """With DEBUG on (make run), the editor logs in with the demo password."""
    settings.DEBUG = True
    output = seed()

    assert "http://127.0.0.1:8000/admin/" in output
    assert "newsroom-demo" in output
    assert client.login(username="editor", password="newsroom-demo")
    assert client.get(reverse("admin:index")).status_code == 200


def test_editor_is_in_the_editor_group_and_may_publish(small_photos):
    """The demo editor is an editor by role, not a superuser: it may publish."""
    seed(demo_editor=True)
    editor = get_user_model().objects.get(username="editor")
    assert not editor.is_superuser
    assert list(editor.groups.values_list("name", flat=True)) == ["Editor"]
    assert editor.has_perm("articles.publish_article")


def test_editor_password_comes_from_the_environment(small_photos, client, monkeypatch):
    """NEWSROOM_DEMO_PASSWORD sets the editor's password, and it is not printed."""
    monkeypatch.setenv("NEWSROOM_DEMO_PASSWORD", "a-local-secret")

    output = seed(demo_editor=True)

    assert "a-local-secret" not in output
    assert client.login(username="editor", password="a-local-secret")


def test_existing_editor_keeps_its_password(small_photos, client, django_user_model):
    """An existing 'editor' account is not changed by the command."""
    django_user_model.objects.create_user("editor", password="chosen-by-the-desk")

    seed(demo_editor=True)

    assert client.login(username="editor", password="chosen-by-the-desk")


def test_no_demo_editor_with_debug_off(small_photos, settings, django_user_model):
    """With DEBUG off, no account with a known password is made, and the command says so."""
    settings.DEBUG = False

    output = seed()

    assert not django_user_model.objects.exists()
    assert "No demo editor account: DEBUG is off" in output
    assert "newsroom-demo" not in output


def test_demo_editor_flag_creates_it_with_debug_off(small_photos, settings, client):
    """--demo-editor creates the editor even with DEBUG off, when asked by name."""
    settings.DEBUG = False

    output = seed(demo_editor=True)

    assert "newsroom-demo" in output
    assert client.login(username="editor", password="newsroom-demo")


def test_demo_photo_names_are_not_guessable(small_photos):
    """A demo photo's file name carries a random part besides the story's slug."""
    seed()

    photo = ArticleImage.objects.select_related("article").first()
    name = photo.image.name.rsplit("/", 1)[-1]
    random_part, rest = name.split("-", 1)
    assert len(random_part) == 32
    int(random_part, 16)  # 128 random bits, in hex
    assert rest.startswith(photo.article.slug[:30])
