"""Which status a new comment gets under the comment policy, and the limits against abuse."""

import datetime
import re
from typing import NamedTuple

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.ratelimit import RateLimit

from .dsa.grounds import LINKS, WORD_LIST
from .models import ModerationMode, StoryComment
from .permissions import is_moderator
from .statuses import CommentStatus

LINK_PATTERN = re.compile(r"(https?://|www\.)\S+", re.IGNORECASE)


def count_links(text):
    return len(LINK_PATTERN.findall(text))


def contains_disallowed_word(text, policy):
    folded = text.casefold()
    return any(word in folded for word in policy.disallowed_word_list)


def is_team_member(user, story):
    """Moderators answer as the team; so do the story's authors when they are linked to a login."""
    if not user or not user.is_authenticated:
        return False
    return is_moderator(user) or any(author.user_id == user.pk for author in story.authors)


class Screening(NamedTuple):
    """The status a new comment gets, and the rule behind it when a rule caught it (the code of its
    `DecisionGround`): such a decision is an automated one the commenter may be told about."""

    status: str
    rule: str = ""


def screen(comment, policy, *, is_team=False):
    """Spam for disallowed words, held for too many links or by the moderation mode, else published."""
    if is_team:
        return Screening(CommentStatus.PUBLISHED)
    if contains_disallowed_word(f"{comment.user_name}\n{comment.comment}", policy):
        return Screening(CommentStatus.SPAM, WORD_LIST)
    if count_links(comment.comment) > policy.max_links:
        return Screening(CommentStatus.PENDING, LINKS)
    if policy.moderation_mode == ModerationMode.POST:
        return Screening(CommentStatus.PUBLISHED)
    if policy.moderation_mode == ModerationMode.FIRST_TIME and has_published_before(comment):
        return Screening(CommentStatus.PUBLISHED)
    return Screening(CommentStatus.PENDING)


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
