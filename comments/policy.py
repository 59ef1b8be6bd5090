"""Our comment policy: which status a new comment gets, and the limits against abuse."""

import hashlib
import ipaddress
import re

from django.core.cache import cache
from django.utils.translation import gettext_lazy as _

from .models import CommentStatus, ModerationMode, StoryComment

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
    return user.has_perm("django_comments.can_moderate") or any(
        author.user_id == user.pk for author in story.authors
    )


def initial_status(comment, policy, *, is_team=False):
    """Spam for disallowed words, held for too many links or by the moderation mode, else published."""
    if is_team:
        return CommentStatus.PUBLISHED
    if contains_disallowed_word(f"{comment.user_name}\n{comment.comment}", policy):
        return CommentStatus.SPAM
    if count_links(comment.comment) > policy.max_links:
        return CommentStatus.PENDING
    if policy.moderation_mode == ModerationMode.POST:
        return CommentStatus.PUBLISHED
    if policy.moderation_mode == ModerationMode.FIRST_TIME and has_published_before(comment):
        return CommentStatus.PUBLISHED
    return CommentStatus.PENDING


def has_published_before(comment):
    earlier = StoryComment.objects.published().exclude(pk=comment.pk)
    if comment.user_id:
        return earlier.filter(user_id=comment.user_id).exists()
    return earlier.filter(user_email__iexact=comment.user_email).exists()


def truncated_ip(address):
    """Enough of the address to spot abuse from a network, not enough to identify a person."""
    try:
        ip = ipaddress.ip_address(address)
    except ValueError:
        return None
    prefix = 24 if ip.version == 4 else 48
    return str(ipaddress.ip_network(f"{ip}/{prefix}", strict=False).network_address)


class RateLimit:
    """Counts events per key in fixed windows in the cache (shared by all app servers in production)."""

    def __init__(self, name, limit, window_seconds, message):
        self.name = name
        self.limit = limit
        self.window = window_seconds
        self.message = message

    def cache_key(self, value):
        digest = hashlib.sha256(str(value).casefold().encode()).hexdigest()[:32]
        return f"comments:rate:{self.name}:{digest}"

    def exceeded(self, value):
        return self.limit is not None and cache.get(self.cache_key(value), 0) >= self.limit

    def hit(self, value):
        key = self.cache_key(value)
        if not cache.add(key, 1, self.window):
            try:
                cache.incr(key)
            except ValueError:
                cache.set(key, 1, self.window)


TOO_MANY_COMMENTS = _(
    "Von Ihnen kamen in kurzer Zeit viele Kommentare. Bitte versuchen Sie es in einer Stunde noch einmal."
)
TOO_MANY_MAILS = _(
    "An diese Adresse haben wir heute schon mehrere Bestätigungsmails geschickt. "
    "Bitte nutzen Sie zuerst den Link in einer davon oder versuchen Sie es morgen noch einmal."
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


def rate_limits(policy):
    hour, day = 60 * 60, 24 * 60 * 60
    return {
        "posts_per_ip": RateLimit("post-ip", policy.posts_per_ip_per_hour, hour, TOO_MANY_COMMENTS),
        "posts_per_email": RateLimit("post-email", policy.posts_per_email_per_hour, hour, TOO_MANY_COMMENTS),
        "mails_per_ip": RateLimit(
            "mail-ip", policy.confirmation_mails_per_ip_per_hour, hour, TOO_MANY_MAILS_FROM_NETWORK
        ),
        "mails_per_email": RateLimit(
            "mail-email", policy.confirmation_mails_per_email_per_day, day, TOO_MANY_MAILS
        ),
    }
