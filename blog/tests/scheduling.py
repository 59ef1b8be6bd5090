"""Stories an editor scheduled, and the clock moved past their dates, for the tests of scheduled
publishing and of the dashboard's "Geplant" panel."""

import datetime

from django.utils import timezone

from blog.models import StoryPage


def schedule(story, minutes_ahead=60, user=None):
    """What "Veröffentlichen" with a go-live date does: the revision waits for its time."""
    story.go_live_at = timezone.now() + datetime.timedelta(minutes=minutes_ahead)
    revision = story.save_revision(user=user)
    revision.publish(user=user)
    return revision


def make_overdue(revision, minutes_ago=5):
    """The go-live time of a scheduled revision lies `minutes_ago` in the past."""
    moment = timezone.now() - datetime.timedelta(minutes=minutes_ago)
    revision.content["go_live_at"] = moment.isoformat()
    revision.approved_go_live_at = moment
    revision.save(update_fields=["content", "approved_go_live_at"])
    StoryPage.objects.filter(pk=revision.object_id).update(go_live_at=moment)


def expire(story, minutes_ago=5):
    """The expiry date of a live story lies `minutes_ago` in the past."""
    StoryPage.objects.filter(pk=story.pk).update(
        expire_at=timezone.now() - datetime.timedelta(minutes=minutes_ago)
    )
