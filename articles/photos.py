"""Photos: checked by decoding them, cleaned of location data, and resized.

Renditions are made with Pillow directly rather than through django-imagekit or
sorl-thumbnail. Both of those generate a size the first time a template asks
for it (on the request path, or behind a cache lookup per image per size), and
neither knows a photo's rendition widths before they exist, which the story
page needs for `srcset` with exact widths. Pillow is already needed to validate
uploads and strip metadata; making a fixed set of widths in a Celery task and
recording them on the photo is a dozen lines and keeps the page free of image
work and of per-image cache lookups.
"""

import io
import secrets
import warnings
from dataclasses import dataclass
from typing import NamedTuple

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _
from PIL import Image, ImageOps, UnidentifiedImageError

ACCEPTED_FORMATS = {"JPEG": "jpg", "PNG": "png", "WEBP": "webp"}
PHOTO_SIGNATURES = (b"\xff\xd8\xff", b"\x89PNG\r\n\x1a\n")  # JPEG, PNG
RENDITION_WIDTHS = (480, 960, 1600)
# Fixed-size crops for what other sites show of a story: "social" is the 1200x630
# picture of a shared link (OpenGraph, Twitter); the three ratios are the images
# Google asks for in a story's NewsArticle data (16x9, 4x3 and 1x1, 1200 wide).
CROPS = {
    "social": (1200, 630),
    "16x9": (1200, 675),
    "4x3": (1200, 900),
    "1x1": (1200, 1200),
}
JPEG_QUALITY = 88
WEBP_QUALITY = 82


@dataclass(frozen=True)
class CleanPhoto:
    content: bytes
    format: str  # JPEG, PNG or WEBP
    extension: str
    width: int
    height: int


