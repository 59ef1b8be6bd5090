"""One attempt at a webhook message, and the task that makes it: signed by the Standard Webhooks scheme
(`standardwebhooks`, which receivers use to verify it), posted with the standard library, which is all a
JSON POST needs. A 2xx answer delivers the message; anything else (a status, a redirect, a timeout, no
connection) is a failed attempt, tried again after `RETRY_AFTER` until `MAX_ATTEMPTS`.

Where the task queue can wait (the database queue in production), the task enqueues its own next attempt;
otherwise (development, tests) `manage.py send_due_webhooks` sends what is due, every minute. A delivery
is claimed before each attempt, so the task and the command never send one attempt twice."""

import datetime
import json
import urllib.error
import urllib.request
from urllib.parse import urlsplit

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django_tasks import task
from standardwebhooks import Webhook

from .models import LOG_KEPT, TIMEOUT, DeliveryStatus, WebhookDelivery

# How long a claimed attempt keeps others away: far longer than one attempt (TIMEOUT), and short enough
# that the command takes over from a worker that died mid-attempt.
CLAIM = datetime.timedelta(minutes=2)
ERROR_LENGTH = WebhookDelivery._meta.get_field("error").max_length


def user_agent():
    return f"{settings.WAGTAIL_SITE_NAME} (Webhooks; {settings.WAGTAILADMIN_BASE_URL})"


def message_body(delivery):
    return json.dumps(delivery.payload, ensure_ascii=False, separators=(",", ":"))


def signed_headers(secret, message_id, body, now):
    """The three Standard Webhooks headers; the timestamp is the attempt's, so a receiver that refuses
    old messages (five minutes in `standardwebhooks`) still takes a retry."""
    return {
        "webhook-id": message_id,
        "webhook-timestamp": str(int(now.timestamp())),
        "webhook-signature": Webhook(secret).sign(message_id, now.astimezone(datetime.UTC), body),
        "Content-Type": "application/json",
        "User-Agent": user_agent(),
    }


class NoRedirects(urllib.request.HTTPRedirectHandler):
    """A redirect is an answer like any other that is not 2xx: the message goes to the configured
    address only."""

    def redirect_request(self, req, fp, code, msg, headers, newurl):
        return None


opener = urllib.request.build_opener(NoRedirects)


def post(url, body, headers):
    """(status code or None, error text) of one POST; never raises for what a network can do."""
    if urlsplit(url).scheme not in ("http", "https"):
        return None, "Nur http- und https-Adressen"
    request = urllib.request.Request(url, data=body.encode(), headers=headers, method="POST")  # noqa: S310 - http(s) only, checked above
    try:
        with opener.open(request, timeout=TIMEOUT) as response:
            return response.status, ""
    except urllib.error.HTTPError as error:
        return error.code, f"HTTP {error.code} {error.reason}"
    except urllib.error.URLError as error:
        return None, str(error.reason)
    except (OSError, ValueError) as error:  # timeouts, resets, malformed addresses
        return None, str(error) or type(error).__name__


def attempt(delivery_pk):
    """Sends a waiting delivery that is due, once, and records the outcome. Returns the delivery, or None
    when there was nothing to send (not due, already delivered, or claimed by another sender)."""
    now = timezone.now()
    claimed = WebhookDelivery.objects.filter(
        pk=delivery_pk, status=DeliveryStatus.WAITING, next_attempt_at__lte=now
    ).update(next_attempt_at=now + CLAIM)
    if not claimed:
        return None
    delivery = WebhookDelivery.objects.select_related("endpoint").get(pk=delivery_pk)
    endpoint = delivery.endpoint
    if endpoint.active:
        body = message_body(delivery)
        code, error = post(
            endpoint.url, body, signed_headers(endpoint.secret, delivery.message_id, body, now)
        )
    else:
        code, error = None, "Webhook ist inaktiv"
    delivery.record_attempt(code, error[:ERROR_LENGTH], now)
    return delivery


def can_wait():
    """Whether the task queue runs a task at a later time (`run_after`)."""
    return send_webhook.get_backend().supports_defer


@task()
def send_webhook(delivery_pk):
    """One attempt; after a failure, the next one is queued for its time where the queue can wait. With
    tasks run at once (development, tests) nothing is queued, so a dead receiver never loops in a
    request: the minute's `send_due_webhooks` tries again."""
    delivery = attempt(delivery_pk)
    if delivery is not None and delivery.status == DeliveryStatus.WAITING and can_wait():
        send_webhook.using(run_after=delivery.next_attempt_at).enqueue(delivery.pk)


def send_after_commit(delivery):
    """Queues the delivery's first attempt once the transaction that stored it commits. Should queuing
    fail, the delivery is due all the same and `send_due_webhooks` sends it."""
    transaction.on_commit(lambda: send_webhook.enqueue(delivery.pk), robust=True)


def send_due():
    """Every waiting delivery whose time has come, once each (the command of the minute). Returns the
    deliveries attempted."""
    due = WebhookDelivery.objects.filter(status=DeliveryStatus.WAITING, next_attempt_at__lte=timezone.now())
    attempted = []
    for pk in due.order_by("next_attempt_at").values_list("pk", flat=True):
        delivery = attempt(pk)
        if delivery is not None:
            attempted.append(delivery)
    return attempted


def prune_log(now=None):
    """Finished deliveries leave the log after `LOG_KEPT`: enough to see what the chat missed, no archive
    of the moderation in a second place. Returns how many went."""
    cutoff = (now or timezone.now()) - LOG_KEPT
    finished = WebhookDelivery.objects.exclude(status=DeliveryStatus.WAITING)
    return finished.filter(created_at__lt=cutoff).delete()[0]
