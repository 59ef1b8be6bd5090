"""Where a comment stands; `StoryComment.status` is the single source of truth."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class CommentStatus(models.TextChoices):
    UNCONFIRMED = "unconfirmed", _("Unbestätigt")
    PENDING = "pending", _("Zu prüfen")
    PUBLISHED = "published", _("Veröffentlicht")
    SPAM = "spam", _("Spam")
    # Taken from readers but kept as it was, e.g. while a notice of illegal content is examined.
    HIDDEN = "hidden", _("Verborgen")
    REMOVED = "removed", _("Entfernt")
    # Taken back by its author (`comments.editing`); the text stays for the moderators and the privacy tools.
    WITHDRAWN = "withdrawn", _("Zurückgezogen")
