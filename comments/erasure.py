"""Everything stored about one e-mail address: found, exported for a data subject's access request, or
erased (anonymised, or deleted with threads kept whole). Besides the comments, that is the notices of
illegal content and the objections sent with the address, and the decisions about the person's comments.
The moderators' views are in `moderation.privacy`; `purge_unconfirmed_comments` deletes with the same care."""

import uuid
from collections import Counter, defaultdict

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.db.models import F, Q
from django.utils import timezone, translation
from django.utils.translation import gettext
from django_tasks_db.compat import TaskResultStatus
from django_tasks_db.models import DBTaskResult
from wagtail.log_actions import log
from wagtail.models import ModelLogEntry, Page

from core import purging

from .commenters import BlockKind, CommenterBlock, CommenterNote, CommenterTrust, commenter_key
from .dsa.models import ContentNotice, ModerationDecision, Objection, Party
from .dsa.statements import excerpt
from .mails import send_comment_mail
from .models import CommentConfirmation, CommentReport, StoryComment
from .revisions import CommentEdit, CommentVersion, new_edit_key
from .statuses import CommentStatus

ANONYMISE = "anonymise"
DELETE = "delete"


def comments_of(email):
    """Everything written with this address, or by the account that has it, in any status."""
    return StoryComment.objects.filter(Q(user_email__iexact=email) | Q(user__email__iexact=email))


def notices_by(email):
    """Notices of illegal content whose notifier gave this address."""
    return ContentNotice.objects.filter(notifier_email__iexact=email)


def objections_by(email, comments=()):
    """Objections sent with this address, and the commenter's own objections about `comments`."""
    return Objection.objects.filter(
        Q(email__iexact=email) | Q(party=Party.COMMENTER, decision__comment__in=comments)
    )


def attach_stories(comments):
    """Sets `comment.story` for all `comments` with one query; a comment may outlive its story."""
    ids = {int(comment.object_pk) for comment in comments if comment.object_pk.isdigit()}
    stories = Page.objects.in_bulk(ids) if ids else {}
    for comment in comments:
        comment.story = stories.get(int(comment.object_pk)) if comment.object_pk.isdigit() else None
    return comments


# The fields of a mail's context that quote a commenter (name, text or its start), by kind of mail: the
# reply notice to other subscribers, the moderators' notice, and the commenter's statements of reasons
# and objection results (sent to the comment's address, which may not be the one asked about).
QUOTING_FIELDS = {
    "reply": ("reply_name", "reply_text"),
    "pending": ("comment_name", "comment_text"),
    "statement": ("comment_name", "comment_excerpt"),
    "objection_decided": ("comment_name", "comment_excerpt"),
}


def queued_mails(email, comments):
    """Mails in the task queue (production's database backend keeps one row per mail, sent or not)
    addressed to `email` or quoting one of `comments`. A mail being sent this very moment is left alone;
    the regular pruning of finished mails takes it."""
    quoted = {(comment.user_name, comment.comment) for comment in comments} | {
        (comment.user_name, excerpt(comment.comment)) for comment in comments
    }
    rows = DBTaskResult.objects.filter(task_path=send_comment_mail.module_path).exclude(
        status=TaskResultStatus.RUNNING
    )
    found = []
    for row in rows:
        kind, recipient, context = row.args_kwargs["args"][:3]
        fields = QUOTING_FIELDS.get(kind, ())
        if recipient.casefold() == email.casefold() or (
            fields and tuple(context.get(field) for field in fields) in quoted
        ):
            found.append(row)
    return found


def history_of(comments):
    """Each comment's moderation history (what was decided, when), by comment id, in one query; who
    decided is the moderators' data, not the commenter's."""
    entries = ModelLogEntry.objects.filter(
        content_type=ContentType.objects.get_for_model(StoryComment),
        object_id__in=[str(comment.pk) for comment in comments],
    ).order_by("timestamp", "pk")
    history = defaultdict(list)
    for entry in entries:
        history[int(entry.object_id)].append(
            {"action": str(entry.message), "at": entry.timestamp.isoformat()}
        )
    return history


def confirmation_of(comment):
    """The confirmation link's state and dates, never its token (only its hash is stored anyway)."""
    try:
        confirmation = comment.confirmation
    except CommentConfirmation.DoesNotExist:
        return None
    return {
        "expires_at": confirmation.expires_at.isoformat(),
        "used_at": confirmation.used_at.isoformat() if confirmation.used_at else None,
    }


