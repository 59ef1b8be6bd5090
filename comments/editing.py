"""An author changes or takes back their own comment, without an account or a cookie: a signed link names
the comment and its `edit_key`. Editing is possible for `CommentPolicy.edit_minutes` after the comment was
first published, withdrawing as long as the link is valid. Every new text passes the comment policy again:
one it would hold waits for a moderator (`CommentEdit`) while the old text stays public; otherwise it goes
live at once and the old text is kept as a `CommentVersion`. Every step is in the audit log."""

import copy
import datetime
import uuid
from enum import Enum

from django.core import signing
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.crypto import constant_time_compare
from django.utils.translation import gettext_lazy as _
from wagtail.log_actions import log

from core.ratelimit import RateLimit

from . import reasons
from .models import StoryComment
from .notifications import notify_moderators_of_edit, tell_author_about_edit
from .revisions import CommentEdit, CommentVersion
from .screening import screen
from .statuses import CommentStatus
from .webhooks import events as webhooks

LINK_SALT = "comments.own"
# The links work this long; withdrawing is possible "at any time" within it, editing only in the window.
LINK_VALID_DAYS = 365
EDITS_PER_IP_PER_HOUR = 20
TOO_MANY_EDITS = _(
    "Aus Ihrem Netz kamen in kurzer Zeit viele Änderungen. Bitte versuchen Sie es in einer Stunde noch "
    "einmal; Ihr Text ist noch da."
)
# What an author may still withdraw: what readers see or will see. A comment the moderators took from
# readers stays as they decided.
WITHDRAWABLE = (CommentStatus.PUBLISHED, CommentStatus.PENDING)


class Edited(Enum):
    LIVE = "live"
    HELD = "held"
    UNCHANGED = "unchanged"


def link_token(comment):
    """The token of the author's edit and withdraw links: the comment's number and key, signed and dated."""
    return signing.TimestampSigner(salt=LINK_SALT).sign(f"{comment.pk}.{comment.edit_key}")


def comment_for_token(token):
    """The comment a valid, unexpired token names, or None."""
    try:
        value = signing.TimestampSigner(salt=LINK_SALT).unsign(
            token, max_age=datetime.timedelta(days=LINK_VALID_DAYS)
        )
    except signing.BadSignature:
        return None
    pk, _dot, key = value.partition(".")
    if not pk.isdigit() or not key:
        return None
    comment = StoryComment.objects.filter(pk=int(pk)).first()
    if comment is None or not comment.edit_key or not constant_time_compare(comment.edit_key, key):
        return None
    return comment


def links_for(comment, policy):
    """The author's links and how long editing lasts, for the confirmed page and the mail that the comment
    is online (paths: the mail makes them absolute). Editing only while the window lasts."""
    token = link_token(comment)
    editable = can_edit(comment, policy)
    return {
        "own_token": token,
        "edit_url": reverse("comments:edit", args=[token]) if editable else "",
        "editable_until": editable_until(comment, policy) if editable else None,
        "withdraw_url": reverse("comments:withdraw", args=[token]) if can_withdraw(comment) else "",
    }


def editable_until(comment, policy):
    """When the author's edit window ends, or None when there is none (editing off, never published)."""
    if not policy.edit_minutes or comment.first_published_at is None:
        return None
    return comment.first_published_at + datetime.timedelta(minutes=policy.edit_minutes)


def can_edit(comment, policy):
    until = editable_until(comment, policy)
    return comment.status == CommentStatus.PUBLISHED and until is not None and timezone.now() < until


def can_withdraw(comment):
    return comment.status in WITHDRAWABLE


def edit_rate_limit():
    return RateLimit("edit-ip", EDITS_PER_IP_PER_HOUR, 60 * 60, TOO_MANY_EDITS)


def screen_edit(comment, text, policy):
    """The screening of the new text as if it were a new comment (links, word lists, blocks, the
    commenter's record, the moderation mode), or None when it may go live. The rule "erster Kommentar"
    holds nothing here: the comment itself was let through. A policy that checks every comment before
    it is published checks every edit too."""
    draft = copy.copy(comment)
    draft.comment = text
    screening = screen(draft, policy, is_team=comment.is_team)
    if screening.status == CommentStatus.PUBLISHED:
        return None
    rules = {reason["rule"] for reason in screening.reasons}
    if screening.status == CommentStatus.PENDING and rules <= {reasons.FIRST_COMMENT}:
        return None
    return screening


