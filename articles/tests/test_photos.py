"""Photo uploads: checked by decoding, cleaned, resized off the request path, served responsively."""

import io

import pytest
from django.core.files.storage import default_storage
from django.template.defaultfilters import filesizeformat
from django.urls import reverse
from PIL import Image

from articles import services
from articles.forms import ArticleImageForm
from articles.models import ArticleImage
from articles.photos import CROPS, rendition_widths

from . import photo_files as pf
from .admin_forms import story_form
from .factories import ArticleFactory, ArticleImageFactory

pytestmark = pytest.mark.django_db


def photo_form(file, alt="A photo"):
    return ArticleImageForm(
        data={"caption": "c", "credit": "Kabar", "alt_text": alt, "order": 0},
        files={"image": file},
    )


BAD_PHOTOS = {
    "renamed-text": (
        lambda: pf.upload("notes.jpg", b"Minutes of the meeting, not a photo.\n"),
        "This file is not a photo",
    ),
    "svg-with-script": (
        lambda: pf.upload(
            "logo.png",
            b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>',
            "image/svg+xml",
        ),
        "This file is not a photo",
    ),
    "png-signature-then-garbage": (
        lambda: pf.upload(
            "x.png", b"\x89PNG\r\n\x1a\n" + b"\x00garbage" * 20, "image/png"
        ),
        "could not be read to the end",
    ),
    "truncated-jpeg": (
        lambda: pf.upload("cut.jpg", pf.truncated(pf.encoded(pf.noisy(), "JPEG"))),
        "could not be read to the end",
    ),
    "truncated-png": (
        lambda: pf.upload(
            "cut.png", pf.truncated(pf.encoded(pf.noisy(), "PNG")), "image/png"
        ),
        "could not be read to the end",
    ),
    "truncated-webp": (
        lambda: pf.upload(
            "cut.webp", pf.truncated(pf.encoded(pf.noisy(), "WEBP")), "image/webp"
        ),
        "could not be read to the end",
    ),
    "bomb-over-our-limit": (
        lambda: pf.upload("bomb.png", pf.png_claiming_size(10_000, 6_000), "image/png"),
        "too large in pixels",
    ),
    "bomb-over-pillow-limit": (
        lambda: pf.upload(
            "bomb.png", pf.png_claiming_size(30_000, 30_000), "image/png"
        ),
        "too large in pixels",
    ),
    "gif": (
        lambda: pf.upload(
            "anim.gif", pf.encoded(Image.new("RGB", (10, 10)), "GIF"), "image/gif"
        ),
        "The photo is a GIF file",
    ),
    "bmp-renamed-jpg": (
        lambda: pf.upload("scan.jpg", pf.encoded(Image.new("RGB", (10, 10)), "BMP")),
        "The photo is a BMP file",
    ),
    "animated-webp": (
        lambda: pf.upload("anim.webp", pf.animated_webp(), "image/webp"),
        "Animated images are not accepted",
    ),
    "empty": (lambda: pf.upload("empty.jpg", b""), "The submitted file is empty"),
}


@pytest.mark.parametrize("case", BAD_PHOTOS, ids=list(BAD_PHOTOS))
def test_bad_photos_get_a_clear_form_error(case):
    """Every bad file is a form error on the image field with a reason, never an exception."""
    make, message = BAD_PHOTOS[case]
    form = photo_form(make())
    assert not form.is_valid()
    errors = " ".join(form.errors["image"])
    assert message in errors, errors


def test_photo_over_the_byte_limit_is_refused(settings):
    """A file larger than NEWSROOM_PHOTO_MAX_BYTES is refused before decoding."""
    settings.NEWSROOM_PHOTO_MAX_BYTES = 10_000
    content = pf.encoded(pf.noisy(), "JPEG")
    assert len(content) > 10_000
    form = photo_form(pf.upload("big.jpg", content))
    assert not form.is_valid()
    assert form.errors["image"] == [
        f"The photo is {filesizeformat(len(content))}; the limit is 9.8\xa0KB."
    ]


@pytest.mark.parametrize("fmt", ["JPEG", "PNG", "WEBP"])
def test_good_photos_are_accepted(fmt):
    """JPEG, PNG and WebP photos pass, keeping their format and size."""
    content = pf.encoded(pf.two_halves((120, 80)), fmt)
    form = photo_form(pf.upload(f"p.{fmt.lower()}", content, f"image/{fmt.lower()}"))
    assert form.is_valid(), form.errors
    stored = Image.open(form.cleaned_data["image"])
    assert stored.format == fmt and stored.size == (120, 80)


def test_orientation_applied_and_location_stripped():
    """An EXIF-rotated camera photo is stored upright, with no EXIF (so no GPS) left."""
    form = photo_form(pf.upload("camera.jpg", pf.jpeg_with_orientation_and_gps()))
    assert form.is_valid(), form.errors
    form.instance.article = ArticleFactory()
    image = form.save()
    assert (image.width, image.height) == (40, 60)  # turned upright
    with image.image.open("rb") as stored:
        data = stored.read()
    photo = Image.open(io.BytesIO(data))
    exif = photo.getexif()
    assert 0x8825 not in exif and not exif.get_ifd(0x8825)
    assert 0x0112 not in exif
    assert b"Camera maker" not in data
    red, blue = photo.getpixel((20, 5)), photo.getpixel((20, 55))
    assert red[0] > 150 and red[2] < 80  # the left (red) half is now on top
    assert blue[2] > 150 and blue[0] < 80