def notices_for_export(email):
    """The notices sent with the address, with what became of them."""
    return [
        {
            "reference": notice.reference,
            "kind": notice.kind,
            "name": notice.notifier_name,
            "explanation": notice.explanation,
            "created_at": notice.created_at.isoformat(),
            "decision": notice.decision.outcome if notice.decision else None,
        }
        for notice in notices_by(email).select_related("decision").order_by("created_at", "pk")
    ]


def objections_for_export(email, comments):
    return [
        {
            "text": objection.text,
            "created_at": objection.created_at.isoformat(),
            "decision": objection.answer.outcome if objection.answer else None,
            "reversed": objection.reversed,
        }
        for objection in objections_by(email, comments).select_related("answer").order_by("created_at", "pk")
    ]


def decisions_for_export(comments):
    """What was decided about the person's comments and why; who decided is the moderators' data."""
    return [
        {
            "comment_id": decision.comment_id,
            "outcome": decision.outcome,
            "ground": decision.ground_title,
            "explanation": decision.explanation,
            "automated": decision.automated,
            "decided_at": decision.decided_at.isoformat(),
        }
        for decision in ModerationDecision.objects.filter(comment__in=comments).order_by("decided_at", "pk")
    ]


def commenter_record_for_export(email):
    """What moderators added about the address (notes, a trust override) and its blocks."""
    key = commenter_key(email)
    trust = CommenterTrust.objects.filter(commenter=key).first()
    return {
        "notes": [
            {"text": note.text, "created_at": note.created_at.isoformat()}
            for note in CommenterNote.objects.filter(commenter=key).order_by("created_at")
        ],
        "trust": trust.override if trust else None,
        "blocks": [
            {
                "reason": block.reason,
                "ends_on": block.ends_on_iso or None,
                "lifted_at": block.lifted_at.isoformat() if block.lifted_at else None,
            }
            for block in CommenterBlock.objects.filter(kind=BlockKind.EMAIL, value=email.strip().casefold())
        ],
    }


def accounts_with(email):
    return list(
        get_user_model().objects.filter(email__iexact=email).order_by("pk").values_list("username", flat=True)
    )


def export_data(email, request):
    comments = attach_stories(
        list(
            comments_of(email)
            .select_related("confirmation")
            .prefetch_related("reports", "versions", "edits")
            .order_by("submit_date", "pk")
        )
    )
    history = history_of(comments)
    entries = []
    for comment in comments:
        story = comment.story
        entries.append(
            {
                "id": comment.pk,
                "story": {
                    "title": story.title if story else None,
                    "url": story.get_full_url(request) if story else None,
                },
                "submitted_at": comment.submit_date.isoformat(),
                "name": comment.user_name,
                "email": comment.user_email,
                "website": comment.user_url,
                "ip_address": comment.ip_address,
                "text": comment.comment,
                "status": comment.status,
                "followup": comment.followup,
                "tell_when_published": comment.tell_when_published,
                "parent_id": comment.parent_id if comment.parent_id != comment.pk else None,
                "confirmation": confirmation_of(comment),
                "history": history[comment.pk],
                # Who reported it and their note are the reporter's data, not the commenter's.
                "reports": [
                    {
                        "reason": report.reason,
                        "created_at": report.created_at.isoformat(),
                        "resolved_at": report.resolved_at.isoformat() if report.resolved_at else None,
                    }
                    for report in comment.reports.all()
                ],
                # The author's own changes (`comments.editing`): the texts the comment showed before, and
                # new texts that waited for a moderator.
                "edited_at": comment.edited_at.isoformat() if comment.edited_at else None,
                "earlier_versions": [
                    {"text": version.text, "replaced_at": version.replaced_at.isoformat()}
                    for version in comment.versions.all()
                ],
                "edits": [
                    {"text": held.text, "status": held.status, "created_at": held.created_at.isoformat()}
                    for held in comment.edits.all()
                ],
            }
        )
    data = {
        "email": email,
        "exported_at": timezone.now().isoformat(),
        "registered_user": bool(accounts_with(email)),
        "comments": entries,
        "subscriptions": [
            {"story": comment.story.title if comment.story else None, "comment_id": comment.pk}
            for comment in comments
            if comment.followup
        ],
        "decisions": decisions_for_export(comments),
        "notices": notices_for_export(email),
        "objections": objections_for_export(email, comments),
        "commenter_record": commenter_record_for_export(email),
        "mails": [
            {
                "kind": row.args_kwargs["args"][0],
                "status": row.status,
                "queued_at": row.enqueued_at.isoformat(),
                "finished_at": row.finished_at.isoformat() if row.finished_at else None,
            }
            for row in queued_mails(email, [])
        ],
    }
    return data, comments


