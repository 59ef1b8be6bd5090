"""A story's editorial status in plain words, worked out by the database in the query that fetches the
stories: the listing shows it and filters by it without a query per story."""

from django.db import models
from django.db.models import CharField, Exists, OuterRef, Q, Subquery, Value
from django.db.models.functions import Cast
from django.utils import formats, timezone
from django.utils.translation import gettext, pgettext_lazy
from wagtail.models import Revision, WorkflowState, get_default_page_content_type


class StoryStatus(models.TextChoices):
    # With a context, so that Wagtail's German catalog does not take "Live" for its English word and
    # turn it into "Veröffentlicht".
    DRAFT = "entwurf", pgettext_lazy("story status", "Entwurf")
    IN_REVIEW = "in-freigabe", pgettext_lazy("story status", "In Freigabe")
    SCHEDULED = "geplant", pgettext_lazy("story status", "Geplant")
    LIVE = "live", pgettext_lazy("story status", "Live")
    LIVE_WITH_DRAFT = "live-mit-entwurf", pgettext_lazy("story status", "Live, mit Entwurf")
    LIVE_CHANGES_IN_REVIEW = "live-in-freigabe", pgettext_lazy("story status", "Live, Änderungen in Freigabe")
    LIVE_CHANGES_SCHEDULED = "live-geplant", pgettext_lazy("story status", "Live, Änderungen geplant")
    EXPIRED = "abgelaufen", pgettext_lazy("story status", "Abgelaufen")
    OFFLINE = "offline", pgettext_lazy("story status", "Offline")


# Still on someone's desk: written but not yet out, or waiting for approval.
UNFINISHED = [
    StoryStatus.DRAFT,
    StoryStatus.IN_REVIEW,
    StoryStatus.LIVE_WITH_DRAFT,
    StoryStatus.LIVE_CHANGES_IN_REVIEW,
]


def page_key():
    """A page's id as revisions and workflow states name it: a string."""
    return Cast(OuterRef("pk"), output_field=CharField())


def with_status(stories):
    """`stories` annotated with `status` (a `StoryStatus` value) and `scheduled_at` (the go-live time of
    an approved revision, if any). The order of the cases follows Wagtail's own status tag: a schedule
    outranks a review, and a review outranks unpublished changes."""
    in_review = Exists(
        WorkflowState.objects.filter(
            base_content_type=get_default_page_content_type(),
            object_id=page_key(),
            status=WorkflowState.STATUS_IN_PROGRESS,
        )
    )
    scheduled_at = Subquery(
        Revision.page_revisions.filter(object_id=page_key(), approved_go_live_at__isnull=False)
        .order_by("approved_go_live_at")
        .values("approved_go_live_at")[:1]
    )
    stories = stories.annotate(scheduled_at=scheduled_at, in_review=in_review)
    offline = Q(live=False)
    return stories.annotate(
        status=models.Case(
            models.When(offline & Q(expired=True), then=Value(StoryStatus.EXPIRED)),
            models.When(offline & Q(scheduled_at__isnull=False), then=Value(StoryStatus.SCHEDULED)),
            models.When(offline & Q(in_review=True), then=Value(StoryStatus.IN_REVIEW)),
            # Published once, then taken down by hand.
            models.When(offline & Q(last_published_at__isnull=False), then=Value(StoryStatus.OFFLINE)),
            models.When(offline, then=Value(StoryStatus.DRAFT)),
            models.When(scheduled_at__isnull=False, then=Value(StoryStatus.LIVE_CHANGES_SCHEDULED)),
            models.When(in_review=True, then=Value(StoryStatus.LIVE_CHANGES_IN_REVIEW)),
            models.When(has_unpublished_changes=True, then=Value(StoryStatus.LIVE_WITH_DRAFT)),
            default=Value(StoryStatus.LIVE),
            output_field=CharField(),
        )
    )


def status_label(story):
    """The status of a story from `with_status()` as editors read it, with the go-live time of a
    scheduled one ("Geplant ab 14.03.2026 10:00")."""
    status = StoryStatus(story.status)
    if status == StoryStatus.SCHEDULED:
        return gettext("Geplant ab %(when)s") % {"when": go_live(story)}
    if status == StoryStatus.LIVE_CHANGES_SCHEDULED:
        return gettext("Live, Änderungen geplant ab %(when)s") % {"when": go_live(story)}
    return status.label


def go_live(story):
    return formats.date_format(timezone.localtime(story.scheduled_at), "SHORT_DATETIME_FORMAT")
