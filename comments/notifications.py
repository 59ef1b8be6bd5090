"""Follow-up mails: when a reply is published, everyone in the thread who asked to be told hears of it."""

from django.conf import settings
from django.core import signing
from django.urls import reverse

from .mails import send_comment_mail
from .models import StoryComment

MUTE_SALT = "comments.mute-thread"


def mute_token(comment):
    """Names only the subscriber's own comment (a number), never the address."""
    return signing.dumps(comment.pk, salt=MUTE_SALT, compress=True)


def comment_for_mute_token(token):
    try:
        pk = signing.loads(token, salt=MUTE_SALT)
    except signing.BadSignature:
        return None
    return StoryComment.objects.filter(pk=pk).first()


def absolute(path):
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path


def notify_thread_subscribers(comment_pk):
    """One mail per subscribed address in the thread, never to the reply's own author."""
    from blog.models import StoryPage

    reply = StoryComment.objects.filter(pk=comment_pk).first()
    if reply is None or not reply.is_published:
        return
    story = StoryPage.objects.live().filter(pk=reply.object_pk).first()
    if story is None:
        return
    subscriptions = {}
    for subscriber in StoryComment.objects.published().filter(
        thread_id=reply.thread_id,
        followup=True,
        content_type_id=reply.content_type_id,
        object_pk=reply.object_pk,
    ):
        address = subscriber.user_email.casefold()
        if address and address != reply.user_email.casefold():
            subscriptions.setdefault(address, subscriber)
    for subscriber in subscriptions.values():
        send_comment_mail.enqueue(
            "reply",
            subscriber.user_email,
            {
                "story_title": story.title,
                "reply_name": reply.user_name,
                "reply_text": reply.comment,
                "is_team": reply.is_team,
                "reply_url": absolute(f"{story.url}#{reply.anchor}"),
                "mute_url": absolute(reverse("comments:mute", args=[mute_token(subscriber)])),
            },
        )