def photo_clean(file) -> CleanPhoto:
    """Decode an upload fully, or raise a ValidationError saying what is wrong.

    The photo comes back re-encoded: EXIF orientation applied to the pixels, and
    no EXIF, XMP or IPTC metadata kept (so no GPS position, camera serial or
    owner name leaks). The colour profile is kept.
    """
    max_bytes = settings.NEWSROOM_PHOTO_MAX_BYTES
    max_pixels = settings.NEWSROOM_PHOTO_MAX_PIXELS
    if file.size > max_bytes:
        raise ValidationError(
            _("The photo is %(size)s; the limit is %(limit)s.")
            % {"size": filesizeformat(file.size), "limit": filesizeformat(max_bytes)},
            code="photo_too_big",
        )
    file.seek(0)
    data = file.read()
    damaged = ValidationError(
        _(
            "The photo could not be read to the end: the file is damaged or "
            "incomplete. Upload it again."
        ),
        code="photo_damaged",
    )
    # A file that starts like a photo but does not open is a damaged photo; any
    # other file is not a photo at all (a document renamed to .jpg, say).
    not_a_photo = (
        damaged
        if data.startswith(PHOTO_SIGNATURES) or data[8:12] == b"WEBP"
        else ValidationError(
            _("This file is not a photo. Upload a JPEG, PNG or WebP image."),
            code="not_a_photo",
        )
    )
    too_many_pixels = ValidationError(
        _(
            "The photo is too large in pixels (the limit is %(limit)s megapixels). "
            "Resize it and upload it again."
        )
        % {"limit": max_pixels // 1_000_000},
        code="photo_too_many_pixels",
    )
    with warnings.catch_warnings():
        # Pillow warns about, then refuses, images of very many pixels: both are
        # decompression bombs to us, as is anything over our own, lower limit.
        warnings.simplefilter("error", Image.DecompressionBombWarning)
        try:
            image = Image.open(io.BytesIO(data))
        except (Image.DecompressionBombError, Image.DecompressionBombWarning):
            raise too_many_pixels
        except (UnidentifiedImageError, OSError, SyntaxError, ValueError):
            raise not_a_photo
        if image.format not in ACCEPTED_FORMATS:
            raise ValidationError(
                _("The photo is a %(format)s file. Upload a JPEG, PNG or WebP image.")
                % {"format": image.format or _("unknown")},
                code="photo_format",
            )
        width, height = image.size
        if width * height > max_pixels or width < 1 or height < 1:
            raise too_many_pixels
        if getattr(image, "n_frames", 1) > 1:
            raise ValidationError(
                _("Animated images are not accepted. Upload a still photo."),
                code="photo_animated",
            )
        try:
            image.load()  # decode every pixel: a truncated file fails here
            upright = ImageOps.exif_transpose(image)
        except (Image.DecompressionBombError, Image.DecompressionBombWarning):
            raise too_many_pixels
        except (OSError, SyntaxError, ValueError, EOFError):
            raise damaged
    fmt = image.format
    content = _encode(upright, fmt, icc_profile=image.info.get("icc_profile"))
    return CleanPhoto(
        content=content,
        format=fmt,
        extension=ACCEPTED_FORMATS[fmt],
        width=upright.width,
        height=upright.height,
    )


def _encode(
    image: Image.Image,
    fmt: str,
    *,
    icc_profile: bytes | None = None,
    optimize: bool = True,
) -> bytes:
    """Encode without metadata (no `exif`, `xmp` or IPTC passed on)."""
    buffer = io.BytesIO()
    options: dict = {"icc_profile": icc_profile} if icc_profile else {}
    if fmt == "JPEG":
        if image.mode not in ("RGB", "L", "CMYK"):
            image = image.convert("RGB")
        image.save(buffer, "JPEG", quality=JPEG_QUALITY, optimize=optimize, **options)
    elif fmt == "PNG":
        image.save(buffer, "PNG", **options)
    else:
        if image.mode not in ("RGB", "RGBA"):
            image = image.convert("RGBA" if "A" in image.getbands() else "RGB")
        image.save(buffer, "WEBP", quality=WEBP_QUALITY, method=4, **options)
    return buffer.getvalue()


def photo_file_name(upload_name: str, extension: str) -> str:
    """
    A stored photo's file name: a random part, then the upload's name.

    Media files are served to anyone who has their address, and a draft's photos
    must not be found before the story is published; 128 random bits make the
    address unguessable (renditions take their names from it). The extension is
    the decoded format's, never the upload's.
    """
    stem = (upload_name or "photo").rsplit("/", 1)[-1].rsplit(".", 1)[0] or "photo"
    # 32 hex digits and at most 40 of the name keep the path within the field's 100.
    return f"{secrets.token_hex(16)}-{stem[:40]}.{extension}"


def photo_clean_upload(file) -> ContentFile:
    """The cleaned photo as a file to store, named after the upload."""
    photo = photo_clean(file)
    return ContentFile(
        photo.content, name=photo_file_name(file.name or "", photo.extension)
    )


def photo_mime_type(file) -> str | None:
    """The MIME type of a stored photo, from its decoded header; None if not a photo."""
    try:
        with Image.open(file) as image:
            fmt = image.format
    except (UnidentifiedImageError, OSError, ValueError, Image.DecompressionBombError):
        return None
    return Image.MIME.get(fmt) if fmt in ACCEPTED_FORMATS else None


def rendition_widths(width: int) -> list[int]:
    """The widths to make for a photo `width` pixels wide: never wider than it."""
    widths = [w for w in RENDITION_WIDTHS if w < width]
    widths.append(min(width, RENDITION_WIDTHS[-1]))
    return sorted(set(widths))


class Rendition(NamedTuple):
    width: int
    height: int
    format: str  # webp, jpeg or png
    content: bytes
    crop: str = ""  # a key of CROPS, or "" for a resized copy of the whole photo


def make_renditions(data: bytes) -> list[Rendition]:
    """
    Each width in WebP and in the upload's format, then each crop of CROPS in JPEG
    (what every site that reads OpenGraph or NewsArticle data decodes). A crop
    is cut from the centre and scaled to its exact size, up if the photo is
    smaller: those readers want the size, not the sharpness.
    """
    with Image.open(io.BytesIO(data)) as source:
        source.load()
        fmt = source.format
        upright = ImageOps.exif_transpose(source)
        icc_profile = source.info.get("icc_profile")
        formats = ["webp"] if fmt == "WEBP" else ["webp", fmt.lower()]
        made = []
        for width in rendition_widths(upright.width):
            height = max(1, round(upright.height * width / upright.width))
            resized = (
                upright
                if width == upright.width
                else upright.resize((width, height), Image.Resampling.LANCZOS)
            )
            for name in formats:
                encoded = _encode(resized, name.upper(), icc_profile=icc_profile)
                made.append(Rendition(width, height, name, encoded))
        flat = upright.convert("RGB") if upright.mode != "RGB" else upright
        for crop, size in CROPS.items():
            # Bicubic and no Huffman optimisation: half the time of the resized
            # copies' settings, for pictures shown small in a card or a result.
            fitted = ImageOps.fit(flat, size, Image.Resampling.BICUBIC)
            encoded = _encode(fitted, "JPEG", icc_profile=icc_profile, optimize=False)
            made.append(Rendition(*size, "jpeg", encoded, crop))
        return made
