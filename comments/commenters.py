"""Who writes: what moderators add about a commenter (notes, a trust override), keyed by a keyed hash of
the confirmed e-mail address rather than the address itself, and blocks of an address, a mail domain or a
network. The counts of a commenter's comments come from the comments (`comments.commenter_record`)."""

import datetime

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.crypto import salted_hmac
from django.utils.translation import gettext_lazy as _

from core.ratelimit import truncated_ip


def commenter_key(email):
    """The key of a commenter's record: HMAC-SHA256 of the casefolded address, with a key derived from
    SECRET_KEY, so a copy of the notes table names nobody."""
    return salted_hmac("comments.commenter", (email or "").strip().casefold(), algorithm="sha256").hexdigest()


class TrustOverride(models.TextChoices):
    AUTO = "auto", _("Automatisch nach den Kommentarregeln")
    TRUSTED = "trusted", _("Vertraut: sofort veröffentlichen")
    HELD = "held", _("Immer prüfen")


class CommenterNote(models.Model):
    """A moderator's note about a commenter, shown with their record."""

    commenter = models.CharField(max_length=64, db_index=True, editable=False)
    text = models.TextField(_("Notiz"))
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("Notiz zu Kommentierenden")
        verbose_name_plural = _("Notizen zu Kommentierenden")

    def __str__(self):
        return self.text[:50]


class CommenterTrust(models.Model):
    """A moderator's decision that a commenter's comments publish at once, or are always held, whatever
    the trust settings of the comment policy say."""

    commenter = models.CharField(max_length=64, unique=True, editable=False)
    override = models.CharField(
        _("Vertrauen"), max_length=8, choices=TrustOverride.choices, default=TrustOverride.AUTO
    )
    set_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    set_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("Vertrauen in Kommentierende")
        verbose_name_plural = _("Vertrauen in Kommentierende")

    def __str__(self):
        return self.get_override_display()


class BlockKind(models.TextChoices):
    EMAIL = "email", _("E-Mail-Adresse")
    DOMAIN = "domain", _("E-Mail-Domain")
    NETWORK = "network", _("Netz (IPv4 /24, IPv6 /48)")


class BlockedAs(models.TextChoices):
    """What happens to a comment from a blocked commenter (`CommentPolicy.blocked_commenters`)."""

    REFUSE = "refuse", _("Ablehnen, ohne die Sperre zu nennen")
    HOLD = "hold", _("Zur Prüfung zurückhalten")


def email_domains(email):
    """The mail domain of `email` and each domain above it ("a.example.org", "example.org", "org")."""
    domain = (email or "").rpartition("@")[2].strip().casefold()
    labels = domain.split(".") if domain else []
    return [".".join(labels[index:]) for index in range(len(labels))]


class CommenterBlockQuerySet(models.QuerySet):
    def active(self):
        """Not lifted, and not yet over (a block ends at the end of its last day)."""
        return self.filter(lifted_at__isnull=True).filter(
            Q(ends_on__isnull=True) | Q(ends_on__gte=timezone.localdate())
        )

    def matching(self, email, ip_address):
        """Blocks of the address, its mail domain, or the network of `ip_address` (already truncated or not)."""
        condition = Q(pk__in=[])
        if email:
            condition |= Q(kind=BlockKind.EMAIL, value=email.strip().casefold())
            condition |= Q(kind=BlockKind.DOMAIN, value__in=email_domains(email))
        network = truncated_ip(ip_address or "")
        if network:
            condition |= Q(kind=BlockKind.NETWORK, value=network)
        return self.filter(condition)


class CommenterBlock(models.Model):
    """A block of an address, a mail domain or a network, with its reason and an optional last day.
    Lifted blocks are kept, so the list says who lifted what and when."""

    kind = models.CharField(_("Art"), max_length=8, choices=BlockKind.choices, default=BlockKind.EMAIL)
    value = models.CharField(
        _("Gesperrt"),
        max_length=254,
        help_text=_(
            "Die E-Mail-Adresse, die Domain (z. B. „example.org“, gilt auch für ihre Subdomains) oder eine "
            "IP-Adresse des Netzes (gespeichert wird ihr /24- bzw. /48-Netz)."
        ),
    )
    reason = models.TextField(_("Grund"), help_text=_("Für das Team: warum gesperrt wird."))
    ends_on = models.DateField(
        _("Gesperrt bis einschließlich"), null=True, blank=True, help_text=_("Leer lassen: ohne Ende.")
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+", editable=False
    )
    created_at = models.DateTimeField(default=timezone.now, editable=False)
    lifted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+", editable=False
    )
    lifted_at = models.DateTimeField(null=True, blank=True, editable=False)

    objects = CommenterBlockQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("Sperre")
        verbose_name_plural = _("Sperren")

    def __str__(self):
        return f"{self.get_kind_display()}: {self.value}"

    def clean(self):
        value = (self.value or "").strip()
        if self.kind == BlockKind.EMAIL:
            value = value.casefold()
            try:
                validate_email(value)
            except ValidationError:
                raise ValidationError(
                    {"value": _("Bitte geben Sie eine gültige E-Mail-Adresse ein.")}
                ) from None
        elif self.kind == BlockKind.DOMAIN:
            value = value.casefold().lstrip("@").strip(".")
            if not value or "@" in value or " " in value:
                raise ValidationError({"value": _("Bitte geben Sie eine Domain wie „example.org“ ein.")})
        elif self.kind == BlockKind.NETWORK:
            network = truncated_ip(value.split("/")[0])
            if network is None:
                raise ValidationError({"value": _("Bitte geben Sie eine IP-Adresse ein.")})
            value = network
        self.value = value
        if self.ends_on and self.ends_on < timezone.localdate() and self.pk is None:
            raise ValidationError(
                {"ends_on": _("Das Ende einer neuen Sperre liegt nicht in der Vergangenheit.")}
            )

    @property
    def is_active(self):
        return self.lifted_at is None and (self.ends_on is None or self.ends_on >= timezone.localdate())

    @property
    def ends_on_iso(self):
        return self.ends_on.isoformat() if isinstance(self.ends_on, datetime.date) else ""


def active_block(email, ip_address):
    """The block that applies to a comment from `email` and `ip_address`, the longest first; or None."""
    blocks = CommenterBlock.objects.active().matching(email, ip_address)
    return blocks.order_by(models.F("ends_on").desc(nulls_first=True), "-created_at").first()
