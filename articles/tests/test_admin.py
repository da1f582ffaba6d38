import pytest
from django.urls import reverse

from articles.models import Article

from .factories import ArticleFactory, ArticleImageFactory, SourceFactory

pytestmark = pytest.mark.django_db


def test_admin_pages_render_for_an_editor(admin_client, article):
    """The stories list, a story's form, the add form, sections and sources all render."""
    ArticleImageFactory(article=article)
    SourceFactory(name="Kabar")
    urls = [
        reverse("admin:index"),
        reverse("admin:articles_article_changelist"),
        reverse("admin:articles_article_changelist")
        + "?q=Almaty&status__exact=published",
        reverse("admin:articles_article_add"),
        reverse("admin:articles_article_change", args=[article.pk]),
        reverse("admin:articles_section_changelist"),
        reverse("admin:articles_source_changelist"),
        reverse("admin:articles_source_add"),
    ]
    for url in urls:
        assert admin_client.get(url).status_code == 200, url


def test_story_list_shows_thumbnails_and_publishing_columns(admin_client, article):
    """The stories list shows a thumbnail, the section, the status and the publish time."""
    ArticleImageFactory(article=article)
    text = admin_client.get(reverse("admin:articles_article_changelist")).text
    assert '<img class="desk-thumb" src="/media/photos/' in text
    assert article.section.name in text
    assert "Published" in text


def test_story_list_query_count_is_constant(
    admin_client, django_assert_max_num_queries
):
    """The stories list does not query once per story."""
    for _ in range(30):
        ArticleImageFactory(article=ArticleFactory())
    with django_assert_max_num_queries(12):
        admin_client.get(reverse("admin:articles_article_changelist"))


def test_editor_publishes_a_story_from_the_admin(admin_client, section, client):
    """An editor writes and publishes a story in the admin, and readers can read it."""
    response = admin_client.post(
        reverse("admin:articles_article_add"),
        {
            "headline": "Ертіс жағасында жаңа саябақ",
            "slug": "",
            "lead": "A new park opens.",
            "body": "<p>Opened today.</p><script>alert(1)</script>",
            "language": "kk",
            "section": section.pk,
            "tags": "parks, Pavlodar",
            "status": "published",
            "published_at_0": "",
            "published_at_1": "",
            "images-TOTAL_FORMS": "0",
            "images-INITIAL_FORMS": "0",
        },
    )
    assert response.status_code == 302, response.text
    story = Article.objects.get()
    assert story.slug == "ertis-zhagasynda-zhana-saiabaq"
    assert story.body == "<p>Opened today.</p>"
    assert sorted(story.tags.names()) == ["Pavlodar", "parks"]
    assert client.get(story.get_absolute_url()).status_code == 200


def test_other_apps_extend_the_story_admin_and_keep_each_others_part(rf, admin_user):
    """Two mixins given to the extension hook both show, in the order given."""
    from django.contrib import admin

    from articles.admin import ArticleAdmin, article_admin_extend

    class Seen:
        def get_list_display(self, request):
            return [*super().get_list_display(request), "seen"]

    class Shared:
        def get_list_display(self, request):
            return [*super().get_list_display(request), "shared"]

    site = admin.AdminSite(name="extension-test")
    article_admin_extend(Seen, site=site)
    extended = article_admin_extend(Shared, site=site)
    request = rf.get("/")
    request.user = admin_user
    columns = site.get_model_admin(Article).get_list_display(request)
    assert columns == [*ArticleAdmin.list_display, "seen", "shared"]
    assert issubclass(extended, ArticleAdmin)
    assert admin.site.get_model_admin(Article).__class__ is not extended
