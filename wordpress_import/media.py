"""Images from the WordPress uploads folder the editor copied here (`--media-dir`), never from the internet.

An address in a post (`…/wp-content/uploads/2024/05/esel-1024x768.jpg`) or an attachment id leads to a file
below that folder; WordPress's resized copies lead to their original. Each file becomes one Wagtail image,
whichever posts show it. A file that is missing, too large, not an image or outside the folder is reported
and left out; the story comes in without it.
"""

import re
from pathlib import Path, PurePosixPath
from urllib.parse import unquote, urlsplit

from django.conf import settings
from django.core.files.images import ImageFile
from django.db import transaction
from django.utils.translation import gettext as _
from PIL import Image as PILImage, UnidentifiedImageError
from wagtail.images import get_image_model

from . import report as outcomes
from .body import BodyImage, plain_text
from .records import Kind, fingerprint

UPLOADS = "/wp-content/uploads/"
# WordPress's copies of an upload: "esel-1024x768.jpg", "esel-scaled.jpg", "esel-scaled-1024x768.jpg".
RESIZED = re.compile(r"(?:-scaled)?(?:-\d+x\d+)?(?=\.[A-Za-z0-9]+$)")
CREDIT = re.compile(r"\b(?:Foto|Fotos|Bild|Photo)\s*:\s*\S.*", re.IGNORECASE)


class Refused(Exception):
    """A file that exists but does not come in; the message says why."""


def upload_path(url):
    """The path below the uploads folder that an address names, or "" when it names none."""
    path = unquote(urlsplit(url or "").path)
    return path.split(UPLOADS, 1)[1] if UPLOADS in path else ""


def original_of(relative):
    """The upload a resized copy was made from ("2024/05/esel-1024x768.jpg" -> "2024/05/esel.jpg")."""
    return RESIZED.sub("", relative, count=1)


def credit_of(description):
    """The credit line in an attachment's description ("Foto: Jana Köhler"), else ""."""
    match = CREDIT.search(plain_text(description))
    return match.group(0).strip()[:120] if match else ""


