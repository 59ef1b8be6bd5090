"""The team's chat hears of waiting comments, reports and DSA notices by signed webhooks: a receiver can
verify every message, nothing personal is in it, failures are tried again and logged in the admin."""

import datetime
import http.server
import json
import threading

import pytest
from django.core import mail
from django.core.management import call_command
from django.test import override_settings
from django.utils import timezone
from standardwebhooks import Webhook
from wagtail.models import ModelLogEntry

from comments.dsa.models import ContentNotice
from comments.models import CommentStatus, StoryComment
from comments.tests.factories import StoryCommentFactory
from comments.tests.test_legal_notices import NOTICE_URL, notice_data
from comments.tests.test_posting import POST_URL, comment_data, confirmation_link
from comments.webhooks import events
from comments.webhooks.models import (
    MAX_ATTEMPTS,
    RETRY_AFTER,
    DeliveryStatus,
    WebhookDelivery,
    WebhookEndpoint,
    WebhookEvent,
)
from comments.webhooks.sending import send_webhook

pytestmark = pytest.mark.django_db

ALL_EVENTS = list(WebhookEvent.values)


class Receiver(http.server.ThreadingHTTPServer):
    """A team chat on 127.0.0.1 that keeps what it was sent and answers with `status`."""

    status = 204

    def __init__(self):
        self.received = []
        super().__init__(("127.0.0.1", 0), ReceiverHandler)

    @property
    def url(self):
        return f"http://127.0.0.1:{self.server_address[1]}/hooks/"

    def verified(self, secret):
        """Each message as a receiver reads it after checking its signature (raises if it does not hold)."""
        return [Webhook(secret).verify(body, headers) for body, headers in self.received]


class ReceiverHandler(http.server.BaseHTTPRequestHandler):
    def do_POST(self):
        body = self.rfile.read(int(self.headers["Content-Length"]))
        self.server.received.append((body.decode(), {k.lower(): v for k, v in self.headers.items()}))
        self.send_response(self.server.status)
        self.end_headers()

    def log_message(self, *args):
        pass


@pytest.fixture
def receiver():
    server = Receiver()
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server
    server.shutdown()
    server.server_close()


@pytest.fixture
def dead_address():
    """An address where nothing listens: the port of a server that was just closed."""
    server = Receiver()
    url = server.url
    server.server_close()
    return url


def endpoint_for(url, events=ALL_EVENTS, **fields):
    return WebhookEndpoint.objects.create(name="Team-Chat", url=url, events=events, **fields)


@pytest.fixture
def sent(django_capture_on_commit_callbacks):
    """Runs what the change queues after its commit: the first attempts (tasks run at once in tests)."""
    return lambda: django_capture_on_commit_callbacks(execute=True)


def waiting_comment(story, **fields):
    return StoryCommentFactory(
        story=story,
        status=CommentStatus.PENDING,
        user_name="Erika Mustermann",
        user_email="erika@example.org",
        ip_address="203.0.113.7",
        comment="Mein Nachbar Herr Meier hat das auch erlebt.",
        **fields,
    )


PERSONAL = ("Erika", "Mustermann", "erika@example.org", "203.0.113.7", "Herr Meier", "Nachbar")


def test_a_waiting_comment_reaches_the_chat_signed_so_the_receiver_can_verify_it(receiver, story, sent):
    endpoint = endpoint_for(receiver.url)

    with sent():
        comment = waiting_comment(
            story, screening_reasons=[{"rule": "first_comment", "words": [], "detail": ""}]
        )

    [payload] = receiver.verified(endpoint.secret)
    assert payload["type"] == "comment.waiting"
    assert payload["data"]["comment"]["id"] == comment.pk
    assert (
        payload["data"]["comment"]["admin_url"]
        == f"http://testserver/admin/snippets/comments/storycomment/inspect/{comment.pk}/"
    )
    assert payload["data"]["comment"]["story"] == {
        "title": "Wie Esel Emil heimkam",
        "url": "http://localhost/blog/esel/",
    }
    assert payload["data"]["reasons"] == [{"rule": "first_comment", "text": "erster Kommentar"}]
    body, headers = receiver.received[0]
    assert headers["content-type"] == "application/json"
    assert headers["user-agent"].startswith("Kundengeschichten")
    delivery = WebhookDelivery.objects.get()
    assert (delivery.status, delivery.attempts, delivery.response_code) == (DeliveryStatus.DELIVERED, 1, 204)
    assert headers["webhook-id"] == delivery.message_id


