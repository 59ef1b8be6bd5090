"""Moderators hear at once when a DSA case arrives: a notice must be decided without undue delay (Art. 16(6)),
and so must an objection. The mail names the case and its story only, nothing about the people in it."""

from django.urls import reverse
from django.utils import translation

from blog.models import StoryPage
from comments.mails import absolute_url, send_comment_mail
from comments.notifications import moderator_addresses

from .models import Party


def story_title_of(comment):
    if comment is None:
        return ""
    return StoryPage.objects.filter(pk=comment.object_pk).values_list("title", flat=True).first() or ""


def tell_moderators(context):
    context = {**context, "queue_url": absolute_url(reverse("comments_admin:queue"))}
    for address in moderator_addresses():
        send_comment_mail.enqueue("dsa_case", address, context)


def notice_arrived(notice):
    with translation.override("de"):
        tell_moderators(
            {
                "case": "notice",
                "reference": notice.reference,
                "kind": str(notice.get_kind_display()),
                "story_title": story_title_of(notice.comment),
            }
        )


def objection_arrived(objection):
    notices = objection.decision.notices.order_by("pk")
    with translation.override("de"):
        tell_moderators(
            {
                "case": "objection",
                "reference": ", ".join(notice.reference for notice in notices),
                "party": str(Party(objection.party).label),
                "story_title": story_title_of(objection.decision.comment),
            }
        )
