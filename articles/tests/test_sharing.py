"""What a shared link, a search engine and a browser read in a page's <head>."""

import io
import json
import re
from html.parser import HTMLParser

import pytest
from django.core.management import call_command
from django.test import Client
from django.utils import timezone
from PIL import Image

from articles import services
from articles.models import ArticleImage

from .distribution import build_newsroom
from .factories import ArticleFactory, ArticleImageFactory
from .test_views import assert_page_queries

pytestmark = pytest.mark.django_db


class Head(HTMLParser):
    """The <meta>, <link> and JSON-LD blocks of a page."""

    def __init__(self, html: str):
        super().__init__()
        self.meta: list[tuple[str, str]] = []
        self.links: list[dict] = []
        self.data: list = []
        self._in_ld = False
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "meta" and "content" in attrs:
            self.meta.append(
                (attrs.get("property") or attrs.get("name"), attrs["content"])
            )
        elif tag == "link":
            self.links.append(attrs)
        elif tag == "script" and attrs.get("type") == "application/ld+json":
            self._in_ld = True

    def handle_endtag(self, tag):
        self._in_ld = False

    def handle_data(self, data):
        if self._in_ld:
            self.data.append(json.loads(data))

    def first(self, name: str) -> str:
        return next(value for key, value in self.meta if key == name)

    def all(self, name: str) -> list[str]:
        return [value for key, value in self.meta if key == name]

    def canonical(self) -> str:
        [link] = [link["href"] for link in self.links if link.get("rel") == "canonical"]
        return link

    def typed(self, kind: str) -> dict:
        [block] = [block for block in self.data if block["@type"] == kind]
        return block


def head(client, url: str) -> Head:
    response = client.get(url)
    assert response.status_code == 200, url
    return Head(response.text)


@pytest.fixture
def newsroom():
    return build_newsroom()


def decoded_image(url: str) -> Image.Image:
    """The image at an absolute address of this site, through a fresh client."""
    response = Client().get(url.removeprefix("http://testserver"))
    assert response.status_code == 200, url
    content = b"".join(response) if response.streaming else response.content
    return Image.open(io.BytesIO(content))


@pytest.fixture
def static_files(settings):
    """Static files answered by WhiteNoise from the finders, as in development."""
    settings.WHITENOISE_USE_FINDERS = True
    settings.WHITENOISE_AUTOREFRESH = True


def test_story_page_carries_opengraph_and_twitter_cards(client, newsroom):
    page = head(client, newsroom.kk.get_absolute_url())
    story = newsroom.kk
    url = "http://testserver" + story.get_absolute_url()
    assert page.first("og:type") == "article"
    assert page.first("og:title") == story.headline
    assert page.first("og:description") == story.lead
    assert page.first("og:url") == url == page.canonical()
    assert page.first("og:site_name") == "Steppe Wire"
    assert page.first("og:locale") == "kk_KZ"
    assert page.all("og:locale:alternate") == ["ru_RU", "en_US"]
    assert page.first("og:image").startswith("http://testserver/media/renditions/")
    assert (page.first("og:image:width"), page.first("og:image:height")) == (
        "1200",
        "630",
    )
    assert page.first("og:image:alt") == "Биржа ғимараты"
    assert page.first("article:published_time") == (
        timezone.localtime(story.published_at).isoformat()
    )
    assert page.first("article:modified_time") == (
        timezone.localtime(story.corrections.get().created_at).isoformat()
    )
    assert page.first("article:section") == "Экономика"
    assert page.all("article:tag") == ["астық", "биржа"]
    assert page.first("twitter:card") == "summary_large_image"
    assert page.first("twitter:image") == page.first("og:image")


def test_every_og_image_is_a_1200_by_630_picture(client, newsroom, static_files):
    """The photo's crop, and the branded picture of pages and stories without one."""
    pages = [
        newsroom.kk.get_absolute_url(),  # with a photo
        newsroom.en.get_absolute_url(),  # without
        "/ru/",
        "/en/section/economy/",
        "/en/tag/grain/",
    ]
    seen = set()
    for url in pages:
        image_url = head(client, url).first("og:image")
        seen.add(image_url)
        image = decoded_image(image_url)
        assert image.size == (1200, 630), url
    assert len(seen) == 2  # the story's own, and the branded one