def test_a_forged_message_fails_verification(receiver, story, sent):
    endpoint_for(receiver.url)
    with sent():
        waiting_comment(story)

    with pytest.raises(Exception, match="No matching signature"):
        receiver.verified(WebhookEndpoint.objects.create(name="Andere", url=receiver.url).secret)


def test_the_message_names_no_person_and_quotes_no_text(story):
    endpoint_for("http://chat.invalid/")
    waiting_comment(story, screening_reasons=[{"rule": "word_list_hold", "words": ["Meier"], "detail": ""}])

    payload = json.dumps(WebhookDelivery.objects.get().payload, ensure_ascii=False)
    for personal in PERSONAL:
        assert personal not in payload
    assert '"text": "Wortliste"' in payload


def test_each_event_goes_only_to_the_endpoints_that_want_it(story):
    waiting_only = endpoint_for("http://a.invalid/", events=[WebhookEvent.COMMENT_WAITING])
    endpoint_for("http://b.invalid/", events=[WebhookEvent.COMMENT_REPORTED, WebhookEvent.NOTICE_RECEIVED])
    endpoint_for("http://c.invalid/", active=False)

    waiting_comment(story)

    assert [(d.endpoint, d.event) for d in WebhookDelivery.objects.all()] == [
        (waiting_only, "comment.waiting")
    ]


def test_a_published_or_unconfirmed_comment_calls_nobody(story):
    endpoint_for("http://a.invalid/")
    StoryCommentFactory(story=story)
    StoryCommentFactory(story=story, status=CommentStatus.UNCONFIRMED)
    assert not WebhookDelivery.objects.exists()


def test_a_reader_report_tells_the_reason_and_not_the_readers_note(client, story, receiver, sent):
    endpoint = endpoint_for(receiver.url, events=[WebhookEvent.COMMENT_REPORTED])
    comment = StoryCommentFactory(story=story, user_name="Erika Mustermann", comment="Kauft billige Uhren!")

    with sent():
        client.post(f"/kommentare/melden/{comment.pk}/", {"reason": "spam", "note": "Werbung von Erika"})

    [payload] = receiver.verified(endpoint.secret)
    assert payload["type"] == "comment.reported"
    assert payload["data"]["report"] == {"reason": "spam", "reason_label": "Spam oder Werbung"}
    assert payload["data"]["open_reports"] == 1
    text = json.dumps(payload, ensure_ascii=False)
    assert "Erika" not in text and "Uhren" not in text


def test_a_dsa_notice_tells_reference_and_kind_and_nothing_of_the_notifier(client, story, receiver, sent):
    endpoint = endpoint_for(receiver.url, events=[WebhookEvent.NOTICE_RECEIVED])
    comment = StoryCommentFactory(story=story, comment="Der Kollege Meier ist ein Betrüger und Dieb.")

    with sent():
        client.post(NOTICE_URL, notice_data(comment))

    [payload] = receiver.verified(endpoint.secret)
    notice = payload["data"]["notice"]
    assert notice["reference"] == ContentNotice.objects.get().reference
    assert notice["kind"] == "insult"
    assert notice["kind_label"] == "Beleidigung, üble Nachrede oder Verleumdung"
    assert payload["data"]["queue_url"] == "http://testserver/admin/kommentare/meldungen/"
    text = json.dumps(payload, ensure_ascii=False)
    for personal in ("Paula", "paula@example.org", "Betrüger", "Verleumdung von Herrn Meier"):
        assert personal not in text


def test_a_failed_attempt_waits_for_the_next_one_and_does_not_loop(receiver, story, sent):
    receiver.status = 500
    endpoint_for(receiver.url)

    with sent():
        waiting_comment(story)

    assert len(receiver.received) == 1  # tasks run at once here: no retry inside the request
    delivery = WebhookDelivery.objects.get()
    assert (delivery.status, delivery.attempts, delivery.response_code) == (DeliveryStatus.WAITING, 1, 500)
    assert delivery.get_status_display() == "Wartet auf neuen Versuch"
    assert "500" in delivery.error
    assert delivery.next_attempt_at - timezone.now() > datetime.timedelta(seconds=50)


