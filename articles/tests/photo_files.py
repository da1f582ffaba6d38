"""Good and bad photo files, made in memory for the upload tests."""

import io
import random
import struct
import zlib

from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image


def upload(name: str, content: bytes, content_type: str = "image/jpeg"):
    return SimpleUploadedFile(name, content, content_type=content_type)


def encoded(image: Image.Image, fmt: str, **options) -> bytes:
    buffer = io.BytesIO()
    image.save(buffer, fmt, **options)
    return buffer.getvalue()


def noisy(size=(400, 300)) -> Image.Image:
    """A photo-like image that does not compress to nothing."""
    rng = random.Random(5)
    return Image.frombytes(
        "RGB", size, bytes(rng.getrandbits(8) for _ in range(size[0] * size[1] * 3))
    )


def two_halves(size=(60, 40)) -> Image.Image:
    """Left half red, right half blue: shows which way a photo was turned."""
    image = Image.new("RGB", size, (220, 0, 0))
    image.paste((0, 0, 220), (size[0] // 2, 0, size[0], size[1]))
    return image


def jpeg_with_orientation_and_gps() -> bytes:
    """A camera JPEG lying on its side (EXIF orientation 6) with a GPS position."""
    exif = Image.Exif()
    exif[0x0112] = 6  # rotate 90° clockwise to display
    exif[0x010F] = "Camera maker"
    exif[0x8825] = {1: "N", 2: (43.0, 15.0, 0.0), 3: "E", 4: (76.0, 57.0, 0.0)}
    return encoded(two_halves(), "JPEG", exif=exif.tobytes(), quality=95)


def png_claiming_size(width: int, height: int) -> bytes:
    """A tiny PNG whose header claims `width`×`height` pixels: a decompression bomb."""
    data = encoded(Image.new("L", (8, 8)), "PNG")
    ihdr_start = 8  # after the signature: length(4) type(4) data(13) crc(4)
    length, kind = struct.unpack(">I4s", data[ihdr_start : ihdr_start + 8])
    assert kind == b"IHDR" and length == 13
    body = bytearray(data[ihdr_start + 8 : ihdr_start + 8 + 13])
    body[0:8] = struct.pack(">II", width, height)
    crc = struct.pack(">I", zlib.crc32(b"IHDR" + bytes(body)) & 0xFFFFFFFF)
    return data[: ihdr_start + 8] + bytes(body) + crc + data[ihdr_start + 8 + 13 + 4 :]


def truncated(content: bytes, keep: float = 0.6) -> bytes:
    return content[: int(len(content) * keep)]


def animated_webp() -> bytes:
    frames = [Image.new("RGB", (20, 20), c) for c in ("red", "blue")]
    return encoded(frames[0], "WEBP", save_all=True, append_images=frames[1:])
