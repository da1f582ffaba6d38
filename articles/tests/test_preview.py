"""Signed preview links: the reader template for drafts, expiring, tamper-proof."""

import re
import time
from unittest import mock

import pytest
from django.core import signing
from django.urls import reverse

from articles.models import Article
from articles.services import article_preview_token

from .factories import ArticleFactory, ArticleImageFactory

pytestmark = pytest.mark.django_db


def preview_url(token):
    return reverse("articles:article-preview", kwargs={"token": token})


def main_of(html):
    return html[html.index("<main") : html.index("</main>")]


def test_preview_shows_a_draft_with_the_reader_template(client):
    """Anyone with the link sees the draft exactly as the reader page renders it."""
    story = ArticleFactory(status=Article.Status.DRAFT, headline="Draft headline")
    ArticleImageFactory(article=story)
    response = client.get(preview_url(article_preview_token(article=story)))
    assert response.status_code == 200
    assert [t.name for t in response.templates][0] == "articles/article_detail.html"
    assert "Draft headline</h1>" in response.text
    assert response["X-Robots-Tag"] == "noindex, nofollow"
    assert "no-store" in response["Cache-Control"]
    assert client.get(story.get_absolute_url()).status_code == 404


def test_preview_matches_the_published_page(client):
    """For a live story, the preview's page body is the reader page's, byte for byte."""
    story = ArticleFactory(tags=["trade"])
    ArticleImageFactory(article=story)
    reader = client.get(story.get_absolute_url()).text
    preview = client.get(preview_url(article_preview_token(article=story))).text
    assert main_of(preview) == main_of(reader)


def test_preview_of_a_scheduled_story(client):
    """A scheduled story is previewable before its time."""
    import datetime

    from django.utils import timezone

    story = ArticleFactory(published_at=timezone.now() + datetime.timedelta(days=1))
    assert client.get(story.get_absolute_url()).status_code == 404
    assert (
        client.get(preview_url(article_preview_token(article=story))).status_code == 200
    )


def test_expired_preview_link_is_410_with_a_message(client, settings):
    """A link older than NEWSROOM_PREVIEW_MAX_AGE says it expired."""
    story = ArticleFactory(status=Article.Status.DRAFT)
    long_ago = time.time() - settings.NEWSROOM_PREVIEW_MAX_AGE - 60
    with mock.patch("django.core.signing.time.time", return_value=long_ago):
        token = article_preview_token(article=story)
    response = client.get(preview_url(token))
    assert response.status_code == 410
    assert "This preview link has expired" in response.text
    assert story.headline not in response.text


@pytest.mark.parametrize(
    "tamper",
    [
        lambda token: token[:-1] + ("A" if token[-1] != "A" else "B"),  # signature
        lambda token: "x" + token,  # payload
        lambda token: token.split(":")[0],  # signature cut off
        lambda token: "garbage",
        lambda token: signing.dumps({"article": 1}),  # signed, for another purpose
        lambda token: signing.dumps({"article": "1"}, salt="articles.preview"),
    ],
    ids=["signature", "payload", "unsigned", "garbage", "other-salt", "wrong-type"],
)
def test_tampered_preview_link_is_404(client, tamper):
    """A changed or foreign token shows the invalid-link page, never the story or a 500."""
    story = ArticleFactory(status=Article.Status.DRAFT, headline="Secret draft")
    response = client.get(preview_url(tamper(article_preview_token(article=story))))
    assert response.status_code == 404
    assert "This preview link is not valid" in response.text
    assert "Secret draft" not in response.text


def test_preview_link_of_a_deleted_story_is_404(client):
    """The link of a story deleted since is not valid."""
    story = ArticleFactory(status=Article.Status.DRAFT)
    token = article_preview_token(article=story)
    story.delete()
    assert client.get(preview_url(token)).status_code == 404


def test_change_form_offers_a_working_preview_link(reporter_client, reporter):
    """The story form carries the preview link; a colleague without login can open it."""
    from django.test import Client

    story = ArticleFactory(status=Article.Status.DRAFT, created_by=reporter)
    page = reporter_client.get(
        reverse("admin:articles_article_change", args=[story.pk])
    ).text
    link = re.search(r'href="(/en/preview/[^"]+/)"', page).group(1)
    assert Client().get(link).status_code == 200
