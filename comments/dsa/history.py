"""A comment's DSA history as the moderators read it on its detail page: notices, decisions and objections
in the order they happened, each answer beside the objection it answers. Three queries, however long."""

from dataclasses import dataclass
from datetime import datetime

from .models import ContentNotice, ModerationDecision, Objection


@dataclass
class Event:
    at: datetime
    kind: str  # "notice", "decision" or "objection"
    item: ContentNotice | ModerationDecision | Objection
    # For a decision that answers an objection: that objection.
    answering: Objection | None = None


# Of things that happened in the same instant, a notice comes before the decision that settles it, and a
# decision before the objection to it.
ORDER = {"notice": 0, "decision": 1, "objection": 2}


def history_of(comment):
    notices = list(comment.legal_notices.all())
    decisions = list(comment.decisions.select_related("decided_by"))
    objections = list(
        Objection.objects.filter(decision__comment=comment).select_related("notice", "answer", "decision")
    )
    answered = {objection.answer_id: objection for objection in objections if objection.answer_id}
    events = [Event(notice.created_at, "notice", notice) for notice in notices]
    events += [
        Event(decision.decided_at, "decision", decision, answering=answered.get(decision.pk))
        for decision in decisions
    ]
    events += [Event(objection.created_at, "objection", objection) for objection in objections]
    return sorted(events, key=lambda event: (event.at, ORDER[event.kind], event.item.pk))
