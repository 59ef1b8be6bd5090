"""What each WordPress thing became here, so that a second run finds it instead of making it again."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class ImportRecord(models.Model):
    """One WordPress author, term, attachment, post, page or comment and the object it became.

    A record whose object is gone (an editor deleted the story, the privacy tools erased the comment) stays:
    `--update` then leaves the thing out instead of bringing it back."""

    class Kind(models.TextChoices):
        AUTHOR = "author", _("Autorin / Autor")
        CATEGORY = "category", _("Kategorie")
        TAG = "tag", _("Schlagwort")
        IMAGE = "image", _("Bild")
        POST = "post", _("Geschichte")
        PAGE = "page", _("Seite")
        COMMENT = "comment", _("Kommentar")

    # The blog the export came from (its base address), so two blogs' post number 12 stay apart.
    source = models.CharField(_("Quelle"), max_length=255)
    kind = models.CharField(_("Art"), max_length=10, choices=Kind.choices)
    # WordPress's id (a number; for authors the login, for terms the slug when the export has no id).
    wp_id = models.CharField(_("WordPress-ID"), max_length=200)
    object_id = models.PositiveBigIntegerField(_("Objekt"))
    # A hash of the WordPress data last taken over: `--update` changes only what changed since.
    fingerprint = models.CharField(max_length=64, blank=True)
    imported_at = models.DateTimeField(_("Übernommen am"), auto_now=True)

    class Meta:
        verbose_name = _("Übernommener WordPress-Inhalt")
        verbose_name_plural = _("Übernommene WordPress-Inhalte")
        constraints = [
            models.UniqueConstraint(fields=["source", "kind", "wp_id"], name="one_record_per_wordpress_thing")
        ]
        indexes = [models.Index(fields=["kind", "object_id"], name="wordpress_record_object")]

    def __str__(self):
        return f"{self.get_kind_display()} {self.wp_id} ({self.source})"
