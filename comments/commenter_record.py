"""A commenter's record, keyed by their confirmed e-mail address: the counts come from their comments
(published, removed or hidden, spam, first and last), the notes and the trust override from what the
moderators added (`comments.commenters`). Trust follows the comment policy unless a moderator decided."""

from dataclasses import dataclass

from django.db.models import Count, F, Func, IntegerField, Max, Min, OuterRef, Q, Subquery
from django.db.models.functions import Coalesce

from .commenters import CommenterNote, CommenterTrust, TrustOverride, commenter_key
from .models import StoryComment
from .statuses import CommentStatus

REJECTED = (CommentStatus.REMOVED, CommentStatus.HIDDEN, CommentStatus.SPAM)
DECIDED = (CommentStatus.PUBLISHED, *REJECTED)
# The rejection rate says something only from this many decided comments on.
MIN_DECIDED_FOR_RATE = 3


def confirmed_comments_by(email):
    return StoryComment.objects.exclude(status=CommentStatus.UNCONFIRMED).filter(user_email__iexact=email)


def _count_by_same_author(statuses):
    comments = (
        StoryComment.objects.filter(user_email__iexact=OuterRef("user_email"), status__in=statuses)
        .order_by()
        .annotate(count=Func(F("pk"), function="COUNT"))
        .values("count")
    )
    return Coalesce(Subquery(comments, output_field=IntegerField()), 0)


def with_commenter_counts(comments):
    """Each comment with its author's `author_published`, `author_removed` (and hidden), `author_spam`:
    three subqueries, not a query per row."""
    return comments.annotate(
        author_published=_count_by_same_author([CommentStatus.PUBLISHED]),
        author_removed=_count_by_same_author([CommentStatus.REMOVED, CommentStatus.HIDDEN]),
        author_spam=_count_by_same_author([CommentStatus.SPAM]),
    )


def overrides_for(emails):
    """The trust overrides of these addresses, by address, in one query."""
    keys = {commenter_key(email): email for email in emails if email}
    found = CommenterTrust.objects.filter(commenter__in=keys).exclude(override=TrustOverride.AUTO)
    return {keys[trust.commenter]: trust.override for trust in found}


@dataclass
class Trust:
    """Which trust rule applies to a commenter: `state` is "trusted", "held" or "" (the moderation mode
    decides), `reason` says why in German (from `comments.reasons` and the record's words)."""

    state: str
    rule: str = ""
    detail: str = ""


def trust_for(policy, override, published, rejected, decided):
    """A moderator's override first; then the rejection rate (held again); then the number of published
    comments (trusted)."""
    if override == TrustOverride.TRUSTED:
        return Trust("trusted", "trusted_by_moderator")
    if override == TrustOverride.HELD:
        return Trust("held", "held_by_moderator")
    if policy.recheck_rejection_rate and decided >= MIN_DECIDED_FOR_RATE:
        rate = round(100 * rejected / decided)
        if rate >= policy.recheck_rejection_rate:
            return Trust("held", "rejection_rate", str(rate))
    if policy.trust_after_published and published >= policy.trust_after_published:
        return Trust("trusted", "published", str(published))
    return Trust("")


class CommenterRecord:
    """Everything the moderators know about the author of `email`."""

    def __init__(self, email):
        self.email = email
        self.key = commenter_key(email)
        comments = confirmed_comments_by(email)
        counts = comments.aggregate(
            published=Count("pk", filter=Q(status=CommentStatus.PUBLISHED)),
            removed=Count("pk", filter=Q(status__in=[CommentStatus.REMOVED, CommentStatus.HIDDEN])),
            spam=Count("pk", filter=Q(status=CommentStatus.SPAM)),
            pending=Count("pk", filter=Q(status=CommentStatus.PENDING)),
            first=Min("submit_date"),
            last=Max("submit_date"),
        )
        self.__dict__.update(counts)
        trust = CommenterTrust.objects.filter(commenter=self.key).first()
        self.trust_setting = trust
        self.override = trust.override if trust else TrustOverride.AUTO

    @property
    def rejected(self):
        return self.removed + self.spam

    @property
    def decided(self):
        return self.published + self.rejected

    def trust(self, policy):
        return trust_for(policy, self.override, self.published, self.rejected, self.decided)

    def notes(self):
        return CommenterNote.objects.filter(commenter=self.key).select_related("author")