def test_retries_back_off_and_the_last_failure_is_final(dead_address, story):
    endpoint_for(dead_address)
    waiting_comment(story)
    delivery = WebhookDelivery.objects.get()
    waits = []

    for _ in range(MAX_ATTEMPTS):
        WebhookDelivery.objects.filter(pk=delivery.pk).update(next_attempt_at=timezone.now())
        started = timezone.now()
        call_command("send_due_webhooks")
        delivery.refresh_from_db()
        if delivery.next_attempt_at:
            waits.append(round((delivery.next_attempt_at - started).total_seconds() / 60))

    assert waits == [round(wait.total_seconds() / 60) for wait in RETRY_AFTER] == [1, 5, 30, 120, 360]
    assert (delivery.status, delivery.attempts) == (DeliveryStatus.FAILED, 6)
    assert delivery.get_status_display() == "Fehlgeschlagen"
    assert delivery.error


def test_the_minute_command_sends_what_is_due_and_leaves_the_rest(receiver, story):
    endpoint = endpoint_for(receiver.url)
    waiting_comment(story)
    later = waiting_comment(story)
    due, not_yet = WebhookDelivery.objects.order_by("pk")
    WebhookDelivery.objects.filter(pk=not_yet.pk).update(
        next_attempt_at=timezone.now() + datetime.timedelta(minutes=5)
    )

    call_command("send_due_webhooks")

    [payload] = receiver.verified(endpoint.secret)
    assert payload["data"]["comment"]["id"] != later.pk
    due.refresh_from_db()
    not_yet.refresh_from_db()
    assert (due.status, not_yet.status) == (DeliveryStatus.DELIVERED, DeliveryStatus.WAITING)


def test_finished_messages_leave_the_log_after_a_month(story):
    endpoint_for("http://chat.invalid/")
    for _ in range(3):
        waiting_comment(story)
    old_delivered, old_waiting, recent_failed = WebhookDelivery.objects.order_by("pk")
    WebhookDelivery.objects.filter(pk=old_delivered.pk).update(status=DeliveryStatus.DELIVERED)
    WebhookDelivery.objects.filter(pk=recent_failed.pk).update(status=DeliveryStatus.FAILED)
    WebhookDelivery.objects.filter(pk__in=[old_delivered.pk, old_waiting.pk]).update(
        created_at=timezone.now() - datetime.timedelta(days=31),
        next_attempt_at=timezone.now() + datetime.timedelta(hours=1),
    )

    call_command("send_due_webhooks")

    assert set(WebhookDelivery.objects.values_list("pk", flat=True)) == {old_waiting.pk, recent_failed.pk}


def test_a_delivered_message_is_never_sent_twice(receiver, story, sent):
    endpoint_for(receiver.url)
    with sent():
        waiting_comment(story)
    delivery = WebhookDelivery.objects.get()

    send_webhook.enqueue(delivery.pk)
    call_command("send_due_webhooks")

    assert len(receiver.received) == 1


