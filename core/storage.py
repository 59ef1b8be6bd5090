"""The media bucket: renditions are public, every other object is private.

Readers load renditions (Wagtail's `images/` prefix) straight from the bucket. Nobody else may read an
object there by knowing or guessing its URL: documents are served only through Wagtail's document view,
which checks private collections, and originals (`original_images/`) are read by the app alone to make
renditions. Every upload states its ACL itself, so neither the bucket's default nor a stray
`AWS_DEFAULT_ACL` decides.
"""

from storages.backends.s3 import S3Storage

PUBLIC_PREFIX = "images/"


class MediaStorage(S3Storage):
    """django-storages' S3 backend with an ACL chosen by where the object lives."""

    def get_object_parameters(self, name):
        parameters = super().get_object_parameters(name)
        parameters["ACL"] = "public-read" if self.is_public(name) else "private"
        return parameters

    def is_public(self, name):
        """Writes pass the whole key, including the storage's `location`; the prefix counts below it."""
        if name.startswith(self.location):
            name = name[len(self.location) :].lstrip("/")
        return name.startswith(PUBLIC_PREFIX)
