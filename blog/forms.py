"""Upload checks for images: every broken or oversized file becomes a form error, never a 500."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from PIL import Image as PILImage
from wagtail.images.forms import BaseImageForm


class StoryImageForm(BaseImageForm):
    def clean_file(self):
        uploaded = self.cleaned_data.get("file")
        if not uploaded or not hasattr(uploaded, "seek"):
            return uploaded
        try:
            uploaded.seek(0)
            with PILImage.open(uploaded) as picture:
                picture.verify()
            uploaded.seek(0)
            with PILImage.open(uploaded) as picture:
                picture.load()
        except PILImage.DecompressionBombError:
            raise ValidationError(
                _("Das Bild hat zu viele Bildpunkte. Bitte eine kleinere Fassung hochladen."),
                code="too_many_pixels",
            ) from None
        except (OSError, SyntaxError, ValueError):
            raise ValidationError(
                _("Die Datei ist beschädigt oder unvollständig und lässt sich nicht als Bild öffnen."),
                code="broken_image",
            ) from None
        finally:
            uploaded.seek(0)
        return uploaded
