"""The dashboard's first panel for those who write: a new story one click away, and the editor's own
stories still in the works (drafts, in review), newest change first, in one query."""

from django.db.models import Q
from django.urls import reverse
from wagtail.admin.ui.components import Component

from ..models import StoryPage
from .statuses import UNFINISHED, status_label, with_status

SHOWN = 5


def unfinished_stories_of(user):
    """Stories `user` created or changed last that are not yet out as they stand."""
    stories = StoryPage.objects.filter(Q(owner=user) | Q(latest_revision__user=user))
    return with_status(stories).filter(status__in=UNFINISHED).order_by("-latest_revision_created_at", "-pk")


class MyStoriesPanel(Component):
    name = "my_stories"
    template_name = "blog/admin/my_stories_panel.html"
    order = 50  # first: above the comments (100) and "Geplant" (190)

    def get_context_data(self, parent_context):
        stories = list(unfinished_stories_of(parent_context["request"].user)[:SHOWN])
        for story in stories:
            story.status_label = status_label(story)
        return {
            "stories": stories,
            "new_story_url": reverse("geschichten:choose_parent"),
            "listing_url": reverse("geschichten:index"),
        }