def plan_deletion(targets):
    """Which erased comments can go: those whose every reply goes too, so no reply is orphaned; the
    others stay as placeholders. Also how much each remaining ancestor's `nested_count` (xtd counts
    every descendant and does nothing when a row is deleted) has to drop."""
    rows = list(
        StoryComment.objects.filter(thread_id__in={c.thread_id for c in targets})
        .order_by("-level")
        .values_list("pk", "parent_id")
    )
    parents = dict(rows)
    children = defaultdict(list)
    for pk, parent_id in rows:
        if parent_id != pk:
            children[parent_id].append(pk)
    target_ids = {comment.pk for comment in targets}
    deletable = set()
    for pk, _parent_id in rows:
        if pk in target_ids and all(child in deletable for child in children[pk]):
            deletable.add(pk)
    lost = Counter()
    for pk in deletable:
        node = pk
        while parents.get(node, node) != node:
            node = parents[node]
            if node not in deletable:
                lost[node] += 1
    return deletable, lost


def keep_nested_counts(lost):
    by_amount = defaultdict(list)
    for pk, amount in lost.items():
        by_amount[amount].append(pk)
    for amount, pks in by_amount.items():
        StoryComment.objects.filter(pk__in=pks).update(nested_count=F("nested_count") - amount)


def erase(email, mode, user):
    """Anonymise: the text stays (its earlier versions too), nothing points to the person any more, and the
    author's links stop working. Delete: the text goes too, with its earlier versions and edits;
    rows without replies are deleted, rows with replies stay as empty, removed placeholders so the
    thread keeps its shape. Either way the person's notices and objections keep only what the report
    counts. Returns (anonymised, deleted, placeholders, notices, objections)."""
    with transaction.atomic(), purging.batch():  # each story purged once, however many comments change
        return erase_comments(email, mode, user)


def erase_comments(email, mode, user):
    targets = list(comments_of(email).order_by("pk"))
    # The queue's mails to the address, and those quoting what it wrote, go whatever the mode.
    DBTaskResult.objects.filter(pk__in=[row.pk for row in queued_mails(email, targets)]).delete()
    deleted_ids, lost = plan_deletion(targets) if mode == DELETE else (set(), {})
    with translation.override(settings.LANGUAGE_CODE):
        anonymous_name = gettext("Anonym")
    placeholders = 0
    for comment in targets:
        deleted = comment.pk in deleted_ids
        log(
            comment,
            "comments.erase",
            user=user,
            uuid=uuid.uuid4(),
            data={"mode": mode, "deleted": deleted},
            deleted=deleted,
        )
        if deleted:
            continue
        comment.user = None
        comment.user_name = anonymous_name
        comment.user_email = ""
        comment.user_url = ""
        comment.ip_address = None
        comment.followup = False
        comment.tell_when_published = False
        comment.edit_key = new_edit_key()  # the author's edit and withdraw links stop working
        fields = [
            "edit_key",
            "user",
            "user_name",
            "user_email",
            "user_url",
            "ip_address",
            "followup",
            "tell_when_published",
        ]
        if mode == DELETE:
            comment.comment = ""
            comment.status = CommentStatus.REMOVED
            fields += ["comment", "status", "is_public", "is_removed"]
            placeholders += 1
        comment.save(update_fields=fields)
    # The moderators' notes and trust override, keyed by the address's hash, go with the address.
    key = commenter_key(email)
    CommenterNote.objects.filter(commenter=key).delete()
    CommenterTrust.objects.filter(commenter=key).delete()
    now = timezone.now()
    notices = notices_by(email).update(notifier_name="", notifier_email="", explanation="", pruned_at=now)
    objections = objections_by(email, targets).update(text="", email="", pruned_at=now)
    if mode == DELETE:
        # Reports and notices may quote the deleted text; earlier texts and edits are the text too.
        CommentReport.objects.filter(comment__in=targets).delete()
        CommentVersion.objects.filter(comment__in=targets).delete()
        CommentEdit.objects.filter(comment__in=targets).delete()
        ContentNotice.objects.filter(comment__in=targets).update(evidence_text="")
    # A withdrawn link: an erased comment that was never confirmed must not appear later.
    CommentConfirmation.objects.filter(comment__in=targets, used_at__isnull=True).delete()
    if deleted_ids:
        keep_nested_counts(lost)
        StoryComment.objects.filter(pk__in=deleted_ids).delete()
    anonymised = len(targets) if mode == ANONYMISE else 0
    return anonymised, len(deleted_ids), placeholders, notices, objections