def edit(comment, text, policy):
    """The author's new text: live at once, or held for a moderator (`screen_edit`). An earlier edit still
    waiting is dropped, as the author has written again."""
    with transaction.atomic():
        comment = StoryComment.objects.select_for_update().get(pk=comment.pk)
        if text == comment.comment:
            return Edited.UNCHANGED
        comment.edits.filter(status=CommentEdit.Status.WAITING).update(
            status=CommentEdit.Status.DROPPED, decided_at=timezone.now()
        )
        screening = screen_edit(comment, text, policy)
        if screening is None:
            version = replace_text(comment, text)
            log(comment, "comments.edit", uuid=uuid.uuid4(), data={"version": version.pk})
            return Edited.LIVE
        held = CommentEdit.objects.create(comment=comment, text=text, reasons=list(screening.reasons))
        log(
            comment,
            "comments.edit_held",
            uuid=uuid.uuid4(),
            data={"edit": held.pk, "reasons": reasons.described(held.reasons)},
        )
        notify_moderators_of_edit(held)
        webhooks.edit_waiting(held)
        return Edited.HELD


def replace_text(comment, text):
    """The new text public (its HTML made and the story purged on saving), the old one kept."""
    version = CommentVersion.objects.create(comment=comment, text=comment.comment)
    comment.comment = text
    comment.edited_at = timezone.now()
    comment.save(update_fields=["comment", "edited_at"])
    return version


def accept_edit(held, user):
    """A moderator takes a held edit: the new text goes live as if it had passed. False when it no
    longer waits."""
    with transaction.atomic():
        if not CommentEdit.objects.filter(pk=held.pk, status=CommentEdit.Status.WAITING).update(
            status=CommentEdit.Status.APPLIED, decided_at=timezone.now(), decided_by=user
        ):
            return False
        comment = StoryComment.objects.select_for_update().get(pk=held.comment_id)
        version = replace_text(comment, held.text)
        log(
            comment,
            "comments.edit_accept",
            user=user,
            uuid=uuid.uuid4(),
            data={"edit": held.pk, "version": version.pk},
        )
        held.refresh_from_db()
        tell_author_about_edit(held)
    return True


def refuse_edit(held, user):
    """A moderator refuses a held edit: the old text stays. False when it no longer waits."""
    with transaction.atomic():
        if not CommentEdit.objects.filter(pk=held.pk, status=CommentEdit.Status.WAITING).update(
            status=CommentEdit.Status.REFUSED, decided_at=timezone.now(), decided_by=user
        ):
            return False
        log(held.comment, "comments.edit_refuse", user=user, uuid=uuid.uuid4(), data={"edit": held.pk})
        held.refresh_from_db()
        tell_author_about_edit(held)
    return True


def withdraw(comment):
    """The author takes their comment back: readers no longer see it (a placeholder where it has published
    replies), its text stays for the moderators. Edits still waiting are dropped. False when it cannot be
    withdrawn (already withdrawn, or the moderators took it from readers)."""
    with transaction.atomic():
        comment = StoryComment.objects.select_for_update().get(pk=comment.pk)
        if not can_withdraw(comment):
            return False
        status_before = comment.status
        comment.status = CommentStatus.WITHDRAWN
        comment.save(update_fields=["status", "is_public", "is_removed"])
        comment.edits.filter(status=CommentEdit.Status.WAITING).update(
            status=CommentEdit.Status.DROPPED, decided_at=timezone.now()
        )
        log(comment, "comments.withdraw", uuid=uuid.uuid4(), data={"status_before": status_before})
    return True


# The audit log's words for the author's own changes and the moderators' answers: (action, label, message).
LOG_ACTIONS = [
    ("comments.edit", _("Kommentar vom Verfasser bearbeitet"), _("Kommentar vom Verfasser bearbeitet")),
    ("comments.edit_held", _("Änderung zur Prüfung zurückhalten"), _("Änderung zur Prüfung zurückgehalten")),
    ("comments.edit_accept", _("Änderung übernehmen"), _("Änderung übernommen")),
    ("comments.edit_refuse", _("Änderung ablehnen"), _("Änderung abgelehnt")),
    ("comments.withdraw", _("Vom Verfasser zurückziehen"), _("Vom Verfasser zurückgezogen")),
]
