"""What the team's chat hears, and when: a comment arrives in the queue, a reader reports one, a DSA
notice comes in. Each message names the case and links into the admin; it carries no name, no e-mail or
IP address, no comment text and nothing a notifier or reporter wrote, since the chat is a third party.

The deliveries are stored in the transaction of what they tell about and sent once it commits
(`sending.send_after_commit`): the reader's request never waits for a receiver."""

import uuid

from django.conf import settings
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from blog.models import StoryPage
from comments import reasons as screening_reasons
from comments.mails import absolute_url
from comments.moderation.links import comment_detail_url, comment_index_url
from comments.statuses import CommentStatus

from .models import TEST_EVENT, WebhookDelivery, WebhookEndpoint, WebhookEvent
from .sending import send_after_commit


def message(event, data, now):
    """The Standard Webhooks shape: `type`, `timestamp` and the event's `data`."""
    return {"type": event, "timestamp": now.isoformat(), "data": data}


def deliver(endpoint, event, data):
    """A delivery of `event` to one endpoint, sent once the current transaction commits."""
    now = timezone.now()
    delivery = WebhookDelivery.objects.create(
        endpoint=endpoint,
        event=event,
        message_id=f"msg_{uuid.uuid4().hex}",
        payload=message(event, data, now),
        next_attempt_at=now,
    )
    send_after_commit(delivery)
    return delivery


def dispatch(event, data):
    """One delivery for each active endpoint that subscribed to `event`."""
    endpoints = [
        endpoint for endpoint in WebhookEndpoint.objects.filter(active=True) if endpoint.wants(event)
    ]
    return [deliver(endpoint, event, data) for endpoint in endpoints]


def story_data(object_pk):
    story = StoryPage.objects.filter(pk=object_pk).first()
    if story is None:
        return {"title": "", "url": ""}
    return {"title": story.title, "url": story.get_full_url() or ""}


def comment_data(comment):
    """The comment by number and admin link, its story by title and public link: nothing about its author."""
    return {
        "id": comment.pk,
        "admin_url": absolute_url(comment_detail_url(comment)),
        "story": story_data(comment.object_pk),
    }


def reasons_without_words(reasons):
    """Why the screening held a comment, in German, without the words it matched in the text."""
    described = []
    for reason in reasons or []:
        rule = reason.get("rule", "")
        if rule == screening_reasons.WORD_LIST_SPAM:
            text = _("Wortliste Spam")
        elif rule == screening_reasons.WORD_LIST_HOLD:
            text = _("Wortliste")
        else:
            text = screening_reasons.describe(reason)
        described.append({"rule": rule, "text": text})
    return described


def comment_waiting(comment):
    """A comment arrived in the queue (new, or just confirmed)."""
    if not WebhookEndpoint.objects.filter(active=True).exists():
        return []
    with translation.override("de"):
        data = {
            "comment": comment_data(comment),
            "reasons": reasons_without_words(comment.screening_reasons),
            "queue_url": absolute_url(comment_index_url(status=CommentStatus.PENDING)),
        }
    return dispatch(WebhookEvent.COMMENT_WAITING, data)


def edit_waiting(held):
    """An author's change of a published comment waits for review (`comments.editing`): a comment waiting,
    marked as a change; the old text stays public meanwhile."""
    if not WebhookEndpoint.objects.filter(active=True).exists():
        return []
    with translation.override("de"):
        data = {
            "comment": comment_data(held.comment),
            "change": "edit",
            "reasons": reasons_without_words(held.reasons),
            "queue_url": absolute_url(comment_index_url(edit_waiting="true")),
        }
    return dispatch(WebhookEvent.COMMENT_WAITING, data)


def comment_reported(report):
    """A reader reported a published comment. The reader's note stays in the admin."""
    if not WebhookEndpoint.objects.filter(active=True).exists():
        return []
    comment = report.comment
    with translation.override("de"):
        data = {
            "comment": comment_data(comment),
            "report": {"reason": report.reason, "reason_label": str(report.get_reason_display())},
            "open_reports": comment.reports.filter(resolved_at__isnull=True).count(),
            "reported_url": absolute_url(comment_index_url(reported="true")),
        }
    return dispatch(WebhookEvent.COMMENT_REPORTED, data)


def notice_received(notice):
    """A DSA notice arrived: its reference and kind, never the notifier or their explanation."""
    if not WebhookEndpoint.objects.filter(active=True).exists():
        return []
    with translation.override("de"):
        data = {
            "notice": {
                "reference": notice.reference,
                "kind": notice.kind,
                "kind_label": str(notice.get_kind_display()),
            },
            "comment": comment_data(notice.comment) if notice.comment else None,
            "queue_url": absolute_url(reverse("comments_admin:queue")),
        }
    return dispatch(WebhookEvent.NOTICE_RECEIVED, data)


def send_test(endpoint):
    """ "Test senden": a `webhook.test` message to this endpoint, whatever it subscribed to."""
    with translation.override("de"):
        text = _("Testnachricht von %(site)s") % {"site": settings.WAGTAIL_SITE_NAME}
    return deliver(endpoint, TEST_EVENT, {"endpoint": endpoint.name, "text": text})
