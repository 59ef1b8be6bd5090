"""What an author changed in their own comment: the texts it replaced, and an edit that waits for a
moderator because the comment policy would hold it (`comments.editing`). Kept for the moderators (a text
may be evidence in a notice) and covered by the privacy tools (`comments.erasure`)."""

import secrets

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


def new_edit_key():
    """The per-comment secret the author's links name; replacing it makes every earlier link invalid."""
    return secrets.token_urlsafe(9)


class CommentVersion(models.Model):
    """A text the comment showed before its author edited it."""

    comment = models.ForeignKey("comments.StoryComment", on_delete=models.CASCADE, related_name="versions")
    text = models.TextField(_("Text"))
    replaced_at = models.DateTimeField(_("Ersetzt am"), default=timezone.now)

    class Meta:
        verbose_name = _("Frühere Fassung")
        verbose_name_plural = _("Frühere Fassungen")
        ordering = ["-replaced_at", "-pk"]

    def __str__(self):
        return f"Fassung {self.pk} von Kommentar {self.comment_id}"


class CommentEdit(models.Model):
    """An author's new text that the comment policy would hold: the old text stays public until a
    moderator takes the change or refuses it."""

    class Status(models.TextChoices):
        WAITING = "waiting", _("Wartet auf Prüfung")
        APPLIED = "applied", _("Übernommen")
        REFUSED = "refused", _("Abgelehnt")
        # The author wrote again or withdrew the comment before a moderator decided.
        DROPPED = "dropped", _("Verworfen")

    comment = models.ForeignKey("comments.StoryComment", on_delete=models.CASCADE, related_name="edits")
    text = models.TextField(_("Neuer Text"))
    status = models.CharField(_("Status"), max_length=8, choices=Status.choices, default=Status.WAITING)
    created_at = models.DateTimeField(_("Eingegangen am"), default=timezone.now)
    decided_at = models.DateTimeField(_("Entschieden am"), null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    # Why the policy held it (`comments.reasons`), as for a held comment.
    reasons = models.JSONField(_("Gründe der Prüfung"), default=list, blank=True)

    class Meta:
        verbose_name = _("Änderung eines Kommentars")
        verbose_name_plural = _("Änderungen von Kommentaren")
        ordering = ["-created_at", "-pk"]

    def __str__(self):
        return f"Änderung {self.pk} von Kommentar {self.comment_id}"
