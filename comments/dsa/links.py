"""The signed link in a statement of reasons (and in a notifier's answer) that lets its reader object to
the decision once, while `ModerationSettings.objection_days` allow. The link names only the decision
(and the notice), never a person; that it is used up is kept in the database (one `Objection` per party)."""

from django.core import signing
from django.urls import reverse
from django.utils import timezone

from comments.mails import absolute_url

from .models import ContentNotice, ModerationDecision, ModerationSettings, Party

OBJECTION_SALT = "comments.dsa.objection"


def objection_token(decision, notice=None):
    """For the commenter (no notice) or for the notifier of `notice`."""
    return signing.dumps([decision.pk, notice.pk if notice else 0], salt=OBJECTION_SALT)


def objection_url(decision, notice=None):
    return absolute_url(reverse("comments:object", args=[objection_token(decision, notice)]))


def objection_deadline(decision):
    return ModerationSettings.load().objection_deadline(decision)


class ObjectionLink:
    """What a valid link stands for: the decision, the party and, for a notifier, their notice."""

    def __init__(self, decision, notice):
        self.decision = decision
        self.notice = notice
        self.party = Party.NOTIFIER if notice else Party.COMMENTER

    @property
    def used(self):
        return self.decision.objections.filter(party=self.party, notice=self.notice).exists()

    @property
    def deadline(self):
        return objection_deadline(self.decision)

    @property
    def expired(self):
        return timezone.now() > self.deadline


def objection_link_for(token):
    """The link's `ObjectionLink`, or None for a forged or mangled one (used and expired links are
    recognised, so that their page can say so)."""
    try:
        decision_pk, notice_pk = signing.loads(token, salt=OBJECTION_SALT)
    except (signing.BadSignature, TypeError, ValueError):
        return None
    decision = ModerationDecision.objects.select_related("comment").filter(pk=decision_pk).first()
    if decision is None:
        return None
    notice = None
    if notice_pk:
        notice = ContentNotice.objects.filter(pk=notice_pk, decision=decision).first()
        if notice is None:
            return None
    return ObjectionLink(decision, notice)
