"""Readers mark a comment "Hilfreich": one vote per reader and comment, without an account, a cookie or a
stored address. A reader is known only by a keyed hash of their address and the day (`voter_key`), so the
vote table names nobody and cannot be joined with anything else; the count is kept on the comment itself
(`StoryComment.helpful_count`), so the story page asks nothing more for it."""

import datetime

from django.db import models
from django.utils import timezone
from django.utils.crypto import salted_hmac
from django.utils.translation import gettext_lazy as _
from wagtail.contrib.frontend_cache.utils import PurgeBatch

from blog.purging import STORY_PURGE_WINDOW
from core import purging
from core.ratelimit import RateLimit

# Votes are only kept to refuse a second one; the key changes with the day, so older ones refuse nothing.
VOTES_KEPT_DAYS = 3

VOTES_PER_NETWORK_PER_HOUR = 30
TOO_MANY_VOTES = _(
    "Aus Ihrem Netz kamen in der letzten Stunde sehr viele Stimmen. Bitte versuchen Sie es später noch einmal."
)


def voter_key(address, day):
    """HMAC-SHA256 of the reader's full address and the day, with a key derived from SECRET_KEY: the same
    reader gives the same key all day, and nobody can tell the address from it."""
    return salted_hmac("comments.helpful", f"{address}|{day.isoformat()}", algorithm="sha256").hexdigest()


def helpful_rate_limit():
    return RateLimit("helpful-ip", VOTES_PER_NETWORK_PER_HOUR, 60 * 60, TOO_MANY_VOTES)


class HelpfulVote(models.Model):
    """One reader's "Hilfreich" for one comment; the unique pair refuses a second vote."""

    comment = models.ForeignKey(
        "comments.StoryComment", on_delete=models.CASCADE, related_name="helpful_votes"
    )
    voter = models.CharField(max_length=64, editable=False)
    created_at = models.DateTimeField(default=timezone.now, db_index=True)

    class Meta:
        verbose_name = _("Stimme „Hilfreich“")
        verbose_name_plural = _("Stimmen „Hilfreich“")
        constraints = [
            models.UniqueConstraint(fields=["comment", "voter"], name="one_helpful_vote_per_voter")
        ]

    def __str__(self):
        return f"Hilfreich: {self.comment_id}"


def prune_old_votes(now=None):
    """Deletes votes whose key no longer refuses anything (see `VOTES_KEPT_DAYS`); the counts stay."""
    before = (now or timezone.now()) - datetime.timedelta(days=VOTES_KEPT_DAYS)
    deleted, _ = HelpfulVote.objects.filter(created_at__lt=before).delete()
    return deleted


def refresh_story_page(story):
    """A vote only adds to the story's own page: its copies are refreshed behind the readers, at most
    once per window however many votes come in. The listings show no votes and are left alone."""
    batch = PurgeBatch()
    batch.add_page(story)
    purging.purge_urls(batch.urls, withdraw=False, window=STORY_PURGE_WINDOW)