def test_bad_upload_in_the_admin_is_a_form_error_and_loses_nothing(editor_client):
    """Uploading a renamed text file in the story form: 200 with the error, text kept."""
    story = ArticleFactory(headline="Kept headline")
    data = story_form(
        story,
        lead="A new lead typed before the upload",
        **{
            "images-TOTAL_FORMS": "1",
            "images-0-caption": "Caption",
            "images-0-alt_text": "Alt",
            "images-0-order": "0",
            "images-0-image": pf.upload("notes.jpg", b"not a photo"),
        },
    )
    response = editor_client.post(
        reverse("admin:articles_article_change", args=[story.pk]), data
    )
    assert response.status_code == 200
    assert "This file is not a photo" in response.text
    assert "A new lead typed before the upload" in response.text
    assert not ArticleImage.objects.exists()


def test_admin_upload_makes_renditions_after_commit(
    editor_client, celery_eager, django_capture_on_commit_callbacks, client
):
    """An upload queues the rendition task on commit; the story page then has srcset."""
    story = ArticleFactory()
    data = story_form(
        story,
        **{
            "images-TOTAL_FORMS": "1",
            "images-0-caption": "The bridge",
            "images-0-alt_text": "A bridge over the Irtysh",
            "images-0-order": "0",
            "images-0-image": pf.upload(
                "bridge.jpg", pf.encoded(pf.noisy((1200, 800)), "JPEG")
            ),
        },
    )
    url = reverse("admin:articles_article_change", args=[story.pk])
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        response = editor_client.post(url, data)
        assert ArticleImage.objects.get().renditions == []  # not on the request path
    assert response.status_code == 302, response.text
    assert callbacks
    image = ArticleImage.objects.get()
    assert sorted({r["width"] for r in image.renditions}) == [480, 960, 1200]
    page = client.get(story.get_absolute_url()).text
    assert 'type="image/webp"' in page
    assert "-480.webp 480w" in page and "-960.jpg 960w" in page
    # The lead photo's slot: the story column on a desktop, the screen on a phone.
    assert 'sizes="(min-width: 900px) 782px, calc(100vw - 32px)"' in page
    assert 'width="1200" height="800"' in page


@pytest.mark.parametrize(
    ("width", "widths"),
    [(64, [64]), (480, [480]), (1200, [480, 960, 1200]), (4000, [480, 960, 1600])],
)
def test_rendition_widths_never_upscale(width, widths):
    """Renditions go up to 1600 px, never wider than the photo."""
    assert rendition_widths(width) == widths


@pytest.mark.parametrize(
    ("fmt", "formats"),
    [("JPEG", {"webp", "jpeg"}), ("PNG", {"webp", "png"}), ("WEBP", {"webp"})],
)
def test_renditions_are_webp_plus_the_original_format(fmt, formats):
    """Each width comes as WebP and in the upload's format, at the right size."""
    image = ArticleImageFactory(
        image=pf.upload(f"p.{fmt.lower()}", pf.encoded(pf.noisy((2000, 1000)), fmt))
    )
    made = services.photo_renditions_make(image=image)
    resized = [r for r in made if "crop" not in r]
    assert {r["format"] for r in resized} == formats
    assert sorted({r["width"] for r in resized}) == [480, 960, 1600]
    # And the fixed-size crops for other sites, in JPEG whatever the upload.
    crops = [r for r in made if "crop" in r]
    assert {r["crop"]: (r["width"], r["height"]) for r in crops} == CROPS
    assert {r["format"] for r in crops} == {"jpeg"}
    for rendition in made:
        with default_storage.open(rendition["name"]) as file:
            decoded = Image.open(file)
            assert decoded.size == (rendition["width"], rendition["height"])
            assert decoded.format.lower() == rendition["format"]
    image.refresh_from_db()
    assert image.renditions == made
    # Made again: the new set is stored and the previous files are not left behind.
    again = services.photo_renditions_make(image=image)
    assert all(default_storage.exists(r["name"]) for r in again)
    kept = {r["name"] for r in again}
    assert all(
        not default_storage.exists(r["name"]) for r in made if r["name"] not in kept
    )


def test_rendition_task_skips_a_deleted_photo():
    """A photo deleted before the worker ran is skipped quietly."""
    from articles.tasks import photo_make_renditions

    result = photo_make_renditions.apply(args=[999_999])
    assert result.successful()
    assert not default_storage.exists("renditions/999999")


def test_only_the_first_photo_is_eager_with_renditions(client):
    """With renditions, photos after the first are still lazy and all keep width/height."""
    story = ArticleFactory()
    for order in range(3):
        image = ArticleImageFactory(article=story, order=order)
        services.photo_renditions_make(image=image)
    page = client.get(story.get_absolute_url()).text
    assert page.count("<picture>") == 3
    assert page.count('loading="lazy"') == 2
    assert page.count('fetchpriority="high"') == 1
    assert page.count('width="64" height="48"') == 3


def test_every_listing_serves_renditions_fitted_to_its_slot(client):
    """Front, section and tag pages offer srcset with sizes; without renditions, the original."""
    story = ArticleFactory(tags=["grain"])
    image = ArticleImageFactory(article=story)
    bare = ArticleImageFactory(article=ArticleFactory(section=story.section))
    services.photo_renditions_make(image=image)
    for url in ("/en/", story.section.get_absolute_url(), "/en/tag/grain/"):
        page = client.get(url).text
        main = page[page.index("<main") :]
        assert "-64.webp 64w" in main, url
        assert 'sizes="(min-width: 900px)' in main, url
        if url != "/en/tag/grain/":
            assert f'src="{bare.image.url}"' in main, url
