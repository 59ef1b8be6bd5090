"""Where the team's webhooks go (`WebhookEndpoint`) and what became of each message (`WebhookDelivery`).

The models belong to the comments app: `comments.models` imports them, as it does the DSA models.
"""

import base64
import datetime
import secrets

from django.core.validators import URLValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

# Seconds a receiver may take; a slow chat must not hold the worker.
TIMEOUT = 5
# Waits before the second, third, ... attempt; after the last one the delivery has failed.
RETRY_AFTER = [
    datetime.timedelta(minutes=1),
    datetime.timedelta(minutes=5),
    datetime.timedelta(minutes=30),
    datetime.timedelta(hours=2),
    datetime.timedelta(hours=6),
]
MAX_ATTEMPTS = len(RETRY_AFTER) + 1
# How long delivered and failed messages stay in the log.
LOG_KEPT = datetime.timedelta(days=30)


class WebhookEvent(models.TextChoices):
    COMMENT_WAITING = "comment.waiting", _("Kommentar wartet auf Prüfung")
    COMMENT_REPORTED = "comment.reported", _("Kommentar gemeldet")
    NOTICE_RECEIVED = "notice.received", _("DSA-Meldung eingegangen")


# Sent only by "Test senden", to whatever the endpoint subscribed to.
TEST_EVENT = "webhook.test"


def new_secret():
    """A Standard Webhooks secret: "whsec_" and 32 random bytes in base64."""
    return "whsec_" + base64.b64encode(secrets.token_bytes(32)).decode()


class WebhookEndpoint(models.Model):
    """An address of the team's chat (or any receiver) and the events it wants."""

    name = models.CharField(_("Name"), max_length=100, help_text=_("Zum Beispiel „Team-Chat Moderation“."))
    url = models.URLField(
        _("Adresse"),
        max_length=500,
        validators=[
            URLValidator(
                schemes=["http", "https"], message=_("Bitte eine Adresse mit http:// oder https:// eingeben.")
            )
        ],
        help_text=_(
            "Die Adresse, an die der Team-Chat (oder ein anderer Empfänger) die Nachrichten annimmt. "
            "Die Nachrichten nennen nur den Fall und verlinken in die Verwaltung: keine Namen, keine "
            "E-Mail- oder IP-Adressen und keinen Kommentartext, denn der Chat ist ein Dritter."
        ),
    )
    secret = models.CharField(_("Geheimnis"), max_length=100, default=new_secret, editable=False)
    events = models.JSONField(_("Ereignisse"), default=list, blank=True)
    active = models.BooleanField(_("Aktiv"), default=True, help_text=_("Inaktive Adressen bekommen nichts."))
    created_at = models.DateTimeField(_("Angelegt am"), auto_now_add=True)

    class Meta:
        verbose_name = _("Webhook")
        verbose_name_plural = _("Webhooks")
        ordering = ["name"]

    def __str__(self):
        return self.name

    def wants(self, event):
        return self.active and event in self.events

    def event_labels(self):
        return [str(WebhookEvent(event).label) for event in self.events if event in WebhookEvent.values]


class DeliveryStatus(models.TextChoices):
    WAITING = "waiting", _("Wartet auf neuen Versuch")
    DELIVERED = "delivered", _("Zugestellt")
    FAILED = "failed", _("Fehlgeschlagen")


class WebhookDelivery(models.Model):
    """One message to one endpoint, with the outcome of its last attempt. The payload stays as first
    signed, so every retry sends the same message (same `message_id`: receivers can drop duplicates)."""

    endpoint = models.ForeignKey(
        WebhookEndpoint, on_delete=models.CASCADE, related_name="deliveries", verbose_name=_("Webhook")
    )
    event = models.CharField(_("Ereignis"), max_length=40)
    message_id = models.CharField(_("Nachrichten-ID"), max_length=40, unique=True)
    payload = models.JSONField(_("Inhalt"))
    status = models.CharField(
        _("Status"), max_length=12, choices=DeliveryStatus.choices, default=DeliveryStatus.WAITING
    )
    attempts = models.PositiveSmallIntegerField(_("Versuche"), default=0)
    response_code = models.PositiveSmallIntegerField(_("Antwortcode"), null=True, blank=True)
    error = models.CharField(_("Fehler"), max_length=300, blank=True)
    next_attempt_at = models.DateTimeField(_("Nächster Versuch"), null=True, blank=True, db_index=True)
    created_at = models.DateTimeField(_("Erstellt am"), auto_now_add=True)
    delivered_at = models.DateTimeField(_("Zugestellt am"), null=True, blank=True)

    class Meta:
        verbose_name = _("Webhook-Zustellung")
        verbose_name_plural = _("Webhook-Zustellungen")
        ordering = ["-created_at", "-pk"]

    def __str__(self):
        return f"{self.event} → {self.endpoint_id}"

    def event_label(self):
        if self.event == TEST_EVENT:
            return str(_("Test"))
        return str(WebhookEvent(self.event).label) if self.event in WebhookEvent.values else self.event

    def record_attempt(self, code, error, now):
        """A 2xx delivers; otherwise the next attempt waits its turn in `RETRY_AFTER`, and after the last
        one the delivery has failed."""
        self.attempts += 1
        self.response_code = code
        if code is not None and 200 <= code < 300:
            self.status, self.error, self.delivered_at, self.next_attempt_at = (
                DeliveryStatus.DELIVERED,
                "",
                now,
                None,
            )
        elif self.attempts >= MAX_ATTEMPTS:
            self.status, self.error, self.next_attempt_at = DeliveryStatus.FAILED, error, None
        else:
            self.status, self.error = DeliveryStatus.WAITING, error
            self.next_attempt_at = now + RETRY_AFTER[self.attempts - 1]
        self.save()

    def send_again(self, now):
        """ "Erneut senden": one more attempt now for a failed delivery, with the same message."""
        self.status, self.next_attempt_at = DeliveryStatus.WAITING, now
        self.save(update_fields=["status", "next_attempt_at"])
