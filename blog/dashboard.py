"""The dashboard's "Geplant" panel: what the schedule will publish and unpublish next, and an alarm when a
go-live or expiry time has passed without the story going live or offline (then `publish_scheduled` is not
running)."""

import datetime

from django.contrib.contenttypes.models import ContentType
from django.db.models import CharField
from django.db.models.functions import Cast
from django.utils import timezone
from wagtail.admin.ui.components import Component
from wagtail.models import Revision
from wagtail.permission_policies.pages import PagePermissionPolicy

from .models import StoryPage

# The schedule runs every minute; a go-live or expiry this much older than now has been missed.
GRACE = datetime.timedelta(minutes=2)
SHOWN = 10


def editable_story_ids(user):
    pages = PagePermissionPolicy().instances_user_has_any_permission_for(user, ["change", "publish"])
    return StoryPage.objects.filter(pk__in=pages.values("pk")).values("pk")


def scheduled_publications(user):
    """Revisions of stories the user may edit waiting for their go-live time, the earliest first."""
    # Revisions name their object by a string key.
    story_keys = editable_story_ids(user).annotate(key=Cast("pk", CharField())).values("key")
    return (
        Revision.objects.filter(
            content_type=ContentType.objects.get_for_model(StoryPage),
            object_id__in=story_keys,
            approved_go_live_at__isnull=False,
        )
        .select_related("user")
        .order_by("approved_go_live_at")
    )


def scheduled_expiries(user):
    """Live stories the user may edit with an expiry date, the earliest first, with who published them."""
    return (
        StoryPage.objects.live()
        .filter(pk__in=editable_story_ids(user), expire_at__isnull=False)
        .select_related("live_revision__user")
        .order_by("expire_at")
    )


class ScheduledPanel(Component):
    name = "scheduled_stories"
    template_name = "blog/admin/scheduled_panel.html"
    order = 190

    def get_context_data(self, parent_context):
        user = parent_context["request"].user
        missed_before = timezone.now() - GRACE
        publications = list(scheduled_publications(user)[:SHOWN])
        for revision in publications:
            revision.missed = revision.approved_go_live_at < missed_before
            revision.page_id = int(revision.object_id)
        expiries = list(scheduled_expiries(user)[:SHOWN])
        for story in expiries:
            story.missed = story.expire_at < missed_before
        return {
            "publications": publications,
            "missed": [revision for revision in publications if revision.missed],
            "missed_expiries": [story for story in expiries if story.missed],
            "expiries": expiries,
        }