class ImageFinder:
    """Finds and makes the Wagtail images of one import; `find_image` is what the body converter calls."""

    def __init__(self, attachments, *, media_dir, records, report, update, dry_run):
        self.attachments = attachments
        self.by_file = {
            attachment.file: wp_id for wp_id, attachment in attachments.items() if attachment.file
        }
        self.media_dir = Path(media_dir).resolve() if media_dir else None
        self.records, self.report, self.update, self.dry_run = records, report, update, dry_run
        self.images = {}  # record key -> image id (None: left out)

    def find_image(self, src, attachment_id=None):
        """The image for an address in a post or an attachment id, with the attachment's alt and caption;
        None (and noted in the report) when there is no usable file."""
        attachment = self.attachments.get(attachment_id) if attachment_id else None
        relative = upload_path(src)
        if attachment is None and relative:
            wp_id = self.by_file.get(relative) or self.by_file.get(original_of(relative))
            attachment = self.attachments.get(wp_id)
        if attachment is not None:
            relative = attachment.file or upload_path(attachment.url) or relative
        if not relative:
            self.report.missing_images.add(src or str(attachment_id))
            return None
        image = self.image(relative, attachment)
        if image is None:
            return None
        # WordPress does not insist on an alt text, our image block does: the attachment's title, else the
        # image's own (its file name), stands in when the <img> has none, so the story still comes.
        alt = (attachment.alt or plain_text(attachment.title)) if attachment else ""
        caption = plain_text(attachment.caption)[:250] if attachment else ""
        return BodyImage(image=image, alt=(alt or image.title)[:250], caption=caption)

    def hero(self, thumbnail_id):
        """(image, alt, caption, credit) for a featured image; None when it cannot come."""
        if not thumbnail_id:
            return None
        attachment = self.attachments.get(thumbnail_id)
        if attachment is None:
            self.report.missing_images.add(_("Titelbild mit der WordPress-ID %(id)s") % {"id": thumbnail_id})
            return None
        relative = attachment.file or upload_path(attachment.url)
        image = self.image(relative, attachment) if relative else None
        if image is None:
            if not relative:
                self.report.missing_images.add(attachment.url or str(thumbnail_id))
            return None
        alt = (attachment.alt or plain_text(attachment.title) or image.title)[:250]
        return image, alt, plain_text(attachment.caption)[:250], credit_of(attachment.description)

    def image(self, relative, attachment):
        key = str(attachment.wp_id) if attachment else f"datei:{relative}"
        if key in self.images:
            image_id = self.images[key]
            return get_image_model().objects.filter(pk=image_id).first() if image_id else None
        image = self.find_or_make(key, relative, attachment)
        self.images[key] = image.pk if image else None
        return image

    def find_or_make(self, key, relative, attachment):
        title = plain_text(attachment.title if attachment else "")[:255] or PurePosixPath(relative).stem
        alt = plain_text(attachment.alt)[:255] if attachment else ""
        digest = fingerprint(relative, title, alt)
        known = self.records.get(Kind.IMAGE, key)
        if known:
            image = get_image_model().objects.filter(pk=known.object_id).first()
            if image is None:
                self.report.count("image", outcomes.SKIPPED, outcomes.DELETED_HERE)
            elif known.fingerprint == digest:
                self.report.count("image", outcomes.UNCHANGED)
            elif not self.update:
                self.report.count("image", outcomes.SKIPPED, outcomes.ALREADY_IMPORTED)
            else:
                image.title, image.description = title, alt
                image.save(update_fields=["title", "description"])
                self.keep_record(key, image, digest)
                self.report.count("image", outcomes.CHANGED)
            return image
        if self.media_dir is None:
            self.report.images_without_media_dir = True
            self.report.missing_images.add(relative)
            return None
        try:
            path = self.located(relative)
            if path is None:
                self.report.missing_images.add(relative)
                return None
            image = self.make(path, title, alt)
        except Refused as refusal:
            self.report.refused_images[relative] = str(refusal)
            self.report.count("image", outcomes.SKIPPED, _("Datei abgelehnt"))
            return None
        self.keep_record(key, image, digest)
        self.report.count("image", outcomes.CREATED)
        return image

    def keep_record(self, key, image, digest):
        with transaction.atomic():
            self.records.save(Kind.IMAGE, key, image.pk, digest)
        self.records.keep()

    def located(self, relative):
        """The file (the original of a resized copy first), refused when the path leads out of the folder."""
        for candidate in dict.fromkeys([original_of(relative), relative]):
            path = (self.media_dir / candidate.lstrip("/")).resolve()
            if not path.is_relative_to(self.media_dir):
                raise Refused(_("liegt außerhalb des Medienordners"))
            if path.is_file():
                return path
        return None

    def make(self, path, title, alt):
        """A Wagtail image of the file; in a dry run only its row (rolled back), no file is written."""
        extension = path.suffix.lower().lstrip(".")
        if extension not in getattr(
            settings, "WAGTAILIMAGES_EXTENSIONS", ["gif", "jpg", "jpeg", "png", "webp"]
        ):
            raise Refused(_("kein Bildformat, das die Website annimmt (.%(ext)s)") % {"ext": extension})
        size = path.stat().st_size
        limit = getattr(settings, "WAGTAILIMAGES_MAX_UPLOAD_SIZE", None)
        if limit and size > limit:
            raise Refused(
                _("größer als %(limit)s MB") % {"limit": round(limit / 1024 / 1024, 1)},
            )
        try:
            with PILImage.open(path) as picture:
                picture.verify()
                width, height = picture.size
        except (UnidentifiedImageError, OSError, SyntaxError) as error:
            raise Refused(_("kein lesbares Bild")) from error
        pixels = getattr(settings, "WAGTAILIMAGES_MAX_IMAGE_PIXELS", None)
        if pixels and width * height > pixels:
            raise Refused(_("zu viele Pixel (%(width)s × %(height)s)") % {"width": width, "height": height})
        image = get_image_model()(title=title, description=alt, width=width, height=height, file_size=size)
        with transaction.atomic():
            if self.dry_run:
                image.file.name = f"original_images/{path.name}"  # a name only: nothing is written
                image.save()
            else:
                with path.open("rb") as file:
                    image.file = ImageFile(file, name=path.name)
                    image.save()
        return image