def test_a_photo_without_crops_gets_them_from_the_command(client, newsroom):
    """Photos stored before the crops existed: `photo_crops` makes them; until
    then their story shares the branded picture."""
    photo = newsroom.kk.images.get()
    ArticleImage.objects.filter(pk=photo.pk).update(
        renditions=[r for r in photo.renditions if "crop" not in r]
    )
    before = head(client, newsroom.kk.get_absolute_url()).first("og:image")
    assert before.endswith("/static/img/social.png")
    out = io.StringIO()
    call_command("photo_crops", "--dry-run", stdout=out)
    assert "1 photo(s) lacked a crop: would make" in out.getvalue()
    photo.refresh_from_db()
    assert not any("crop" in r for r in photo.renditions)
    call_command("photo_crops", stdout=io.StringIO())
    photo.refresh_from_db()
    assert {r["crop"] for r in photo.renditions if "crop" in r} == {
        "social",
        "16x9",
        "4x3",
        "1x1",
    }
    after = head(client, newsroom.kk.get_absolute_url()).first("og:image")
    assert "-social" in after.rsplit("/", 1)[1]
    assert decoded_image(after).size == (1200, 630)
    out = io.StringIO()
    call_command("photo_crops", stdout=out)
    assert out.getvalue().startswith("0 photo(s)")


def test_canonical_links_on_every_reader_page(client, newsroom, settings):
    """Each page names itself; a list's page 1 without ?page, later pages with it."""
    settings.NEWSROOM_PAGE_SIZE = 1
    for url in ("/en/", "/kk-latn/", "/en/section/economy/", "/en/tag/grain/"):
        assert head(client, url).canonical() == "http://testserver" + url
    assert (
        head(client, "/en/section/economy/?page=2&utm_source=x").canonical()
        == "http://testserver/en/section/economy/?page=2"
    )
    assert (
        head(client, "/en/section/economy/?page=1").canonical()
        == "http://testserver/en/section/economy/"
    )
    assert (
        head(client, "/en/search/?q=grain+exchange").canonical()
        == "http://testserver/en/search/?q=grain+exchange"
    )


def test_a_preview_has_no_canonical_and_is_not_indexed(client, newsroom):
    draft = ArticleFactory(language="en", status="draft")
    token = services.article_preview_token(article=draft)
    page = head(client, f"/en/preview/{token}/")
    assert not [link for link in page.links if link.get("rel") == "canonical"]
    assert ("robots", "noindex, nofollow") in page.meta
    assert not page.data


def test_news_article_of_a_story_with_a_correction(client, newsroom):
    """Field by field: Google's required and recommended NewsArticle properties."""
    story = newsroom.kk
    page = head(client, story.get_absolute_url())
    data = page.typed("NewsArticle")
    url = "http://testserver" + story.get_absolute_url()
    crops = {r["crop"]: r["name"] for r in story.images.get().renditions if "crop" in r}
    correction = story.corrections.get()
    assert data == {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "@id": f"{url}#article",
        "mainEntityOfPage": {"@type": "WebPage", "@id": url},
        "url": url,
        "headline": story.headline,
        "description": story.lead,
        "image": [
            f"http://testserver/media/{crops[name]}" for name in ("16x9", "4x3", "1x1")
        ],
        "datePublished": timezone.localtime(story.published_at).isoformat(),
        "dateModified": timezone.localtime(correction.created_at).isoformat(),
        "author": [{"@type": "Person", "name": "Айгерім Садықова"}],
        "publisher": {
            "@type": "NewsMediaOrganization",
            "@id": "http://testserver/#organization",
            "name": "Steppe Wire",
            "url": "http://testserver/kk/",
            "logo": {
                "@type": "ImageObject",
                "url": "http://testserver/static/img/icon-512.png",
                "width": 512,
                "height": 512,
            },
            "email": "desk@steppewire.example",
        },
        "inLanguage": "kk",
        "articleSection": "Экономика",
        "keywords": ["астық", "биржа"],
        "isAccessibleForFree": True,
        "correction": [
            {
                "@type": "CorrectionComment",
                "text": "Биржаның ашылған күні түзетілді.",
                "datePublished": timezone.localtime(correction.created_at).isoformat(),
            }
        ],
        "sourceOrganization": {
            "@type": "NewsMediaOrganization",
            "name": "Kabar",
            "url": "https://kabar.example/",
        },
    }
    for image_url, ratio in zip(data["image"], (16 / 9, 4 / 3, 1), strict=True):
        width, height = decoded_image(image_url).size
        assert width == 1200 and abs(width / height - ratio) < 0.01
    assert page.typed("BreadcrumbList")["itemListElement"] == [
        {
            "@type": "ListItem",
            "position": 1,
            "name": "Steppe Wire",
            "item": "http://testserver/kk/",
        },
        {
            "@type": "ListItem",
            "position": 2,
            "name": "Экономика",
            "item": "http://testserver/kk/section/ekonomika/",
        },
        {"@type": "ListItem", "position": 3, "name": story.headline, "item": url},
    ]


