"""Which status a new comment gets under the comment policy, and the limits against abuse."""

import datetime
import re
from typing import NamedTuple

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.ratelimit import RateLimit

from . import reasons, wordlists
from .commenter_record import CommenterRecord, Trust
from .commenters import BlockedAs, active_block
from .dsa.grounds import BLOCK, LINKS, WORD_LIST, WORD_LIST_HOLD
from .models import ModerationMode, StoryComment
from .permissions import is_moderator
from .statuses import CommentStatus

LINK_PATTERN = re.compile(r"(https?://|www\.)\S+", re.IGNORECASE)


def count_links(text):
    return len(LINK_PATTERN.findall(text))


def screened_fields(comment):
    """What the word lists are matched in: name, e-mail address (its "@" read as a space, so a word may
    start after it), website and text."""
    return (
        comment.user_name,
        (comment.user_email or "").replace("@", " "),
        comment.user_url,
        comment.comment,
    )


def is_team_member(user, story):
    """Moderators answer as the team; so do the story's authors when they are linked to a login."""
    if not user or not user.is_authenticated:
        return False
    return is_moderator(user) or any(author.user_id == user.pk for author in story.authors)


class Screening(NamedTuple):
    """The status a new comment gets; the rule behind it when a rule about its content caught it (the
    code of its `DecisionGround`): such a decision is an automated one the commenter may be told about;
    and the reasons moderators read (`comments.reasons`)."""

    status: str
    rule: str = ""
    reasons: tuple = ()


def screen(comment, policy, *, is_team=False):
    """Spam for a word of the spam list; held for a word of the other list, a block (when the policy holds
    blocked commenters), too many links, the commenter's record (held by a moderator, or a high rejection
    rate), or by the moderation mode; published at once for trusted commenters and otherwise by the mode.
    Every reason that holds a comment back is kept, not just the first."""
    if is_team:
        return Screening(CommentStatus.PUBLISHED)
    fields = screened_fields(comment)
    spam_words = wordlists.words_in(policy.disallowed_words, *fields)
    if spam_words:
        return Screening(
            CommentStatus.SPAM, WORD_LIST, (reasons.reason(reasons.WORD_LIST_SPAM, words=spam_words),)
        )
    held = []  # (ground code or "" for no decision, reason); the first code is the decision's ground
    block = active_block(comment.user_email, comment.ip_address)
    if block is not None:
        held.append((BLOCK, reasons.reason(reasons.BLOCK, detail=block.ends_on_iso)))
    held_words = wordlists.words_in(policy.held_words, *fields)
    if held_words:
        held.append((WORD_LIST_HOLD, reasons.reason(reasons.WORD_LIST_HOLD, words=held_words)))
    if count_links(comment.comment) > policy.max_links:
        held.append((LINKS, reasons.reason(reasons.LINKS, detail=policy.max_links)))
    trust = commenter_trust(comment, policy)
    if trust.state == "held":
        held.append(("", reasons.reason(trust.rule, detail=trust.detail)))
    if held:
        rule = next((code for code, _reason in held if code), "")
        return Screening(CommentStatus.PENDING, rule, tuple(reason for _code, reason in held))
    if trust.state == "trusted":
        return Screening(CommentStatus.PUBLISHED)
    if policy.moderation_mode == ModerationMode.POST:
        return Screening(CommentStatus.PUBLISHED)
    if policy.moderation_mode == ModerationMode.FIRST_TIME:
        if has_published_before(comment):
            return Screening(CommentStatus.PUBLISHED)
        return Screening(CommentStatus.PENDING, reasons=(reasons.reason(reasons.FIRST_COMMENT),))
    return Screening(CommentStatus.PENDING, reasons=(reasons.reason(reasons.MODERATION_ALL),))


def commenter_trust(comment, policy):
    """What the commenter's record says (`commenter_record.trust_for`); nothing without an address."""
    if not comment.user_email:
        return Trust("")
    return CommenterRecord(comment.user_email).trust(policy)


def initial_status(comment, policy, *, is_team=False):
    return screen(comment, policy, is_team=is_team).status


def has_published_before(comment):
    earlier = StoryComment.objects.published().exclude(pk=comment.pk)
    if comment.user_id:
        return earlier.filter(user_id=comment.user_id).exists()
    return earlier.filter(user_email__iexact=comment.user_email).exists()


TOO_MANY_COMMENTS = _(
    "Von Ihnen kamen in kurzer Zeit viele Kommentare. Bitte versuchen Sie es in einer Stunde noch einmal."
)
TOO_MANY_MAILS = _(
    "An diese Adresse haben wir heute schon mehrere Bestätigungsmails geschickt. "
    "Bitte nutzen Sie zuerst den Link in einer davon oder versuchen Sie es morgen noch einmal. "
    "Wenn Sie ein Konto bei uns haben, melden Sie sich an: Dann brauchen Sie keine Bestätigungsmail."
)
TOO_MANY_MAILS_FROM_NETWORK = _(
    "Aus Ihrem Netz kamen in kurzer Zeit viele Kommentare. Bitte versuchen Sie es in einer Stunde noch einmal."
)


TOO_MANY_REPORTS = _(
    "Aus Ihrem Netz kamen in kurzer Zeit viele Meldungen. Bitte versuchen Sie es später noch einmal."
)
REPORTS_PER_IP_PER_HOUR = 10


def report_rate_limit():
    return RateLimit("report-ip", REPORTS_PER_IP_PER_HOUR, 60 * 60, TOO_MANY_REPORTS)


class ConfirmedPostsPerAddress:
    """Comments per address and hour, counted from the database, and only those their author confirmed
    (by the link in the mail, or by being logged in): anyone can type a reader's address into the form,
    so counting attempts would let a stranger lock that reader out. Unconfirmed attempts for an address
    are bounded by the confirmation mails per address, which still count every attempt, because they
    protect the owner of the address from mail bombing. Logged-in readers need no mail, so a used-up
    mail limit never stops them. Same interface as `RateLimit`; the stored comment is the count."""

    message = TOO_MANY_COMMENTS
    window = datetime.timedelta(hours=1)

    def __init__(self, limit):
        self.limit = limit

    def exceeded(self, email):
        if self.limit is None:
            return False
        confirmed_posts = StoryComment.objects.filter(
            user_email__iexact=email, submit_date__gte=timezone.now() - self.window
        ).exclude(status=CommentStatus.UNCONFIRMED)
        return confirmed_posts.count() >= self.limit

    def hit(self, email):
        pass


def rate_limits(policy):
    hour, day = 60 * 60, 24 * 60 * 60
    return {
        "posts_per_ip": RateLimit("post-ip", policy.posts_per_ip_per_hour, hour, TOO_MANY_COMMENTS),
        "posts_per_email": ConfirmedPostsPerAddress(policy.posts_per_email_per_hour),
        "mails_per_ip": RateLimit(
            "mail-ip", policy.confirmation_mails_per_ip_per_hour, hour, TOO_MANY_MAILS_FROM_NETWORK
        ),
        "mails_per_email": RateLimit(
            "mail-email", policy.confirmation_mails_per_email_per_day, day, TOO_MANY_MAILS
        ),
    }


# A blocked commenter's refusal says nothing about the block (`CommentPolicy.blocked_commenters`).
NOT_ACCEPTED = _("Ihr Kommentar konnte nicht angenommen werden.")


def refuses_blocked(policy, email, ip_address):
    """Whether the policy refuses this commenter's comment because of a block."""
    return policy.blocked_commenters == BlockedAs.REFUSE and active_block(email, ip_address) is not None
