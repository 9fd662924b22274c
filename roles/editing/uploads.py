"""Image uploads for the Markdown editor: only real PNG/JPEG, size-capped."""

from __future__ import annotations

import uuid
import warnings
from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import UploadedFile
from django.utils.translation import gettext as _
from PIL import Image, UnidentifiedImageError

# Pillow's format name → the file ending we store it under.
ALLOWED_FORMATS = {"PNG": "png", "JPEG": "jpg"}
MAX_PIXELS = 40_000_000


@dataclass(frozen=True)
class StoredImage:
    url: str


def _detect_format(upload: UploadedFile) -> str:
    """The image format read from the bytes, never from the name or header."""
    try:
        with warnings.catch_warnings():
            # A header claiming a huge size is refused, not decoded.
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(upload) as image:
                image_format = image.format
                width, height = image.size
                image.verify()
    except (Image.DecompressionBombError, Image.DecompressionBombWarning) as error:
        raise ValidationError(
            _("Das Bild ist zu groß (mehr als 40 Megapixel)."), code="too_many_pixels"
        ) from error
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError) as error:
        raise ValidationError(
            _("Die Datei ist kein lesbares Bild. Erlaubt sind PNG und JPEG."),
            code="not_an_image",
        ) from error
    if image_format not in ALLOWED_FORMATS:
        raise ValidationError(
            _("Bilder im Format %(format)s sind nicht erlaubt; nur PNG und JPEG."),
            code="format_not_allowed",
            params={"format": image_format},
        )
    if width * height > MAX_PIXELS:
        raise ValidationError(
            _("Das Bild ist zu groß (mehr als 40 Megapixel)."), code="too_many_pixels"
        )
    return image_format


def store_image(upload: UploadedFile) -> StoredImage:
    """Check an uploaded image and store it under a random name."""
    max_size = settings.MARKDOWNX_UPLOAD_MAX_SIZE
    if upload.size > max_size:
        raise ValidationError(
            _("Die Datei ist zu groß: höchstens %(mb)s MB."),
            code="file_too_large",
            params={"mb": max_size // (1024 * 1024)},
        )
    image_format = _detect_format(upload)
    upload.seek(0)
    extension = ALLOWED_FORMATS[image_format]
    name = f"{settings.MARKDOWNX_MEDIA_PATH}{uuid.uuid4().hex}.{extension}"
    saved_name = default_storage.save(name, upload)
    return StoredImage(url=default_storage.url(saved_name))
