"""How long notices and objections keep what identifies people and what was reported: once their decision
is `ModerationSettings.evidence_kept_days` old (and at least as long as it could still be contested), a
notice keeps only its kind, dates and outcome, an objection only its dates and outcome, which is all the
transparency report counts. Undecided notices and unanswered objections keep everything; so do the
notices of a decision whose objection is still open or recently answered, for the person reviewing it."""

import datetime

from django.db import transaction
from django.db.models import Exists, OuterRef, Q
from django.utils import timezone

from .models import ContentNotice, ModerationSettings, Objection


def retention_cutoff(now):
    settings = ModerationSettings.load()
    days = max(settings.evidence_kept_days, settings.objection_days)
    return now - datetime.timedelta(days=days)


def prune_moderation_records(now=None):
    """Clears what has been kept long enough; returns how many notices and objections were pruned."""
    now = now or timezone.now()
    cutoff = retention_cutoff(now)
    still_reviewed = Objection.objects.filter(decision=OuterRef("decision")).filter(
        Q(answer__isnull=True) | Q(answer__decided_at__gte=cutoff)
    )
    notices = (
        ContentNotice.objects.filter(decision__decided_at__lt=cutoff)
        .exclude(Exists(still_reviewed))
        .exclude(evidence_text="", explanation="", notifier_name="", notifier_email="")
    )
    objections = Objection.objects.filter(answer__decided_at__lt=cutoff).exclude(text="", email="")
    with transaction.atomic():
        pruned_notices = notices.update(
            evidence_text="", explanation="", notifier_name="", notifier_email="", pruned_at=now
        )
        pruned_objections = objections.update(text="", email="", pruned_at=now)
    return pruned_notices, pruned_objections
