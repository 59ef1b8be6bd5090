"""Follow-up mails: when a reply is published, everyone in the thread who asked to be told hears of it;
when a comment or an author's change of it waits for review, the moderators do, and the author hears what
became of the change."""

from django.contrib.auth import get_user_model
from django.core import signing
from django.urls import reverse
from wagtail.models import Site

from blog.models import StoryPage

from .mails import absolute_url, send_comment_mail
from .models import CommentPolicy, StoryComment
from .moderation.links import comment_detail_url, comment_index_url
from .permissions import MODERATE_PERMISSION
from .statuses import CommentStatus

MUTE_SALT = "comments.mute-thread"


def mute_token(comment):
    """Names only the subscriber's own comment (a number), never the address."""
    return signing.dumps(comment.pk, salt=MUTE_SALT, compress=True)


def comment_for_mute_token(token):
    """The subscriber's comment while its subscription lasts: a link whose comment is gone or whose
    replies are already off is used up."""
    try:
        pk = signing.loads(token, salt=MUTE_SALT)
    except signing.BadSignature:
        return None
    return StoryComment.objects.filter(pk=pk, followup=True).first()


def mute_thread_for(comment):
    """No more mails about `comment`'s thread to its address. Returns whether anything was still on, so
    that of two clicks on one link only the first counts."""
    return bool(
        StoryComment.objects.filter(
            thread_id=comment.thread_id, user_email__iexact=comment.user_email, followup=True
        ).update(followup=False)
    )


def notify_thread_subscribers(comment_pk):
    """One mail per subscribed address in the thread, never to the reply's own author."""
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
                "reply_url": absolute_url(f"{story.url}#{reply.anchor}"),
                "mute_url": absolute_url(reverse("comments:mute", args=[mute_token(subscriber)])),
            },
        )


def moderator_addresses():
    """The addresses of everyone who may judge comments (the Moderatoren group, a direct permission,
    superusers), each once however the permission was granted, in one query. Asking the model backend
    by name keeps this working should a second login backend be added."""
    User = get_user_model()
    email_field = User.get_email_field_name()
    users = User._default_manager.with_perm(
        MODERATE_PERMISSION, backend="django.contrib.auth.backends.ModelBackend"
    ).exclude(**{email_field: ""})
    addresses = {}
    for address in users.order_by(email_field).values_list(email_field, flat=True).distinct():
        if address:
            addresses.setdefault(address.casefold(), address)
    return list(addresses.values())


def notify_moderators(comment_pk):
    """One mail per moderator about a comment that waits for review, unless the comment policy of the
    default site turned these mails off. Re-reads the comment: by the time this runs, a moderator may
    already have judged it. The mail names the commenter but carries neither address nor IP."""
    comment = StoryComment.objects.filter(pk=comment_pk, status=CommentStatus.PENDING).first()
    if comment is None:
        return
    site = Site.objects.filter(is_default_site=True).first()
    policy = CommentPolicy.for_site(site) if site else CommentPolicy()
    if not policy.notify_moderators:
        return
    story_title = StoryPage.objects.filter(pk=comment.object_pk).values_list("title", flat=True).first()
    context = {
        "story_title": story_title or "",
        "comment_name": comment.user_name,
        "comment_text": comment.comment,
        "comment_url": absolute_url(comment_detail_url(comment)),
        "queue_url": absolute_url(comment_index_url(status=CommentStatus.PENDING)),
    }
    for address in moderator_addresses():
        send_comment_mail.enqueue("pending", address, context)


def story_title_for(comment):
    return StoryPage.objects.filter(pk=comment.object_pk).values_list("title", flat=True).first() or ""


def notify_moderators_of_edit(held):
    """One mail per moderator about an author's change the policy held (`comments.editing`): the old text
    stays public until someone decides. Off with the other moderator mails."""
    site = Site.objects.filter(is_default_site=True).first()
    policy = CommentPolicy.for_site(site) if site else CommentPolicy()
    if not policy.notify_moderators:
        return
    comment = held.comment
    context = {
        "story_title": story_title_for(comment),
        "comment_name": comment.user_name,
        "comment_text": held.text,
        "comment_url": absolute_url(comment_detail_url(comment)),
        "queue_url": absolute_url(comment_index_url(edit_waiting="true")),
    }
    for address in moderator_addresses():
        send_comment_mail.enqueue("edit_pending", address, context)


def tell_author_about_edit(held):
    """The author of a held change hears whether a moderator took it or kept the earlier text."""
    comment = held.comment
    if not comment.user_email:
        return
    story = StoryPage.objects.live().filter(pk=comment.object_pk).first()
    context = {
        "story_title": story.title if story else "",
        "comment_url": absolute_url(f"{story.url}#{comment.anchor}") if story else "",
        "accepted": held.status == held.Status.APPLIED,
        "text": held.text,
    }
    send_comment_mail.enqueue("edit_decided", comment.user_email, context)
