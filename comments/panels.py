"""A panel for the page editor: how a story's discussion stands, next to the switch that turns it off.
Imported by the page models, so it keeps to the models and Wagtail's panel base."""

from django.db.models import Count, Q
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import Panel

from .models import CommentPolicy, CommentStatus, StoryComment, StoryDiscussion

COUNTED_STATUSES = [CommentStatus.PUBLISHED, CommentStatus.PENDING, CommentStatus.SPAM, CommentStatus.REMOVED]


def comment_counts(story):
    """Comments per status (unconfirmed ones are nobody's business yet) and open reports, in one query."""
    return StoryComment.objects.for_page(story).aggregate(
        **{status: Count("pk", filter=Q(status=status), distinct=True) for status in COUNTED_STATUSES},
        open_reports=Count("reports", filter=Q(reports__resolved_at__isnull=True)),
    )


def as_published(story):
    """The story as readers have it: a draft's change to `comments_enabled` or the date only counts
    once it is published."""
    if not story.live:
        return story
    return type(story).objects.only("comments_enabled", "date").get(pk=story.pk)


def discussion_state(story, policy):
    """Why readers can or cannot comment (`CommentPolicy.closed_because`), with the dates to tell."""
    discussion = StoryDiscussion.objects.filter(page_id=story.pk).select_related("decided_by").first()
    decision = discussion.decision if discussion else None
    state = policy.closed_because(story, decision) or "open"
    return {
        "discussion": discussion,
        "reopened": decision == StoryDiscussion.OPEN,
        "state": state,
        "closed_on": policy.closed_by_age_on(story, decision) if state == "expired" else None,
        "closes_on": policy.closes_on(story) if state == "open" and decision is None else None,
    }


class CommentSummaryPanel(Panel):
    """Read-only counts and state of a story's discussion, with a way into its moderation for those
    who may moderate. Shows nothing while the story is being created."""

    def __init__(self, heading="", icon="comment", **kwargs):
        super().__init__(heading=heading or _("Kommentare"), icon=icon, **kwargs)

    class BoundPanel(Panel.BoundPanel):
        template_name = "comments/admin/comment_summary_panel.html"

        def is_shown(self):
            return self.instance is not None and self.instance.pk is not None

        def get_context_data(self, parent_context=None):
            from .admin_panels import comment_index_url, may_moderate

            context = super().get_context_data(parent_context)
            story = self.instance
            published = as_published(story)
            context.update(
                discussion_state(published, CommentPolicy.for_request(self.request)),
                counts=comment_counts(story),
                draft_differs=(story.comments_enabled, story.date)
                != (published.comments_enabled, published.date),
                moderation_url=comment_index_url(story=story.pk) if may_moderate(self.request.user) else None,
            )
            return context
