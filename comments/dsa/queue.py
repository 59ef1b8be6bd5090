"""What waits for a moderator's decision under the DSA: a comment with notices nobody has decided yet (one
case, however many notices), and an objection nobody has answered. The queue, its count in the menu and
the dashboard, and the pages that decide a case read them from here, in a fixed number of queries."""

from collections import defaultdict
from dataclasses import dataclass

from django.db.models import Count, OuterRef, Subquery
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.translation import gettext as _, ngettext

from comments.models import StoryComment
from comments.statuses import CommentStatus

from .models import ContentNotice, Objection


def open_notices():
    """Notices waiting for a decision about a comment that still exists (an erased comment leaves
    nothing to decide)."""
    return ContentNotice.objects.filter(decision__isnull=True, comment__isnull=False)


def open_objections():
    """Objections without an answer, against decisions about comments that still exist."""
    return Objection.objects.filter(answer__isnull=True, decision__comment__isnull=False)


def open_case_count():
    """How many cases wait: each comment with open notices, and each open objection."""
    return open_notices().values("comment_id").distinct().count() + open_objections().count()


def waiting_since(moment):
    """How long a case has waited, in calendar days: "seit heute", "seit gestern", "seit 3 Tagen"."""
    days = (timezone.localdate() - timezone.localdate(moment)).days
    if days <= 0:
        return _("seit heute")
    if days == 1:
        return _("seit gestern")
    return ngettext("seit %(count)d Tag", "seit %(count)d Tagen", days) % {"count": days}


@dataclass
class OpenCase:
    """A comment with its open notices, or an objection with the notices of the decision it contests."""

    comment: StoryComment
    notices: list
    objection: Objection | None = None

    @property
    def since(self):
        return self.objection.created_at if self.objection else self.notices[0].created_at

    @property
    def waiting_since(self):
        return waiting_since(self.since)

    @property
    def references(self):
        if self.objection and self.objection.notice:
            return [self.objection.notice.reference]
        return [notice.reference for notice in self.notices]


def in_thread(comment_ids):
    """{pk: comment} with what shows a comment in its thread: its story (`story_title`, `story_url_path`),
    `reply_count` (replies readers may see or moderators judge) and `parent_comment` (None at the start of
    a thread). Two queries, however many comments."""
    replies = (
        StoryComment.objects.filter(parent_id=OuterRef("pk"))
        .exclude(pk=OuterRef("pk"))
        .exclude(status=CommentStatus.UNCONFIRMED)
        .order_by()
        .values("parent_id")
        .annotate(count=Count("pk"))
        .values("count")
    )
    comments = StoryComment.objects.filter(pk__in=comment_ids).with_story()
    comments = {
        comment.pk: comment for comment in comments.annotate(reply_count=Coalesce(Subquery(replies), 0))
    }
    parent_ids = {comment.parent_id for comment in comments.values() if comment.parent_id != comment.pk}
    parents = StoryComment.objects.in_bulk(parent_ids) if parent_ids else {}
    for comment in comments.values():
        comment.parent_comment = parents.get(comment.parent_id) if comment.parent_id != comment.pk else None
    return comments


def open_cases():
    """Every open case, the longest waiting first."""
    notices = list(open_notices().order_by("created_at", "pk"))
    objections = list(
        open_objections()
        .select_related("decision__decided_by", "notice")
        .prefetch_related("decision__notices")
        .order_by("created_at", "pk")
    )
    comments = in_thread(
        {notice.comment_id for notice in notices}
        | {objection.decision.comment_id for objection in objections}
    )
    notices_by_comment = defaultdict(list)
    for notice in notices:
        notices_by_comment[notice.comment_id].append(notice)
    cases = [
        OpenCase(comments[comment_id], comment_notices)
        for comment_id, comment_notices in notices_by_comment.items()
        if comment_id in comments
    ]
    cases += [
        OpenCase(comments[objection.decision.comment_id], list(objection.decision.notices.all()), objection)
        for objection in objections
        if objection.decision.comment_id in comments
    ]
    return sorted(cases, key=lambda case: case.since)


def open_notices_of(comment):
    return list(comment.legal_notices.filter(decision__isnull=True).order_by("created_at", "pk"))
