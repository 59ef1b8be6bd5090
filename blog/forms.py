"""Image uploads: broken or oversized files become form errors, and no photo keeps its metadata."""

import io

import willow
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils.translation import gettext as _
from PIL import Image as PILImage, ImageOps
from wagtail.images.fields import WagtailImageField
from wagtail.images.forms import BaseImageForm

# Formats whose files can carry EXIF (camera, GPS) or XMP data that readers must never receive.
METADATA_FORMATS = {"JPEG", "MPO", "PNG", "WEBP", "AVIF"}


def broken_image_error():
    return ValidationError(
        _("Die Datei ist beschädigt oder unvollständig und lässt sich nicht als Bild öffnen."),
        code="broken_image",
    )


def without_metadata(uploaded):
    """Return the upload re-saved without EXIF/XMP (rotation applied), or unchanged if it has none."""
    uploaded.seek(0)
    with PILImage.open(uploaded) as picture:
        if picture.format not in METADATA_FORMATS or getattr(picture, "is_animated", False):
            return uploaded
        has_metadata = bool(picture.getexif()) or any(
            key in picture.info for key in ("exif", "xmp", "XML:com.adobe.xmp")
        )
        if not has_metadata:
            return uploaded
        output_format = "JPEG" if picture.format == "MPO" else picture.format
        upright = ImageOps.exif_transpose(picture)
        options = {"icc_profile": picture.info["icc_profile"]} if "icc_profile" in picture.info else {}
        if output_format == "JPEG":
            options["quality"] = "keep" if upright is picture else 92
        elif output_format in ("WEBP", "AVIF"):
            options["quality"] = 90
        upright.info.pop("exif", None)
        buffer = io.BytesIO()
        upright.save(buffer, output_format, **options)
    cleaned = SimpleUploadedFile(uploaded.name, buffer.getvalue(), content_type=uploaded.content_type)
    cleaned.image = willow.Image.open(io.BytesIO(buffer.getvalue()))
    return cleaned


class CheckedImageField(WagtailImageField):
    """Wagtail's image field plus a full decode, so truncated files never reach a rendition."""

    def to_python(self, data):
        try:
            uploaded = super().to_python(data)
        except (OSError, SyntaxError, ValueError, PILImage.DecompressionBombError):
            raise broken_image_error() from None
        if uploaded is None:
            return None
        try:
            uploaded.seek(0)
            with PILImage.open(uploaded) as picture:
                picture.load()
            return without_metadata(uploaded)
        except (OSError, SyntaxError, ValueError):
            raise broken_image_error() from None
        finally:
            uploaded.seek(0)


class StoryImageForm(BaseImageForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "file" in self.fields:
            stock = self.fields["file"]
            self.fields["file"] = CheckedImageField(
                label=stock.label, required=stock.required, widget=stock.widget
            )