@override_settings(TASKS={"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}})
def test_where_the_queue_can_wait_the_next_attempt_is_queued_for_its_time(dead_address, story):
    endpoint_for(dead_address)
    waiting_comment(story)
    delivery = WebhookDelivery.objects.get()

    send_webhook.func(delivery.pk)

    delivery.refresh_from_db()
    [queued] = send_webhook.get_backend().results
    assert queued.task.run_after == delivery.next_attempt_at
    assert queued.args == [delivery.pk]


def test_a_dead_receiver_never_breaks_posting_a_comment(client, story, policy, dead_address, sent):
    endpoint_for(dead_address)
    client.post(POST_URL, comment_data(story))
    link = confirmation_link(mail.outbox[-1])

    with sent():
        response = client.post(link, follow=True)

    assert "wird von unserem Team geprüft" in response.content.decode()
    assert StoryComment.objects.get().status == CommentStatus.PENDING
    assert WebhookDelivery.objects.get().status == DeliveryStatus.WAITING


@pytest.fixture
def admin(client, django_user_model):
    client.force_login(django_user_model.objects.create_superuser("chefin", "chefin@example.org", "x"))
    return client


def test_an_admin_adds_an_endpoint_copies_its_secret_and_sends_a_test(admin, receiver, sent):
    form = admin.get("/admin/webhooks/new/").content.decode()
    assert "Kommentar wartet auf Prüfung" in form and "DSA-Meldung eingegangen" in form
    assert "keinen Kommentartext" in form

    response = admin.post(
        "/admin/webhooks/new/",
        {
            "name": "Team-Chat",
            "url": receiver.url,
            "events": ["comment.waiting", "notice.received"],
            "active": "on",
        },
        follow=True,
    )

    endpoint = WebhookEndpoint.objects.get()
    assert endpoint.events == ["comment.waiting", "notice.received"]
    assert endpoint.secret.startswith("whsec_")
    page = response.content.decode()
    assert "Kopieren Sie das Geheimnis" in page
    assert f'value="{endpoint.secret}"' in page and "Geheimnis kopieren" in page
    assert ModelLogEntry.objects.filter(action="wagtail.create", object_id=str(endpoint.pk)).exists()

    with sent():
        response = admin.post(f"/admin/webhooks/{endpoint.pk}/test/", follow=True)

    assert "Testnachricht an „Team-Chat“ verschickt." in response.content.decode()
    [payload] = receiver.verified(endpoint.secret)
    assert payload["type"] == "webhook.test"
    log = admin.get(f"/admin/webhooks/{endpoint.pk}/zustellungen/").content.decode()
    assert "Test" in log and "Zugestellt" in log


def test_an_endpoint_needs_an_http_address_and_an_event(admin):
    response = admin.post(
        "/admin/webhooks/new/", {"name": "Chat", "url": "ftp://chat.example.org/", "active": "on"}
    )

    page = response.content.decode()
    assert "Bitte wählen Sie mindestens ein Ereignis." in page
    assert "Bitte eine Adresse mit http:// oder https:// eingeben." in page
    assert not WebhookEndpoint.objects.exists()


@override_settings(WEBHOOKS_HTTPS_ONLY=True)
def test_in_production_only_https_addresses_are_taken(admin):
    response = admin.post(
        "/admin/webhooks/new/",
        {"name": "Chat", "url": "http://chat.example.org/", "events": ["comment.waiting"]},
    )

    assert "Bitte eine Adresse mit https:// eingeben." in response.content.decode()
    assert not WebhookEndpoint.objects.exists()


def test_the_log_shows_each_status_in_german_and_sends_a_failed_one_again(admin, receiver, story):
    endpoint = endpoint_for(receiver.url)
    waiting_comment(story)
    delivery = WebhookDelivery.objects.get()
    delivery.attempts, delivery.status, delivery.error = MAX_ATTEMPTS, DeliveryStatus.FAILED, "timed out"
    delivery.save()

    page = admin.get(f"/admin/webhooks/{endpoint.pk}/zustellungen/").content.decode()
    assert "Fehlgeschlagen" in page and "timed out" in page and "Erneut senden" in page

    response = admin.post(f"/admin/webhooks/zustellungen/{delivery.pk}/erneut/", follow=True)
    assert "Die Nachricht wird erneut gesendet." in response.content.decode()
    call_command("send_due_webhooks")

    assert len(receiver.verified(endpoint.secret)) == 1
    page = admin.get(f"/admin/webhooks/{endpoint.pk}/zustellungen/").content.decode()
    assert "Zugestellt" in page and "Erneut senden" not in page


def test_the_log_shows_when_the_next_attempt_comes(admin, dead_address, story, sent):
    endpoint = endpoint_for(dead_address)
    with sent():
        waiting_comment(story)

    page = admin.get(f"/admin/webhooks/{endpoint.pk}/zustellungen/").content.decode()
    assert "Wartet auf neuen Versuch" in page and "nächster Versuch" in page
    assert "Kommentar wartet auf Prüfung" in page


def test_a_moderator_may_neither_see_nor_use_the_webhooks(client, moderator):
    endpoint = endpoint_for("http://chat.invalid/")
    delivery = events.send_test(endpoint)
    WebhookDelivery.objects.update(status=DeliveryStatus.FAILED)

    for url in (
        "/admin/webhooks/",
        "/admin/webhooks/new/",
        f"/admin/webhooks/edit/{endpoint.pk}/",
        f"/admin/webhooks/{endpoint.pk}/zustellungen/",
    ):
        assert client.get(url).status_code in (302, 403), url
    assert client.post(f"/admin/webhooks/{endpoint.pk}/test/").status_code in (302, 403)
    assert client.post(f"/admin/webhooks/zustellungen/{delivery.pk}/erneut/").status_code in (302, 403)
    assert list(WebhookDelivery.objects.values_list("status", flat=True)) == [DeliveryStatus.FAILED]
    assert "/admin/webhooks/" not in client.get("/admin/").content.decode()


def test_the_settings_menu_offers_webhooks_to_an_admin(admin):
    assert "/admin/webhooks/" in admin.get("/admin/").content.decode()