def test_news_article_of_a_story_without_a_photo(client, newsroom):
    """The branded picture, the agency as author, no correction, no source."""
    story = newsroom.en
    data = head(client, story.get_absolute_url()).typed("NewsArticle")
    assert data["image"] == ["http://testserver/static/img/social.png"]
    assert data["author"] == [
        {
            "@type": "NewsMediaOrganization",
            "name": "Steppe Wire",
            "url": "http://testserver/en/",
        }
    ]
    assert data["inLanguage"] == "en"
    assert data["articleSection"] == "Economy"
    assert data["keywords"] == ["grain"]
    assert data["headline"] == story.headline
    assert data["datePublished"] == timezone.localtime(story.published_at).isoformat()
    assert data["dateModified"] == timezone.localtime(story.updated_at).isoformat()
    assert "correction" not in data and "sourceOrganization" not in data


def test_a_long_headline_is_cut_to_110_characters_and_markup_stays_data(client):
    headline = "</script><script>alert(1)</script> " + "word " * 40
    story = ArticleFactory(headline=headline.strip(), lead="<b>lead</b> & more")
    response = client.get(story.get_absolute_url())
    assert "<script>alert(1)" not in response.text
    data = Head(response.text).typed("NewsArticle")
    assert len(data["headline"]) == 110
    assert data["headline"].startswith("</script><script>alert(1)</script>")
    assert data["alternativeHeadline"] == story.headline
    assert data["description"] == "<b>lead</b> & more"


def test_front_page_names_the_agency_and_its_search(client, newsroom):
    page = head(client, "/ru/")
    organization = page.typed("NewsMediaOrganization")
    assert organization["name"] == "Steppe Wire"
    assert organization["logo"]["url"] == "http://testserver/static/img/icon-512.png"
    site = page.typed("WebSite")
    assert site["url"] == "http://testserver/ru/"
    assert site["inLanguage"] == "ru"
    assert site["potentialAction"] == {
        "@type": "SearchAction",
        "target": {
            "@type": "EntryPoint",
            "urlTemplate": "http://testserver/ru/search/?q={search_term_string}",
        },
        "query-input": "required name=search_term_string",
    }
    template = site["potentialAction"]["target"]["urlTemplate"]
    results = client.get(template.replace("{search_term_string}", "биржа"))
    assert newsroom.ru.headline in results.text


def test_latin_pages_carry_their_data_in_latin_script(client, newsroom):
    url = newsroom.kk.get_absolute_url().replace("/kk/", "/kk-latn/")
    page = head(client, url)
    data = page.typed("NewsArticle")
    assert data["headline"] == "Astanada astyq birjasy aşyldy"
    assert data["inLanguage"] == "kk-Latn"
    assert data["url"] == "http://testserver" + url
    assert page.first("og:title") == "Astanada astyq birjasy aşyldy"


def test_the_story_page_gains_no_query(client, newsroom):
    """Cards and data come from what the page already loads: 7 queries, as before."""
    ArticleImageFactory(article=newsroom.kk, order=1)
    with assert_page_queries(7):
        assert client.get(newsroom.kk.get_absolute_url()).status_code == 200


def test_structured_data_passes_the_content_security_policy(client, newsroom):
    """Data blocks need no inline-script allowance: the policy is unchanged."""
    response = client.get(newsroom.kk.get_absolute_url())
    policy = response["Content-Security-Policy"]
    script_src = re.search(r"script-src ([^;]*)", policy).group(1)
    assert "'unsafe-inline'" not in script_src
    assert response.text.count('<script type="application/ld+json">') == 2


def test_list_pages_describe_themselves_and_name_only_their_own_versions(
    client, newsroom
):
    section = head(client, "/ru/section/ekonomika/")
    assert section.first("og:type") == "website"
    assert section.first("og:title") == "Экономика · Steppe Wire"
    assert section.first("description") == "Последние материалы рубрики «Экономика»."
    assert section.all("og:locale:alternate") == ["kk_KZ", "en_US"]
    tag = head(client, "/en/tag/grain/")
    assert tag.first("og:description") == "The latest stories tagged “grain”."
    assert tag.all("og:locale:alternate") == []  # a tag is in one edition only


def test_latin_pages_list_the_same_hreflang_set_as_cyrillic_ones(client, newsroom):
    """kk names the Cyrillic address and kk-Latn the Latin one, on either page."""
    cyrillic = newsroom.kk.get_absolute_url()
    latin = cyrillic.replace("/kk/", "/kk-latn/")
    for pair in ((cyrillic, latin), ("/kk/", "/kk-latn/")):
        sets = [
            {
                link["hreflang"]: link["href"]
                for link in head(client, url).links
                if link.get("hreflang")
            }
            for url in pair
        ]
        assert sets[0] == sets[1]
        assert sets[0]["kk"] == "http://testserver" + pair[0]
        assert sets[0]["kk-Latn"] == "http://testserver" + pair[1]
